import type { RuleDefinition } from '../../lint/types';
import type { FieldType } from '../../salesforce/model';
import { docsUrl } from '../docs-url';
import { findBodyValue, renderedLeadStrings } from '../rendered-helpers';

/** Field types whose max length Salesforce enforces as STRING_TOO_LONG. */
const TEXT_TYPES = new Set<FieldType>(['string', 'email', 'phone', 'url', 'textarea', 'picklist']);

/**
 * A Lead field that renders longer than Salesforce stores. Salesforce refuses the whole record
 * with 400 STRING_TOO_LONG ("<Label>: data value too large: <value> (max length=N)"); Braze does
 * not retry. Lengths from the Lead object reference.
 * https://developer.salesforce.com/docs/atlas.en-us.object_reference.meta/object_reference/sforce_api_objects_lead.htm
 * https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/errorcodes.htm
 */
export const RenderTooLong: RuleDefinition = {
  meta: {
    id: 'render-too-long',
    docs: {
      description: 'Lead field values must fit the field length Salesforce stores.',
      recommended: true,
      url: docsUrl('render-too-long'),
    },
    severity: 'warning',
    kind: 'rendered',
    schema: {},
    messages: {
      tooLong:
        '{{key}} renders {{length}} characters for this profile; {{field}} holds at most {{max}}. Salesforce answers 400 STRING_TOO_LONG ("{{label}}: data value too large: … (max length={{max}})") and saves nothing.',
    },
  },
  create(context) {
    return {
      RenderedRequest(request) {
        for (const [key, value] of renderedLeadStrings(request)) {
          const field = context.salesforce.sobject('Lead')?.field(key);
          if (!field?.length || !(field.createable || field.updateable) || !TEXT_TYPES.has(field.type)) continue;
          // Characters, not UTF-16 units: an emoji counts once (the lenient reading).
          const length = [...value].length;
          if (length <= field.length) continue;
          const location = findBodyValue(context, key);
          if (!location) continue;
          context.report({
            messageId: 'tooLong',
            data: { key: location.key, field: field.name, label: field.label, length, max: field.length },
            startIndex: location.range.start,
            endIndex: location.range.end,
          });
        }
      },
    };
  },
};
