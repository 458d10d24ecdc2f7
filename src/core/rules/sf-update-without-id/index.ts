import type { RuleDefinition } from '../../lint/types';
import { docsUrl } from '../docs-url';
import { toSobjectRequest, urlPartRange } from '../../salesforce/template-request';
import texts from './texts.json';

/**
 * PATCH to `…/sobjects/Lead/` with no record Id: the collection resource takes GET and POST only,
 * so Salesforce answers 405 METHOD_NOT_ALLOWED (a 4xx Braze does not retry). An upsert by external
 * Id (`PATCH …/sobjects/Lead/<Field__c>/<value>`) and an update (`…/Lead/<Id>`) are fine.
 * https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/dome_update_fields.htm
 * https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/dome_upsert.htm
 */
export const SfUpdateWithoutId: RuleDefinition = {
  meta: {
    id: 'sf-update-without-id',
    docs: { recommended: true, url: docsUrl('sf-update-without-id') },
    severity: 'error',
    kind: 'static',
    schema: {},
    texts,
    hasSuggestions: true,
  },
  create(context) {
    return {
      TemplateFile(file) {
        const request = toSobjectRequest(file, context);
        if (!request || request.effectiveMethod !== 'PATCH' || request.parsed.operation !== 'collection') return;
        const range = urlPartRange(context, request, request.parsed.sobject);
        const data = { sobject: request.sobject };
        const { methodRange } = request;
        const suggest = methodRange && !request.methodOverridden ? [{ messageId: 'usePost', data, edits: [{ startIndex: methodRange.start, endIndex: methodRange.end, insert: '"POST"' }] }] : undefined;
        context.report({ messageId: 'noId', data, startIndex: range.start, endIndex: range.end, suggest });
      },
    };
  },
};
