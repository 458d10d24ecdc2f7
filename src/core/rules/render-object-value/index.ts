import type { RuleDefinition } from '../../lint/types';
import type { RenderedCollection, RenderedRequest } from '../../request/rendered-request';
import type { FieldType } from '../../salesforce/model';
import { docsUrl } from '../docs-url';
import { quoteRendered, renderedRecordValues } from '../rendered-helpers';
import texts from './texts.json';

/** Field types that hold text: a printed hash or list there is saved as that text. */
const TEXT_TYPES = new Set<FieldType>(['string', 'email', 'phone', 'url', 'textarea', 'picklist']);

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
      recommended: true,
      url: docsUrl('render-object-value'),
    },
    severity: 'warning',
    kind: 'rendered',
    schema: {},
    texts,
  },
  create(context) {
    return {
      RenderedRequest(request) {
        const printed = (request.printedCollections ?? []).filter((c) => c.text !== '' && (c.fieldId === 'body' || c.fieldId.startsWith('body:')));
        if (printed.length === 0) return;
        // The fields come from the one Salesforce model (ADR 008), like every other Lead rule.
        for (const { key, value, field, location } of renderedRecordValues(context, request)) {
          if (typeof value !== 'string' || !(field.createable || field.updateable) || !TEXT_TYPES.has(field.type)) continue;
          const collection = printedInto(request, printed, key, value);
          if (!collection) continue;
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
