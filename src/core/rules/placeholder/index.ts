import type { RuleDefinition } from '../../lint/types';
import { docsUrl } from '../docs-url';

/** `[insert_…]` placeholders from the recipe, or any `[…]` inside a URL's host. */
const PLACEHOLDER = /\[insert_[^\]\s]*\]/g;
const BRACKETED_HOST = /https?:\/\/[^/\s?#]*?(\[[^\]\s]+\])/g;

/**
 * Placeholders left in from Braze's recipe. Braze does not catch them: the send fails and the
 * Message Activity Log shows "<url> is not a valid URL".
 * https://www.braze.com/docs/user_guide/getting_started/b2b_use_cases/b2b_salesforce_sales_cloud
 */
export const Placeholder: RuleDefinition = {
  meta: {
    id: 'placeholder',
    docs: { description: 'No recipe placeholder such as [insert_instance_name] may be left in the template.', recommended: true, url: docsUrl('placeholder') },
    severity: 'error',
    kind: 'static',
    schema: {},
    messages: {
      inUrl: 'Replace the placeholder {{placeholder}} with your value. As written, Braze logs "{{url}} is not a valid URL" and sends nothing.',
      inValue: 'Replace the placeholder {{placeholder}} with your value; it would be sent as written.',
    },
  },
  create(context) {
    return {
      Field({ field }) {
        const urls = context
          .connectedContentTags()
          .filter((node) => node.field === field)
          .map((node) => ({ start: node.argsStart + node.args.url.start, end: node.argsStart + node.args.url.end, text: node.args.url.text }));
        if (field.kind === 'url') urls.push({ start: 0, end: field.text.length, text: field.text.trim() });
        for (const { index, placeholder } of findPlaceholders(field.text)) {
          const url = urls.find((u) => index >= u.start && index < u.end);
          const range = context.toRaw(field, index, index + placeholder.length);
          context.report({
            messageId: url ? 'inUrl' : 'inValue',
            data: { placeholder, url: url?.text ?? '' },
            startIndex: range.start,
            endIndex: range.end,
          });
        }
      },
    };
  },
};

function findPlaceholders(text: string): Array<{ index: number; placeholder: string }> {
  const found = new Map<number, string>();
  for (const m of text.matchAll(PLACEHOLDER)) found.set(m.index ?? 0, m[0]);
  for (const m of text.matchAll(BRACKETED_HOST)) {
    const index = (m.index ?? 0) + m[0].length - m[1].length;
    if (!found.has(index)) found.set(index, m[1]);
  }
  return [...found].sort((a, b) => a[0] - b[0]).map(([index, placeholder]) => ({ index, placeholder }));
}
