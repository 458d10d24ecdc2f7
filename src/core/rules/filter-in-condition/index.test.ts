import assert from 'node:assert/strict';
import { applyFixes } from '../../lint/apply-fixes';
import { lintStatic } from '../../lint/linter';
import { parseTemplateFile } from '../../template/template-file';
import { raw, runRuleTests, template } from '../../../../test/helpers/rule-tester';
import { FilterInCondition } from '.';

const body = (Description: string) => template({ body: { LastName: '{{${last_name}}}', Description } });

runRuleTests(FilterInCondition, {
  valid: [
    template(),
    { name: 'filters in assign and output are fine', code: body('{% assign name = ${first_name} | downcase %}{% if name == "ana" %}{{ name | capitalize }}{% endif %}') },
    { name: 'a pipe inside a quoted string', code: body('{% if x == "a | b" %}b{% endif %}') },
    { name: 'for with parameters but no filter', code: body('{% for i in custom_attribute.${items} limit: 2 reversed %}{{ i | upcase }}{% endfor %}') },
    { name: 'an index without a filter', code: body('{{ items[i] | default: "x" }}') },
    { name: 'abort_message reason text', code: body('{% if x == blank %}{% abort_message("a | b") %}{% endif %}') },
  ],
  invalid: [
    {
      name: 'if',
      code: body('{% if ${first_name} | downcase == "ana" %}a{% endif %}'),
      errors: [{ messageId: 'condition', data: { tag: 'if', chain: '| downcase' }, highlight: '| downcase', severity: 'error' }],
      suggestions: ['Assign it first: `{% assign first_name_downcase = ${first_name} | downcase %}`'],
    },
    {
      name: 'a chain of filters in elsif',
      code: body('{% if x %}a{% elsif custom_attribute.${plan} | downcase | strip == "pro" %}b{% endif %}'),
      errors: [{ messageId: 'condition', data: { tag: 'elsif', chain: '| downcase | strip' }, highlight: '| downcase | strip' }],
      suggestions: ['Assign it first: `{% assign plan_strip = custom_attribute.${plan} | downcase | strip %}`'],
    },
    {
      name: 'unless, between operators',
      code: body('{% unless a and b | size > 1 or c %}x{% endunless %}'),
      errors: [{ messageId: 'condition', data: { tag: 'unless', chain: '| size' }, highlight: '| size' }],
    },
    {
      name: 'case',
      code: body('{% case ${language} | downcase %}{% when "en" %}a{% endcase %}'),
      errors: [{ messageId: 'condition', data: { tag: 'case', chain: '| downcase' }, highlight: '| downcase' }],
    },
    {
      name: 'when',
      code: body('{% case x %}{% when "a" | upcase %}a{% endcase %}'),
      errors: [{ messageId: 'condition', data: { tag: 'when', chain: '| upcase' }, highlight: '| upcase' }],
    },
    {
      name: 'for iterable, before its parameters',
      code: body('{% for i in custom_attribute.${items} | sort limit: 2 %}{{ i }}{% endfor %}'),
      errors: [{ messageId: 'condition', data: { tag: 'for', chain: '| sort' }, highlight: '| sort' }],
      suggestions: ['Assign it first: `{% assign items_sort = custom_attribute.${items} | sort %}`'],
    },
    {
      name: '[] index',
      code: body('{{ items[i | plus: 1] }}'),
      errors: [{ messageId: 'index', data: { chain: '| plus: 1' }, highlight: '| plus: 1', severity: 'error' }],
      suggestions: ['Assign it first: `{% assign i_plus = i | plus: 1 %}`'],
    },
    {
      name: 'inside {{ }} nested in the condition, position through JSON escapes',
      code: body('{% if {{${first_name} | downcase}} == "ana" %}a{% endif %}'),
      errors: [{ messageId: 'nestedCondition', data: { tag: 'if', chain: '| downcase' }, highlight: '| downcase' }],
      suggestions: ['Assign it first: `{% assign first_name_downcase = ${first_name} | downcase %}`'],
    },
    {
      name: "Braze's use case library form: a warning citing both pages, not an error",
      code: body('{% assign uniq_cat = {{category | uniq }} %}{% if {{uniq_cat | size}} == 1 %}{{uniq_cat}}{% endif %}'),
      errors: [{ messageId: 'nestedCondition', data: { tag: 'if', chain: '| size' }, highlight: '| size', severity: 'warning' }],
      suggestions: ['Assign it first: `{% assign uniq_cat_size = uniq_cat | size %}`'],
    },
    {
      name: 'position after JSON escapes',
      code: body('"q" {% if x | size > 0 %}a{% endif %}'),
      errors: [{ messageId: 'condition', data: { tag: 'if', chain: '| size' }, highlight: raw('| size') }],
    },
  ],
});

/** Applies the first suggestion of the first problem and returns the decoded Description. */
function applySuggestion(description: string): string {
  const code = body(description);
  const [problem] = lintStatic(parseTemplateFile(code), [FilterInCondition]);
  assert.ok(problem?.suggest?.[0], 'expected a suggestion');
  const { text } = applyFixes(code, [{ ...problem, fix: { edits: problem.suggest[0].edits } }]);
  return JSON.parse(text).body.Description as string;
}

describe('rule filter-in-condition suggestions', () => {
  it('assigns before the if and uses the variable', () => {
    assert.equal(applySuggestion('{% if ${first_name} | downcase == "ana" %}a{% endif %}'), '{% assign first_name_downcase = ${first_name} | downcase %}{% if first_name_downcase == "ana" %}a{% endif %}');
  });
  it('puts the assign of an elsif before its if, not in the previous branch', () => {
    assert.equal(applySuggestion('{% if x %}{% if y %}{% endif %}{% elsif z | size > 1 %}b{% endif %}'), '{% assign z_size = z | size %}{% if x %}{% if y %}{% endif %}{% elsif z_size > 1 %}b{% endif %}');
  });
  it('puts the assign of a when before its case', () => {
    assert.equal(applySuggestion('{% case x %}{% when "a" | upcase %}a{% endcase %}'), '{% assign a_upcase = "a" | upcase %}{% case x %}{% when a_upcase %}a{% endcase %}');
  });
  it('replaces the whole nested {{ }}', () => {
    assert.equal(applySuggestion('{% if {{${first_name} | downcase}} == "ana" %}a{% endif %}'), '{% assign first_name_downcase = ${first_name} | downcase %}{% if first_name_downcase == "ana" %}a{% endif %}');
  });
});
