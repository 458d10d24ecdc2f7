import { raw, runRuleTests, template } from '../../../../test/helpers/rule-tester';
import { LiquidSyntax } from '.';

const body = (Description: string) => template({ body: { LastName: '{{${last_name}}}', Description } });

runRuleTests(LiquidSyntax, {
  valid: [
    template(),
    body('{% if ${first_name} == blank %}{% abort_message("no name") %}{% endif %}Hi {{${first_name}}}'),
    body('{{custom_attribute.${company}}} and {{${first_name} | default: "there"}}'),
    body('Braces in text are fine: {a} }} ${5'),
    body('{% raw %}{{ not closed {% endraw %}'),
    { name: 'an unknown filter is left to unsupported-filter', code: body('{{ ${first_name} | frist }}') },
    { name: 'a filter in a condition is left to filter-in-condition', code: body('{% if ${first_name} | size > 0 %}a{% endif %}') },
    { name: 'curly quotes are left to curly-quotes', code: body('{{ “a” }}') },
    body('{% for i in (1..3) %}{{ i }}{% endfor %}'),
    { name: 'message_extras is a Braze tag the preview knows', code: body('{% message_extras :key test :value 123 %}') },
  ],
  invalid: [
    {
      name: 'unclosed output: the {{ is highlighted',
      code: body('Hi {{ first_name '),
      errors: [{ messageId: 'unclosedOutput', data: {}, highlight: '{{' }],
    },
    {
      name: 'unclosed tag delimiter',
      code: body('{% if x'),
      errors: [{ messageId: 'unclosedTagDelimiter', data: {}, highlight: '{%' }],
    },
    {
      name: 'unclosed block, position through JSON escapes',
      code: body('say "hi" {% if x == "a" %}yes'),
      errors: [{ messageId: 'unclosedBlock', data: { tag: 'if' }, highlight: raw('{% if x == "a" %}') }],
    },
    {
      name: 'unclosed raw',
      code: body('abc {% raw %} x'),
      errors: [{ messageId: 'unclosedBlock', data: { tag: 'raw' }, highlight: '{% raw %}' }],
    },
    {
      name: 'stray end tag',
      code: body('{% endfor %}'),
      errors: [{ messageId: 'strayEnd', data: { found: 'endfor', open: 'for' }, highlight: '{% endfor %}' }],
    },
    {
      name: 'end tag of the wrong block',
      code: body('{% if x %}{% for y in z %}{% endif %}{% endfor %}'),
      errors: [{ messageId: 'mismatchedEnd', data: { found: 'endif', open: 'for' }, highlight: '{% endif %}' }],
    },
    {
      name: 'else outside a block',
      code: body('a {% else %} b'),
      errors: [{ messageId: 'strayBranch', data: { found: 'else', parents: '`{% if %}`, `{% unless %}`, `{% case %}` or `{% for %}`' }, highlight: '{% else %}' }],
    },
    {
      name: 'misspelt tag: the name is highlighted, with a suggestion',
      code: body('{% iff x %}a{% endif %}'),
      errors: [{ messageId: 'unknownTagDidYouMean', data: { name: 'iff', suggestion: 'if' }, highlight: 'iff' }],
      suggestions: ['Change to `if`'],
    },
    {
      name: 'unknown tag',
      code: body('{% salesforce_lookup x %}'),
      errors: [{ messageId: 'unknownTag', data: { name: 'salesforce_lookup' }, highlight: 'salesforce_lookup' }],
    },
    {
      name: 'a Braze tag the preview lacks is a warning',
      code: body('{% catalog_items Games 1 %}'),
      errors: [{ messageId: 'brazeTagNotPreviewed', data: { name: 'catalog_items' }, highlight: '{% catalog_items Games 1 %}', severity: 'warning' }],
    },
    {
      name: 'malformed assign',
      code: body('{% assign %}'),
      errors: [{ messageId: 'malformedTag', data: { tag: 'assign', usage: '`{% assign name = value %}`' }, highlight: '{% assign %}' }],
    },
    {
      name: 'malformed for',
      code: body('{% for %}{% endfor %}'),
      errors: [{ messageId: 'malformedTag', data: { tag: 'for', usage: '`{% for item in list %}…{% endfor %}`' }, highlight: '{% for %}' }],
    },
    { name: 'empty output', code: body('a {{ }} b'), errors: [{ messageId: 'emptyOutput', data: {}, highlight: '{{ }}' }] },
    { name: 'empty tag', code: body('a {%  %} b'), errors: [{ messageId: 'emptyTag', data: {}, highlight: '{%  %}' }] },
    { name: 'unclosed [', code: body('{{ items[ }}'), errors: [{ messageId: 'unclosedBracket', highlight: '[' }] },
    { name: 'filter argument without a colon', code: body('{{ x | plus 1 }}'), errors: [{ messageId: 'filterColon', highlight: '1' }] },
    {
      name: 'elsif after else: the elsif is highlighted',
      code: body('{% if x %}a{% else %}b{% elsif y %}c{% endif %}'),
      errors: [{ messageId: 'elsifAfterElse', data: {}, highlight: '{% elsif y %}' }],
    },
    {
      name: 'other parse errors keep liquidjs words',
      code: body('{% connected_content %}'),
      errors: [{ messageId: 'parseError', data: { message: 'connected_content needs a URL' }, highlight: '{% connected_content %}' }],
    },
    {
      name: '${ that takes a brace of }}',
      code: body('Hi {{${first_name}}!'),
      errors: [{ messageId: 'stolenBrace', data: { written: '{{${first_name}}', expected: '{{${first_name}}}' }, highlight: '{{${first_name}}' }],
      suggestions: ['Insert `}` to write `{{${first_name}}}`'],
    },
    {
      name: 'unclosed ${ before filters',
      code: body('{{ ${first_name | default: "x" }}'),
      errors: [{ messageId: 'stolenBrace', data: { written: '{{ ${first_name | default: "x" }}', expected: '{{ ${first_name} | default: "x" }}' }, highlight: raw('{{ ${first_name | default: "x" }}') }],
    },
    {
      name: 'the missing brace does not hide the next output',
      code: body('{{${first_name}} and {{${last_name}}}'),
      errors: [{ messageId: 'stolenBrace', data: { written: '{{${first_name}}', expected: '{{${first_name}}}' }, highlight: '{{${first_name}}' }],
    },
    {
      name: '${ never closed',
      code: body('Hi {{ ${first_name'),
      errors: [
        { messageId: 'unclosedOutput', data: {}, highlight: '{{' },
        { messageId: 'unclosedReference', data: { written: '${first_name', expected: '${first_name}' }, highlight: '${first_name' },
      ],
    },
    {
      name: 'in a header field',
      code: template({ request_headers: { Authorization: 'Bearer {{ token ', 'Content-Type': 'application/json' } }),
      errors: [{ messageId: 'unclosedOutput', data: {}, highlight: '{{' }],
    },
  ],
});
