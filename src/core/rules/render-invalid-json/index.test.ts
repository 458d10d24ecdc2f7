import { DEFAULT_PROFILE, GOOD_AUTH, raw, runRuleTests, template } from '../../../../test/helpers/rule-tester';
import { RenderInvalidJson } from '.';

/** GOOD_AUTH with a literal secret: the token call succeeds for profiles without `sf_secret`. */
const AUTH = GOOD_AUTH.replace('{{custom_attribute.${sf_secret}}}', 'EXAMPLE0SECRET');
const JSON_HEADERS = { Authorization: AUTH, 'Content-Type': 'application/json' };
const tpl = (parts: Parameters<typeof template>[0] = {}) => template({ request_headers: JSON_HEADERS, ...parts });
/** The body field as it appears in the file: its JSON string token, quotes included. */
const bodyToken = (body: string) => `"${raw(body)}"`;

const ANNIE = { ...DEFAULT_PROFILE, external_id: 'annie', custom_attributes: { company: 'Ann "Annie" Lee & Co' } };
const TWO_LINES = { ...DEFAULT_PROFILE, external_id: 'two-lines', last_name: 'García\nLópez' };
const NO_FIRST_NAME = { external_id: 'nameless', last_name: 'Lee' };

const companyBody = '{"LastName": "{{${last_name}}}", "Company": "{{custom_attribute.${company}}}"}';
const trailingComma = '{"LastName": "{{${last_name}}}",}';
const multiLine = '{\n  "LastName": "{{${last_name}}}"\n}';
const unquoted = '{"LastName": {{${last_name}}}}';

runRuleTests(RenderInvalidJson, {
  valid: [
    { name: 'key/value body: Braze builds the JSON itself', code: tpl({ body: { LastName: '{{custom_attribute.${company}}}', Company: 'x' } }), profiles: [ANNIE] },
    { name: 'json_escape keeps quotes inside the string', code: tpl({ body: '{"LastName": "x", "Company": "{{custom_attribute.${company} | json_escape}}"}' }), profiles: [ANNIE] },
    { name: 'raw body that renders to JSON', code: tpl({ body: companyBody }) },
    {
      name: 'form body with a form Content-Type is not JSON',
      code: tpl({ request_headers: { Authorization: AUTH, 'Content-Type': 'application/x-www-form-urlencoded' }, body: 'LastName={{${last_name}}}&Company={{custom_attribute.${company}}}' }),
      profiles: [ANNIE],
    },
    { name: 'plain text without a JSON Content-Type', code: tpl({ request_headers: { Authorization: AUTH, 'Content-Type': 'text/plain' }, body: 'hello {{${first_name}}}' }) },
    { name: 'aborted before the body renders', code: tpl({ body: trailingComma }), scenario: 'invalid-client' },
    { name: 'an empty body with a text Content-Type', code: tpl({ request_headers: { Authorization: AUTH, 'Content-Type': 'text/plain' }, body: '{{${first_name}}}' }), profiles: [NO_FIRST_NAME] },
  ],
  invalid: [
    {
      name: 'unescaped quotes from a profile value',
      code: tpl({ body: companyBody }),
      profiles: [DEFAULT_PROFILE, ANNIE],
      errors: [{ messageId: 'invalid', data: { problem: 'Invalid symbol', line: 1, column: 41, character: '"A"' }, highlight: bodyToken(companyBody), profile: 'annie' }],
      suggestions: ['Add `| json_escape` to the personalised outputs inside JSON strings (2)'],
    },
    {
      name: 'a line break inside a string, on the second line of the body',
      code: tpl({ body: multiLine }),
      profiles: [TWO_LINES],
      errors: [{ messageId: 'invalid', data: { problem: 'Invalid character in string (control characters must be escaped)', line: 2, column: 22, character: 'a line break' }, highlight: bodyToken(multiLine) }],
    },
    {
      name: 'trailing comma written in the template',
      code: tpl({ body: trailingComma }),
      errors: [{ messageId: 'invalid', data: { problem: 'Property name expected', line: 1, column: 23, character: '"}"' }, highlight: bodyToken(trailingComma) }],
    },
    {
      name: 'a body that looks like JSON, without Content-Type',
      code: tpl({ request_headers: { Authorization: AUTH }, body: unquoted }),
      errors: [{ messageId: 'invalid', data: { problem: 'Invalid symbol', line: 1, column: 14, character: '"G"' }, highlight: bodyToken(unquoted) }],
    },
    {
      name: 'a JSON Content-Type with parameters and a form body',
      code: tpl({ request_headers: { Authorization: AUTH, 'Content-Type': 'application/json; charset=utf-8' }, body: 'LastName={{${last_name}}}' }),
      errors: [{ messageId: 'invalid', data: { problem: 'Invalid symbol', line: 1, column: 1, character: '"L"' }, highlight: bodyToken('LastName={{${last_name}}}') }],
      suggestions: [],
    },
    {
      name: 'an unterminated body ends early',
      code: tpl({ body: '{"LastName": "{{${last_name}}}"' }),
      errors: [{ messageId: 'invalid', data: { problem: 'Closing brace `}` expected', line: 1, column: 22, character: 'the end of the body' }, highlight: bodyToken('{"LastName": "{{${last_name}}}"') }],
    },
    {
      name: 'the body renders empty',
      code: tpl({ body: '{{${first_name}}}' }),
      profiles: [NO_FIRST_NAME],
      errors: [{ messageId: 'empty', data: { contentType: 'application/json' }, highlight: bodyToken('{{${first_name}}}') }],
    },
  ],
});
