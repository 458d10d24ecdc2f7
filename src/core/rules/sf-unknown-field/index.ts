import type { ReportedSuggestion, RuleDefinition } from '../../lint/types';
import type { LeadField } from '../../salesforce/lead-fields';
import type { TextEdit } from '../../types';
import { docsUrl } from '../docs-url';
import { type BodyKey, closestLeadField, isKeyTaken, leadFieldsLabelled, sendsRecordData, standardLeadField, toBodyKeys, toSobjectRequest } from '../salesforce-helpers';

/** Suffixes of custom API names (`__c` fields, `__s` geolocation parts): `sf-custom-field-name` checks them. */
const CUSTOM_SUFFIX = /__[cs]$/i;

/** sObject JSON may carry `"attributes": {"type": "Lead"}`; Salesforce reads it as metadata, not a field. */
const METADATA_KEYS = new Set(['attributes']);

/**
 * A body key that is neither a standard Lead field (any case) nor a custom `__c` name:
 * Salesforce answers 400 INVALID_FIELD ("No such column 'x' on sobject of type Lead"), a 4xx Braze
 * does not retry. Keys copied from a translated recipe (`apellido`, `correo electrónico`,
 * `empresa`) are labels; when a label names exactly one field the rename is a safe fix.
 * https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/errorcodes.htm
 * https://developer.salesforce.com/docs/atlas.en-us.object_reference.meta/object_reference/sforce_api_objects_lead.htm
 */
export const SfUnknownField: RuleDefinition = {
  meta: {
    id: 'sf-unknown-field',
    docs: { description: 'Lead body keys must be Lead field API names (standard, or custom ending in __c).', recommended: true, url: docsUrl('sf-unknown-field') },
    severity: 'warning',
    kind: 'static',
    schema: {},
    messages: {
      unknown: `"{{key}}" is not a Lead field: Salesforce answers 400 INVALID_FIELD ("No such column '{{key}}' on sobject of type Lead"), which Braze does not retry. Use the field's API name (custom fields end in __c).`,
      labelOf: `"{{key}}" is the label of {{field}}, not its API name: Salesforce answers 400 INVALID_FIELD ("No such column '{{key}}' on sobject of type Lead"), which Braze does not retry. Use "{{field}}".`,
      ambiguousLabel: `"{{key}}" is a label (of {{fields}}), not an API name: Salesforce answers 400 INVALID_FIELD ("No such column '{{key}}' on sobject of type Lead"), which Braze does not retry.`,
      didYouMean: `"{{key}}" is not a Lead field: Salesforce answers 400 INVALID_FIELD ("No such column '{{key}}' on sobject of type Lead"), which Braze does not retry. Did you mean "{{field}}"?`,
      renameTo: 'Rename "{{key}}" to "{{field}}"',
    },
    fixable: true,
    hasSuggestions: true,
  },
  create(context) {
    return {
      TemplateFile(file) {
        const request = toSobjectRequest(file);
        if (!request?.isLead || !sendsRecordData(request)) return;
        const body = toBodyKeys(file, context);
        if (!body) return;
        const unknown = body.keys.filter((k) => !k.dynamic && !standardLeadField(k.key) && !CUSTOM_SUFFIX.test(k.key) && !METADATA_KEYS.has(k.key));
        const exactTargets = unknown.map((k) => leadFieldsLabelled(k.key)).filter((fields) => fields.length === 1).map(([field]) => field);
        const rename = (k: BodyKey, field: LeadField): ReportedSuggestion => ({ messageId: 'renameTo', data: { key: k.key, field: field.name }, edits: k.rename(field.name) });
        for (const k of unknown) {
          const at = { startIndex: k.range.start, endIndex: k.range.end };
          const free = (field: LeadField) => !isKeyTaken(body.keys, field.name, k);
          const exact = leadFieldsLabelled(k.key);
          if (exact.length === 1) {
            const [field] = exact;
            const unique = exactTargets.filter((f) => f === field).length === 1;
            const fix: TextEdit[] | undefined = free(field) && unique ? k.rename(field.name) : undefined;
            const suggest = free(field) && !unique ? [rename(k, field)] : undefined;
            context.report({ messageId: 'labelOf', data: { key: k.key, field: field.name }, ...at, fix, suggest });
          } else if (exact.length > 1) {
            const fields = exact.map((f) => f.name).join(', ');
            context.report({ messageId: 'ambiguousLabel', data: { key: k.key, fields }, ...at, suggest: exact.filter(free).map((f) => rename(k, f)) });
          } else {
            const closest = closestLeadField(k.key);
            if (closest) context.report({ messageId: 'didYouMean', data: { key: k.key, field: closest.name }, ...at, suggest: free(closest) ? [rename(k, closest)] : undefined });
            else context.report({ messageId: 'unknown', data: { key: k.key }, ...at });
          }
        }
      },
    };
  },
};
