import type { RuleDefinition } from '../../lint/types';
import { LEAD_FIELDS } from '../../salesforce/lead-fields';
import { docsUrl } from '../docs-url';
import { leadFieldsLabelled, standardLeadField, toBodyKeys, toSobjectRequest } from '../salesforce-helpers';

const REQUIRED = LEAD_FIELDS.filter((field) => field.requiredOnCreate);

/**
 * A Lead create needs LastName and Company (Status is defaulted). Without them Salesforce answers
 * 400 REQUIRED_FIELD_MISSING ("Required fields are missing: [LastName, Company]"), a 4xx Braze does
 * not retry. Keys are matched by API name, ignoring case as Salesforce does; a translated label
 * (`apellido`, `empresa`) is not the field, so the message points at it.
 * https://developer.salesforce.com/docs/atlas.en-us.object_reference.meta/object_reference/sforce_api_objects_lead.htm
 * https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/dome_sobject_create.htm
 */
export const SfRequiredFields: RuleDefinition = {
  meta: {
    id: 'sf-required-fields',
    docs: { description: 'A Lead create (POST to …/sobjects/Lead/) must send LastName and Company.', recommended: true, url: docsUrl('sf-required-fields') },
    severity: 'warning',
    kind: 'static',
    schema: {},
    messages: {
      missing: 'This Lead create sends no {{field}}: Salesforce answers 400 REQUIRED_FIELD_MISSING ("Required fields are missing: [{{field}}]"), which Braze does not retry.',
      missingLooksLike:
        'This Lead create sends no {{field}}: "{{key}}" looks like {{field}}, but Salesforce only knows API names, so it answers 400 REQUIRED_FIELD_MISSING ("Required fields are missing: [{{field}}]"), which Braze does not retry. Rename "{{key}}" to "{{field}}".',
    },
  },
  create(context) {
    return {
      TemplateFile(file) {
        const request = toSobjectRequest(file);
        if (!request?.isLead || request.operation !== 'create') return;
        const body = toBodyKeys(file, context);
        if (!body && file.bodyMode !== 'none') return;
        const keys = body?.keys ?? [];
        if (keys.some((k) => k.dynamic)) return;
        const at = body?.bodyKeyRange ?? file.members.find((m) => m.key === 'url')?.keyRange;
        if (!at) return;
        for (const field of REQUIRED) {
          if (keys.some((k) => standardLeadField(k.key) === field)) continue;
          const lookalike = keys.find((k) => !standardLeadField(k.key) && leadFieldsLabelled(k.key).includes(field));
          context.report({
            messageId: lookalike ? 'missingLooksLike' : 'missing',
            data: { field: field.name, key: lookalike?.key ?? '' },
            startIndex: at.start,
            endIndex: at.end,
          });
        }
      },
    };
  },
};
