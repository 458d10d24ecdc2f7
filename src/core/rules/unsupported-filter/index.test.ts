import { raw, runRuleTests, template } from '../../../../test/helpers/rule-tester';
import { UnsupportedFilter } from '.';

const body = (Description: string) => template({ body: { LastName: '{{${last_name}}}', Description } });

runRuleTests(UnsupportedFilter, {
  valid: [
    template(),
    body("{{ ${first_name} | default: 'there' | capitalize | json_escape }} {{ 'now' | time_zone: ${time_zone} | date: '%H' }}"),
    body('{% assign n = custom_attribute.${score} | plus: 0 %}{{ n | number_with_delimiter }} {{ x | url_param_escape }}'),
    { name: 'a pipe inside a string is not a filter', code: body('{{ ${first_name} | default: "a | pluralize" }}') },
    { name: '|| is not a filter', code: body('{{ a || b }}') },
    { name: 'a pipe in connected_content options is text', code: body('{% connected_content https://api.example.com/x?a=b|pluralize :save r %}{{ r.x | upcase }}') },
  ],
  invalid: [
    {
      name: 'marked unsupported by Braze',
      code: body('{{ custom_attribute.${items} | size | pluralize }}'),
      errors: [{ messageId: 'marked', data: { name: 'pluralize', reason: 'Braze marks this Shopify string filter unsupported' }, highlight: 'pluralize' }],
    },
    {
      name: 'marked unsupported, with a same-arguments replacement',
      code: body('{{ ${first_name} | lstrip }}'),
      errors: [{ messageId: 'marked', data: { name: 'lstrip', reason: 'Braze marks this filter unsupported; use strip' }, highlight: 'lstrip' }],
      suggestions: ['Change to `strip`'],
    },
    {
      name: 'a liquidjs filter Braze does not document is a warning',
      code: body('{{ ${email_address} | sha256 }}'),
      errors: [
        {
          messageId: 'undocumented',
          data: { name: 'sha256', reason: 'not in the filters Braze documents, so it may not exist in Braze; use sha2 (SHA-256)' },
          highlight: 'sha256',
          severity: 'warning',
        },
      ],
      suggestions: ['Change to `sha2`'],
    },
    {
      name: 'typo of a Braze filter',
      code: body('{"name": "{{ ${first_name} | jsonescape }}"}'),
      errors: [{ messageId: 'didYouMean', data: { name: 'jsonescape', suggestion: 'json_escape' }, highlight: 'jsonescape' }],
      suggestions: ['Change to `json_escape`'],
    },
    {
      name: 'timezone is spelt time_zone',
      code: body("{{ 'now' | timezone: 'America/Chicago' | date: '%H' }}"),
      errors: [{ messageId: 'didYouMean', data: { name: 'timezone', suggestion: 'time_zone' }, highlight: 'timezone' }],
    },
    {
      name: 'unknown filter in an assign, position through JSON escapes',
      code: body('"x" {% assign y = ${first_name} | frobnicate %}'),
      errors: [{ messageId: 'unknown', data: { name: 'frobnicate' }, highlight: raw('frobnicate') }],
    },
    {
      name: 'in a {{ }} inside connected_content',
      code: template({ url: 'https://acme.my.salesforce.com/services/data/v60.0/sobjects/Lead/', body: { LastName: '{% connected_content https://api.example.com/x?e={{ ${email_address} | urlencode }} :save r %}{{ r.name }}' } }),
      errors: [{ messageId: 'didYouMean', data: { name: 'urlencode', suggestion: 'url_encode' }, highlight: 'urlencode' }],
    },
    {
      name: 'several in one output',
      code: body('{{ x | camelize | handleize }}'),
      errors: [
        { messageId: 'marked', data: { name: 'camelize', reason: 'Braze marks this Shopify string filter unsupported' }, highlight: 'camelize' },
        { messageId: 'marked', data: { name: 'handleize', reason: 'Braze marks this Shopify string filter unsupported' }, highlight: 'handleize' },
      ],
    },
  ],
});
