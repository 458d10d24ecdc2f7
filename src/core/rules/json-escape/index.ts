import type { RegionNode, RuleDefinition } from '../../lint/types';
import type { LiquidField } from '../../template/template-file';
import { docsUrl } from '../docs-url';
import { isClosed, isPersonalised, lastNonSpace, outputOperand, regionsOf, toFieldEdit } from '../liquid-helpers';
import texts from './texts.json';

/**
 * Filters whose output cannot hold a quote, backslash or line break (numbers, digests, encodings,
 * dates), so a value ending in one of them is already safe in a JSON string.
 */
const SAFE_LAST_FILTERS = new Set([
  'abs', 'at_least', 'at_most', 'ceil', 'divided_by', 'floor', 'minus', 'modulo', 'plus', 'round', 'times', 'size',
  'number_with_delimiter', 'money', 'md5', 'sha1', 'sha2', 'base64_encode', 'base64', 'hmac_sha1', 'hmac_sha1_hex',
  'hmac_sha1_base64', 'hmac_sha256', 'hmac_sha256_hex', 'hmac_sha256_base64', 'hmac_sha512', 'url_encode',
  'url_param_escape', 'json_escape',
]);

/**
 * In a Raw Text body that is JSON, a personalised value inside a JSON string needs `| json_escape`:
 * a quote, backslash or line break in the value ends the string early and Salesforce rejects the
 * body with 400, which Braze does not retry. Braze: json_escape "should always be used when
 * personalizing a string in a JSON dictionary".
 * https://www.braze.com/docs/user_guide/personalization_and_dynamic_content/liquid/advanced_filters/
 * The JSON Key/Value Pairs composer escapes values itself, so that mode is not checked.
 */
export const JsonEscape: RuleDefinition = {
  meta: {
    id: 'json-escape',
    docs: {
      recommended: true,
      url: docsUrl('json-escape'),
    },
    severity: 'warning',
    kind: 'static',
    schema: {},
    fixable: true,
    texts,
  },
  create(context) {
    return {
      TemplateFile(file) {
        if (file.bodyMode !== 'raw' || !file.body[0]) return;
        const field = file.body[0];
        const regions = regionsOf(context, field);
        if (!looksLikeJson(field.text, regions)) return;
        for (const region of outputsInJsonStrings(field, regions)) {
          const operand = outputOperand(region);
          if (!operand || !isClosed(region)) continue;
          const expression = field.text.slice(operand.start, operand.end);
          if (!isPersonalised(expression)) continue;
          const last = region.filters[region.filters.length - 1];
          if (region.filters.some((f) => f.name === 'json_escape') || (last && SAFE_LAST_FILTERS.has(last.name))) continue;
          const insertAt = lastNonSpace(field.text, region.innerStart, region.innerEnd);
          const range = context.toRaw(field, region.start, region.end);
          context.report({
            messageId: 'missing',
            data: { expression },
            startIndex: range.start,
            endIndex: range.end,
            fix: [toFieldEdit(context, field, insertAt, insertAt, ' | json_escape')],
          });
        }
      },
    };
  },
};

/** True when the first thing the body prints (tags aside) is `{` or `[`. */
function looksLikeJson(text: string, regions: readonly RegionNode[]): boolean {
  let p = 0;
  let next = 0;
  while (p < text.length) {
    while (next < regions.length && regions[next].end <= p) next++;
    const region = regions[next];
    if (region && region.start === p) {
      if (region.kind === 'output') return false;
      p = region.end;
      continue;
    }
    if (/\s/.test(text[p])) {
      p++;
      continue;
    }
    return text[p] === '{' || text[p] === '[';
  }
  return false;
}

/** Output regions that sit inside a JSON string literal of the body (Liquid is opaque to the scan). */
function outputsInJsonStrings(field: LiquidField, regions: readonly RegionNode[]): RegionNode[] {
  const text = field.text;
  const found: RegionNode[] = [];
  let inString = false;
  let p = 0;
  let next = 0;
  while (p < text.length) {
    const region = regions[next];
    if (region && p >= region.start) {
      if (region.kind === 'output' && inString) found.push(region);
      p = Math.max(p, region.end);
      next++;
      continue;
    }
    const ch = text[p];
    if (inString && ch === '\\' && !(region && p + 1 === region.start)) p += 2;
    else {
      if (ch === '"') inString = !inString;
      p++;
    }
  }
  return found;
}
