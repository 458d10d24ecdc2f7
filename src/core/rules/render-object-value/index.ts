import type { RuleDefinition } from '../../lint/types';
import type { RenderedCollection, RenderedRequest } from '../../request/rendered-request';
import { findLeadField, type LeadField } from '../../salesforce/lead-fields';
import { docsUrl } from '../docs-url';
import { findBodyValue, quoteRendered, renderedLeadStrings } from '../rendered-helpers';

/** Lead field types that hold text: a printed hash or list there is saved as that text. */
const TEXT_TYPES = new Set<LeadField['type']>(['string', 'email', 'phone', 'url', 'textarea', 'picklist']);

/**
 * An object or array attribute printed into a Lead text field. Braze's Liquid (Shopify Liquid on
 * Ruby) prints a hash as Ruby writes it (`{"name"=>"Acme"}`) and an array with its items run
 * together; Salesforce then stores that text as, say, the Company. Usually a nested key
 * (`custom_attribute.${company.name}`) or `| first` / `| join` was meant.
 * https://www.braze.com/docs/user_guide/data/custom_data/custom_attributes/nested_custom_attribute_support/
 * https://www.braze.com/docs/user_guide/personalization_and_dynamic_content/liquid/filters/#array-filters
 */
export const RenderObjectValue: RuleDefinition = {
  meta: {
    id: 'render-object-value',
    docs: {
      description: 'A Lead text field must not get a whole object or list printed into it.',
      recommended: true,
      url: docsUrl('render-object-value'),
    },
    severity: 'warning',
    kind: 'rendered',
    schema: {},
    messages: {
      hash: '{{key}} gets an object for this profile, which Braze prints the way Ruby writes a hash: {{text}}. Salesforce saves that text as the {{field}}. Print one of its keys instead, with a dotted path such as `custom_attribute.${company.name}`.',
      array:
        '{{key}} gets a list of {{size}} items for this profile, which Braze prints run together: "{{text}}". Salesforce saves that text as the {{field}}. Pick one item (`| first`) or join them (`| join: \', \'`).',
    },
  },
  create(context) {
    return {
      RenderedRequest(request) {
        const printed = (request.printedCollections ?? []).filter((c) => c.text !== '' && (c.fieldId === 'body' || c.fieldId.startsWith('body:')));
        if (printed.length === 0) return;
        for (const [key, value] of renderedLeadStrings(request)) {
          const field = findLeadField(key);
          if (!field || field.readOnly || !TEXT_TYPES.has(field.type)) continue;
          const collection = printedInto(request, printed, key, value);
          const location = collection && findBodyValue(context, key);
          if (!collection || !location) continue;
          context.report({
            messageId: collection.kind,
            data: { key: location.key, field: field.name, text: quoteRendered(request, collection.text), size: collection.size },
            startIndex: location.range.start,
            endIndex: location.range.end,
          });
        }
      },
    };
  },
};

/**
 * The collection printed into body member `key`: in a key/value body the one printed in that
 * member's own field, in a raw body one whose text the member's value contains.
 */
function printedInto(request: RenderedRequest, printed: readonly RenderedCollection[], key: string, value: string): RenderedCollection | undefined {
  if (request.bodyMode === 'json') return printed.find((c) => c.fieldId === `body:${key}` && value.includes(c.text));
  return printed.find((c) => c.fieldId === 'body' && value.includes(c.text));
}
