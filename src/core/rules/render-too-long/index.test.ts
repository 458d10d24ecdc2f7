import { DEFAULT_PROFILE, GOOD_AUTH, raw, runRuleTests, template } from '../../../../test/helpers/rule-tester';
import { RenderTooLong } from '.';

/** GOOD_AUTH with a literal secret: the token call succeeds for profiles without `sf_secret`. */
const AUTH = GOOD_AUTH.replace('{{custom_attribute.${sf_secret}}}', 'EXAMPLE0SECRET');
const tpl = (parts: Parameters<typeof template>[0] = {}) => template({ request_headers: { Authorization: AUTH, 'Content-Type': 'application/json' }, ...parts });

const withFirstName = (first_name: string, external_id = 'long') => ({ ...DEFAULT_PROFILE, external_id, first_name });
const firstName = '{{${first_name}}}';
const body = (extra: Record<string, string>) => ({ LastName: 'Lee', Company: 'Acme', ...extra });

runRuleTests(RenderTooLong, {
  valid: [
    { name: 'exactly 40 characters', code: tpl({ body: body({ FirstName: firstName }) }), profiles: [withFirstName('x'.repeat(40))] },
    { name: 'emoji count as one character each', code: tpl({ body: body({ FirstName: firstName }) }), profiles: [withFirstName('😀'.repeat(40))] },
    { name: 'a long Description fits 32,000', code: tpl({ body: body({ Description: firstName }) }), profiles: [withFirstName('x'.repeat(500))] },
    { name: 'custom fields have no known length', code: tpl({ body: body({ Nickname__c: firstName }) }), profiles: [withFirstName('x'.repeat(500))] },
    { name: 'not a Lead URL', code: tpl({ url: 'https://acme.my.salesforce.com/services/data/v60.0/sobjects/Contact/', body: body({ FirstName: firstName }) }), profiles: [withFirstName('x'.repeat(41))] },
    { name: 'aborted before the body renders', code: tpl({ body: body({ FirstName: firstName }) }), profiles: [withFirstName('x'.repeat(41))], scenario: 'invalid-client' },
  ],
  invalid: [
    {
      name: 'FirstName over 40',
      code: tpl({ body: body({ FirstName: firstName }) }),
      profiles: [DEFAULT_PROFILE, withFirstName('x'.repeat(41))],
      errors: [{ messageId: 'tooLong', data: { key: 'FirstName', field: 'FirstName', label: 'First Name', length: 41, max: 40 }, highlight: `"${firstName}"`, profile: 'long' }],
    },
    {
      name: 'literal text counts too, and the key case does not matter',
      code: tpl({ body: body({ postalcode: `ES-${firstName}` }) }),
      profiles: [withFirstName('1234567890123456789')],
      errors: [{ messageId: 'tooLong', data: { key: 'postalcode', field: 'PostalCode', label: 'Zip/Postal Code', length: 22, max: 20 }, highlight: `"ES-${firstName}"` }],
    },
    {
      name: 'Email over 80',
      code: tpl({ body: body({ Email: '{{${email_address}}}' }) }),
      profiles: [{ ...DEFAULT_PROFILE, email: `${'a'.repeat(70)}@example.com` }],
      errors: [{ messageId: 'tooLong', data: { key: 'Email', field: 'Email', label: 'Email', length: 82, max: 80 }, highlight: '"{{${email_address}}}"' }],
    },
    {
      name: 'raw body',
      code: tpl({ body: `{"LastName": "Lee", "Company": "Acme", "City": "${firstName}"}` }),
      profiles: [withFirstName('y'.repeat(45))],
      errors: [{ messageId: 'tooLong', data: { key: 'City', field: 'City', label: 'City', length: 45, max: 40 }, highlight: raw(`"${firstName}"`) }],
    },
    {
      name: 'update as well as create',
      code: tpl({ url: 'https://acme.my.salesforce.com/services/data/v60.0/sobjects/Lead/00QE000000Ft9AhMAJ', request_method: 'PATCH', body: { Title: firstName } }),
      profiles: [withFirstName('t'.repeat(129))],
      errors: [{ messageId: 'tooLong', data: { key: 'Title', field: 'Title', label: 'Title', length: 129, max: 128 }, highlight: `"${firstName}"` }],
    },
  ],
});
