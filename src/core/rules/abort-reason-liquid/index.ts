import type { RuleDefinition } from '../../lint/types';
import { docsUrl } from '../docs-url';
import { isClosed, nestedOutputEnd, referenceEnd, type Span, tagArgsStart, toFieldEdit } from '../liquid-helpers';
import texts from './texts.json';

/**
 * The reason given to `{% abort_message('…') %}` must be a plain string: Braze does not allow
 * Liquid inside it, so `{{${user_id}}}` in a reason is not the user's id.
 * https://www.braze.com/docs/user_guide/personalization_and_dynamic_content/liquid/aborting_messages/
 */
export const AbortReasonLiquid: RuleDefinition = {
  meta: {
    id: 'abort-reason-liquid',
    docs: {
      recommended: true,
      url: docsUrl('abort-reason-liquid'),
    },
    severity: 'error',
    kind: 'static',
    schema: {},
    hasSuggestions: true,
    texts,
  },
  create(context) {
    return {
      Region(region) {
        if (region.kind !== 'tag' || region.name !== 'abort_message' || !isClosed(region)) return;
        const { field } = region;
        for (const part of liquidParts(field.text, tagArgsStart(region), region.innerEnd)) {
          const liquid = field.text.slice(part.start, part.end);
          const range = context.toRaw(field, part.start, part.end);
          context.report({
            messageId: 'liquid',
            data: { liquid },
            startIndex: range.start,
            endIndex: range.end,
            suggest: [{ messageId: 'remove', data: { liquid }, edits: [toFieldEdit(context, field, part.start, part.end, '')] }],
          });
        }
      },
    };
  },
};

/** `{{ … }}`, `{% …` and bare `ns.${…}` pieces of a reason. */
function liquidParts(text: string, start: number, end: number): Span[] {
  const parts: Span[] = [];
  let p = start;
  while (p < end) {
    if (text.startsWith('{{', p)) {
      const close = nestedOutputEnd(text, p, end);
      parts.push({ start: p, end: close });
      p = close;
    } else if (text.startsWith('{%', p)) {
      const quote = Math.max(text.lastIndexOf("'", end - 1), text.lastIndexOf('"', end - 1));
      parts.push({ start: p, end: quote > p ? quote : end });
      p = end;
    } else if (text.startsWith('${', p)) {
      let from = p;
      if (text[p - 1] === '.') {
        from = p - 1;
        while (from > start && /[\w.]/.test(text[from - 1])) from--;
      }
      const close = referenceEnd(text, p, end);
      parts.push({ start: from, end: close });
      p = close;
    } else p++;
  }
  return parts;
}
