import assert from 'node:assert/strict';
import Ajv from 'ajv';
import profilesSchema from '../../../schemas/braze-profiles.schema.json';
import { toEighteenCharId } from '../connected-content/salesforce-id';
import { MAX_FILE_PROBLEMS } from '../util/file-problem';
import {
  BUILTIN_EDGE_PROFILES,
  NAMESPACES,
  parseProfiles,
  type Profile,
  STANDARD_ATTRIBUTES,
  toLiquidScope,
} from './index';

/** Same settings as the project's shared ajv factory (src/core/schema). */
function createStrictAjv(): Ajv {
  const ajv = new Ajv({ allErrors: true, strict: true });
  ajv.addVocabulary([
    'markdownDescription',
    'defaultSnippets',
    'enumDescriptions',
    'markdownEnumDescriptions',
    'patternErrorMessage',
    'deprecationMessage',
    'errorMessage',
  ]);
  return ajv;
}

const ANN = { external_id: 'ann-1', first_name: 'Ann', email: 'ann@example.com' };
const BOB = { external_id: 'bob-2', first_name: 'Bob' };

function onlyProfile(text: string): Profile {
  const { profiles, problems } = parseProfiles(text);
  assert.deepEqual(problems, []);
  assert.equal(profiles.length, 1);
  return profiles[0];
}

/** The exact text a problem's range covers. */
function highlighted(text: string, problem: { startIndex: number; endIndex: number }): string {
  return text.slice(problem.startIndex, problem.endIndex);
}

describe('parseProfiles', () => {
  describe('file shapes', () => {
    it('reads the whole export response', () => {
      const { profiles, problems } = parseProfiles(JSON.stringify({ message: 'success', users: [ANN, BOB] }));
      assert.deepEqual(problems, []);
      assert.deepEqual(profiles.map((p) => p.user), [ANN, BOB]);
      assert.deepEqual(profiles.map((p) => p.index), [1, 2]);
    });

    it('reads an array of users', () => {
      const { profiles, problems } = parseProfiles(JSON.stringify([ANN, BOB]));
      assert.deepEqual(problems, []);
      assert.deepEqual(profiles.map((p) => p.user), [ANN, BOB]);
    });

    it('reads one user object', () => {
      const profile = onlyProfile(JSON.stringify(ANN));
      assert.deepEqual(profile.user, ANN);
      assert.equal(profile.index, 1);
    });

    it('gives each user the raw range of its object', () => {
      const text = `{\n  "message": "success",\n  "users": [\n    ${JSON.stringify(ANN)},\n    ${JSON.stringify(BOB)}\n  ]\n}`;
      const { profiles } = parseProfiles(text);
      for (const profile of profiles) {
        assert.deepEqual(JSON.parse(text.slice(profile.range.start, profile.range.end)), profile.user);
      }
    });

    it('reports invalid_user_ids as info and keeps the users', () => {
      const text = JSON.stringify({ message: 'success', users: [ANN], invalid_user_ids: ['ghost-1', 'ghost-2'] });
      const { profiles, problems } = parseProfiles(text);
      assert.equal(profiles.length, 1);
      assert.equal(problems.length, 1);
      assert.equal(problems[0].severity, 'info');
      assert.match(problems[0].message, /"ghost-1", "ghost-2"/);
      assert.equal(highlighted(text, problems[0]), '["ghost-1","ghost-2"]');
    });

    it('warns about an export with no users', () => {
      const { profiles, problems } = parseProfiles('{"message": "success", "users": []}');
      assert.deepEqual(profiles, []);
      assert.equal(problems[0].code, 'no-users');
    });
  });

  describe('labels', () => {
    const cases: Array<[string, Record<string, unknown>, string, string | undefined]> = [
      ['external_id first', { external_id: 'x-1', email: 'a@b.c', braze_id: 'bz' }, 'x-1', 'x-1'],
      ['then email', { email: 'a@b.c', braze_id: 'bz' }, 'a@b.c', undefined],
      ['then braze_id', { braze_id: 'bz' }, 'bz', undefined],
      ['then #index', { first_name: 'Nobody' }, '#2', undefined],
      ['an empty external_id does not count', { external_id: '', email: 'a@b.c' }, 'a@b.c', undefined],
    ];
    for (const [name, user, label, externalId] of cases) {
      it(name, () => {
        const { profiles } = parseProfiles(JSON.stringify([ANN, user]));
        assert.deepEqual(profiles[1].ref, externalId === undefined ? { index: 2, label } : { index: 2, external_id: externalId, label });
      });
    }
  });

  describe('problems', () => {
    it('reports malformed JSON at the error offset without throwing', () => {
      const text = '[{"first_name": "Ann" "last_name": "Lee"}]';
      const { problems } = parseProfiles(text);
      const syntax = problems.find((p) => p.code === 'json-syntax');
      assert.ok(syntax);
      assert.equal(syntax.severity, 'error');
      assert.equal(syntax.startIndex, text.indexOf('"last_name"'));
    });

    it('reports an unterminated document at its end', () => {
      const text = '{"users": [{"first_name": "Ann"}';
      const { problems } = parseProfiles(text);
      assert.ok(problems.some((p) => p.code === 'json-syntax' && p.startIndex === text.length));
    });

    it('recognises a Braze error response and says so', () => {
      const text = '{"message": "Invalid API key"}';
      const { profiles, problems } = parseProfiles(text);
      assert.deepEqual(profiles, []);
      assert.equal(problems.length, 1);
      assert.equal(problems[0].code, 'error-response');
      assert.equal(problems[0].severity, 'error');
      assert.match(problems[0].message, /Braze error response \("Invalid API key"\), not user profiles/);
      assert.equal(highlighted(text, problems[0]), '"Invalid API key"');
    });

    it('recognises an error response with an errors array', () => {
      const { problems } = parseProfiles('{"errors": [{"message": "fields_to_export is required"}]}');
      assert.equal(problems[0].code, 'error-response');
      assert.match(problems[0].message, /fields_to_export is required/);
    });

    it('skips a user that is not an object, keeps the others and their positions', () => {
      const text = JSON.stringify(['not a user', ANN]);
      const { profiles, problems } = parseProfiles(text);
      assert.equal(problems.length, 1);
      assert.equal(problems[0].severity, 'warning');
      assert.equal(highlighted(text, problems[0]), '"not a user"');
      assert.equal(profiles.length, 1);
      assert.equal(profiles[0].index, 2);
    });

    it('warns at a wrongly typed field and keeps the value as given', () => {
      const text = '{"external_id": "x", "first_name": 42, "custom_attributes": ["Acme"]}';
      const { profiles, problems } = parseProfiles(text);
      assert.deepEqual(
        problems.map((p) => [p.code, p.severity, highlighted(text, p)]),
        [
          ['wrong-type', 'warning', '42'],
          ['wrong-type', 'warning', '["Acme"]'],
        ],
      );
      assert.match(problems[0].message, /"first_name" should be a string/);
      assert.equal(profiles[0].user.first_name, 42);
    });

    it('accepts null for any export field (the export writes unset fields as null)', () => {
      onlyProfile('{"external_id": "x", "first_name": null, "custom_attributes": null, "apps": null}');
    });

    it('warns about Liquid tag names used as export fields', () => {
      const text = '{"external_id": "x", "email_address": "a@b.c"}';
      const { problems } = parseProfiles(text);
      assert.equal(problems[0].code, 'liquid-name-as-field');
      assert.equal(highlighted(text, problems[0]), '"email_address"');
      assert.match(problems[0].message, /"email"/);
    });

    it('warns about message-context values outside message_context', () => {
      const { problems } = parseProfiles('{"external_id": "x", "event_properties": {"plan": "pro"}}');
      assert.equal(problems[0].code, 'belongs-in-message-context');
    });

    it('checks message_context keys and suggests the closest one', () => {
      const text = '{"message_context": {"event_property": {}, "campaign": "Spring"}}';
      const { problems } = parseProfiles(text);
      assert.deepEqual(
        problems.map((p) => [p.code, highlighted(text, p)]),
        [
          ['unknown-message-context-key', '"event_property"'],
          ['wrong-type', '"Spring"'],
        ],
      );
      assert.match(problems[0].message, /Did you mean "event_properties"\?/);
    });

    it('warns about duplicate external_ids', () => {
      const { problems } = parseProfiles(JSON.stringify([ANN, ANN]));
      assert.equal(problems[0].code, 'duplicate-external-id');
    });

    it('rejects other top-level values', () => {
      const { profiles, problems } = parseProfiles('"hello"');
      assert.deepEqual(profiles, []);
      assert.equal(problems[0].code, 'not-profiles');
    });
  });

  describe('hostile input', () => {
    it('strips a BOM: offsets are those of the text without it', () => {
      const text = '[{"external_id": "x", "first_name": 42}]';
      const plain = parseProfiles(text);
      const withBom = parseProfiles(`\uFEFF${text}`);
      assert.deepEqual(withBom, plain);
      assert.equal(highlighted(text, withBom.problems[0]), '42');
    });

    it('does not throw on 100000 levels of nested arrays', () => {
      const text = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
      const { profiles, problems } = parseProfiles(text);
      assert.deepEqual(profiles, []);
      assert.equal(problems[0].severity, 'error');
    });

    it('does not throw on 100000 levels of nested objects inside a user', () => {
      const text = `{"custom_attributes": ${'{"a":'.repeat(100_000)}1${'}'.repeat(100_000)}}`;
      assert.doesNotThrow(() => parseProfiles(text));
    });

    it('caps the problems of a huge array', () => {
      const text = JSON.stringify(Array.from({ length: 100_000 }, () => 1));
      const { profiles, problems } = parseProfiles(text);
      assert.deepEqual(profiles, []);
      assert.equal(problems.length, MAX_FILE_PROBLEMS + 1);
      assert.match(problems.at(-1)?.message ?? '', /99800 more problem/);
    });

    it('keeps "__proto__" and "constructor" keys as plain data', () => {
      const profile = onlyProfile('{"external_id": "x", "__proto__": {"first_name": "Evil"}, "constructor": 1}');
      assert.equal(Object.getPrototypeOf(profile.user), Object.prototype);
      assert.deepEqual(Object.keys(profile.user), ['external_id', '__proto__', 'constructor']);
      assert.equal(toLiquidScope(profile).first_name, undefined);
    });
  });
});

describe('toLiquidScope', () => {
  const user = {
    external_id: '00QKY000001LyJR2A0',
    braze_id: '5cb6b1c8a5c2f7001a7b3f11',
    first_name: 'Ann',
    last_name: 'Lee',
    email: 'ann.lee@example.com',
    phone: '+14155550100',
    home_city: 'Lyon',
    country: 'FR',
    dob: '1990-04-01',
    language: 'fr',
    time_zone: 'Europe/Paris',
    gender: 'F',
    random_bucket: 4242,
    email_subscribe: 'opted_in',
    custom_attributes: { company: 'Acme', 'zip code': '69001', address: { city: 'Lyon' } },
    apps: [
      { name: 'Old', version: '1.0', last_used: '2024-01-01T00:00:00.000Z' },
      { name: 'Main', version: '2.3.1', last_used: '2025-06-01T10:00:00.000Z' },
      { name: 'Older', version: '0.9', last_used: '2023-01-01T00:00:00.000Z' },
    ],
    devices: [{ model: 'iPhone 15', os: 'iOS 17.2', carrier: 'Orange', device_id: 'dev-1', ad_tracking_enabled: true }],
    message_context: {
      event_properties: { plan: 'pro' },
      api_trigger_properties: { source: 'api' },
      canvas: { name: 'Onboarding' },
      campaign: { name: 'Lead sync' },
      context: { step: 2 },
      canvas_entry_properties: { step: 1 },
      subscribed_state: { '0ab5a6c2-sub-group': 'subscribed' },
      most_recent_locale: 'fr_FR',
      most_recent_location: '45.76, 4.84',
      targeted_device: { platform: 'ios' },
      app: { name: 'Main' },
    },
  };
  const scope = toLiquidScope(onlyProfile(JSON.stringify(user)));

  const mappings: Array<[string, unknown]> = [
    ['user_id', '00QKY000001LyJR2A0'],
    ['braze_id', '5cb6b1c8a5c2f7001a7b3f11'],
    ['first_name', 'Ann'],
    ['last_name', 'Lee'],
    ['email_address', 'ann.lee@example.com'],
    ['phone_number', '+14155550100'],
    ['city', 'Lyon'],
    ['country', 'FR'],
    ['date_of_birth', '1990-04-01'],
    ['language', 'fr'],
    ['time_zone', 'Europe/Paris'],
    ['gender', 'F'],
    ['random_bucket_number', 4242],
    ['most_recent_app_version', '2.3.1'],
    ['last_used_app_date', '2025-06-01T10:00:00.000Z'],
    [
      'most_recently_used_device',
      { id: 'dev-1', carrier: 'Orange', model: 'iPhone 15', os: 'iOS 17.2', ad_tracking_enabled: true, platform: 'ios' },
    ],
    ['custom_attribute', { company: 'Acme', 'zip code': '69001', address: { city: 'Lyon' } }],
    ['subscribed_state', { email_global: 'opted_in', '0ab5a6c2-sub-group': 'subscribed' }],
    ['event_properties', { plan: 'pro' }],
    ['api_trigger_properties', { source: 'api' }],
    ['canvas', { name: 'Onboarding' }],
    ['campaign', { name: 'Lead sync' }],
    ['context', { step: 2 }],
    ['canvas_entry_properties', { step: 1 }],
    ['targeted_device', { platform: 'ios' }],
    ['app', { name: 'Main' }],
    ['most_recent_locale', 'fr_FR'],
    ['most_recent_location', '45.76, 4.84'],
  ];
  for (const [tag, expected] of mappings) {
    it(`maps ${tag}`, () => assert.deepEqual(scope[tag], expected));
  }

  it('has exactly the mapped keys, no export names', () => {
    assert.deepEqual(Object.keys(scope).sort(), mappings.map(([tag]) => tag).sort());
  });

  it('leaves missing and null fields absent', () => {
    assert.deepEqual(toLiquidScope(onlyProfile('{"first_name": null, "apps": [], "devices": []}')), {});
    assert.deepEqual(toLiquidScope({ index: 1, user: {}, ref: { index: 1, label: '#1' }, range: { start: 0, end: 0 } }), {});
  });

  it('prefers message_context.most_recently_used_device over devices[0]', () => {
    const profile = onlyProfile(
      JSON.stringify({ devices: [{ os: 'Android 14' }], message_context: { most_recently_used_device: { platform: 'web', browser: 'Firefox' } } }),
    );
    assert.deepEqual(toLiquidScope(profile).most_recently_used_device, { platform: 'web', browser: 'Firefox' });
  });

  it('infers platform from os only when it is clear', () => {
    const platformOf = (os: string) =>
      (toLiquidScope(onlyProfile(JSON.stringify({ devices: [{ os }] }))).most_recently_used_device as Record<string, unknown>).platform;
    assert.equal(platformOf('Android (Q)'), 'android');
    assert.equal(platformOf('iPadOS 17'), 'ios');
    assert.equal(platformOf('tvOS 17'), 'tvos');
    assert.equal(platformOf('Mac OS X'), undefined);
  });

  it('keeps message_context.subscribed_state.email_global over email_subscribe', () => {
    const profile = onlyProfile(JSON.stringify({ email_subscribe: 'opted_in', message_context: { subscribed_state: { email_global: 'unsubscribed' } } }));
    assert.deepEqual(toLiquidScope(profile).subscribed_state, { email_global: 'unsubscribed' });
  });

  it('uses the first app when no last_used date parses', () => {
    const profile = onlyProfile(JSON.stringify({ apps: [{ version: '1.0' }, { version: '2.0', last_used: 'yesterday' }] }));
    assert.equal(toLiquidScope(profile).most_recent_app_version, '1.0');
  });

  it('ignores structured fields of the wrong type', () => {
    const { profiles } = parseProfiles('{"custom_attributes": "Acme", "apps": {}, "devices": "x", "message_context": []}');
    assert.deepEqual(toLiquidScope(profiles[0]), {});
  });
});

describe('STANDARD_ATTRIBUTES and NAMESPACES', () => {
  it('lists every standard tag of Braze’s supported-tags table with its export field', () => {
    assert.deepEqual(
      STANDARD_ATTRIBUTES.map((a) => a.tag),
      [
        'city',
        'country',
        'date_of_birth',
        'email_address',
        'first_name',
        'gender',
        'language',
        'last_name',
        'last_used_app_date',
        'most_recent_app_version',
        'most_recent_locale',
        'most_recent_location',
        'phone_number',
        'time_zone',
        'user_id',
        'braze_id',
        'random_bucket_number',
      ],
    );
    for (const attribute of STANDARD_ATTRIBUTES) {
      assert.ok(attribute.description.length > 0, attribute.tag);
      assert.ok(attribute.exportField.length > 0, attribute.tag);
    }
  });

  it('agrees with toLiquidScope on every standard tag', () => {
    const scope = toLiquidScope(
      onlyProfile(
        JSON.stringify({
          home_city: 'c',
          country: 'c',
          dob: 'c',
          email: 'c',
          first_name: 'c',
          gender: 'c',
          language: 'c',
          last_name: 'c',
          apps: [{ version: 'c', last_used: 'c' }],
          message_context: { most_recent_locale: 'c', most_recent_location: 'c' },
          phone: 'c',
          time_zone: 'c',
          external_id: 'c',
          braze_id: 'c',
          random_bucket: 1,
        }),
      ),
    );
    for (const { tag } of STANDARD_ATTRIBUTES) assert.notEqual(scope[tag], undefined, tag);
  });

  it('lists every namespace, with descriptions', () => {
    assert.deepEqual(
      NAMESPACES.map((n) => n.name),
      [
        'custom_attribute',
        'campaign',
        'canvas',
        'event_properties',
        'api_trigger_properties',
        'canvas_entry_properties',
        'context',
        'subscribed_state',
        'most_recently_used_device',
        'targeted_device',
        'app',
        'content_blocks',
      ],
    );
    assert.ok(NAMESPACES.every((n) => n.description.length > 0));
    assert.equal(NAMESPACES.find((n) => n.name === 'canvas_entry_properties')?.legacy, true);
    assert.deepEqual(NAMESPACES.filter((n) => !n.inWebhooks).map((n) => n.name), ['targeted_device', 'app']);
  });
});

describe('BUILTIN_EDGE_PROFILES', () => {
  const { profiles, problems } = parseProfiles(JSON.stringify(BUILTIN_EDGE_PROFILES));
  const byId = new Map(profiles.map((p) => [p.ref.label, p.user as Record<string, unknown> & { custom_attributes: Record<string, unknown> }]));

  it('parses without problems', () => assert.deepEqual(problems, []));

  it('is frozen', () => {
    assert.ok(Object.isFrozen(BUILTIN_EDGE_PROFILES));
    assert.ok(Object.isFrozen(BUILTIN_EDGE_PROFILES[0]));
  });

  it('covers quotes, backslashes, accents and emoji', () => {
    const names = profiles.map((p) => `${p.user.first_name} ${p.user.last_name ?? ''}`);
    assert.ok(names.some((n) => n.includes("O'Brien")));
    assert.ok(names.some((n) => n.includes('Ann "Annie"')));
    assert.ok(names.some((n) => n.includes('José Núñez')));
    assert.ok(names.some((n) => n.includes('Zoë')));
    assert.ok(names.some((n) => /\p{Extended_Pictographic}/u.test(n)));
    assert.ok(profiles.some((p) => String((p.user.custom_attributes as Record<string, unknown>).company).includes('\\')));
  });

  it('covers missing last name and missing company', () => {
    assert.ok(profiles.some((p) => !('last_name' in p.user)));
    assert.ok(profiles.some((p) => !('company' in (p.user.custom_attributes as object))));
  });

  it('covers values over the Lead field limits and a plus-sign email', () => {
    assert.ok(profiles.some((p) => String(p.user.first_name).length > 40));
    assert.ok(profiles.some((p) => String((p.user.custom_attributes as Record<string, unknown>).company).length > 255));
    assert.ok(profiles.some((p) => String(p.user.email).includes('+')));
  });

  it('has one valid and one invalid 18-character Lead Id', () => {
    assert.ok(byId.has('00QKY000001LyJR2A0'));
    assert.equal(toEighteenCharId('00QKY000001LyJR'), '00QKY000001LyJR2A0');
    const invalid = profiles.map((p) => p.ref.label).filter((id) => id.startsWith('00Q') && id !== '00QKY000001LyJR2A0');
    assert.equal(invalid.length, 1);
    assert.notEqual(toEighteenCharId(invalid[0].slice(0, 15)), invalid[0]);
  });
});

describe('schemas/braze-profiles.schema.json', () => {
  const validate = createStrictAjv().compile(profilesSchema);

  /** Shaped like the example response of POST /users/export/ids in Braze's docs. */
  const realisticExport = {
    message: 'success',
    users: [
      {
        created_at: '2023-03-14T09:26:53.000Z',
        external_id: '00QKY000001LyJR2A0',
        user_aliases: [{ alias_name: 'ann-crm', alias_label: 'crm_id' }],
        braze_id: '5cb6b1c8a5c2f7001a7b3f11',
        first_name: 'Ann',
        last_name: 'Lee',
        email: 'ann.lee@example.com',
        dob: '1990-04-01',
        home_city: 'Lyon',
        country: 'FR',
        phone: '+33612345678',
        language: 'fr',
        time_zone: 'Europe/Paris',
        last_coordinates: [4.84, 45.76],
        gender: 'F',
        random_bucket: 4242,
        total_revenue: 65,
        attributed_campaign: null,
        push_subscribe: 'opted_in',
        email_subscribe: 'subscribed',
        custom_attributes: { company: 'Acme', lead_stage: 'MQL', address: { city: 'Lyon' } },
        custom_events: [{ name: 'demo_requested', first: '2024-01-01T00:00:00.000Z', last: '2024-02-01T00:00:00.000Z', count: 2 }],
        purchases: [{ name: 'plan_pro', first: '2024-01-05T00:00:00.000Z', last: '2024-01-05T00:00:00.000Z', count: 1 }],
        devices: [
          { model: 'iPhone 15', os: 'iOS 17.2', carrier: null, idfv: 'A1', idfa: null, device_id: 'dev-1', ad_tracking_enabled: false },
        ],
        push_tokens: [{ app: 'Main', platform: 'iOS', token: 'abc' }],
        apps: [{ name: 'Main', platform: 'iOS', version: '2.3.1', sessions: 12, first_used: '2024-01-01T00:00:00.000Z', last_used: '2025-06-01T10:00:00.000Z' }],
        campaigns_received: [],
        canvases_received: [],
        cards_clicked: [],
        message_context: { campaign: { name: 'Lead sync', api_id: 'c-1' }, most_recent_locale: 'fr_FR' },
      },
      { external_id: 'bob-2', first_name: null },
    ],
    invalid_user_ids: ['ghost'],
  };

  it('compiles with ajv 8 in strict mode', () => assert.equal(typeof validate, 'function'));

  it('accepts a realistic export response', () => assert.ok(validate(realisticExport), JSON.stringify(validate.errors)));

  it('accepts the users array and a single user', () => {
    assert.ok(validate(realisticExport.users));
    assert.ok(validate(realisticExport.users[0]));
  });

  it('accepts the built-in edge profiles', () => assert.ok(validate(BUILTIN_EDGE_PROFILES), JSON.stringify(validate.errors)));

  it('rejects an error response and an unknown message_context key', () => {
    assert.equal(validate({ message: 'Invalid API key' }), false);
    assert.equal(validate({ external_id: 'x', message_context: { event_property: {} } }), false);
  });
});
