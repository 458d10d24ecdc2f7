import { raw, runRuleTests, template } from '../../../../test/helpers/rule-tester';
import { CurlyQuotes } from '.';

const body = (Description: string) => template({ body: { LastName: '{{${last_name}}}', Description } });

runRuleTests(CurlyQuotes, {
  valid: [
    template(),
    { name: 'curly quotes in plain text are content', code: body('It’s “nice” to meet you, {{ ${first_name} }}') },
    { name: 'a curly apostrophe inside a straight-quoted string is content', code: body("{{ ${first_name} | default: 'it’s you' }}") },
    { name: 'inside raw', code: body('{% raw %}{{ ‘x’ }}{% endraw %}') },
  ],
  invalid: [
    {
      name: 'single curly quotes in an output',
      code: body('{{ ${first_name} | default: ‘there’ }}'),
      errors: [
        { messageId: 'curly', data: { quote: '‘', straight: "'", where: 'output' }, highlight: '‘' },
        { messageId: 'curly', data: { quote: '’', straight: "'", where: 'output' }, highlight: '’' },
      ],
      output: body("{{ ${first_name} | default: 'there' }}"),
    },
    {
      name: 'double curly quotes in a tag become escaped straight quotes',
      code: body('{% if custom_attribute.${plan} == “pro” %}a{% endif %}'),
      errors: [
        { messageId: 'curly', data: { quote: '“', straight: '"', where: '`{% if %}` tag' }, highlight: '“' },
        { messageId: 'curly', data: { quote: '”', straight: '"', where: '`{% if %}` tag' }, highlight: '”' },
      ],
      output: body('{% if custom_attribute.${plan} == "pro" %}a{% endif %}'),
    },
    {
      name: 'opened straight, closed curly',
      code: body("{{ x | default: 'Unknown’ }}"),
      errors: [{ messageId: 'curly', data: { quote: '’', straight: "'", where: 'output' }, highlight: '’' }],
      output: body("{{ x | default: 'Unknown' }}"),
    },
    {
      name: 'German low quotes, position after JSON escapes',
      code: body('"Hallo" {{ x | default: „Hallo“ }}'),
      errors: [
        { messageId: 'curly', data: { quote: '„', straight: '"', where: 'output' }, highlight: '„' },
        { messageId: 'curly', data: { quote: '“', straight: '"', where: 'output' }, highlight: '“' },
      ],
      output: body('"Hallo" {{ x | default: "Hallo" }}'),
    },
    {
      name: 'escaped as \\u201c in the file',
      code: template({ body: { LastName: '{{${last_name}}}' } }).replace('"{{${last_name}}}"', '"{{ x | default: \\u201cA\\u201d }}"'),
      errors: [
        { messageId: 'curly', data: { quote: '“', straight: '"', where: 'output' }, highlight: '\\u201c' },
        { messageId: 'curly', data: { quote: '”', straight: '"', where: 'output' }, highlight: '\\u201d' },
      ],
      output: template({ body: { LastName: '{{ x | default: "A" }}' } }),
    },
    {
      name: 'in the URL',
      code: template({ url: "https://acme.my.salesforce.com/services/data/v60.0/sobjects/Lead/{{ ${user_id} | default: ‘x’ }}" }),
      errors: [
        { messageId: 'curly', data: { quote: '‘', straight: "'", where: 'output' }, highlight: raw('‘') },
        { messageId: 'curly', data: { quote: '’', straight: "'", where: 'output' }, highlight: '’' },
      ],
      output: template({ url: "https://acme.my.salesforce.com/services/data/v60.0/sobjects/Lead/{{ ${user_id} | default: 'x' }}" }),
    },
  ],
});
