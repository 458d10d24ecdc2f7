import type { RegionNode, RuleDefinition } from '../../lint/types';
import { docsUrl } from '../docs-url';
import { CONDITION_TAGS, isClosed, isPersonalised, outputOperand, regionsOf, toFieldEdit } from '../liquid-helpers';
import texts from './texts.json';

/**
 * The placeholder a suggested default starts with; the placeholder rule flags it until the author
 * writes a real fallback, so accepting the suggestion cannot silently ship an empty default.
 */
const DEFAULT_PLACEHOLDER = '[insert_default]';

/** After `/sobjects/<Object>/` a segment names a record; a default there would target another one. */
const RECORD_PATH = /\/sobjects\/[^/?#]+\//i;

/**
 * A personalised value in the webhook URL needs a `| default:` or an abort guard: a user without
 * the value gets a URL with an empty part. Braze's webhook docs ask for a default on every
 * personalised value.
 * https://www.braze.com/docs/user_guide/channels/webhooks/create_a_webhook/
 * https://www.braze.com/docs/user_guide/personalization_and_dynamic_content/liquid/setting_default_values/
 * Record Id segments (after `/sobjects/<Object>/`) are skipped: a default Id would update some other
 * record; guarding them is sf-update-id-guard's job.
 */
export const MissingDefault: RuleDefinition = {
  meta: {
    id: 'missing-default',
    docs: {
      recommended: true,
      url: docsUrl('missing-default'),
    },
    severity: 'warning',
    kind: 'static',
    schema: {},
    hasSuggestions: true,
    texts,
  },
  create(context) {
    return {
      Region(region) {
        const { field } = region;
        if (field.kind !== 'url' || region.kind !== 'output' || !isClosed(region)) return;
        const text = field.text;
        const operand = outputOperand(region);
        if (!operand) return;
        const expression = text.slice(operand.start, operand.end);
        if (!isPersonalised(expression) || region.filters.some((f) => f.name === 'default')) return;
        const before = text.slice(0, region.start);
        if (!before.includes('?') && RECORD_PATH.test(before)) return;
        if (isGuarded(regionsOf(context, field), expression)) return;
        const name = /([A-Za-z_][A-Za-z0-9_]*)[^A-Za-z0-9_]*$/.exec(expression)?.[1] ?? 'value';
        const guard = `{% if ${expression} == blank %}{% abort_message('${name} is blank') %}{% endif %}`;
        const range = context.toRaw(field, region.start, region.end);
        context.report({
          messageId: 'missing',
          data: { expression },
          startIndex: range.start,
          endIndex: range.end,
          suggest: [
            { messageId: 'addDefault', data: { placeholder: DEFAULT_PLACEHOLDER }, edits: [toFieldEdit(context, field, operand.end, operand.end, ` | default: '${DEFAULT_PLACEHOLDER}'`)] },
            { messageId: 'addGuard', data: { guard }, edits: [toFieldEdit(context, field, 0, 0, guard)] },
          ],
        });
      },
    };
  },
};

/** True when a condition in the URL field tests the same value (an abort guard or a wrapping `if`). */
function isGuarded(regions: readonly RegionNode[], expression: string): boolean {
  const wanted = expression.replace(/\s+/g, '');
  return regions.some((r) => r.kind === 'tag' && CONDITION_TAGS.has(r.name ?? '') && r.name !== 'for' && r.text.replace(/\s+/g, '').includes(wanted));
}
