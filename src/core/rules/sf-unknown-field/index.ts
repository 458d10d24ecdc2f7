import type { ReportedSuggestion, RuleDefinition } from '../../lint/types';
import { classifyKey } from '../../salesforce/field-checks';
import type { SObjectField, SObjectModel } from '../../salesforce/model';
import type { TextEdit } from '../../types';
import { docsUrl } from '../docs-url';
import { type BodyKey, closestWritableField, isKeyTaken, sendsRecordData, toBodyKeys, toSobjectRequest, writableFieldsLabelled } from '../../salesforce/template-request';
import texts from './texts.json';

/**
 * A body key that is not a field of the sObject: Salesforce answers 400 INVALID_FIELD ("No such
 * column 'x' on sobject of type Lead"), a 4xx Braze does not retry. What "a field" is comes from
 * the one model (the built-in Lead fields of the current release, or the org's describe, which also
 * knows the custom fields). Keys copied from a translated recipe (`apellido`, `correo electrónico`,
 * `empresa`) are labels; when a label names exactly one field the rename is a safe fix.
 * https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/errorcodes.htm
 * https://developer.salesforce.com/docs/atlas.en-us.object_reference.meta/object_reference/sforce_api_objects_lead.htm
 */
export const SfUnknownField: RuleDefinition = {
  meta: {
    id: 'sf-unknown-field',
    docs: { recommended: true, url: docsUrl('sf-unknown-field') },
    severity: 'warning',
    kind: 'static',
    schema: {},
    texts,
    fixable: true,
    hasSuggestions: true,
  },
  create(context) {
    return {
      TemplateFile(file) {
        const request = toSobjectRequest(file, context);
        const model = request?.model;
        if (!request || !model || !sendsRecordData(request)) return;
        const body = toBodyKeys(file, context);
        if (!body) return;
        const sobject = model.name;
        // The same classification as the simulated answer: Id, `attributes` and (without the org's
        // describe) custom names are not "unknown".
        const unknown = body.keys.filter((k) => !k.dynamic && classifyKey(model, k.key).kind === 'unknown');
        const exactTargets = unknown.map((k) => writableFieldsLabelled(model, k.key)).filter((fields) => fields.length === 1).map(([field]) => field);
        const rename = (k: BodyKey, field: SObjectField): ReportedSuggestion => ({ messageId: 'renameTo', data: { key: k.key, field: field.name }, edits: k.rename(field.name) });
        for (const k of unknown) {
          const at = { startIndex: k.range.start, endIndex: k.range.end };
          const free = (field: SObjectField) => !isKeyTaken(body.keys, field.name, k);
          const standard = model.builtIn?.field(k.key);
          if (standard && model.origin.kind === 'org') {
            context.report({ messageId: 'standardNotInOrg', data: { key: k.key, field: standard.name, sobject, file: model.origin.file, why: whyMissing(model, standard) }, ...at });
            continue;
          }
          const exact = writableFieldsLabelled(model, k.key);
          if (exact.length === 1) {
            const [field] = exact;
            const unique = exactTargets.filter((f) => f === field).length === 1;
            const fix: TextEdit[] | undefined = free(field) && unique ? k.rename(field.name) : undefined;
            const suggest = free(field) && !unique ? [rename(k, field)] : undefined;
            context.report({ messageId: 'labelOf', data: { key: k.key, field: field.name, sobject }, ...at, fix, suggest });
          } else if (exact.length > 1) {
            const fields = exact.map((f) => f.name).join(', ');
            context.report({ messageId: 'ambiguousLabel', data: { key: k.key, fields, sobject }, ...at, suggest: exact.filter(free).map((f) => rename(k, f)) });
          } else if (closestWritableField(model, k.key)) {
            const closest = closestWritableField(model, k.key) as SObjectField;
            context.report({ messageId: 'didYouMean', data: { key: k.key, field: closest.name, sobject }, ...at, suggest: free(closest) ? [rename(k, closest)] : undefined });
          } else if (model.origin.kind === 'org') {
            context.report({ messageId: 'notInOrgDescribe', data: { key: k.key, sobject, file: model.origin.file }, ...at });
          } else {
            context.report({ messageId: 'unknown', data: { key: k.key, sobject, origin: builtInNote(model) }, ...at });
          }
        }
      },
    };
  },
};

/** Why an org describe lacks a standard field: the feature it needs, or the describing user's access. */
function whyMissing(model: SObjectModel, field: SObjectField): string {
  const feature = field.feature ? `it needs ${model.features[field.feature] ?? field.feature}` : undefined;
  return feature ? `${feature}, or the user who ran the describe cannot see it` : 'the user who ran the describe cannot see it, or the org removed it';
}

/** What the built-in verdict rests on, so a user with an industry-cloud field knows what to do. */
function builtInNote(model: SObjectModel): string {
  if (model.origin.kind !== 'built-in') return '';
  return ` (Checked against the standard ${model.name} fields of ${model.origin.release}, API v${model.origin.apiVersion}.0; if your org adds this field, e.g. from an industry cloud or a package, give the product your org's describe.)`;
}
