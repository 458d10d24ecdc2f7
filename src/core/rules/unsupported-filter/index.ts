import { BRAZE_FILTER_SUPPORT, brazeMarkedUnsupportedFilters, brazeUndocumentedFilters } from '../../liquid/filters';
import type { FilterUse, RegionNode, ReportedSuggestion, RuleDefinition } from '../../lint/types';
import { closestName } from '../../profile';
import { docsUrl } from '../docs-url';
import { nestedOutputEnd, toFieldEdit } from '../liquid-helpers';
import texts from './texts.json';

const SUPPORTED = Object.keys(BRAZE_FILTER_SUPPORT);

/**
 * Braze filters that take the same arguments as the filter written, so swapping the name keeps
 * the template valid. Only offered as suggestions: the output can differ (e.g. `strip` trims both
 * ends where `lstrip` trims one).
 */
const REPLACEMENTS: Record<string, string> = {
  lstrip: 'strip',
  rstrip: 'strip',
  squish: 'strip',
  money_without_currency: 'money',
  sha256: 'sha2',
  escape_once: 'escape',
  xml_escape: 'escape',
  uri_escape: 'url_escape',
  cgi_escape: 'url_encode',
  json: 'as_json_string',
  jsonify: 'as_json_string',
  inspect: 'as_json_string',
  to_json: 'as_json_string',
  timezone: 'time_zone',
  urlencode: 'url_encode',
  url_param_encode: 'url_param_escape',
  json_encode: 'json_escape',
};

/**
 * Filters must be ones Braze supports: Braze marks some Shopify filters unsupported, liquidjs
 * ships extras Braze does not document, and anything else is a typo.
 * https://www.braze.com/docs/user_guide/personalization_and_dynamic_content/liquid/filters/
 * https://www.braze.com/docs/user_guide/personalization_and_dynamic_content/liquid/advanced_filters/
 */
export const UnsupportedFilter: RuleDefinition = {
  meta: {
    id: 'unsupported-filter',
    docs: {
      recommended: true,
      url: docsUrl('unsupported-filter'),
    },
    severity: 'error',
    kind: 'static',
    schema: {},
    hasSuggestions: true,
    texts,
  },
  create(context) {
    return {
      Region(region) {
        for (const filter of filtersToCheck(region)) {
          const { name } = filter;
          if (name in BRAZE_FILTER_SUPPORT) continue;
          const range = context.toRaw(region.field, filter.start, filter.end);
          const report = (messageId: string, data: Record<string, string>, suggestion: string | undefined, severity?: 'warning') => {
            const suggest: ReportedSuggestion[] = suggestion
              ? [{ messageId: 'replace', data: { suggestion }, edits: [toFieldEdit(context, region.field, filter.start, filter.end, suggestion)] }]
              : [];
            context.report({ messageId, data: { name, ...data }, startIndex: range.start, endIndex: range.end, suggest, severity });
          };
          if (name in brazeMarkedUnsupportedFilters) report('marked', { reason: brazeMarkedUnsupportedFilters[name] }, REPLACEMENTS[name]);
          else if (name in brazeUndocumentedFilters) report('undocumented', { reason: brazeUndocumentedFilters[name] }, REPLACEMENTS[name], 'warning');
          else {
            const suggestion = REPLACEMENTS[name] ?? closestName(name, SUPPORTED);
            if (suggestion) report('didYouMean', { suggestion }, suggestion);
            else report('unknown', {}, undefined);
          }
        }
      },
    };
  },
};

/**
 * The filters of a region. In connected_content only those inside a nested `{{ }}` count: the
 * rest of the tag is a URL and options, where a `|` is just text.
 */
function filtersToCheck(region: RegionNode): FilterUse[] {
  if (region.kind !== 'tag' || region.name !== 'connected_content') return region.filters;
  const text = region.field.text;
  const outputs: Array<[number, number]> = [];
  for (let p = text.indexOf('{{', region.innerStart); p >= 0 && p < region.innerEnd; p = text.indexOf('{{', p + 2)) {
    const end = nestedOutputEnd(text, p, region.innerEnd);
    outputs.push([p, end]);
    p = end - 2;
  }
  return region.filters.filter((f) => outputs.some(([s, e]) => f.start > s && f.end <= e));
}
