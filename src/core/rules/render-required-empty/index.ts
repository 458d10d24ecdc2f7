import type { ReportedSuggestion, RuleContext, RuleDefinition } from '../../lint/types';
import { docsUrl } from '../docs-url';
import { appendToOutput, type BodyValueLocation, outputsWithin, renderedRecordValues } from '../rendered-helpers';
import texts from './texts.json';

/** The value the suggestion puts in; the user is expected to pick a better one. */
const DEFAULT_VALUE = 'Unknown';

/**
 * A required field (LastName, Company on a Lead; the org's required custom fields with its
 * describe) whose Liquid renders empty or blank for a profile. A missing attribute renders as an
 * empty string in Braze, and `default` does not replace a value of only spaces. Salesforce then
 * refuses the create with 400 REQUIRED_FIELD_MISSING ("Required fields are missing: [LastName]"),
 * which Braze does not retry. Same check as the simulated answer; an empty literal is
 * `sf-required-fields`'.
 * https://www.braze.com/docs/user_guide/personalization_and_dynamic_content/liquid/setting_default_values/
 * https://developer.salesforce.com/docs/atlas.en-us.object_reference.meta/object_reference/sforce_api_objects_lead.htm
 */
export const RenderRequiredEmpty: RuleDefinition = {
  meta: {
    id: 'render-required-empty',
    docs: {
      recommended: true,
      url: docsUrl('render-required-empty'),
    },
    severity: 'error',
    kind: 'rendered',
    schema: {
      defaultValue: { type: 'string', default: DEFAULT_VALUE, description: 'Value the `| default:` suggestion inserts.' },
    },
    texts,
    hasSuggestions: true,
  },
  create(context) {
    return {
      RenderedRequest(request) {
        for (const { value, field, operation, location, issue } of renderedRecordValues(context, request)) {
          if (issue?.code !== 'REQUIRED_FIELD_MISSING') continue;
          const whitespace = typeof value === 'string' && value !== '';
          const messageId = operation === 'update' ? 'emptyOnUpdate' : whitespace ? 'blank' : 'empty';
          context.report({
            messageId,
            data: { key: location.key, field: field.name },
            startIndex: location.range.start,
            endIndex: location.range.end,
            suggest: operation === 'update' ? [] : defaultSuggestion(context, location, whitespace),
          });
        }
      },
    };
  },
};

/**
 * ` | default: '…'` before the `}}` of the value's last output (` | strip | default` when the
 * value is whitespace, which `default` leaves alone). None when that output already has a default.
 */
function defaultSuggestion(context: RuleContext, location: BodyValueLocation, whitespace: boolean): ReportedSuggestion[] {
  const last = outputsWithin(context, location.field, location.start, location.end).at(-1);
  if (!last || (!whitespace && last.filters.some((f) => f.name === 'default'))) return [];
  const value = String(context.options.defaultValue ?? DEFAULT_VALUE).replace(/'/g, '');
  const filters = whitespace ? ` | strip | default: '${value}'` : ` | default: '${value}'`;
  return [{ messageId: whitespace ? 'addStripDefault' : 'addDefault', data: { value, key: location.key }, edits: [appendToOutput(context, last, filters)] }];
}
