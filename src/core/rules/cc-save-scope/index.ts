import type { RuleDefinition } from '../../lint/types';
import type { LiquidField } from '../../template/template-file';
import { docsUrl } from '../docs-url';
import { describeField, fieldRegions, localNames, savedVariable, variableUses } from '../oauth-helpers';
import texts from './texts.json';

/**
 * A `:save` variable exists only in the field whose connected_content created it: Braze renders
 * the webhook URL, each header and the body as separate Liquid scopes, so reading the variable in
 * another field gives an empty value (the preview does the same).
 * https://www.braze.com/docs/user_guide/personalization_and_dynamic_content/connected_content/local_connected_content_variables/
 */
export const CcSaveScope: RuleDefinition = {
  meta: {
    id: 'cc-save-scope',
    docs: {
      recommended: true,
      url: docsUrl('cc-save-scope'),
    },
    severity: 'warning',
    kind: 'static',
    schema: {},
    texts,
  },
  create(context) {
    return {
      TemplateFile(file) {
        const ccNodes = context.connectedContentTags();
        const savedIn = new Map<string, LiquidField>();
        for (const node of ccNodes) {
          const name = savedVariable(node);
          if (name && !savedIn.has(name)) savedIn.set(name, node.field);
        }
        for (const field of file.fields) {
          const own = fieldRegions(context, field);
          const locals = localNames(own, ccNodes.filter((n) => n.field === field));
          for (const use of variableUses(own)) {
            const source = savedIn.get(use.root);
            if (!source || source === field || locals.has(use.root)) continue;
            const range = context.toRaw(field, use.start, use.end);
            context.report({
              messageId: 'otherField',
              data: { name: use.root, use: use.path, savedIn: describeField(source) },
              startIndex: range.start,
              endIndex: range.end,
            });
          }
        }
      },
    };
  },
};
