import type { ReportedSuggestion, RuleDefinition } from '../../lint/types';
import { closestName, STANDARD_ATTRIBUTES } from '../../profile';
import { docsUrl } from '../docs-url';
import { toFieldEdit } from '../liquid-helpers';
import texts from './texts.json';

const STANDARD_TAGS = STANDARD_ATTRIBUTES.map((attribute) => attribute.tag);

/**
 * A `${name}` without a namespace must be one of Braze's standard personalization tags; anything
 * else is a typo (`${frist_name}`) or a custom attribute written without `custom_attribute.`.
 * Either way Braze has no standard value for it, so the segment is not personalised.
 * https://www.braze.com/docs/user_guide/personalization_and_dynamic_content/liquid/supported_personalization_tags/
 */
export const UnknownAttribute: RuleDefinition = {
  meta: {
    id: 'unknown-attribute',
    docs: {
      recommended: true,
      url: docsUrl('unknown-attribute'),
    },
    severity: 'warning',
    kind: 'static',
    schema: {},
    hasSuggestions: true,
    texts,
  },
  create(context) {
    return {
      AttributeReference({ field, reference }) {
        if (reference.namespace !== '' || STANDARD_TAGS.includes(reference.name)) return;
        const text = field.text;
        const written = text.slice(reference.start, reference.end);
        const custom = `custom_attribute.${written}`;
        const candidate = STANDARD_TAGS.includes(reference.name.trim()) ? reference.name.trim() : closestName(reference.name, STANDARD_TAGS);
        const suggest: ReportedSuggestion[] = [];
        if (candidate) {
          suggest.push({ messageId: 'rename', data: { suggestion: `\${${candidate}}` }, edits: [toFieldEdit(context, field, reference.nameStart, reference.nameEnd, candidate)] });
        }
        suggest.push({ messageId: 'useCustom', data: { custom }, edits: [toFieldEdit(context, field, reference.start, reference.start, 'custom_attribute.')] });
        const range = context.toRaw(field, reference.start, reference.end);
        context.report({
          messageId: candidate ? 'didYouMean' : 'unknown',
          data: candidate ? { reference: written, suggestion: `\${${candidate}}` } : { reference: written, custom },
          startIndex: range.start,
          endIndex: range.end,
          suggest,
        });
      },
    };
  },
};
