import type { RuleDefinition } from '../../lint/types';
import { docsUrl } from '../docs-url';
import { findCurlyQuotes, toFieldEdit } from '../liquid-helpers';
import texts from './texts.json';

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
      recommended: true,
      url: docsUrl('curly-quotes'),
    },
    severity: 'error',
    kind: 'static',
    schema: {},
    fixable: true,
    texts,
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
