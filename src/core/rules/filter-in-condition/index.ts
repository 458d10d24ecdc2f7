import type { RegionNode, RuleDefinition } from '../../lint/types';
import { docsUrl } from '../docs-url';
import { findBlockOpener, findMisplacedFilters, type MisplacedFilter, regionsOf, toFieldEdit } from '../liquid-helpers';
import texts from './texts.json';

/** Branch tags whose `assign` must go before the block's opening tag, not in the branch before. */
const OPENERS: Record<string, string[]> = { elsif: ['if', 'unless'], when: ['case'] };

/**
 * Braze's Filters and Using Liquid pages allow filters only in `assign` and output: not in
 * `if`/`elsif`/`unless` conditions, `case`/`when` values, `for` iterables or a `[]` index.
 * Braze's own Liquid use case library contradicts this with `{% if {{uniq_cat | size}} == 1 %}`
 * (a filter inside a nested output). The preview follows the use case (the nested output is
 * computed first) and this rule warns, citing both pages; a bare filter, which no Braze page
 * uses, stays an error. See docs/braze-fidelity.md.
 * https://www.braze.com/docs/user_guide/personalization_and_dynamic_content/liquid/filters/
 * https://www.braze.com/docs/user_guide/personalization_and_dynamic_content/liquid/using_liquid/
 * https://www.braze.com/docs/user_guide/personalization_and_dynamic_content/liquid/liquid_use_cases/
 */
export const FilterInCondition: RuleDefinition = {
  meta: {
    id: 'filter-in-condition',
    docs: {
      recommended: true,
      url: docsUrl('filter-in-condition'),
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
        const found = findMisplacedFilters(region);
        if (found.length === 0) return;
        const regions = regionsOf(context, region.field);
        for (const misplaced of found) report(region, regions, misplaced);
      },
    };

    function report(region: RegionNode, regions: readonly RegionNode[], misplaced: MisplacedFilter): void {
      const { field } = region;
      const text = field.text;
      const chain = text.slice(misplaced.chain.start, misplaced.chain.end);
      const expression = text.slice(misplaced.expression.start, misplaced.expression.end);
      const variable = variableName(text.slice(misplaced.expression.start, misplaced.chain.start), misplaced.filters[misplaced.filters.length - 1].name);
      const openerNames = region.name ? OPENERS[region.name] : undefined;
      const opener = openerNames ? findBlockOpener(regions, regions.indexOf(region), openerNames) : region;
      const range = context.toRaw(field, misplaced.chain.start, misplaced.chain.end);
      const suggest = opener
        ? [
            {
              messageId: 'assignFirst',
              data: { variable, expression },
              edits: [
                toFieldEdit(context, field, opener.start, opener.start, `{% assign ${variable} = ${expression} %}`),
                toFieldEdit(context, field, misplaced.replace.start, misplaced.replace.end, variable),
              ],
            },
          ]
        : [];
      // Only the nested form has a Braze page that uses it; a bare filter is disallowed everywhere.
      const nested = misplaced.kind === 'condition' && misplaced.replace.start !== misplaced.expression.start;
      context.report({
        messageId: nested ? 'nestedCondition' : misplaced.kind,
        severity: nested ? undefined : 'error',
        data: { tag: region.name ?? '', chain },
        startIndex: range.start,
        endIndex: range.end,
        suggest,
      });
    }
  },
};

/**
 * An ASCII variable name (Braze requires letters, digits and underscores) from the value and the
 * last filter: `${first_name} | downcase` gives `first_name_downcase`.
 */
function variableName(value: string, filter: string): string {
  const base = /([A-Za-z_][A-Za-z0-9_]*)[^A-Za-z0-9_]*$/.exec(value)?.[1] ?? 'value';
  const name = `${base}_${filter}`.toLowerCase().replace(/[^a-z0-9_]/g, '_');
  return /^[a-z]/.test(name) ? name : `value${name.startsWith('_') ? '' : '_'}${name}`;
}
