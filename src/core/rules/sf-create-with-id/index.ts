import type { ReportedSuggestion, RuleDefinition } from '../../lint/types';
import { docsUrl } from '../docs-url';
import { isIdCreateSegment, toSobjectRequest, urlPartRange } from '../../salesforce/template-request';
import texts from './texts.json';

/**
 * POST to `…/sobjects/Lead/<something>`: a create URL carries no record Id. The record resource
 * takes GET, PATCH, DELETE and HEAD, so Salesforce refuses the POST (405 METHOD_NOT_ALLOWED, or
 * 400 when it reads the segment as an external-Id field) and Braze does not retry other 4xx.
 * `POST …/sobjects/Lead/Id` is the documented create alias (API 37.0+) and is not flagged;
 * `POST …?_HttpMethod=PATCH` is an update and is not flagged either.
 * https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/dome_sobject_create.htm
 * https://developer.salesforce.com/docs/platform/api-rest/guide/resources-sobject-upsert-post.html
 */
export const SfCreateWithId: RuleDefinition = {
  meta: {
    id: 'sf-create-with-id',
    docs: { recommended: true, url: docsUrl('sf-create-with-id') },
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
        if (!request || request.effectiveMethod !== 'POST') return;
        const { parsed } = request;
        if (parsed.operation === 'collection' || !parsed.recordSegment || isIdCreateSegment(request)) return;
        const start = (parsed.externalIdField ?? parsed.recordSegment).start;
        const end = parsed.recordSegment.end;
        const segment = request.url.text.slice(start, end);
        const removalEnd = request.url.text[end] === '/' ? end + 1 : end;
        const range = urlPartRange(context, request, { start, end });
        const removal = urlPartRange(context, request, { start, end: removalEnd });
        const data = { segment, sobject: request.sobject };
        const suggest: ReportedSuggestion[] = [{ messageId: 'removeSegment', data, edits: [{ startIndex: removal.start, endIndex: removal.end, insert: '' }] }];
        if (request.methodRange) {
          suggest.push({ messageId: 'usePatch', data, edits: [{ startIndex: request.methodRange.start, endIndex: request.methodRange.end, insert: '"PATCH"' }] });
        }
        context.report({ messageId: 'idInCreate', data, startIndex: range.start, endIndex: range.end, suggest });
      },
    };
  },
};
