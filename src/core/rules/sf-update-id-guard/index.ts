import { toJsonStringContent } from '../../lint/apply-fixes';
import type { RegionNode, ReportedSuggestion, RuleContext, RuleDefinition } from '../../lint/types';
import { docsUrl } from '../docs-url';
import { hasLiquid, regionsIn, toPartOutput, toSobjectRequest, urlPartRange } from '../../salesforce/template-request';
import texts from './texts.json';

/** Tags whose condition can guard an `abort_message`. */
const CONDITION_TAGS = new Set(['if', 'elsif', 'unless', 'case', 'when']);

/**
 * The record segment of an update/upsert URL (`…/sobjects/Lead/{{${user_id}}}`) comes from Liquid
 * that renders blank for users without it. With no abort, Braze sends `PATCH …/sobjects/Lead/`
 * (the collection) and Salesforce answers 405 METHOD_NOT_ALLOWED, a 4xx Braze does not retry.
 * A `| default:` is no cure: it PATCHes whatever record the default names. The fix is an
 * `abort_message` when the value is blank (an aborted webhook is not a send).
 * https://www.braze.com/docs/user_guide/personalization_and_dynamic_content/liquid/aborting_messages/
 * https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/dome_update_fields.htm
 */
export const SfUpdateIdGuard: RuleDefinition = {
  meta: {
    id: 'sf-update-id-guard',
    docs: { recommended: true, url: docsUrl('sf-update-id-guard') },
    severity: 'warning',
    kind: 'static',
    schema: {},
    texts,
    hasSuggestions: true,
  },
  create(context) {
    return {
      TemplateFile(file) {
        const request = toSobjectRequest(file, context);
        if (!request || (request.operation !== 'update' && request.operation !== 'upsert')) return;
        const segment = request.parsed.recordSegment;
        if (!segment || !hasLiquid(segment.text)) return;
        const regions = regionsIn(context, request, segment);
        if (textOutside(request.url.text, segment, regions).trim() !== '') return;
        const outputs = regions.filter((r) => r.kind === 'output').map(toPartOutput);
        if (outputs.some((o) => o.literal)) return;
        const subjects = outputs.map((o) => o.subject).filter((s) => s !== '');
        if (isGuarded(context, subjects)) return;

        const field = request.parsed.externalIdField?.text ?? '';
        const reason = request.operation === 'upsert' && !hasLiquid(field) ? `No ${field} value for the ${request.sobject} upsert` : `No Salesforce ${request.sobject} Id`;
        const schemeStart = request.url.text.slice(0, request.parsed.host.start).search(/https?:\/\/$/i);
        const suggest: ReportedSuggestion[] = [];
        if (subjects.length > 0 && schemeStart >= 0) {
          const condition = subjects.map((s) => `${s} == blank`).join(' and ');
          const at = context.toRaw(request.url, schemeStart, schemeStart).start;
          const guard = `{% if ${condition} %}{% abort_message('${reason}') %}{% endif %}`;
          suggest.push({ messageId: 'addGuard', data: { subject: subjects.join(', ') }, edits: [{ startIndex: at, endIndex: at, insert: toJsonStringContent(guard) }] });
        }
        const defaulted = outputs.some((o) => o.defaultArg !== undefined && !/^(''|""|nil|null)?$/.test(o.defaultArg));
        const messageId = defaulted ? 'defaulted' : request.operation === 'upsert' ? 'blankValue' : 'blankId';
        const range = urlPartRange(context, request, segment);
        context.report({ messageId, data: { expression: segment.text, sobject: request.sobject, field }, startIndex: range.start, endIndex: range.end, suggest });
      },
    };
  },
};

/** The segment's text with its Liquid regions cut out: literal characters make it non-blank. */
function textOutside(text: string, segment: { start: number; end: number }, regions: RegionNode[]): string {
  let outside = '';
  let p = segment.start;
  for (const region of regions) {
    outside += text.slice(p, region.start);
    p = region.end;
  }
  return outside + text.slice(p, segment.end);
}

/**
 * True when some field aborts the send under a condition about the Id: an `abort_message` after an
 * `if`/`unless`/`case` tag that mentions one of the segment's subjects (any condition when the
 * segment has no plain output to name). Braze aborts the whole webhook from any field.
 */
function isGuarded(context: RuleContext, subjects: string[]): boolean {
  const regions = context.regions();
  return regions.some(
    (abort, index) =>
      abort.kind === 'tag' &&
      abort.name === 'abort_message' &&
      regions
        .slice(0, index)
        .some((c) => c.field === abort.field && c.kind === 'tag' && CONDITION_TAGS.has(c.name ?? '') && (subjects.length === 0 || subjects.some((s) => mentions(c.text, s)))),
  );
}

/** True when `text` uses `subject` as a whole expression (`id` is not mentioned by `valid_id`). */
function mentions(text: string, subject: string): boolean {
  const escaped = subject.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(?<![\\w.])${escaped}(?![\\w])`).test(text);
}
