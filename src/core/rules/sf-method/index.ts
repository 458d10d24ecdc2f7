import type { RuleDefinition } from '../../lint/types';
import type { TemplateFile } from '../../template/template-file';
import type { OffsetRange } from '../../types';
import { docsUrl } from '../docs-url';
import { toSobjectRequest } from '../../salesforce/template-request';
import texts from './texts.json';

/**
 * The HTTP verb must match the sObject resource: the collection takes POST (create), a record
 * takes PATCH (update) or DELETE, an external Id takes PATCH (upsert); Salesforce has no PUT on
 * sObjects (405 METHOD_NOT_ALLOWED). POST to a record URL is `sf-create-with-id`'s finding and
 * PATCH to the collection is `sf-update-without-id`'s, so each mistake is reported once.
 * https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/resources_sobject_basic_info.htm
 * https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/resources_sobject_retrieve.htm
 */
export const SfMethod: RuleDefinition = {
  meta: {
    id: 'sf-method',
    docs: { recommended: true, url: docsUrl('sf-method') },
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
        if (!request || !request.methodRange) return;
        const collection = request.parsed.operation === 'collection';
        const range = request.methodRange;
        const report = (messageId: string, method: string) =>
          context.report({
            messageId,
            data: { sobject: request.sobject },
            startIndex: range.start,
            endIndex: range.end,
            suggest: [{ messageId: 'useMethod', data: { method }, edits: [replace(range, method)] }],
          });
        const writeMethod = collection ? 'POST' : 'PATCH';
        if (request.method === 'PUT') report(collection ? 'putCollection' : 'putRecord', writeMethod);
        else if (request.method === 'GET' && hasBody(file)) report(collection ? 'getCollection' : 'getRecord', writeMethod);
        else if (request.method === 'DELETE' && collection) report('deleteCollection', 'POST');
        else if (request.method === 'DELETE' && hasBody(file)) report('deleteRecord', 'PATCH');
      },
    };
  },
};

function replace(range: OffsetRange, method: string) {
  return { startIndex: range.start, endIndex: range.end, insert: JSON.stringify(method) };
}

/** A body with something in it: at least one key/value pair, or non-blank raw text. */
function hasBody(file: TemplateFile): boolean {
  if (file.bodyMode === 'raw') return (file.body[0]?.text.trim() ?? '') !== '';
  if (file.bodyMode !== 'json') return false;
  const body = file.members.find((m) => m.key === 'body');
  return (body?.valueNode.children?.length ?? 0) > 0;
}
