import { DEFAULT_PROFILE, GOOD_AUTH, raw, runRuleTests, template } from '../../../../test/helpers/rule-tester';
import { RenderObjectValue } from '.';

/** GOOD_AUTH with a literal secret: the token call succeeds for every profile. */
const AUTH = GOOD_AUTH.replace('{{custom_attribute.${sf_secret}}}', 'EXAMPLE0SECRET');
const tpl = (parts: Parameters<typeof template>[0] = {}) => template({ request_headers: { Authorization: AUTH, 'Content-Type': 'application/json' }, ...parts });

/** A user whose `company` is a nested custom attribute object and `tags` an array. */
const NESTED = { ...DEFAULT_PROFILE, external_id: 'nested', custom_attributes: { company: { name: 'Acme', size: 250 }, tags: ['vip', 'beta'], one: ['solo'] } };
const lead = (extra: Record<string, string>) => ({ LastName: '{{${last_name}}}', ...extra });

runRuleTests(RenderObjectValue, {
  valid: [
    { name: 'a string attribute', code: tpl({ body: lead({ Company: '{{custom_attribute.${company}}}' }) }) },
    { name: 'a key of the nested object', code: tpl({ body: lead({ Company: '{{custom_attribute.${company.name}}}' }) }), profiles: [NESTED] },
    { name: 'an array joined on purpose', code: tpl({ body: lead({ Company: 'x', Description: "{{custom_attribute.${tags} | join: ', '}}" }) }), profiles: [NESTED] },
    { name: 'one item of the array', code: tpl({ body: lead({ Company: 'x', Description: '{{custom_attribute.${tags} | first}}' }) }), profiles: [NESTED] },
    { name: 'a field Salesforce does not know is left to sf rules', code: tpl({ body: lead({ Company: 'x', Tags__c: '{{custom_attribute.${tags}}}' }) }), profiles: [NESTED] },
    { name: 'not a Lead URL', code: tpl({ url: 'https://hooks.example.com/in', body: lead({ Company: '{{custom_attribute.${company}}}' }) }), profiles: [NESTED] },
  ],
  invalid: [
    {
      name: 'issue 11: a nested custom attribute object in Company',
      code: tpl({ body: lead({ Company: '{{custom_attribute.${company}}}' }) }),
      profiles: [DEFAULT_PROFILE, NESTED],
      errors: [
        {
          messageId: 'hash',
          data: { key: 'Company', field: 'Company', text: '{"name"=>"Acme", "size"=>250}' },
          highlight: '"{{custom_attribute.${company}}}"',
          profile: 'nested',
        },
      ],
    },
    {
      name: 'an array in Description prints its items run together',
      code: tpl({ body: lead({ Company: 'x', Description: 'Tags: {{custom_attribute.${tags}}}' }) }),
      profiles: [NESTED],
      errors: [{ messageId: 'array', data: { key: 'Description', field: 'Description', text: 'vipbeta', size: 2 }, highlight: '"Tags: {{custom_attribute.${tags}}}"' }],
    },
    {
      name: 'a raw JSON body, escaped so the JSON stays valid',
      code: tpl({ body: '{"LastName": "Lee", "Company": "{{custom_attribute.${company} | json_escape}}"}' }),
      profiles: [NESTED],
      errors: [{ messageId: 'hash', data: { key: 'Company', field: 'Company', text: '{"name"=>"Acme", "size"=>250}' }, highlight: raw('"{{custom_attribute.${company} | json_escape}}"') }],
    },
    {
      name: 'a one-item list still prints as its item only while it has one',
      code: tpl({ body: lead({ Company: 'x', Title: '{{custom_attribute.${one}}}' }) }),
      profiles: [NESTED],
      errors: [{ messageId: 'array', data: { key: 'Title', field: 'Title', text: 'solo', size: 1 }, highlight: '"{{custom_attribute.${one}}}"' }],
    },
  ],
});
