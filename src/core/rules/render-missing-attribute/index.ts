import type { RegionNode, RuleContext, RuleDefinition } from '../../lint/types';
import type { AttributeReference } from '../../liquid/braze-syntax';
import type { LiquidField } from '../../template/template-file';
import type { Problem } from '../../types';
import { describeReference } from '../../request/render-request';
import { docsUrl } from '../docs-url';

/** The renderer's rule id for attributes a profile has no value for. */
const RENDERER_RULE_ID = 'render-missing-attribute';

/**
 * The renderer's own finding, passed through: a `${…}` reference the sample profile has no value
 * for. Braze renders a missing attribute as an empty string; when the output has a `default`,
 * that value is used instead, which this rule says rather than warning of an empty value.
 * https://www.braze.com/docs/user_guide/personalization_and_dynamic_content/liquid/setting_default_values/
 */
export const RenderMissingAttribute: RuleDefinition = {
  meta: {
    id: 'render-missing-attribute',
    docs: {
      description: 'Shows which attributes a sample profile has no value for.',
      recommended: true,
      url: docsUrl('render-missing-attribute'),
    },
    severity: 'info',
    kind: 'rendered',
    schema: {},
    messages: {
      missing: '{{reference}} has no value for this profile; Braze renders it as an empty string.',
      missingWithDefault: "{{reference}} has no value for this profile; the output's `default` supplies the value.",
      missingInTag: '{{reference}} has no value for this profile; in this tag it is blank (nil).',
      renderer: '{{message}}',
    },
  },
  create(context) {
    return {
      RenderedRequest(request) {
        for (const problem of request.problems) {
          if (problem.ruleId !== RENDERER_RULE_ID) continue;
          const found = findReference(context, problem);
          const at = { startIndex: problem.startIndex, endIndex: problem.endIndex };
          if (!found) {
            context.report({ messageId: 'renderer', data: { message: problem.message }, ...at });
            continue;
          }
          const region = enclosingRegion(context, found.field, found.reference);
          const messageId = region?.kind === 'tag' ? 'missingInTag' : region?.filters.some((f) => f.name === 'default') ? 'missingWithDefault' : 'missing';
          context.report({ messageId, data: { reference: describeReference(found.reference) }, ...at });
        }
      },
    };
  },
};

/** The reference the renderer's problem points at (same raw range). */
function findReference(context: RuleContext, problem: Problem): { field: LiquidField; reference: AttributeReference } | undefined {
  for (const compiled of context.compiled.fields) {
    for (const reference of compiled.rewrite.references) {
      const range = context.toRaw(compiled.field, reference.start, reference.end);
      if (range.start === problem.startIndex && range.end === problem.endIndex) return { field: compiled.field, reference };
    }
  }
  return undefined;
}

/** The `{{ }}` or `{% %}` region a reference is written in. */
function enclosingRegion(context: RuleContext, field: LiquidField, reference: AttributeReference): RegionNode | undefined {
  return context.fieldRegions(field).find((r) => r.start <= reference.start && reference.end <= r.end);
}
