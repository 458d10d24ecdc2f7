import type { ConnectedContentNode, RuleDefinition } from '../../lint/types';
import { toJsonStringContent } from '../../lint/apply-fixes';
import { docsUrl } from '../docs-url';
import {
  argsEnd,
  ccOption,
  DEFAULT_SAVE_VARIABLE,
  fieldRegions,
  localNames,
  NOT_CC_VARIABLES,
  savedVariable,
  type VariableUse,
  variableUses,
} from '../oauth-helpers';
import texts from './texts.json';

/**
 * A connected_content response is read through the variable its `:save` names (or `connected`
 * when there is no `:save`); reading any other name renders empty, so the Authorization header
 * goes out as `Bearer ` and Salesforce answers 401 INVALID_SESSION_ID, which Braze does not retry.
 * https://www.braze.com/docs/user_guide/personalization_and_dynamic_content/connected_content/local_connected_content_variables/
 */
export const CcSaveMissing: RuleDefinition = {
  meta: {
    id: 'cc-save-missing',
    docs: {
      recommended: true,
      url: docsUrl('cc-save-missing'),
    },
    severity: 'error',
    kind: 'static',
    schema: {},
    texts,
    fixable: true,
    hasSuggestions: true,
  },
  create(context) {
    return {
      TemplateFile(file) {
        const ccNodes = context.connectedContentTags();
        if (ccNodes.some((n) => ccOption(n, 'save') && !savedVariable(n))) return;
        const savedAnywhere = new Set(ccNodes.map(savedVariable));
        for (const field of file.fields) {
          const own = fieldRegions(context, field);
          const calls = ccNodes.filter((n) => n.field === field);
          const locals = localNames(own, calls);
          const uses = variableUses(own).filter(
            (u) =>
              u.member &&
              !locals.has(u.root) &&
              !NOT_CC_VARIABLES.has(u.root) &&
              !savedAnywhere.has(u.root) &&
              (u.property === 'access_token' || calls.length > 0),
          );
          if (uses.length === 0) continue;
          const unsaved = calls.filter((n) => !ccOption(n, 'save'));
          const names = new Set(uses.map((u) => u.root));
          if (unsaved.length === 1 && names.size === 1) reportMissingSave(unsaved[0], uses[0]);
          else for (const use of uses) reportUse(use, calls);
        }
      },
    };

    function reportMissingSave(node: ConnectedContentNode, use: VariableUse): void {
      const range = context.toRaw(node.field, node.region.start, node.region.end);
      const at = context.toRaw(node.field, argsEnd(node), argsEnd(node)).start;
      context.report({
        messageId: 'noSave',
        data: { name: use.root, use: use.path },
        startIndex: range.start,
        endIndex: range.end,
        fix: [{ startIndex: at, endIndex: at, insert: toJsonStringContent(` :save ${use.root}`) }],
      });
    }

    function reportUse(use: VariableUse, calls: ConnectedContentNode[]): void {
      const range = context.toRaw(use.region.field, use.start, use.end);
      const rootRange = context.toRaw(use.region.field, use.start, use.start + use.root.length);
      const saved = [...new Set(calls.map((n) => savedVariable(n) ?? DEFAULT_SAVE_VARIABLE))];
      context.report({
        messageId: calls.length > 0 ? 'otherName' : 'noCall',
        data: { name: use.root, use: use.path, saved: saved.map((s) => `\`${s}\``).join(', ') },
        startIndex: range.start,
        endIndex: range.end,
        suggest: saved.map((to) => ({ messageId: 'rename', data: { to }, edits: [{ startIndex: rootRange.start, endIndex: rootRange.end, insert: to }] })),
      });
    }
  },
};
