import type { RuleDefinition } from '../../lint/types';
import { customFieldNameProblem } from '../../salesforce/model';
import { docsUrl } from '../docs-url';
import { sendsRecordData, toBodyKeys, toSobjectRequest } from '../../salesforce/template-request';
import texts from './texts.json';

/**
 * Body keys ending in `__c` must be possible custom-field API names: letters, digits and single
 * underscores, starting with a letter, not ending in `_`, at most 40 characters before `__c`
 * (plus an optional `ns__` namespace). Anything else cannot exist in the org, so Salesforce
 * answers 400 INVALID_FIELD ("No such column …"), which Braze does not retry.
 * https://developer.salesforce.com/docs/atlas.en-us.object_reference.meta/object_reference/sforce_api_objects_custom_objects.htm
 */
export const SfCustomFieldName: RuleDefinition = {
  meta: {
    id: 'sf-custom-field-name',
    docs: { recommended: true, url: docsUrl('sf-custom-field-name') },
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
        for (const k of toBodyKeys(file, context)?.keys ?? []) {
          if (k.dynamic) continue;
          const reason = customFieldNameProblem(k.key);
          if (!reason) continue;
          const candidate = toCustomFieldName(k.key);
          context.report({
            messageId: 'invalid',
            data: { key: k.key, reason, sobject: request.sobject },
            startIndex: k.range.start,
            endIndex: k.range.end,
            suggest: candidate ? [{ messageId: 'renameTo', data: { name: candidate }, edits: k.rename(candidate) }] : undefined,
          });
        }
      },
    };
  },
};

/**
 * The valid API name a label-like key probably meant (`Lead Stage__c` → `Lead_Stage__c`,
 * `Etapa_del_líder__c` → `Etapa_del_lider__c`), or undefined when none is obvious.
 */
function toCustomFieldName(key: string): string | undefined {
  const parts = key.slice(0, -3).split('__');
  if (parts.length > 2) return undefined;
  const cleaned = parts.map((part) =>
    part
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[^A-Za-z0-9]+/g, '_')
      .replace(/^_+|_+$/g, ''),
  );
  const candidate = `${cleaned.join('__')}__c`;
  return candidate !== key && customFieldNameProblem(candidate) === undefined ? candidate : undefined;
}
