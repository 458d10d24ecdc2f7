import type { ReportedSuggestion, RuleDefinition } from '../../lint/types';
import { checkFieldAccess, classifyKey } from '../../salesforce/field-checks';
import type { SObjectField, SObjectModel } from '../../salesforce/model';
import { parseApiVersion, toBodyKeys, toRecordWrite, urlPartRange } from '../../salesforce/template-request';
import { docsUrl } from '../docs-url';
import texts from './texts.json';

/**
 * A body key that names a real field this request cannot set:
 * - fields Salesforce sets itself (Name, Address, PhotoUrl, IsDeleted, SystemModstamp, …), or that
 *   are create-only on an update (IsConverted, Converted*): 400 INVALID_FIELD_FOR_INSERT_UPDATE
 *   ("Unable to create/update fields: …"); the audit fields (CreatedDate, CreatedById,
 *   LastModifiedDate, LastModifiedById) only with the "Set Audit Fields upon Record Creation"
 *   permission, so a warning unless the org's describe marks them createable;
 * - a field newer than the URL's API version (Pronouns before v57.0): 400 INVALID_FIELD;
 * - a field that exists only with an org feature (RecordTypeId with record types, CurrencyIsoCode
 *   with multiple currencies, …): info, and only without the org's describe, which would know.
 * The same checks as the simulated answer (`field-checks.ts`).
 * https://developer.salesforce.com/docs/atlas.en-us.object_reference.meta/object_reference/sforce_api_objects_lead.htm
 */
export const SfFieldAccess: RuleDefinition = {
  meta: {
    id: 'sf-field-access',
    docs: { recommended: true, url: docsUrl('sf-field-access') },
    severity: 'error',
    kind: 'static',
    schema: {},
    texts,
    hasSuggestions: true,
  },
  create(context) {
    return {
      TemplateFile(file) {
        const write = toRecordWrite(file, context);
        if (!write) return;
        const { request, model, operation } = write;
        const version = parseApiVersion(request.parsed.apiVersion.text);
        const major = version.kind === 'valid' ? version.major : undefined;
        for (const k of toBodyKeys(file, context)?.keys ?? []) {
          const kind = k.dynamic ? undefined : classifyKey(model, k.key);
          if (kind?.kind !== 'field') continue;
          const field = kind.field;
          const at = { startIndex: k.range.start, endIndex: k.range.end };
          const remove: ReportedSuggestion = { messageId: 'removeMember', data: { key: k.key }, edits: k.remove() };
          const data = { key: k.key, field: field.name, sobject: model.name, operation };
          for (const issue of checkFieldAccess(model, field, operation, major)) {
            if (issue.kind === 'too-new') {
              const range = urlPartRange(context, request, request.parsed.apiVersion);
              const useVersion: ReportedSuggestion = { messageId: 'useVersion', data: { since: issue.since }, edits: [{ startIndex: range.start, endIndex: range.end, insert: `v${issue.since}.0` }] };
              context.report({ messageId: 'tooNew', data: { ...data, since: issue.since, version: request.parsed.apiVersion.text }, ...at, suggest: [useVersion, remove] });
            } else if (issue.kind === 'not-writable') {
              const parts = compoundParts(model, field);
              if (issue.audit && operation !== 'update') context.report({ messageId: 'auditField', data, ...at, severity: 'warning', suggest: [remove] });
              else if (parts) context.report({ messageId: 'compound', data: { ...data, parts }, ...at, suggest: [remove] });
              else context.report({ messageId: operation !== 'update' || !field.createable ? 'readOnly' : 'notUpdateable', data, ...at, suggest: [remove] });
            } else {
              context.report({ messageId: 'needsFeature', data: { ...data, feature: model.features[issue.feature] ?? issue.feature }, ...at, severity: 'info' });
            }
          }
        }
      },
    };
  },
};

/** The writable fields a compound field (Address, Name) is made of, listed for the message. */
function compoundParts(model: SObjectModel, field: SObjectField): string | undefined {
  const parts = model.fields.filter((f) => f.compoundFieldName === field.name && (f.createable || f.updateable)).map((f) => f.name);
  return parts.length > 0 ? parts.join(', ') : undefined;
}
