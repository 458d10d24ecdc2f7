import type { RuleDefinition } from '../../lint/types';
import { hasLiquid, toSobjectRequest } from '../../salesforce/template-request';
import { docsUrl } from '../docs-url';
import texts from './texts.json';

/** sObjects whose writes run assignment rules (https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/headers_autoassign.htm). */
const ASSIGNED_SOBJECTS = new Set(['lead', 'case']);

/**
 * Salesforce's REST write headers that change what happens to a record:
 * - `Sforce-Auto-Assign` defaults to TRUE on create *and* update, so each PATCH of a Lead may run
 *   the active assignment rule again and change its owner; an update without the header gets a hint.
 * - `Sforce-Duplicate-Rule-Header: allowSave=true` lets a save pass duplicate rules that only alert;
 *   a rule that blocks still answers 400 DUPLICATES_DETECTED.
 * https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/headers_autoassign.htm
 * https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/headers_duplicaterules.htm
 */
export const SfRestHeaders: RuleDefinition = {
  meta: {
    id: 'sf-rest-headers',
    docs: { recommended: true, url: docsUrl('sf-rest-headers') },
    severity: 'info',
    kind: 'static',
    schema: {},
    texts,
  },
  create(context) {
    return {
      TemplateFile(file) {
        const request = toSobjectRequest(file, context);
        if (!request?.operation) return;
        const header = (name: string) => file.headers.filter((h) => h.key?.trim().toLowerCase() === name).at(-1);
        const autoAssign = header('sforce-auto-assign');
        const assigned = ASSIGNED_SOBJECTS.has(request.sobject.toLowerCase());
        if (assigned && !autoAssign && request.operation !== 'create') {
          const at = request.methodRange ?? file.members.find((m) => m.key === 'url')?.keyRange;
          if (at) context.report({ messageId: 'autoAssignOnUpdate', data: { operation: request.operation, sobject: request.model?.name ?? request.sobject }, startIndex: at.start, endIndex: at.end });
        }
        const value = autoAssign?.text.trim() ?? '';
        if (autoAssign && !hasLiquid(value) && !/^(?:true|false)$/i.test(value) && !/^01Q[A-Za-z0-9]{12}(?:[A-Za-z0-9]{3})?$/.test(value)) {
          context.report({ messageId: 'autoAssignValue', data: { value }, startIndex: autoAssign.valueRange.start, endIndex: autoAssign.valueRange.end, severity: 'warning' });
        }
        const duplicate = header('sforce-duplicate-rule-header');
        if (duplicate && /allowSave\s*=\s*true/i.test(duplicate.text)) {
          context.report({ messageId: 'duplicateAllowSave', startIndex: duplicate.valueRange.start, endIndex: duplicate.valueRange.end });
        }
      },
    };
  },
};
