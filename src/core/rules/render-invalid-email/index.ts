import type { RuleDefinition } from '../../lint/types';
import { docsUrl } from '../docs-url';
import { quoteRendered, renderedRecordValues } from '../rendered-helpers';
import texts from './texts.json';

/**
 * An email field (Email) whose Liquid renders something that is not an address. An empty value is
 * fine (Email is optional); anything else must look like `name@domain.tld`, or Salesforce refuses
 * the record with 400 INVALID_EMAIL_ADDRESS, which Braze does not retry. The same check as the
 * simulated answer; a value written without Liquid is `sf-field-value`'s.
 * https://developer.salesforce.com/docs/atlas.en-us.object_reference.meta/object_reference/sforce_api_objects_lead.htm (Email: type email)
 * https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/errorcodes.htm
 */
export const RenderInvalidEmail: RuleDefinition = {
  meta: {
    id: 'render-invalid-email',
    docs: {
      recommended: true,
      url: docsUrl('render-invalid-email'),
    },
    severity: 'warning',
    kind: 'rendered',
    schema: {},
    texts,
  },
  create(context) {
    return {
      RenderedRequest(request) {
        for (const { value, location, issue } of renderedRecordValues(context, request)) {
          if (issue?.code !== 'INVALID_EMAIL_ADDRESS') continue;
          context.report({
            messageId: 'invalid',
            data: { key: location.key, value: quoteRendered(request, String(value), 60), reason: issue.reason },
            startIndex: location.range.start,
            endIndex: location.range.end,
          });
        }
      },
    };
  },
};
