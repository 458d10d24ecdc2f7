import type { RuleDefinition } from '../../lint/types';
import { docsUrl } from '../docs-url';
import { renderedRecordValues } from '../rendered-helpers';
import texts from './texts.json';

/**
 * A field whose Liquid renders longer than Salesforce stores. Salesforce refuses the whole record
 * with 400 STRING_TOO_LONG ("<Label>: data value too large: <value> (max length=N)"); Braze does
 * not retry. Lengths come from the model (the built-in Lead fields or the org's describe), through
 * the same check the simulated answer uses; a value written without Liquid is `sf-field-value`'s.
 * https://developer.salesforce.com/docs/atlas.en-us.object_reference.meta/object_reference/sforce_api_objects_lead.htm
 * https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/errorcodes.htm
 */
export const RenderTooLong: RuleDefinition = {
  meta: {
    id: 'render-too-long',
    docs: {
      recommended: true,
      url: docsUrl('render-too-long'),
    },
    severity: 'warning',
    kind: 'rendered',
    schema: {},
    texts,
  },
  create(context) {
    return {
      RenderedRequest(request) {
        for (const { field, location, issue } of renderedRecordValues(context, request)) {
          if (issue?.code !== 'STRING_TOO_LONG') continue;
          context.report({
            messageId: 'tooLong',
            data: { key: location.key, field: field.name, label: field.label, length: issue.length, max: issue.max },
            startIndex: location.range.start,
            endIndex: location.range.end,
          });
        }
      },
    };
  },
};
