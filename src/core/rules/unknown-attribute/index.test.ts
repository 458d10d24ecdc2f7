import { raw, runRuleTests, template } from '../../../../test/helpers/rule-tester';
import { UnknownAttribute } from '.';

const body = (Description: string) => template({ body: { LastName: '{{${last_name}}}', Description } });

runRuleTests(UnknownAttribute, {
  valid: [
    template(),
    body('{{${first_name}}} {{${email_address}}} {{${user_id}}} {{${random_bucket_number}}} {{${most_recent_locale}}}'),
    { name: 'a namespaced reference is not a standard attribute', code: body('{{custom_attribute.${frist_name}}} {{event_properties.${plan}}}') },
    { name: 'unknown namespaces are left to unknown-namespace', code: body('{{customer.${frist_name}}}') },
    { name: 'standard attribute in a tag', code: body('{% if ${time_zone} == blank %}{% abort_message("no tz") %}{% endif %}') },
  ],
  invalid: [
    {
      name: 'typo',
      code: body('Hi {{${frist_name}}}'),
      errors: [{ messageId: 'didYouMean', data: { reference: '${frist_name}', suggestion: '${first_name}' }, highlight: '${frist_name}' }],
      suggestions: ['Change to `${first_name}`', 'Use the custom attribute `custom_attribute.${frist_name}`'],
    },
    {
      name: 'wrong case',
      code: body('{{${First_Name}}}'),
      errors: [{ messageId: 'didYouMean', data: { reference: '${First_Name}', suggestion: '${first_name}' }, highlight: '${First_Name}' }],
    },
    {
      name: 'spaces inside ${}',
      code: body('{{ ${ first_name } }}'),
      errors: [{ messageId: 'didYouMean', data: { reference: '${ first_name }', suggestion: '${first_name}' }, highlight: '${ first_name }' }],
    },
    {
      name: 'a custom attribute written without its namespace',
      code: body('{{${company}}}'),
      errors: [{ messageId: 'unknown', data: { reference: '${company}', custom: 'custom_attribute.${company}' }, highlight: '${company}' }],
      suggestions: ['Use the custom attribute `custom_attribute.${company}`'],
    },
    {
      name: 'in a condition, position through JSON escapes',
      code: body('"quoted" {% if ${emial_address} == blank %}x{% endif %}'),
      errors: [{ messageId: 'didYouMean', data: { reference: '${emial_address}', suggestion: '${email_address}' }, highlight: raw('${emial_address}') }],
    },
    {
      name: 'in the URL',
      code: template({ url: 'https://acme.my.salesforce.com/services/data/v60.0/sobjects/Lead/{{${userid}}}', request_method: 'PATCH' }),
      errors: [{ messageId: 'didYouMean', data: { reference: '${userid}', suggestion: '${user_id}' }, highlight: '${userid}' }],
    },
  ],
});
