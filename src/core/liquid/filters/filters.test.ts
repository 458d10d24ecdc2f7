import assert from 'node:assert/strict';
import { createHash, createHmac } from 'node:crypto';
import { Context, Liquid, filters as liquidjsFilters } from 'liquidjs';
import type { Dependencies } from '../../types';
import { EDITOR_DOCS } from '../../../../test/helpers/editor-docs';
import { attachSession, createSession } from '../render-session';
import {
  BRAZE_FILTER_SUPPORT,
  brazeFilters,
  brazeUnsupportedFilters,
  makeUnsupportedFilter,
} from './index';

function createEngine(): Liquid {
  const engine = new Liquid({ strictFilters: true, timezoneOffset: 0, locale: 'en-US' });
  for (const [name, reason] of Object.entries(brazeUnsupportedFilters)) {
    engine.registerFilter(name, makeUnsupportedFilter(name, reason));
  }
  for (const [name, filter] of Object.entries(brazeFilters)) engine.registerFilter(name, filter);
  return engine;
}

const engine = createEngine();

function render(src: string, scope: object = {}): string {
  return engine.parseAndRenderSync(src, scope) as string;
}

const noDeps: Dependencies = {
  resolveConnectedContent: () => Promise.reject(new Error('no connected_content in filter tests')),
};

/** Renders with a RenderSession attached, so `'now'` is `now`. */
function renderAt(now: string, src: string, scope: object = {}): string {
  const ctx = new Context(scope, engine.options, { sync: true }, { liquid: engine });
  attachSession(ctx, createSession(noDeps, 'body', new Date(now)));
  return engine.renderSync(engine.parse(src), ctx) as string;
}

/** Runs `fn` with the process in another time zone, to prove output does not depend on it. */
function inProcessTimeZone<T>(zone: string, fn: () => T): T {
  const before = process.env.TZ;
  process.env.TZ = zone;
  try {
    return fn();
  } finally {
    if (before === undefined) delete process.env.TZ;
    else process.env.TZ = before;
  }
}

describe('Braze filters (through liquidjs)', () => {
  describe('json_escape', () => {
    it('escapes quotes, backslashes and control characters for a JSON string', () => {
      const out = render('{{ v | json_escape }}', { v: 'say "hi"\\ok\nnext\r\tend\u0001' });
      assert.equal(out, 'say \\"hi\\"\\\\ok\\nnext\\r\\tend\\u0001');
    });

    it('keeps emoji and escapes U+2028/U+2029', () => {
      assert.equal(
        render('{{ v | json_escape }}', { v: 'a😀b\u2028c\u2029' }),
        'a😀b\\u2028c\\u2029',
      );
    });

    it('produces text that round-trips inside a JSON document', () => {
      const v = 'O\'Brien "Bob" \\ line1\nline2 \u2028 😀';
      const body = render('{"name": "{{ v | json_escape }}"}', { v });
      assert.deepEqual(JSON.parse(body), { name: v });
    });

    it('prints nil as empty and stringifies numbers', () => {
      assert.equal(render('[{{ missing | json_escape }}|{{ 12.5 | json_escape }}]'), '[|12.5]');
    });
  });

  describe('URL filters', () => {
    it('url_param_escape escapes an email and every query delimiter', () => {
      assert.equal(
        render("{{ 'jane.doe+sf@example.com' | url_param_escape }}"),
        'jane.doe%2Bsf%40example.com',
      );
      assert.equal(render("{{ 'a&b=c+d/e' | url_param_escape }}"), 'a%26b%3Dc%2Bd%2Fe');
      assert.equal(render("{{ 'a b?#' | url_param_escape }}"), 'a%20b%3F%23');
    });

    it("url_param_escape matches Braze's documented example", () => {
      assert.equal(render("{{ 'hey<&>hi' | url_param_escape }}"), 'hey%3C%26%3Ehi');
    });

    it('url_param_escape encodes non-ASCII as UTF-8 bytes', () => {
      assert.equal(render("{{ 'ñ€' | url_param_escape }}"), '%C3%B1%E2%82%AC');
    });

    it('url_escape escapes unsafe characters but keeps URL structure', () => {
      assert.equal(render("{{ 'hey<>hi' | url_escape }}"), 'hey%3C%3Ehi');
      assert.equal(
        render("{{ 'https://x.test/a b?q=1&r=[2]#frag' | url_escape }}"),
        'https://x.test/a%20b?q=1&r=[2]%23frag',
      );
    });

    it("url_encode is form encoding: space becomes + and !*'() are escaped", () => {
      assert.equal(render("{{ 'google search' | url_encode }}"), 'google+search');
      assert.equal(render('{{ "a+b&c!*\'()~" | url_encode }}'), 'a%2Bb%26c%21%2A%27%28%29~');
    });
  });

  describe('encoding filters', () => {
    const cases: Array<[string, string, string]> = [
      ['md5', '', 'd41d8cd98f00b204e9800998ecf8427e'],
      ['md5', 'abc', '900150983cd24fb0d6963f7d28e17f72'],
      ['sha1', '', 'da39a3ee5e6b4b0d3255bfef95601890afd80709'],
      ['sha1', 'abc', 'a9993e364706816aba3e25717850c26c9cd0d89d'],
      ['sha2', '', 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'],
      ['sha2', 'abc', 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'],
      // Braze's own examples (advanced filters page).
      ['md5', 'hey', '6057f13c496ecf7fd777ceb9e79ae285'],
      ['sha1', 'hey', '7f550a9f4c44173a37664d938f1355f0f92a47a7'],
      ['sha2', 'hey', 'fa690b82061edfd2852629aeba8a8977b57e40fcb77d1a7a28b26cba62591204'],
    ];
    for (const [filter, input, expected] of cases) {
      it(`${filter}('${input}') = ${expected.slice(0, 12)}…`, () => {
        assert.equal(render(`{{ v | ${filter} }}`, { v: input }), expected);
      });
    }

    it('hashes the UTF-8 bytes of non-ASCII text', () => {
      const text = 'Ñandú 😀';
      assert.equal(
        render('{{ v | sha2 }}', { v: text }),
        createHash('sha256').update(text, 'utf8').digest('hex'),
      );
    });

    it('base64_encode encodes UTF-8 and pads', () => {
      assert.equal(render("{{ 'ñ' | base64_encode }}"), 'w7E=');
      assert.equal(render("{{ 'blah' | base64_encode }}"), 'YmxhaA==');
      assert.equal(render("{{ 'ab' | base64_encode }}|{{ 'abc' | base64_encode }}"), 'YWI=|YWJj');
    });

    it('base64_encode does not wrap long input', () => {
      const long = 'x'.repeat(200);
      assert.equal(
        render('{{ v | base64_encode }}', { v: long }),
        Buffer.from(long).toString('base64'),
      );
    });

    const jefe = { msg: 'what do ya want for nothing?', key: 'Jefe' };
    const binary = { msg: 'Hi There', key: '\u000b'.repeat(20) };

    it('hmac_sha256_hex / hmac_sha256 match RFC 4231 test cases 1 and 2', () => {
      assert.equal(
        render('{{ msg | hmac_sha256_hex: key }}', jefe),
        '5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843',
      );
      assert.equal(
        render('{{ msg | hmac_sha256: key }}', binary),
        'b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7',
      );
    });

    it('hmac_sha256_base64 matches RFC 4231 test case 2 in base64', () => {
      assert.equal(
        render('{{ msg | hmac_sha256_base64: key }}', jefe),
        'W9zBRr9gdU5qBCQmCJV1x1oAPwidJzmDnexYuWTsOEM=',
      );
    });

    it('hmac_sha1_hex / hmac_sha1 / hmac_sha1_base64 match RFC 2202 test cases 1 and 2', () => {
      assert.equal(
        render('{{ msg | hmac_sha1_hex: key }}', jefe),
        'effcdf6ae5eb2fa2d27416d5f184df9c259a7c79',
      );
      assert.equal(
        render('{{ msg | hmac_sha1: key }}', binary),
        'b617318655057264e28bc0b6fb378c8ef146be00',
      );
      assert.equal(
        render('{{ msg | hmac_sha1_base64: key }}', jefe),
        '7/zfauXrL6LSdBbV8YTfnCWafHk=',
      );
    });

    it('hmac_sha512 matches RFC 4231 test case 2 (hex)', () => {
      assert.equal(
        render('{{ msg | hmac_sha512: key }}', jefe),
        '164b7a7bfcf819e2e395fbe73b56e0a387bd64222e831fd610270cd7ea2505549758bf75c05a994a6d034f65f8f0e6fdcaeab1a34d4a6b4b636e070a38bce737',
      );
    });

    it("matches Braze's documented HMAC examples", () => {
      assert.equal(
        render("{{'hey' | hmac_sha1_hex: 'secret_key'}}"),
        '2a3969bed25bfeefb00aca4063eb9590b4df8f0e',
      );
      assert.equal(
        render("{{'hey' | hmac_sha1_base64: 'secret_key'}}"),
        'KjlpvtJb/u+wCspAY+uVkLTfjw4=',
      );
      assert.equal(
        render("{{'hey' | hmac_sha256_hex: 'secret_key'}}"),
        '8df897f8da3d7992fe57c8dbc6f27578cfbf2dcc4d0fbb4000b8c924841d508e',
      );
      assert.equal(
        render("{{'hey' | hmac_sha256_base64: 'secret_key'}}"),
        'jfiX+No9eZL+V8jbxvJ1eM+/LcxND7tAALjJJIQdUI4=',
      );
    });

    it('signs UTF-8 keys and messages like node:crypto', () => {
      const scope = { msg: '{"Email":"ñ@ex.com"}', key: 'clé-😀' };
      assert.equal(
        render('{{ msg | hmac_sha256_hex: key }}', scope),
        createHmac('sha256', Buffer.from(scope.key, 'utf8'))
          .update(scope.msg, 'utf8')
          .digest('hex'),
      );
    });

    it('refuses an HMAC without a key instead of signing with an empty one', () => {
      assert.throws(
        () => render("{{ 'msg' | hmac_sha256_hex }}"),
        /hmac_sha256_hex needs the secret key/,
      );
      assert.throws(
        () => render("{{ 'msg' | hmac_sha1_hex: missing }}"),
        /hmac_sha1_hex needs the secret key/,
      );
    });
  });

  describe('number filters', () => {
    it('number_with_delimiter groups thousands and keeps decimals and sign', () => {
      assert.equal(render('{{ 1234567 | number_with_delimiter }}'), '1,234,567');
      assert.equal(render('{{ 123456 | number_with_delimiter }}'), '123,456');
      assert.equal(render('{{ 999 | number_with_delimiter }}'), '999');
      assert.equal(
        render('{{ v | number_with_delimiter }}', { v: -1234567.891 }),
        '-1,234,567.891',
      );
      assert.equal(render("{{ '1000000.5' | number_with_delimiter }}"), '1,000,000.5');
    });

    it('number_with_delimiter leaves non-numbers alone', () => {
      assert.equal(render("{{ 'abc1234' | number_with_delimiter }}"), 'abc1234');
    });

    it("money has no cents convention: 145 is 145.00 (Braze's example)", () => {
      assert.equal(render('{{ 145 | money }}'), '145.00');
      assert.equal(render('{{ 17.8 | money }}'), '17.80');
      assert.equal(render('{{ 145 | divided_by: 100.00 | money }}'), '1.45');
      assert.equal(render("{% assign n = '350000.25' | plus: 0 %}{{ n | money }}"), '350000.25');
    });

    it("divided_by: integer ÷ integer is integer division, as Ruby (Braze's filters page: 15 → 7)", () => {
      assert.equal(render('{{15 | divided_by: 2}}'), '7');
      assert.equal(render('{{15 | divided_by: 2.0}}'), '7.5');
      assert.equal(render('{{ 145 | divided_by: 100.00 }}'), '1.45');
      // Ruby floors: -15 / 2 is -8.
      assert.equal(render('{{ -15 | divided_by: 2 }}'), '-8');
    });

    it('divided_by: a float on either side gives a float', () => {
      assert.equal(render('{{ 15.0 | divided_by: 2 }}'), '7.5');
      assert.equal(render('{{ v | divided_by: 2 }}', { v: 7.5 }), '3.75');
      assert.equal(render('{{ v | divided_by: d }}', { v: 15, d: 2.5 }), '6');
      assert.equal(render('{{ v | divided_by: o.d }}', { v: 15, o: { d: 2 } }), '7');
      // Ruby's to_number: numeric text with a decimal point is a decimal, digits are an integer.
      assert.equal(render("{{ '15.0' | divided_by: 2 }}"), '7.5');
      assert.equal(render("{{ '15' | divided_by: '2' }}"), '7');
    });

    it('divided_by: integer division by zero fails like Ruby (ZeroDivisionError)', () => {
      assert.throws(() => render('{{ 15 | divided_by: 0 }}'), /divided by 0/);
    });

    it('divided_by: the use-case countdown gives whole days', () => {
      assert.equal(render("{% assign d = '1700100000' | minus: '1700000000' | divided_by: 86400 %}{{ d }} days"), '1 days');
    });

    it('money leaves non-numbers alone and prints nil as empty', () => {
      assert.equal(render("[{{ 'n/a' | money }}|{{ missing | money }}]"), '[n/a|]');
    });
  });

  describe('JSON filters', () => {
    it('json_parse + for loop reads the parsed array (Braze example)', () => {
      const src =
        '{% assign s = \'[{"id":"1","store_name":"demo-store"}]\' %}{% assign d = s | json_parse %}' +
        '{% for item in d %}{{ item.id }}:{{ item.store_name }}{% endfor %}';
      assert.equal(render(src), '1:demo-store');
    });

    it('json_parse returns invalid JSON unchanged', () => {
      assert.equal(
        render("{% assign d = 'not json' | json_parse %}{{ d }}|{{ d.id }}"),
        'not json|',
      );
    });

    it('property_accessor reads a templated key, own properties only', () => {
      const scope = { hash: { a: 42, b: 0, 'two words': 'x' }, key: 'two words' };
      assert.equal(
        render("{{ hash | property_accessor: 'a' }}|{{ hash | property_accessor: 'b' }}", scope),
        '42|0',
      );
      assert.equal(render('{{ hash | property_accessor: key }}', scope), 'x');
      assert.equal(
        render(
          "[{{ hash | property_accessor: 'constructor' }}{{ hash | property_accessor: 'toString' }}]",
          scope,
        ),
        '[]',
      );
      assert.equal(render("[{{ missing | property_accessor: 'a' }}]", scope), '[]');
    });

    it('property_accessor works on json_parse output', () => {
      const src =
        "{% assign h = '{\"sku\":{\"price\":9.5}}' | json_parse %}{{ h | property_accessor: 'sku' | property_accessor: 'price' }}";
      assert.equal(render(src), '9.5');
    });

    it('as_json_string writes JSON that parses back to the value', () => {
      const src =
        '{% assign d = \'[{"id":"1","n":[1,2]}]\' | json_parse %}{{ d | as_json_string }}';
      assert.equal(render(src), '[{"id":"1","n":[1,2]}]');
      assert.equal(
        render("{{ 'a\"b' | as_json_string }}|{{ missing | as_json_string }}"),
        '"a\\"b"|null',
      );
    });
  });

  describe('date and time_zone', () => {
    const winter = '2024-01-15T18:30:00Z';
    const summer = '2024-07-15T18:30:00Z';

    it("'now' is the injected send time, in UTC", () => {
      assert.equal(
        renderAt(winter, "{{ 'now' | date: '%Y-%m-%d %H:%M:%S' }}"),
        '2024-01-15 18:30:00',
      );
      assert.equal(renderAt(summer, "{{ 'today' | date: '%H' }}"), '18');
    });

    it("'%s' is Unix seconds of the send time", () => {
      assert.equal(renderAt(winter, "{{ 'now' | date: '%s' }}"), '1705343400');
      assert.equal(
        renderAt(winter, "{{ 'now' | time_zone: 'Asia/Tokyo' | date: '%s' }}"),
        '1705343400',
      );
    });

    it('time_zone with an IANA name gives the local hour, DST included', () => {
      assert.equal(
        renderAt(winter, "{{ 'now' | time_zone: 'America/Chicago' | date: '%H' }}"),
        '12',
      );
      assert.equal(
        renderAt(summer, "{{ 'now' | time_zone: 'America/Chicago' | date: '%H' }}"),
        '13',
      );
      assert.equal(
        renderAt(winter, "{{ 'now' | time_zone: 'America/Chicago' | date: '%z' }}"),
        '-0600',
      );
    });

    it('time_zone takes the zone from a profile attribute and composes through assign', () => {
      const src =
        "{% assign t = 'now' | time_zone: tz %}{% assign h = t | date: '%H' | plus: 0 %}{{ h }}";
      assert.equal(renderAt(winter, src, { tz: 'Europe/Paris' }), '19');
    });

    it('time_zone accepts offsets as text and numbers', () => {
      assert.equal(renderAt(winter, "{{ 'now' | time_zone: '-0500' | date: '%H:%M' }}"), '13:30');
      assert.equal(
        renderAt(winter, "{{ 'now' | time_zone: '+05:30' | date: '%Y-%m-%d %H:%M' }}"),
        '2024-01-16 00:00',
      );
      // Braze's time-zones page writes `time_zone: -0005`, which Liquid reads as the number -5 (hours).
      assert.equal(renderAt(winter, "{{ 'now' | time_zone: -0005 | date: '%H' }}"), '13');
    });

    it('time_zone with a nil zone stays UTC; an unknown zone fails the render', () => {
      assert.equal(renderAt(winter, "{{ 'now' | time_zone: missing | date: '%H' }}"), '18');
      assert.throws(
        () => renderAt(winter, "{{ 'now' | time_zone: 'Mars/Olympus' }}"),
        /unknown time zone "Mars\/Olympus"/,
      );
    });

    it('printing a time_zone result gives the Ruby Time layout', () => {
      assert.equal(
        renderAt(winter, "{{ 'now' | time_zone: 'America/Chicago' }}"),
        '2024-01-15 12:30:00 -0600',
      );
      assert.equal(renderAt(winter, "{{ 'now' | time_zone: 'UTC' }}"), '2024-01-15 18:30:00 UTC');
    });

    it("converts a stored UTC timestamp (Braze's time_zone example)", () => {
      const src = "{{ d | time_zone: 'America/Los_Angeles' | date: '%a %b %e %T' }}";
      assert.equal(render(src, { d: '2021-08-04 9:00:00 UTC' }), 'Wed Aug  4 02:00:00');
    });

    it("expands Ruby's composite directives that liquidjs lacks, but not an escaped %%", () => {
      assert.equal(
        renderAt(winter, "{{ 'now' | date: '%F %T|%D|%R|%r|%c|%%T' }}"),
        '2024-01-15 18:30:00|01/15/24|18:30|06:30:00 PM|Mon Jan 15 18:30:00 2024|%T',
      );
    });

    it('reads text without an offset as UTC, and keeps an explicit offset', () => {
      assert.equal(render("{{ '2021-06-03 17:13:41' | date: '%H:%M %s' }}"), '17:13 1622740421');
      assert.equal(render("{{ '2021-06-03T17:13:41+02:00' | date: '%H %z' }}"), '17 +0200');
    });

    it('does not depend on the machine time zone', () => {
      const out = inProcessTimeZone('Asia/Kolkata', () =>
        renderAt(
          winter,
          "{{ 'now' | date: '%H' }}|{{ '2021-06-03 17:13:41' | date: '%H' }}|{{ 'now' | time_zone: 'America/Chicago' | date: '%H' }}",
        ),
      );
      assert.equal(out, '18|17|12');
    });

    it('reads integers and digit strings as Unix seconds', () => {
      assert.equal(render("{{ 1622740421 | date: '%Y-%m-%d %H:%M:%S' }}"), '2021-06-03 17:13:41');
      assert.equal(render("{{ '1622740421' | date: '%H' }}"), '17');
    });

    it('returns the input when it is not a time or the format is empty', () => {
      assert.equal(render("{{ 'soon' | date: '%H' }}|{{ 'now' | date: '' }}"), 'soon|now');
    });

    it('rejects a third date argument (Braze converts zones with time_zone)', () => {
      assert.throws(
        () => render("{{ 'now' | date: '%H', 'America/Chicago' }}"),
        /date takes one argument/,
      );
    });
  });

  describe('unsupported filters', () => {
    it('fail the render with a message naming the filter and the reason', () => {
      assert.throws(
        () => render("{{ '  x' | lstrip }}"),
        (err: Error) =>
          err.message.startsWith(
            'filter "lstrip" is not supported by Braze: Braze marks this filter unsupported; use strip',
          ),
      );
      assert.throws(
        () => render('{{ v | jsonify }}', { v: {} }),
        /filter "jsonify" is not supported by Braze: not in the filters Braze documents/,
      );
    });

    it('makeUnsupportedFilter builds the exact message', () => {
      const e = new Liquid({ strictFilters: true });
      e.registerFilter('pluralize', makeUnsupportedFilter('pluralize', 'because'));
      assert.throws(
        () => e.parseAndRenderSync("{{ 1 | pluralize: 'a', 'b' }}"),
        (err: Error) =>
          err.message.startsWith('filter "pluralize" is not supported by Braze: because'),
      );
    });

    it('still renders the filters Braze supports', () => {
      assert.equal(render("{{ '  x ' | strip | upcase | append: '!' }}"), 'X!');
    });
  });

  describe('registry parity', () => {
    it('classifies every filter liquidjs ships: Braze-documented, replaced, or refused', () => {
      const unclassified = Object.keys(liquidjsFilters).filter(
        (name) =>
          !(name in BRAZE_FILTER_SUPPORT) &&
          !(name in brazeFilters) &&
          !(name in brazeUnsupportedFilters),
      );
      assert.deepEqual(unclassified, []);
    });

    it('documents every Braze filter it registers, and refuses none of them', () => {
      for (const name of Object.keys(brazeFilters)) {
        assert.ok(name in BRAZE_FILTER_SUPPORT, `${name} has no BRAZE_FILTER_SUPPORT entry`);
        assert.ok(!(name in brazeUnsupportedFilters), `${name} is both registered and refused`);
      }
    });

    it('has an implementation (liquidjs or Braze) for every documented filter', () => {
      for (const name of Object.keys(BRAZE_FILTER_SUPPORT)) {
        assert.ok(
          name in brazeFilters || name in liquidjsFilters,
          `${name} is documented but not implemented`,
        );
        assert.ok(
          !(name in brazeUnsupportedFilters),
          `${name} is documented as supported but refused`,
        );
      }
    });

    it('has a hover text in data/editor-docs.json for every supported filter, and none for others', () => {
      assert.deepEqual(Object.keys(EDITOR_DOCS.filters), Object.keys(BRAZE_FILTER_SUPPORT));
    });

    it('keeps doc descriptions to one sentence', () => {
      for (const [name, doc] of Object.entries(EDITOR_DOCS.filters)) {
        assert.match(doc.description, /^[^.]*(?:\.\d[^.]*)*\.$/, `${name}: "${doc.description}"`);
      }
    });
  });
});
