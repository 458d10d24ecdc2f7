import type { RuleDefinition } from '../../lint/types';
import { docsUrl } from '../docs-url';
import { isKeyTaken, sendsRecordData, toBodyKeys, toSobjectRequest } from '../../salesforce/template-request';
import texts from './texts.json';

/**
 * A standard Lead field written in another case (`firstName`, `EMAIL`). Salesforce matches JSON
 * field names ignoring case in practice (its own create example sends `"id"` and gets the Id
 * error; Braze's Salesforce recipe sends `firstName`), so this is only info, with a safe fix to
 * the canonical API name. `Id` is `sf-id-in-body`'s finding.
 * https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/dome_sobject_create.htm
 * https://www.braze.com/docs/user_guide/getting_started/b2b_use_cases/b2b_salesforce_sales_cloud
 */
export const SfFieldCase: RuleDefinition = {
  meta: {
    id: 'sf-field-case',
    docs: { recommended: true, url: docsUrl('sf-field-case') },
    severity: 'info',
    kind: 'static',
    schema: {},
    texts,
    fixable: true,
  },
  create(context) {
    return {
      TemplateFile(file) {
        const request = toSobjectRequest(file, context);
        const model = request?.model;
        if (!request || !model || !sendsRecordData(request)) return;
        const body = toBodyKeys(file, context);
        for (const k of body?.keys ?? []) {
          const field = k.dynamic ? undefined : model.field(k.key);
          if (!field || field.name === k.key || field.name === 'Id') continue;
          const fix = isKeyTaken(body?.keys ?? [], field.name, k) ? undefined : k.rename(field.name);
          context.report({ messageId: 'nonCanonical', data: { key: k.key, field: field.name }, startIndex: k.range.start, endIndex: k.range.end, fix });
        }
      },
    };
  },
};
