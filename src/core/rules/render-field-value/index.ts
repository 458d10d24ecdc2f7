import type { RuleDefinition } from '../../lint/types';
import { explainValueIssue, type ValueIssue } from '../../salesforce/field-checks';
import { docsUrl } from '../docs-url';
import { quoteRendered, renderedRecordValues } from '../rendered-helpers';
import texts from './texts.json';

/** The messageId of each value issue this rule reports (too long, email and required have their own rules). */
const MESSAGE_OF: Partial<Record<ValueIssue['code'], string>> = {
  JSON_PARSER_ERROR: 'typeMismatch',
  INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST: 'restrictedPicklist',
  MALFORMED_ID: 'malformedId',
  INVALID_CROSS_REFERENCE_KEY: 'unknownRecordType',
};

/**
 * A value produced by Liquid that Salesforce refuses for this profile: a string that does not
 * convert to the field's type (JSON_PARSER_ERROR: Braze's key/value body sends every value as a
 * string), a value outside a restricted picklist, a reference that is not an Id of the right
 * object, a record type the org does not offer. And on an update, a value that renders empty:
 * Salesforce stores "" as null, so the PATCH erases what the field held. The checks are the ones
 * the simulated answer runs (`field-checks.ts`); literal values are `sf-field-value`'s.
 * https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/errorcodes.htm
 */
export const RenderFieldValue: RuleDefinition = {
  meta: {
    id: 'render-field-value',
    docs: {
      recommended: true,
      url: docsUrl('render-field-value'),
    },
    severity: 'error',
    kind: 'rendered',
    schema: {},
    texts,
  },
  create(context) {
    return {
      RenderedRequest(request) {
        for (const { value, field, model, operation, location, issue } of renderedRecordValues(context, request)) {
          const at = { startIndex: location.range.start, endIndex: location.range.end };
          const messageId = issue ? MESSAGE_OF[issue.code] : undefined;
          if (issue && messageId) {
            const shown = typeof value === 'string' ? value : JSON.stringify(value);
            context.report({ messageId, data: { key: location.key, value: quoteRendered(request, shown, 80), why: explainValueIssue(field, issue) }, ...at });
          } else if (!issue && operation === 'update' && isBlank(value) && field.updateable) {
            context.report({ messageId: 'erasesOnUpdate', data: { key: location.key, field: field.name, sobject: model.name }, ...at, severity: 'warning' });
          }
        }
      },
    };
  },
};

/** Empty, only whitespace, or null: stored as null. */
function isBlank(value: unknown): boolean {
  return value === null || (typeof value === 'string' && value.trim() === '');
}
