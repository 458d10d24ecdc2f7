import { DEFAULT_PROFILE, GOOD_AUTH, runRuleTests, template } from '../../../../test/helpers/rule-tester';
import { RenderMissingAttribute } from '.';

/** GOOD_AUTH with a literal secret: no attribute in the header. */
const AUTH = GOOD_AUTH.replace('{{custom_attribute.${sf_secret}}}', 'EXAMPLE0SECRET');
const tpl = (parts: Parameters<typeof template>[0] = {}) => template({ request_headers: { Authorization: AUTH, 'Content-Type': 'application/json' }, ...parts });
const FULL = { ...DEFAULT_PROFILE, custom_attributes: { company: 'Acme', sf_secret: 'from-profile' } };

runRuleTests(RenderMissingAttribute, {
  valid: [
    { name: 'every attribute has a value', code: tpl() },
    { name: 'the secret comes from the profile', code: template(), profiles: [FULL] },
    { name: 'content blocks are files, not attributes', code: tpl({ body: { LastName: 'Lee', Company: 'Acme', Description: '{{content_blocks.${footer}}}' } }) },
    { name: 'a value of 0 is a value', code: tpl({ body: { LastName: 'Lee', Company: 'Acme', NumberOfEmployees: '{{custom_attribute.${size}}}' } }), profiles: [{ ...DEFAULT_PROFILE, custom_attributes: { size: 0 } }] },
  ],
  invalid: [
    {
      name: 'a missing attribute renders empty',
      code: tpl({ body: { LastName: '{{${last_name}}}', Company: 'Acme' } }),
      profiles: [DEFAULT_PROFILE, { external_id: 'nameless' }],
      errors: [{ messageId: 'missing', data: { reference: '${last_name}' }, highlight: '${last_name}', profile: 'nameless' }],
    },
    {
      name: 'a default supplies the value',
      code: tpl(),
      profiles: [{ ...DEFAULT_PROFILE, custom_attributes: {} }],
      errors: [{ messageId: 'missingWithDefault', data: { reference: 'custom_attribute.${company}' }, highlight: 'custom_attribute.${company}' }],
    },
    {
      name: 'inside a tag (the secret in the token call)',
      code: template(),
      profiles: [{ external_id: '00QKY000001LyJR2A0', last_name: 'García', custom_attributes: { company: 'Acme' } }],
      errors: [{ messageId: 'missingInTag', data: { reference: 'custom_attribute.${sf_secret}' }, highlight: 'custom_attribute.${sf_secret}' }],
    },
    {
      name: 'fields after an abort do not render, so only the guard reference is reported',
      code: tpl({ url: `{% if \${user_id} == blank %}{% abort_message('no id') %}{% endif %}https://acme.my.salesforce.com/services/data/v60.0/sobjects/Lead/` }),
      profiles: [{ last_name: 'Lee', email: 'lee@example.com', custom_attributes: {} }],
      errors: [{ messageId: 'missingInTag', data: { reference: '${user_id}' }, highlight: '${user_id}' }],
    },
  ],
});
