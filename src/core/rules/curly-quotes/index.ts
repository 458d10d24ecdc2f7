import type { RuleDefinition } from '../../lint/types';
import { docsUrl } from '../docs-url';
import { findCurlyQuotes, toFieldEdit } from '../liquid-helpers';

/**
 * Typographic quotes (‘ ’ “ ” and their low variants) are not string delimiters in Liquid, so a
 * string written with them breaks the tag or output. They usually come from pasting out of a
 * word processor or chat. Only Liquid regions are checked: quotes in plain text are content.
 * https://www.braze.com/docs/user_guide/personalization_and_dynamic_content/liquid/using_liquid/
 */
export const CurlyQuotes: RuleDefinition = {
  meta: {
    id: 'curly-quotes',
    docs: {
      description: 'Strings inside `{{ }}` and `{% %}` must use straight quotes.',
      recommended: true,
      url: docsUrl('curly-quotes'),
    },
    severity: 'error',
    kind: 'static',
    schema: {},
    fixable: true,
    messages: {
      curly: 'Curly quote {{quote}} inside Liquid: Liquid reads only straight quotes, so this string breaks the {{where}}. Use `{{straight}}` instead.',
    },
  },
  create(context) {
    return {
      Region(region) {
        const { field } = region;
        for (const quote of findCurlyQuotes(field.text, region.innerStart, region.innerEnd)) {
          const range = context.toRaw(field, quote.index, quote.index + 1);
          context.report({
            messageId: 'curly',
            data: { quote: quote.char, straight: quote.straight, where: region.kind === 'tag' ? `\`{% ${region.name ?? ''} %}\` tag` : 'output' },
            startIndex: range.start,
            endIndex: range.end,
            fix: [toFieldEdit(context, field, quote.index, quote.index + 1, quote.straight)],
          });
        }
      },
    };
  },
};
