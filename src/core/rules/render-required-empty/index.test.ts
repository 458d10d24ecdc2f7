import { DEFAULT_PROFILE, GOOD_AUTH, raw, runRuleTests, template } from '../../../../test/helpers/rule-tester';
import { RenderRequiredEmpty } from '.';

/** GOOD_AUTH with a literal secret: the token call succeeds for profiles without `sf_secret`. */
const AUTH = GOOD_AUTH.replace('{{custom_attribute.${sf_secret}}}', 'EXAMPLE0SECRET');
const tpl = (parts: Parameters<typeof template>[0] = {}) => template({ request_headers: { Authorization: AUTH, 'Content-Type': 'application/json' }, ...parts });

const LEAD_URL = 'https://acme.my.salesforce.com/services/data/v60.0/sobjects/Lead/';
const NO_LAST_NAME = { external_id: '00QE000000Ft9AhMAJ', first_name: 'Zoë', email: 'zoe@example.org', custom_attributes: { company: 'Acme' } };
const NO_COMPANY = { ...DEFAULT_PROFILE, external_id: 'no-company', custom_attributes: {} };
const SPACES = { ...DEFAULT_PROFILE, external_id: 'spaces', last_name: '   ' };
const lastName = '{{${last_name}}}';
const company = '{{custom_attribute.${company}}}';

runRuleTests(RenderRequiredEmpty, {
  valid: [
    { name: 'both required fields render', code: tpl({ body: { LastName: lastName, Company: company } }) },
    { name: 'default fills a missing last name', code: tpl({ body: { LastName: "{{${last_name} | default: 'Unknown'}}", Company: 'Acme' } }), profiles: [NO_LAST_NAME] },
    { name: 'an empty optional field', code: tpl({ body: { LastName: 'Lee', Company: 'Acme', FirstName: '{{${first_name}}}' } }), profiles: [{ external_id: 'x' }] },
    { name: 'not a Lead URL', code: tpl({ url: 'https://acme.my.salesforce.com/services/data/v60.0/sobjects/Contact/', body: { LastName: lastName } }), profiles: [NO_LAST_NAME] },
    { name: 'aborted before the body renders', code: tpl({ body: { LastName: lastName, Company: 'Acme' } }), profiles: [NO_LAST_NAME], scenario: 'invalid-client' },
    { name: 'custom field that merely ends like a required one', code: tpl({ body: { LastName: 'Lee', Company: 'Acme', Company_Size__c: '{{custom_attribute.${size}}}' } }) },
    { name: 'raw body with values', code: tpl({ body: `{"LastName": "${lastName}", "Company": "${company}"}` }) },
    { name: 'a literal null in a raw body is the same for every profile: sf-required-fields reports it', code: tpl({ body: '{"LastName": null, "Company": "Acme"}' }), profiles: [NO_LAST_NAME] },
    { name: 'a literal empty value is sf-required-fields’ finding too', code: tpl({ body: { LastName: '', Company: 'Acme' } }) },
  ],
  invalid: [
    {
      name: 'missing last name on create',
      code: tpl({ body: { LastName: lastName, Company: company } }),
      profiles: [DEFAULT_PROFILE, NO_LAST_NAME],
      errors: [{ messageId: 'empty', data: { key: 'LastName', field: 'LastName' }, highlight: `"${lastName}"`, profile: '00QE000000Ft9AhMAJ' }],
      suggestions: ["Add `| default: 'Unknown'` to the last output of LastName"],
    },
    {
      name: 'key in another case: Salesforce matches it to Company',
      code: tpl({ body: { LastName: 'Lee', company } }),
      profiles: [NO_COMPANY],
      errors: [{ messageId: 'empty', data: { key: 'company', field: 'Company' }, highlight: `"${company}"` }],
      suggestions: ["Add `| default: 'Unknown'` to the last output of company"],
    },
    {
      name: 'only whitespace: default does not apply',
      code: tpl({ body: { LastName: lastName, Company: 'Acme' } }),
      profiles: [SPACES],
      errors: [{ messageId: 'blank', data: { key: 'LastName', field: 'LastName' }, highlight: `"${lastName}"` }],
      suggestions: ["Add `| strip | default: 'Unknown'` to the last output of LastName"],
    },
    {
      name: 'literal text around an empty output leaves whitespace',
      code: tpl({ body: { LastName: `${lastName} `, Company: 'Acme' } }),
      profiles: [NO_LAST_NAME],
      errors: [{ messageId: 'blank', data: { key: 'LastName', field: 'LastName' }, highlight: `"${lastName} "` }],
      suggestions: ["Add `| strip | default: 'Unknown'` to the last output of LastName"],
    },
    {
      name: 'an output that already has an empty default gets no suggestion',
      code: tpl({ body: { LastName: "{{${last_name} | default: ''}}", Company: 'Acme' } }),
      profiles: [NO_LAST_NAME],
      errors: [{ messageId: 'empty', data: { key: 'LastName', field: 'LastName' }, highlight: `"${raw("{{${last_name} | default: ''}}")}"` }],
      suggestions: [],
    },
    {
      name: 'update: clearing a required field',
      code: tpl({ url: `${LEAD_URL}00QE000000Ft9AhMAJ`, request_method: 'PATCH', body: { LastName: lastName } }),
      profiles: [NO_LAST_NAME],
      errors: [{ messageId: 'emptyOnUpdate', data: { key: 'LastName', field: 'LastName' }, highlight: `"${lastName}"` }],
      suggestions: [],
    },
    {
      name: 'upsert by external Id may create',
      code: tpl({ url: `${LEAD_URL}Braze_Id__c/{{\${braze_id} | default: 'x'}}`, request_method: 'PATCH', body: { LastName: 'Lee', Company: company } }),
      profiles: [NO_COMPANY],
      errors: [{ messageId: 'empty', data: { key: 'Company', field: 'Company' }, highlight: `"${company}"` }],
    },
    {
      name: 'raw body: points at the value inside the body',
      code: tpl({ body: `{"LastName": "${lastName}", "Company": "${company}"}` }),
      profiles: [NO_LAST_NAME],
      errors: [{ messageId: 'empty', data: { key: 'LastName', field: 'LastName' }, highlight: raw(`"${lastName}"`) }],
      suggestions: ["Add `| default: 'Unknown'` to the last output of LastName"],
    },
    {
      name: 'option: the default value to suggest',
      code: tpl({ body: { LastName: 'Lee', Company: company } }),
      options: { defaultValue: "N/A (Braze's)" },
      profiles: [NO_COMPANY],
      errors: [{ messageId: 'empty', data: { key: 'Company', field: 'Company' }, highlight: `"${company}"` }],
      suggestions: ["Add `| default: 'N/A (Brazes)'` to the last output of Company"],
    },
    {
      name: 'both required fields empty',
      code: tpl({ body: { LastName: lastName, Company: company } }),
      profiles: [{ external_id: 'empty' }],
      errors: [
        { messageId: 'empty', data: { key: 'LastName', field: 'LastName' }, highlight: `"${lastName}"` },
        { messageId: 'empty', data: { key: 'Company', field: 'Company' }, highlight: `"${company}"` },
      ],
    },
  ],
});
