import { raw, runRuleTests, template } from '../../../../test/helpers/rule-tester';
import { JsonEscape } from '.';

runRuleTests(JsonEscape, {
  valid: [
    { name: 'key/value mode: the composer escapes', code: template() },
    template({ body: '{"LastName": "{{${last_name} | json_escape}}", "Company": "{{custom_attribute.${company} | default: \'x\' | json_escape}}"}' }),
    { name: 'a number outside a string', code: template({ body: '{"LastName": "Doe", "NumberOfEmployees": {{custom_attribute.${size} | default: 0}}}' }) },
    { name: 'filters that cannot produce a quote', code: template({ body: '{"Score": "{{ custom_attribute.${score} | plus: 1 }}", "Hash": "{{ ${email_address} | sha2 }}"}' }) },
    { name: 'literals', code: template({ body: '{"Lit": "{{ \'abc\' }}", "N": "{{ 5 }}"}' }) },
    { name: 'a form body is not JSON', code: template({ body: 'first={{${first_name}}}&last={{${last_name}}}', request_headers: { 'Content-Type': 'application/x-www-form-urlencoded' } }) },
    { name: 'a body that starts with an output cannot be told apart', code: template({ body: '{{ custom_attribute.${prefix} }}{"a": "{{${first_name}}}"}' }) },
    { name: 'a text body with quotes is not JSON', code: template({ body: 'Hello "{{${first_name}}}"', request_headers: { 'Content-Type': 'text/plain' } }) },
    { name: 'content blocks are JSON on purpose', code: template({ body: '{"a": "{{content_blocks.${lead_fields}}}"}' }) },
  ],
  invalid: [
    {
      name: 'raw JSON body: fix adds json_escape after the existing filters',
      code: template({ body: '{"LastName": "{{${last_name}}}", "Company": "{{custom_attribute.${company} | default: \'Unknown\'}}"}' }),
      errors: [
        { messageId: 'missing', data: { expression: '${last_name}' }, highlight: '{{${last_name}}}' },
        { messageId: 'missing', data: { expression: 'custom_attribute.${company}' }, highlight: "{{custom_attribute.${company} | default: 'Unknown'}}" },
      ],
      output: template({ body: '{"LastName": "{{${last_name} | json_escape}}", "Company": "{{custom_attribute.${company} | default: \'Unknown\' | json_escape}}"}' }),
    },
    {
      name: 'a variable, leading tags, a trim marker and an array body',
      code: template({ body: '{% assign n = ${first_name} | capitalize %}\n[{"FirstName": "x\\"{{ n -}}"}]' }),
      errors: [{ messageId: 'missing', data: { expression: 'n' }, highlight: raw('{{ n -}}') }],
      output: template({ body: '{% assign n = ${first_name} | capitalize %}\n[{"FirstName": "x\\"{{ n | json_escape -}}"}]' }),
    },
    {
      name: 'a value ending in a filter that keeps quotes',
      code: template({ body: '{"Description": "{{ custom_attribute.${notes} | strip | truncate: 100 }}"}' }),
      errors: [{ messageId: 'missing', data: { expression: 'custom_attribute.${notes}' }, highlight: '{{ custom_attribute.${notes} | strip | truncate: 100 }}' }],
      output: template({ body: '{"Description": "{{ custom_attribute.${notes} | strip | truncate: 100 | json_escape }}"}' }),
    },
  ],
});
