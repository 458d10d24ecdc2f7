import type { RuleDefinition } from '../../lint/types';
import { docsUrl } from '../docs-url';
import { toBodyKeys, toSobjectRequest, writableFieldsLabelled } from '../../salesforce/template-request';
import texts from './texts.json';

/**
 * A create must send every field the model says is required: `createable && !nillable &&
 * !defaultedOnCreate` in the describe (LastName and Company on a standard Lead; Status is defaulted;
 * an org describe adds its required custom fields). Without them, or with one written as an empty
 * literal, Salesforce answers 400 REQUIRED_FIELD_MISSING ("Required fields are missing:
 * [LastName, Company]"), a 4xx Braze does not retry. Keys are matched by API name, ignoring case as
 * Salesforce does; a translated label (`apellido`, `empresa`) is not the field, so the message names it.
 * https://developer.salesforce.com/docs/atlas.en-us.object_reference.meta/object_reference/sforce_api_objects_lead.htm
 * https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/resources_sobject_describe.htm
 */
export const SfRequiredFields: RuleDefinition = {
  meta: {
    id: 'sf-required-fields',
    docs: { recommended: true, url: docsUrl('sf-required-fields') },
    severity: 'warning',
    kind: 'static',
    schema: {},
    texts,
  },
  create(context) {
    return {
      TemplateFile(file) {
        const request = toSobjectRequest(file, context);
        const model = request?.model;
        if (!request || !model || (request.operation !== 'create' && request.operation !== 'update' && request.operation !== 'upsert')) return;
        const body = toBodyKeys(file, context);
        if (!body && file.bodyMode !== 'none') return;
        const keys = body?.keys ?? [];
        const sobject = model.name;
        for (const k of keys) {
          const field = model.field(k.key);
          if (!field?.requiredOnCreate || !k.value.literal || !isBlank(k.value.json)) continue;
          context.report({ messageId: 'literalEmpty', data: { field: field.name }, startIndex: k.value.range.start, endIndex: k.value.range.end });
        }
        if (request.operation !== 'create' || keys.some((k) => k.dynamic)) return;
        const at = body?.bodyKeyRange ?? file.members.find((m) => m.key === 'url')?.keyRange;
        if (!at) return;
        for (const field of model.requiredOnCreate) {
          if (keys.some((k) => model.field(k.key) === field)) continue;
          const lookalike = keys.find((k) => !model.field(k.key) && writableFieldsLabelled(model, k.key).includes(field));
          const inOrg = model.origin.kind === 'org' && !model.builtIn?.field(field.name)?.requiredOnCreate;
          const messageId = lookalike ? 'missingLooksLike' : inOrg ? 'missingInOrg' : 'missing';
          const file = model.origin.kind === 'org' ? model.origin.file : '';
          context.report({ messageId, data: { field: field.name, key: lookalike?.key ?? '', sobject, file }, startIndex: at.start, endIndex: at.end });
        }
      },
    };
  },
};

/** Empty, only whitespace, or null: Salesforce stores each as null. */
function isBlank(value: unknown): boolean {
  return value === null || (typeof value === 'string' && value.trim() === '');
}
