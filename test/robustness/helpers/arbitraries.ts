import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import fc from 'fast-check';
import { brazeFilters, brazeUnsupportedFilters, KNOWN_CC_OPTIONS, SCENARIOS, type ScenarioName } from '../../../src/core';

const REPO = resolve(__dirname, '../../..');

/** Real templates to mutate: the examples, every golden case and the editor-test workspace. */
export function seedTemplates(): Array<{ name: string; text: string }> {
  const seeds: Array<{ name: string; text: string }> = [];
  const add = (path: string) => seeds.push({ name: path.slice(REPO.length + 1), text: readFileSync(path, 'utf8') });
  for (const dir of ['examples', 'test/vscode-workspace']) {
    for (const name of readdirSync(join(REPO, dir)).sort()) if (name.endsWith('.braze-webhook.json')) add(join(REPO, dir, name));
  }
  const golden = join(REPO, 'test/golden');
  for (const entry of readdirSync(golden, { withFileTypes: true }).filter((e) => e.isDirectory()).sort((a, b) => a.name.localeCompare(b.name))) {
    add(join(golden, entry.name, 'template.braze-webhook.json'));
  }
  return seeds;
}

/** Real sample-profile files to mutate. */
export function seedProfiles(): string[] {
  const golden = join(REPO, 'test/golden');
  const files = [join(REPO, 'examples/sample-users.braze-profiles.json')];
  for (const entry of readdirSync(golden, { withFileTypes: true }).filter((e) => e.isDirectory())) files.push(join(golden, entry.name, 'profiles.braze-profiles.json'));
  return files.sort().map((path) => readFileSync(path, 'utf8'));
}

const loneSurrogate = fc.integer({ min: 0xd800, max: 0xdfff }).map((code) => String.fromCharCode(code));

/** Characters that break things: quotes, escapes, controls, lone surrogates, BOM, separators. */
const nastyChar = fc.oneof(
  fc.constantFrom('"', '\\', '\n', '\r', '\t', '\u0000', '\u001b', '\u007f', '\u009b', '\u2028', '\u2029', '\ufeff', '\ufffd', '{', '}', '%', '$', '|', ':', "'", '`', '<', '&', '=', '\u201c', '\u2019'),
  loneSurrogate,
  fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
);

/** Short text mixing ordinary and hostile characters. */
export const nastyText = fc.array(fc.oneof({ weight: 3, arbitrary: fc.string({ maxLength: 6 }) }, { weight: 2, arbitrary: nastyChar }), { maxLength: 8 }).map((parts) => parts.join(''));

const identifier = fc.constantFrom('x', 'result', 'token', 'r', 'i', 'lead', 'connected', 'first_name', 'custom_attribute', 'a_b', 'forloop', 'blank', 'empty', 'nil', 'true');
const attributeName = fc.constantFrom('first_name', 'last_name', 'email_address', 'user_id', 'braze_id', 'company', 'lead id', 'Ünïcode', 'a.b', '', 'x}', 'phone');
const namespace = fc.constantFrom('', 'custom_attribute.', 'event_properties.', 'canvas_entry_properties.', 'api_trigger_properties.', 'content_blocks.', 'campaign.', 'unknown_ns.');

/** A Liquid value: variables, Braze `${}` references, literals, small and huge ranges. */
const liquidValue: fc.Arbitrary<string> = fc.oneof(
  identifier,
  fc.tuple(identifier, fc.constantFrom('.access_token', '.size', '[0]', '["k"]', '.first', '')).map(([a, b]) => a + b),
  fc.tuple(namespace, attributeName).map(([ns, name]) => `${ns}\${${name}}`),
  fc.integer({ min: -5, max: 99 }).map(String),
  fc.constantFrom('1.5', '-0', "'str'", '"q\\"s"', "''", 'nil', 'true', 'false', '(1..3)', '(0..12)', '(3..1)', '(1..100000000)', '(a..b)'),
  nastyText.map((t) => `'${t.replace(/'/g, '')}'`),
);

const filterName = fc.oneof(
  fc.constantFrom(...Object.keys(brazeFilters)),
  fc.constantFrom(...Object.keys(brazeUnsupportedFilters)),
  fc.constantFrom('default', 'append', 'prepend', 'size', 'split', 'join', 'upcase', 'downcase', 'plus', 'minus', 'times', 'divided_by', 'modulo', 'date', 'replace', 'remove', 'slice', 'truncate', 'strip', 'first', 'last', 'map', 'sort', 'uniq', 'escape', 'url_encode'),
  fc.constantFrom('nope', 'rjust', 'Upcase', ''),
);

const filterChain = fc.array(
  fc.tuple(filterName, fc.array(liquidValue, { maxLength: 2 })).map(([name, args]) => ` | ${name}${args.length ? `: ${args.join(', ')}` : ''}`),
  { maxLength: 3 },
).map((chain) => chain.join(''));

const ccOption = fc.oneof(
  fc.constantFrom(...KNOWN_CC_OPTIONS).map((name) => `:${name}`),
  fc.constantFrom(':method post', ':method get', ':method PATCH', ':save result', ':save', ':cache_max_age 900', ':cache_max_age abc', ':content_type application/json', ':headers {"X-A": "b"}', ':headers {', ':body a=1&b={{x}}', ':body client_id=a&client_secret=b&grant_type=client_credentials', ':retry', ':no_cache', ':basic_auth cred', 'stray', ':'),
);

const ccUrl = fc.constantFrom(
  'https://acme.my.salesforce.com/services/oauth2/token',
  'https://[insert_instance_name].my.salesforce.com/services/oauth2/token',
  'https://login.salesforce.com/services/oauth2/token',
  'https://acme.my.salesforce.com/services/data/v60.0/sobjects/Lead/{{${user_id}}}',
  'http://127.0.0.1:9/x',
  'https://example.com/api?token={{x}}',
  'not a url',
  '{{x}}',
  '',
);

/** One Liquid construct; `inner` is the recursive body. */
function liquidNode(inner: fc.Arbitrary<string>): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 4, arbitrary: nastyText },
    { weight: 4, arbitrary: fc.tuple(liquidValue, filterChain, fc.boolean()).map(([v, f, trim]) => (trim ? `{{- ${v}${f} -}}` : `{{${v}${f}}}`)) },
    { weight: 2, arbitrary: fc.tuple(fc.constantFrom('if', 'unless', 'elsif'), liquidValue, fc.constantFrom('==', '!=', '>', 'contains', 'and', 'or', ''), liquidValue, inner, fc.boolean(), inner).map(([tag, a, op, b, body, withElse, other]) => `{% ${tag} ${a} ${op} ${op ? b : ''} %}${body}${withElse ? `{% else %}${other}` : ''}{% end${tag === 'elsif' ? 'if' : tag} %}`) },
    { weight: 2, arbitrary: fc.tuple(identifier, fc.constantFrom('(1..3)', '(1..20)', '(0..0)', '(1..100000000)', '(1..x)', 'x', 'result.records', '(5..1)'), fc.constantFrom('', ' limit: 2', ' offset: 1', ' reversed'), inner).map(([v, range, opt, body]) => `{% for ${v} in ${range}${opt} %}${body}{% endfor %}`) },
    { weight: 1, arbitrary: fc.tuple(identifier, liquidValue, filterChain).map(([v, value, f]) => `{% assign ${v} = ${value}${f} %}`) },
    { weight: 1, arbitrary: fc.tuple(identifier, inner).map(([v, body]) => `{% capture ${v} %}${body}{% endcapture %}`) },
    { weight: 1, arbitrary: fc.tuple(liquidValue, liquidValue, inner).map(([v, w, body]) => `{% case ${v} %}{% when ${w} %}${body}{% endcase %}`) },
    { weight: 2, arbitrary: fc.tuple(ccUrl, fc.array(ccOption, { maxLength: 4 })).map(([url, options]) => `{% connected_content ${url} ${options.join(' ')} %}`) },
    { weight: 1, arbitrary: fc.oneof(liquidValue, nastyText).map((reason) => `{% abort_message(${reason}) %}`) },
    { weight: 1, arbitrary: fc.constantFrom('a', 'b', 'self', 'missing', '../x', '').map((name) => `{{content_blocks.\${${name}}}}`) },
    { weight: 1, arbitrary: inner.map((body) => `{% raw %}${body}{% endraw %}`) },
    { weight: 1, arbitrary: inner.map((body) => `{% comment %}${body}{% endcomment %}`) },
    { weight: 2, arbitrary: fc.constantFrom('{{', '}}', '{%', '%}', '{{{', '}}}', '${', '{{ x ', '{% if x %}', '{% endif %}', '{% for i in (1..2) %}', '{% endfor %}', '{% else %}', '{% liquid assign a = 1 %}', '{% nope %}', '{%- -%}', '{{}}') },
  );
}

/** A Liquid text made of random constructs, balanced or not, nested a few levels. */
export const liquidText: fc.Arbitrary<string> = fc.letrec<{ text: string }>((tie) => ({
  text: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    { weight: 1, arbitrary: fc.constant('') },
    { weight: 4, arbitrary: fc.array(liquidNode(tie('text')), { minLength: 1, maxLength: 4 }).map((nodes) => nodes.join('')) },
  ),
})).text;

/** A JSON value of any type, for places where a string is expected. */
export const anyJson: fc.Arbitrary<unknown> = fc.jsonValue({ maxDepth: 3 });

const headerName = fc.oneof(fc.constantFrom('Authorization', 'Content-Type', 'Accept', 'X-Api-Key', 'X-Token', 'authorization', 'Content Type', 'Sforce-Auto-Assign', ''), nastyText);
const bodyKey = fc.oneof(fc.constantFrom('LastName', 'Company', 'Email', 'FirstName', 'Id', 'lastname', 'Custom__c', '__proto__', 'constructor', ''), nastyText);
const liquidOrAny = fc.oneof({ weight: 5, arbitrary: liquidText }, { weight: 1, arbitrary: anyJson });

/** A webhook template as a JS value: the usual members with Liquid or wrong types, plus extras. */
export const templateObject: fc.Arbitrary<Record<string, unknown>> = fc.record(
  {
    url: fc.oneof(
      { weight: 4, arbitrary: fc.tuple(fc.constantFrom('https://acme.my.salesforce.com/services/data/v60.0/sobjects/Lead/', 'https://[insert_instance_name].my.salesforce.com/services/data/v60.0/sobjects/Lead/', 'http://example.com/', 'https://acme.my.salesforce.com:8443/x?access_token=', ''), liquidText).map(([base, tail]) => base + tail) },
      { weight: 1, arbitrary: anyJson },
    ),
    request_method: fc.oneof(fc.constantFrom('POST', 'PATCH', 'GET', 'PUT', 'DELETE', 'post', 'FETCH', ''), anyJson),
    request_headers: fc.oneof({ weight: 5, arbitrary: fc.dictionary(headerName, liquidOrAny, { maxKeys: 4 }) }, { weight: 1, arbitrary: anyJson }),
    body: fc.oneof({ weight: 4, arbitrary: fc.dictionary(bodyKey, liquidOrAny, { maxKeys: 5 }) }, { weight: 2, arbitrary: liquidText }, { weight: 1, arbitrary: anyJson }),
    name: nastyText,
    $schema: fc.constant('../schemas/braze-webhook.schema.json'),
    extra: anyJson,
  },
  { requiredKeys: [] },
);

/** How a JS value becomes file text: indentation, CRLF, BOM. */
export const serialization = fc.record({ indent: fc.constantFrom(0, 2, '\t'), crlf: fc.boolean(), bom: fc.boolean() });

export function serialize(value: unknown, how: { indent: number | string; crlf: boolean; bom: boolean }): string {
  let text = JSON.stringify(value, null, how.indent) ?? 'null';
  if (how.crlf) text = text.replace(/\n/g, '\r\n');
  return how.bom ? `\ufeff${text}` : text;
}

/** Snippets spliced into files: broken escapes, lone surrogates (raw and escaped), quotes, Liquid. */
const insertion = fc.oneof(
  fc.constantFrom('\\', '\\u', '\\uD800', '\\uDC00', '\\ud83d\\u', '\\x41', '\\q', '\\u12', '"', '""', ',', ':', '{', '}', '[', ']', '\u0000', '\r\n', '\ufeff', '{{', '}}', '{%', '%}', '${', '{{${first_name}}}', '{% if %}', 'null', '1e999', '-', '\u2028'),
  loneSurrogate,
  nastyText,
  liquidText,
);

/** One edit of a file's text, as a person typing, pasting or a truncated download would make. */
const mutation = fc.oneof(
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: insertion }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 40 }) }),
  fc.record({ kind: fc.constant('duplicate' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 80 }) }),
  fc.record({ kind: fc.constant('replace-char' as const), at: fc.nat(), text: fc.oneof(nastyChar, insertion) }),
);

export type Mutation = typeof mutation extends fc.Arbitrary<infer T> ? T : never;

export function applyMutation(text: string, m: Mutation): string {
  const at = text.length === 0 ? 0 : m.at % (text.length + 1);
  switch (m.kind) {
    case 'truncate':
      return text.slice(0, at);
    case 'insert':
      return text.slice(0, at) + m.text + text.slice(at);
    case 'delete':
      return text.slice(0, at) + text.slice(at + m.length);
    case 'duplicate':
      return text.slice(0, at + m.length) + text.slice(at, at + m.length) + text.slice(at + m.length);
    case 'replace-char':
      return text.slice(0, at) + m.text + text.slice(at + 1);
  }
}

/** 1–4 edits. */
export const mutations = fc.array(mutation, { minLength: 1, maxLength: 4 });

const exportValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: nastyText },
  { weight: 2, arbitrary: anyJson },
  { weight: 1, arbitrary: fc.constantFrom('<script>alert(1)</script>', '</div>', 'javascript:alert(1)', '\u001b[31mred\u001b[0m', 'a\u0000b', '{{x}}', '{% abort_message() %}', '${first_name}', '') },
  { weight: 1, arbitrary: fc.integer({ min: 1, max: 300 }).map((depth) => nest(depth)) },
);

/** `depth` levels of arrays and objects; past MAX_JSON_DEPTH (256) the parser refuses the file. */
export function nest(depth: number): unknown {
  let value: unknown = 'deep';
  for (let i = 0; i < depth; i++) value = i % 2 === 0 ? [value] : { k: value };
  return value;
}

/** A huge array where the export has a short one (10 000 purchases). */
const HUGE_ARRAY = Object.freeze(Array.from({ length: 10_000 }, (_, i) => ({ product_id: `p${i}`, price: i })));

/** An export with many users (only the first few are rendered). */
const BULK_USERS = Object.freeze(Array.from({ length: 2_000 }, (_, i) => ({ external_id: `bulk-${i}`, first_name: `N${i}` })));

/** One Braze export user with random types where strings are expected. */
export const exportUser: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 8, arbitrary: fc.record(
    {
      external_id: fc.oneof(fc.constantFrom('00QKY000001LyJR2A0', 'u1', 'u1', ''), anyJson),
      email: exportValue,
      first_name: exportValue,
      last_name: exportValue,
      user_id: exportValue,
      braze_id: exportValue,
      phone: exportValue,
      dob: exportValue,
      custom_attributes: fc.oneof(fc.dictionary(fc.oneof(fc.constantFrom('company', 'lead id', 'a.b', '__proto__'), nastyText), exportValue, { maxKeys: 4 }), anyJson),
      message_context: fc.oneof(fc.dictionary(fc.constantFrom('event_properties', 'canvas_entry_properties', 'api_trigger_properties', 'campaign', 'nope'), anyJson, { maxKeys: 3 }), anyJson),
      purchases: fc.oneof({ weight: 9, arbitrary: anyJson }, { weight: 1, arbitrary: fc.constant(HUGE_ARRAY) }),
    },
    { requiredKeys: [] },
  ) },
  { weight: 1, arbitrary: anyJson },
);

/** A profiles file: the export envelope, a bare array, one user, an error response, or junk. */
export const profilesValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ message: fc.constantFrom('success', 'Invalid API key', ''), users: fc.oneof({ weight: 5, arbitrary: fc.array(exportUser, { maxLength: 3 }) }, { weight: 1, arbitrary: anyJson }), invalid_user_ids: fc.oneof(fc.array(anyJson, { maxLength: 8 }), anyJson) }, { requiredKeys: ['users'] }) },
  { weight: 3, arbitrary: fc.array(exportUser, { maxLength: 3 }) },
  { weight: 3, arbitrary: exportUser },
  { weight: 1, arbitrary: fc.record({ message: nastyText, errors: fc.array(anyJson, { maxLength: 2 }) }, { requiredKeys: ['message'] }) },
  { weight: 1, arbitrary: fc.constant(BULK_USERS) },
  { weight: 1, arbitrary: anyJson },
);

/** A mocks file: rules with random shapes, or junk. */
export const mocksValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.record(
    {
      scenario: fc.oneof(fc.constantFrom(...(Object.keys(SCENARIOS) as ScenarioName[])), anyJson),
      rules: fc.array(
        fc.record(
          {
            match: fc.oneof(fc.record({ url: fc.oneof(fc.constantFrom('https://*.my.salesforce.com/services/oauth2/token', 'https://acme.my.salesforce.com/*', '*', '', '**'), anyJson), method: fc.oneof(fc.constantFrom('POST', 'GET', 'PUT'), anyJson) }, { requiredKeys: [] }), anyJson),
            response: fc.oneof(fc.record({ status: fc.oneof(fc.integer({ min: -1, max: 700 }), anyJson), json: anyJson, text: fc.oneof(nastyText, anyJson), delay_ms: fc.oneof(fc.integer({ min: -1, max: 5000 }), anyJson) }, { requiredKeys: [] }), anyJson),
          },
          { requiredKeys: [] },
        ),
        { maxLength: 3 },
      ),
    },
    { requiredKeys: [] },
  ),
  anyJson,
);

/** A built-in scenario name. */
export const scenario = fc.constantFrom(...(Object.keys(SCENARIOS) as ScenarioName[]));

/** A `braze-webhook.config.json`: rule settings with random severities and options, or junk. */
export function configValue(ruleIds: readonly string[]): fc.Arbitrary<unknown> {
  const severity = fc.oneof(fc.constantFrom('off', 'error', 'warning', 'info'), fc.constantFrom('ERROR', 'fatal', ''), anyJson);
  const setting = fc.oneof(severity, fc.tuple(severity, fc.oneof(fc.dictionary(fc.string({ maxLength: 8 }), anyJson, { maxKeys: 2 }), anyJson)), fc.array(anyJson, { maxLength: 3 }));
  const ruleId = fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...ruleIds) }, { weight: 1, arbitrary: fc.constantFrom('nope', '__proto__', 'constructor', '') });
  return fc.oneof(
    { weight: 4, arbitrary: fc.record({ rules: fc.oneof({ weight: 5, arbitrary: fc.dictionary(ruleId, setting, { maxKeys: 4 }) }, { weight: 1, arbitrary: anyJson }), profiles: fc.oneof(fc.array(fc.string({ maxLength: 10 }), { maxLength: 2 }), anyJson), mocks: fc.oneof(fc.string({ maxLength: 10 }), anyJson), scenario: fc.oneof(scenario, anyJson) }, { requiredKeys: [] }) },
    { weight: 1, arbitrary: anyJson },
  );
}
