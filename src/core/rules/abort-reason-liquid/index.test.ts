import { raw, runRuleTests, template } from '../../../../test/helpers/rule-tester';
import { AbortReasonLiquid } from '.';

const url = (suffix: string) => template({ url: `https://acme.my.salesforce.com/services/data/v60.0/sobjects/Lead/${suffix}`, request_method: 'PATCH' });

runRuleTests(AbortReasonLiquid, {
  valid: [
    template(),
    url("{% if ${user_id} == blank %}{% abort_message('no user_id') %}{% endif %}{{${user_id}}}"),
    url('{% if ${user_id} == blank %}{% abort_message() %}{% endif %}{{${user_id}}}'),
    url('{% if ${user_id} == blank %}{% abort_message %}{% endif %}{{${user_id}}}'),
    { name: 'Liquid around the tag is fine', code: url('{% if ${user_id} == blank %}{% abort_message("no id for this user") %}{% endif %}{{${user_id}}}') },
  ],
  invalid: [
    {
      name: 'an output inside the reason',
      code: url("{% if ${user_id} == blank %}{% abort_message('no id for {{${email_address}}}') %}{% endif %}{{${user_id}}}"),
      errors: [{ messageId: 'liquid', data: { liquid: '{{${email_address}}}' }, highlight: '{{${email_address}}}' }],
      suggestions: ['Remove `{{${email_address}}}` from the reason'],
    },
    {
      name: 'a bare reference, and an output with a filter (double quotes, JSON escapes)',
      code: url('{% if ${user_id} == blank %}{% abort_message("plan custom_attribute.${plan} and {{ ${first_name} | upcase }}") %}{% endif %}{{${user_id}}}'),
      errors: [
        { messageId: 'liquid', data: { liquid: 'custom_attribute.${plan}' }, highlight: 'custom_attribute.${plan}' },
        { messageId: 'liquid', data: { liquid: '{{ ${first_name} | upcase }}' }, highlight: raw('{{ ${first_name} | upcase }}') },
      ],
    },
    {
      name: 'a tag opener inside the reason',
      code: url("{% if ${user_id} == blank %}{% abort_message('a {% if x') %}{% endif %}{{${user_id}}}"),
      errors: [{ messageId: 'liquid', data: { liquid: '{% if x' }, highlight: '{% if x' }],
    },
    {
      name: 'in a header',
      code: template({ request_headers: { Authorization: "{% abort_message('token {{result.access_token}} failed') %}", 'Content-Type': 'application/json' } }),
      errors: [{ messageId: 'liquid', data: { liquid: '{{result.access_token}}' }, highlight: '{{result.access_token}}' }],
    },
  ],
});
