import assert from 'node:assert/strict';
import { DEFAULT_PROFILE, GOOD_AUTH, raw, runRuleTests, template } from '../../../../test/helpers/rule-tester';
import { emailProblem } from '../../salesforce/field-checks';
import { RenderInvalidEmail } from '.';

/** GOOD_AUTH with a literal secret: the token call succeeds for profiles without `sf_secret`. */
const AUTH = GOOD_AUTH.replace('{{custom_attribute.${sf_secret}}}', 'EXAMPLE0SECRET');
const tpl = (parts: Parameters<typeof template>[0] = {}) => template({ request_headers: { Authorization: AUTH, 'Content-Type': 'application/json' }, ...parts });

const email = '{{${email_address}}}';
const withEmail = (address: string, external_id = 'mail') => ({ ...DEFAULT_PROFILE, external_id, email: address });
const leadBody = { LastName: 'Lee', Company: 'Acme', Email: email };

runRuleTests(RenderInvalidEmail, {
  valid: [
    { name: 'a plain address', code: tpl({ body: leadBody }) },
    { name: 'plus addressing and a country domain', code: tpl({ body: leadBody }), profiles: [withEmail('sean+leads@example.ie')] },
    { name: 'no email: Email is optional', code: tpl({ body: leadBody }), profiles: [{ external_id: 'no-mail', last_name: 'Lee' }] },
    { name: 'surrounding spaces are trimmed', code: tpl({ body: { ...leadBody, Email: ` ${email} ` } }) },
    { name: 'a custom text field is not an email field', code: tpl({ body: { LastName: 'Lee', Company: 'Acme', Email_Note__c: '{{${first_name}}}' } }) },
    { name: 'not a Lead URL', code: tpl({ url: 'https://acme.my.salesforce.com/services/data/v60.0/sobjects/Contact/', body: leadBody }), profiles: [withEmail('nope')] },
    { name: 'aborted before the body renders', code: tpl({ body: leadBody }), profiles: [withEmail('nope')], scenario: 'invalid-client' },
  ],
  invalid: [
    {
      name: 'a name in the Email field',
      code: tpl({ body: { ...leadBody, Email: '{{${first_name}}}' } }),
      errors: [{ messageId: 'invalid', data: { key: 'Email', value: 'Ana', reason: 'there is no "@"' }, highlight: '"{{${first_name}}}"' }],
    },
    {
      name: 'no dot in the domain',
      code: tpl({ body: leadBody }),
      profiles: [DEFAULT_PROFILE, withEmail('ana@localhost')],
      errors: [{ messageId: 'invalid', data: { key: 'Email', value: 'ana@localhost', reason: 'the domain has no "."' }, highlight: `"${email}"`, profile: 'mail' }],
    },
    {
      name: 'a space inside',
      code: tpl({ body: { LastName: 'Lee', Company: 'Acme', email } }),
      profiles: [withEmail('ana garcia@example.com')],
      errors: [{ messageId: 'invalid', data: { key: 'email', value: 'ana garcia@example.com', reason: 'it contains whitespace' }, highlight: `"${email}"` }],
    },
    {
      name: 'raw body',
      code: tpl({ body: `{"LastName": "Lee", "Company": "Acme", "Email": "${email}"}` }),
      profiles: [withEmail('ana@@example.com')],
      errors: [{ messageId: 'invalid', data: { key: 'Email', value: 'ana@@example.com', reason: 'there is more than one "@"' }, highlight: raw(`"${email}"`) }],
    },
    {
      name: 'a long value is cut in the message',
      code: tpl({ body: leadBody }),
      profiles: [withEmail('x'.repeat(75))],
      errors: [{ messageId: 'invalid', data: { key: 'Email', value: `${'x'.repeat(59)}…`, reason: 'there is no "@"' }, highlight: `"${email}"` }],
    },
    {
      name: 'an address longer than the field is render-too-long’s (Salesforce reports the length first)',
      code: tpl({ body: { LastName: 'Lee', Company: 'Acme', Email: email } }),
      profiles: [withEmail(`${'y'.repeat(90)}@example.com`)],
      errors: [],
    },
  ],
});

describe('emailProblem', () => {
  const cases: Array<[string, string | undefined]> = [
    ['ana@example.com', undefined],
    ['a.b-c_d+e@sub.example.co.uk', undefined],
    ['', undefined],
    ['@example.com', 'nothing before the "@"'],
    ['ana@', 'nothing after the "@"'],
    ['ana..b@example.com', 'the part before the "@" has characters an address cannot hold'],
    ['.ana@example.com', 'the part before the "@" has characters an address cannot hold'],
    ['"ana"@example.com', 'the part before the "@" has characters an address cannot hold'],
    ['ana@exa_mple!.com', 'the domain is not a host name'],
    ['ana@-example.com', 'the domain is not a host name'],
    ['ana@example.c0m', 'the domain does not end in a top-level domain'],
  ];
  for (const [address, expected] of cases) {
    it(`${JSON.stringify(address)} → ${expected ?? 'ok'}`, () => assert.equal(emailProblem(address), expected));
  }
});
