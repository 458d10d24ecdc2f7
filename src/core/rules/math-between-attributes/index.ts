import type { RegionNode, RuleContext, RuleDefinition } from '../../lint/types';
import type { AttributeReference } from '../../liquid/braze-syntax';
import { describeReference } from '../../request/render-request';
import { docsUrl } from '../docs-url';
import { firstPipe, type Span, toFieldEdit, trimSpan } from '../liquid-helpers';
import texts from './texts.json';

/** Braze's math filters (Filters page, "Math filters"). */
const MATH_FILTERS = new Set(['plus', 'minus', 'times', 'divided_by', 'modulo', 'at_least', 'at_most']);

/**
 * Math between two attributes in one line of Liquid. Braze's Filters page: "you can't perform
 * mathematical operations between two custom attributes"
 * (`{{custom_attribute.${current_rewards_balance} | plus: {{custom_attribute.${giftcard_balance}}}}}`
 * "wouldn't work"); its Using Liquid page says the same of "multiple attributes in one line".
 * Both show the workaround: assign one attribute to a variable first. What Braze renders instead
 * is not documented; the preview computes the sum, so only this rule shows the problem.
 * https://www.braze.com/docs/user_guide/personalization_and_dynamic_content/liquid/filters/#mathematical-operations-with-custom-attributes
 * https://www.braze.com/docs/user_guide/personalization_and_dynamic_content/liquid/using_liquid/#assigning-variables
 */
export const MathBetweenAttributes: RuleDefinition = {
  meta: {
    id: 'math-between-attributes',
    docs: {
      recommended: true,
      url: docsUrl('math-between-attributes'),
    },
    severity: 'warning',
    kind: 'static',
    schema: {},
    hasSuggestions: true,
    texts,
  },
  create(context) {
    return {
      Region(region) {
        if (region.kind !== 'output' && region.name !== 'assign') return;
        const references = attributeReferences(context, region);
        if (references.length < 2) return;
        const text = region.field.text;
        for (const filter of region.filters) {
          if (!MATH_FILTERS.has(filter.name)) continue;
          const argument = filterArgument(text, filter.end, region.innerEnd);
          if (!argument) continue;
          const inArgument = references.find((r) => r.start >= argument.start && r.end <= argument.end);
          const before = references.find((r) => r.end <= filter.start);
          if (!inArgument || !before) continue;
          report(region, filter.name, argument, before, inArgument);
          return;
        }
      },
    };

    function report(region: RegionNode, filter: string, argument: Span, first: AttributeReference, second: AttributeReference): void {
      const { field } = region;
      const argumentText = field.text.slice(argument.start, argument.end);
      const variable = variableName(second.name);
      const range = context.toRaw(field, argument.start, argument.end);
      context.report({
        messageId: 'twoAttributes',
        data: { filter, first: describeReference(first), second: describeReference(second) },
        startIndex: range.start,
        endIndex: range.end,
        suggest: [
          {
            messageId: 'assignFirst',
            data: { variable, argument: argumentText },
            edits: [
              toFieldEdit(context, field, region.start, region.start, `{% assign ${variable} = ${argumentText} %}`),
              toFieldEdit(context, field, argument.start, argument.end, variable),
            ],
          },
        ],
      });
    }
  },
};

/** The `${…}` references of a region that read the profile (content blocks are text, not attributes). */
function attributeReferences(context: RuleContext, region: RegionNode): AttributeReference[] {
  const compiled = context.compiled.fields.find((f) => f.field === region.field);
  if (!compiled) return [];
  return compiled.rewrite.references.filter((r) => r.start >= region.start && r.end <= region.end && r.namespace !== 'content_blocks');
}

/** The argument after `name:`, up to the next top-level filter; undefined without a colon. */
function filterArgument(text: string, nameEnd: number, end: number): Span | undefined {
  let p = nameEnd;
  while (p < end && /\s/.test(text[p])) p++;
  if (text[p] !== ':') return undefined;
  const next = firstPipe(text, p + 1, end);
  const span = trimSpan(text, p + 1, next < 0 ? end : next);
  return span.end > span.start ? span : undefined;
}

/** An ASCII variable name for the attribute (Braze allows only letters, digits and underscores). */
function variableName(attribute: string): string {
  const base = attribute.split('.').pop() ?? attribute;
  const name = base.toLowerCase().replace(/[^a-z0-9_]+/g, '_').replace(/^_+|_+$/g, '');
  return /^[a-z]/.test(name) ? name : `value_${name || 'attribute'}`;
}
