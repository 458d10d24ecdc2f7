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
      errors: [{ messageId: 'missingWithDefault', data: { reference: 'custom_attribute.${company}', value: '"Unknown"' }, highlight: 'custom_attribute.${company}' }],
    },
    {
      // Issue 11: the message sat under a body whose LastName was "Unknown" and said it was empty.
      name: "the issue's case: LastName with | default: 'Unknown' for a user without last_name",
      code: tpl({ body: { LastName: "{{${last_name} | default: 'Unknown'}}", Company: 'Acme' } }),
      profiles: [{ external_id: 'user-4711', first_name: 'Zoë' }],
      errors: [{ messageId: 'missingWithDefault', data: { reference: '${last_name}', value: '"Unknown"' }, highlight: '${last_name}' }],
    },
    {
      name: 'filters that keep an empty value empty come before the default',
      code: tpl({ body: { LastName: "{{ ${last_name} | strip | upcase | default: \"N/A\" }}", Company: 'Acme' } }),
      profiles: [{ external_id: 'user-4711' }],
      errors: [{ messageId: 'missingWithDefault', data: { reference: '${last_name}', value: '"N/A"' }, highlight: '${last_name}' }],
    },
    {
      name: 'a default that is another attribute',
      code: tpl({ body: { LastName: '{{${last_name} | default: ${first_name}}}', Company: 'Acme' } }),
      profiles: [{ external_id: 'user-4711', first_name: 'Zoë' }],
      errors: [{ messageId: 'missingWithDefault', data: { reference: '${last_name}', value: '`${first_name}`' }, highlight: '${last_name}' }],
    },
    {
      name: 'an empty default renders empty',
      code: tpl({ body: { LastName: 'Lee', Company: "{{custom_attribute.${company} | default: ''}}" } }),
      profiles: [{ external_id: 'user-4711' }],
      errors: [{ messageId: 'missingWithEmptyDefault', data: { reference: 'custom_attribute.${company}' }, highlight: 'custom_attribute.${company}' }],
    },
    {
      name: 'a filter before the default that adds text decides the value (the default does not apply)',
      code: tpl({ body: { LastName: "{{${last_name} | append: ' Jr' | default: 'Unknown'}}", Company: 'Acme' } }),
      profiles: [{ external_id: 'user-4711' }],
      errors: [{ messageId: 'missingBeforeFilters', data: { reference: '${last_name}', filters: 'append' }, highlight: '${last_name}' }],
    },
    {
      name: 'the reference is a filter argument, not the subject: it is used as an empty string',
      code: tpl({ body: { LastName: "{{ 'Dr. ' | append: ${last_name} | default: 'x' }}", Company: 'Acme' } }),
      profiles: [{ external_id: 'user-4711' }],
      errors: [{ messageId: 'missing', data: { reference: '${last_name}' }, highlight: '${last_name}' }],
    },
    {
      name: 'an output inside connected_content arguments (the secret in the token call) renders empty',
      code: template(),
      profiles: [{ external_id: '00QKY000001LyJR2A0', last_name: 'García', custom_attributes: { company: 'Acme' } }],
      errors: [{ messageId: 'missing', data: { reference: 'custom_attribute.${sf_secret}' }, highlight: 'custom_attribute.${sf_secret}' }],
    },
    {
      name: 'inside a tag (an assign)',
      code: tpl({ body: { LastName: "{% assign n = ${last_name} %}{{ n | default: 'Unknown' }}", Company: 'Acme' } }),
      profiles: [{ external_id: 'user-4711' }],
      errors: [{ messageId: 'missingInTag', data: { reference: '${last_name}' }, highlight: '${last_name}' }],
    },
    {
      name: 'what follows the abort in the same field does not render either',
      code: tpl({ url: `{% if \${user_id} == blank %}{% abort_message('no id') %}{% endif %}https://acme.my.salesforce.com/services/data/v60.0/sobjects/Lead/{{\${user_id}}}`, request_method: 'PATCH' }),
      profiles: [{ last_name: 'Lee', email: 'lee@example.com', custom_attributes: {} }],
      errors: [{ messageId: 'missingInTag', data: { reference: '${user_id}' }, highlight: '${user_id}' }],
    },
    {
      name: 'fields after an abort do not render, so only the guard reference is reported',
      code: tpl({ url: `{% if \${user_id} == blank %}{% abort_message('no id') %}{% endif %}https://acme.my.salesforce.com/services/data/v60.0/sobjects/Lead/` }),
      profiles: [{ last_name: 'Lee', email: 'lee@example.com', custom_attributes: {} }],
      errors: [{ messageId: 'missingInTag', data: { reference: '${user_id}' }, highlight: '${user_id}' }],
    },
  ],
});
