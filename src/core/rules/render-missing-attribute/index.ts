import type { RuleContext, RuleDefinition } from '../../lint/types';
import type { CompiledField } from '../../liquid/compile';
import type { AttributeReference } from '../../liquid/braze-syntax';
import { MISSING_REFERENCE_MESSAGES, classifyMissingReference } from '../../request/missing-reference';
import type { Problem } from '../../types';
import { docsUrl } from '../docs-url';

/** The renderer's rule id for attributes a profile has no value for. */
const RENDERER_RULE_ID = 'render-missing-attribute';

/**
 * The renderer's own finding, passed through: a `${…}` reference the sample profile has no value
 * for, with what Braze renders instead. A missing attribute renders as an empty string; when the
 * output has a `default`, that value is rendered instead, and the message says which; in a tag the
 * value is nil. The message must match the rendered request shown above it.
 * https://www.braze.com/docs/user_guide/personalization_and_dynamic_content/liquid/setting_default_values/
 */
export const RenderMissingAttribute: RuleDefinition = {
  meta: {
    id: 'render-missing-attribute',
    docs: {
      recommended: true,
      url: docsUrl('render-missing-attribute'),
    },
    severity: 'info',
    kind: 'rendered',
    schema: {},
    // In code, not in a texts.json: the renderer says the same sentences (request/missing-reference.ts).
    texts: {
      description: 'Shows which attributes a sample profile has no value for, and what Braze renders instead.',
      messages: { ...MISSING_REFERENCE_MESSAGES, renderer: '{{message}}' },
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
          const { messageId, data } = classifyMissingReference(found.compiled.field.text, found.compiled.rewrite.regions, found.reference);
          context.report({ messageId, data, ...at });
        }
      },
    };
  },
};

/** The reference the renderer's problem points at (same raw range). */
function findReference(context: RuleContext, problem: Problem): { compiled: CompiledField; reference: AttributeReference } | undefined {
  for (const compiled of context.compiled.fields) {
    for (const reference of compiled.rewrite.references) {
      const range = context.toRaw(compiled.field, reference.start, reference.end);
      if (range.start === problem.startIndex && range.end === problem.endIndex) return { compiled, reference };
    }
  }
  return undefined;
}
