import type { RuleDefinition } from '../../lint/types';
import { docsUrl } from '../docs-url';
import { hasLiquid, sendsRecordData, toBodyKeys, toSobjectRequest } from '../../salesforce/template-request';
import texts from './texts.json';

/**
 * The record Id (or, for an upsert, the external-Id field) belongs in the URL. In the body,
 * Salesforce answers 400 INVALID_FIELD ("The Id field should not be specified in the sobject
 * data"), a 4xx Braze does not retry. Any sObject, any case (`"id"` fails the same way).
 * https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/dome_sobject_create.htm
 * https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/dome_upsert.htm
 */
export const SfIdInBody: RuleDefinition = {
  meta: {
    id: 'sf-id-in-body',
    docs: { recommended: true, url: docsUrl('sf-id-in-body') },
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
        if (!request || !sendsRecordData(request)) return;
        const external = request.operation === 'upsert' ? request.parsed.externalIdField?.text : undefined;
        const externalName = external && !hasLiquid(external) ? external.toLowerCase() : undefined;
        for (const k of toBodyKeys(file, context)?.keys ?? []) {
          const name = k.key.toLowerCase();
          const messageId = name === 'id' ? 'idInBody' : name === externalName ? 'externalIdInBody' : undefined;
          if (!messageId) continue;
          context.report({
            messageId,
            data: { key: k.key, sobject: request.sobject },
            startIndex: k.range.start,
            endIndex: k.range.end,
            suggest: [{ messageId: 'removeMember', data: { key: k.key }, edits: k.remove() }],
          });
        }
      },
    };
  },
};
