import assert from 'node:assert/strict';
import { applyFixes } from '../../lint/apply-fixes';
import { lintStatic } from '../../lint/linter';
import { parseTemplateFile } from '../../template/template-file';
import { runRuleTests, template } from '../../../../test/helpers/rule-tester';
import { MathBetweenAttributes } from '.';

const body = (Description: string) => template({ body: { LastName: '{{${last_name}}}', Company: 'Acme', Description } });
const rawBody = (text: string) => template({ body: text });

/** The Filters page's example that "wouldn't work". */
const FILTERS_PAGE_EXAMPLE = '{{custom_attribute.${current_rewards_balance} | plus: {{custom_attribute.${giftcard_balance}}}}}';

runRuleTests(MathBetweenAttributes, {
  valid: [
    template(),
    { name: "the Filters page's workaround: one attribute assigned first", code: body('{% assign balance = {{custom_attribute.${current_rewards_balance}}} %}{{custom_attribute.${giftcard_balance} | plus: {{balance}}}}') },
    { name: "Using Liquid's correct example", code: body('{% assign value_one = {{custom_attribute.${one}}} %}{% assign result = value_one | plus: {{custom_attribute.${two}}} %}{{result}}') },
    { name: 'one attribute and a number', code: body('{{custom_attribute.${points} | plus: 50}}') },
    { name: 'two attributes, no math filter', code: body("{{custom_attribute.${a} | append: custom_attribute.${b} | default: 'x'}}") },
    { name: 'a content block is text, not an attribute', code: body('{{content_blocks.${n} | plus: custom_attribute.${b}}}') },
  ],
  invalid: [
    {
      name: "the Filters page's example",
      code: body(FILTERS_PAGE_EXAMPLE),
      errors: [
        {
          messageId: 'twoAttributes',
          data: { filter: 'plus', first: 'custom_attribute.${current_rewards_balance}', second: 'custom_attribute.${giftcard_balance}' },
          highlight: '{{custom_attribute.${giftcard_balance}}}',
        },
      ],
      suggestions: ['Assign it first: `{% assign giftcard_balance = {{custom_attribute.${giftcard_balance}}} %}`'],
    },
    {
      name: 'bare references in an assign, minus after another filter',
      code: body('{% assign d = custom_attribute.${goal} | round | minus: custom_attribute.${raised} %}{{d}}'),
      errors: [{ messageId: 'twoAttributes', data: { filter: 'minus', first: 'custom_attribute.${goal}', second: 'custom_attribute.${raised}' }, highlight: 'custom_attribute.${raised}' }],
    },
    {
      name: 'standard attributes count too, in a raw body after JSON escapes',
      code: rawBody('{"LastName": "\\"{{${last_name}}}\\"", "Description": "{{${random_bucket_number} | times: event_properties.${factor}}}"}'),
      errors: [{ messageId: 'twoAttributes', data: { filter: 'times', first: '${random_bucket_number}', second: 'event_properties.${factor}' }, highlight: 'event_properties.${factor}' }],
    },
  ],
});

describe('math-between-attributes suggestion', () => {
  it("applies the Filters page's workaround and keeps the sum", () => {
    const code = body(FILTERS_PAGE_EXAMPLE);
    const [problem] = lintStatic(parseTemplateFile(code), [MathBetweenAttributes]);
    assert.ok(problem?.suggest?.[0]);
    const { text } = applyFixes(code, [{ ...problem, fix: { edits: problem.suggest[0].edits } }]);
    assert.equal(
      JSON.parse(text).body.Description,
      '{% assign giftcard_balance = {{custom_attribute.${giftcard_balance}}} %}{{custom_attribute.${current_rewards_balance} | plus: giftcard_balance}}',
    );
    assert.deepEqual(lintStatic(parseTemplateFile(text), [MathBetweenAttributes]), []);
  });
});
