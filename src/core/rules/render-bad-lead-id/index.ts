import type { ReportedSuggestion, RuleContext, RuleDefinition } from '../../lint/types';
import { toJsonStringContent } from '../../lint/apply-fixes';
import type { AttributeReference } from '../../liquid/braze-syntax';
import { isRecordIdFormat, restoreIdCase } from '../../salesforce/field-checks';
import { LEAD_KEY_PREFIX } from '../../salesforce/record-id';
import { parseSobjectUrl, type UrlPart } from '../../salesforce/sobject-url';
import type { LiquidField } from '../../template/template-file';
import type { OffsetRange } from '../../types';
import { docsUrl } from '../docs-url';
import { compiledField, quoteRendered, renderedField } from '../rendered-helpers';
import texts from './texts.json';

/**
 * The record Id in an update URL (`…/sobjects/Lead/{{${user_id}}}`) that does not render to a
 * Lead Id for a profile. Braze's recipe assumes the Braze external_id *is* the Lead Id; users
 * whose external_id is something else (or missing) get a request Salesforce refuses:
 * empty → the URL is `/sobjects/Lead/`, 405 METHOD_NOT_ALLOWED; not an Id (length, characters,
 * an 18-character suffix that cannot describe the first 15) → 404 NOT_FOUND "Provided external ID
 * field does not exist or is not accessible: <segment>"; an Id of another object (its prefix, read
 * with the case its 18-character suffix gives it, is not `00Q`) → 404 NOT_FOUND. The same
 * verdicts as the simulated answer.
 * Upserts by external Id (`…/Lead/Field__c/value`) are only checked for an empty value.
 * A `default` is the wrong repair (it would PATCH some other record): abort instead.
 * https://www.braze.com/docs/user_guide/getting_started/b2b_use_cases/b2b_salesforce_sales_cloud (update template)
 * https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/dome_update_fields.htm
 * https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/dome_upsert.htm
 */
export const RenderBadLeadId: RuleDefinition = {
  meta: {
    id: 'render-bad-lead-id',
    docs: {
      recommended: true,
      url: docsUrl('render-bad-lead-id'),
    },
    severity: 'error',
    kind: 'rendered',
    schema: {},
    texts,
    hasSuggestions: true,
  },
  create(context) {
    return {
      RenderedRequest(request) {
        const urlField = context.file.url;
        if (request.aborted || !urlField || renderedField(request, 'url') === undefined) return;
        const written = parseSobjectUrl(urlField.text);
        if (!written?.recordSegment || written.sobject.text.toLowerCase() !== 'lead') return;
        const rendered = parseSobjectUrl(request.url);
        if (!rendered) return;
        const reference = referenceIn(context, urlField, written.recordSegment);
        const range = reference ? context.toRaw(urlField, reference.start, reference.end) : context.toRaw(urlField, written.recordSegment.start, written.recordSegment.end);
        const report = (messageId: string, data: Record<string, string | number>, suggest: ReportedSuggestion[] = []) =>
          context.report({ messageId, data: { method: request.method, ...data }, startIndex: range.start, endIndex: range.end, suggest });

        if (written.operation === 'upsert') {
          const field = written.externalIdField?.text ?? '';
          if (rendered.operation !== 'upsert' || rendered.recordSegment?.text.trim() === '') {
            report('emptyExternalId', { field }, guard(context, urlField, reference, 'blank'));
          }
          return;
        }
        if (rendered.operation === 'collection') {
          report('empty', {}, guard(context, urlField, reference, 'blank'));
          return;
        }
        const id = rendered.operation === 'upsert' ? `${rendered.externalIdField?.text}/${rendered.recordSegment?.text}` : (rendered.recordSegment?.text ?? '');
        const problem = leadIdProblem(id);
        if (!problem) return;
        const quoted = quoteRendered(request, id, 60);
        if (problem === 'caseSuffix') {
          report('caseSuffix', { id: quoted, suffix: id.slice(15) });
          return;
        }
        const restored = restoreIdCase(id);
        if (problem === 'prefix' && restored && restored.slice(0, 3) !== id.slice(0, 3)) {
          report('suffixChangesPrefix', { id: quoted, suffix: id.slice(15), restored: restored.slice(0, 15), restoredPrefix: restored.slice(0, 3) });
          return;
        }
        const data = { id: quoted, length: [...id].length, prefix: id.slice(0, 3) };
        report(problem, data, guard(context, urlField, reference, 'not-lead'));
      },
    };
  },
};

/** The first `${…}` reference written inside the URL's record segment. */
function referenceIn(context: RuleContext, field: LiquidField, segment: UrlPart): AttributeReference | undefined {
  return compiledField(context, field.id)?.rewrite.references.find((r) => r.start >= segment.start && r.end <= segment.end);
}

/**
 * A guard at the start of the URL that aborts the message for users without a Lead Id:
 * `{% if ${user_id} == blank %}{% abort_message(…) %}{% endif %}`, or a `00Q` prefix test.
 * Offered only when the segment is a reference and the URL has no such guard yet.
 */
function guard(context: RuleContext, field: LiquidField, reference: AttributeReference | undefined, kind: 'blank' | 'not-lead'): ReportedSuggestion[] {
  if (!reference) return [];
  const written = field.text.slice(reference.start, reference.end);
  const text =
    kind === 'blank'
      ? `{% if ${written} == blank %}{% abort_message('No Salesforce Lead Id for this user') %}{% endif %}`
      : `{% assign lead_id_prefix = ${written} | slice: 0, 3 %}{% if lead_id_prefix != '${LEAD_KEY_PREFIX}' %}{% abort_message('Not a Salesforce Lead Id') %}{% endif %}`;
  if (kind === 'blank' ? /abort_message/.test(field.text) : field.text.includes('lead_id_prefix')) return [];
  const at: OffsetRange = context.toRaw(field, 0, 0);
  return [{ messageId: kind === 'blank' ? 'abortWhenBlank' : 'abortWhenNotLead', data: { reference: written }, edits: [{ startIndex: at.start, endIndex: at.start, insert: toJsonStringContent(text) }] }];
}

type LeadIdProblem = 'length' | 'characters' | 'prefix' | 'caseSuffix';

/**
 * What is wrong with a rendered Lead Id, with the checks the simulated answer uses. An 18-character
 * Id is case-insensitive: Salesforce restores the case of the first 15 characters from the suffix,
 * so `00qky000001lyjr2a0` is the same record as `00QKY000001LyJR2A0`.
 */
function leadIdProblem(id: string): LeadIdProblem | undefined {
  if (id === '') return undefined;
  if (id.length !== 15 && id.length !== 18) return 'length';
  if (!/^[A-Za-z0-9]+$/.test(id)) return 'characters';
  if (!isRecordIdFormat(id)) return 'caseSuffix';
  return (restoreIdCase(id) ?? id).slice(0, 3) === LEAD_KEY_PREFIX ? undefined : 'prefix';
}
