import type { RuleDefinition } from '../../lint/types';
import { checkFieldValue, classifyKey, explainValueIssue, type ValueIssue } from '../../salesforce/field-checks';
import { toBodyKeys, toRecordWrite } from '../../salesforce/template-request';
import { docsUrl } from '../docs-url';
import texts from './texts.json';

/** The messageId of each value issue (required-and-empty is `sf-required-fields`'). */
const MESSAGE_OF: Partial<Record<ValueIssue['code'], string>> = {
  JSON_PARSER_ERROR: 'typeMismatch',
  STRING_TOO_LONG: 'tooLong',
  INVALID_EMAIL_ADDRESS: 'invalidEmail',
  INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST: 'restrictedPicklist',
  MALFORMED_ID: 'malformedId',
  INVALID_CROSS_REFERENCE_KEY: 'unknownRecordType',
};

/**
 * A value written in the template without Liquid that Salesforce refuses: it is the same for every
 * user, so it is checked without profiles. `"NumberOfEmployees": "lots"` and
 * `"HasOptedOutOfEmail": "yes"` do not convert (Braze's key/value body sends every value as a
 * string; Salesforce converts digits and true/false, nothing else: 400 JSON_PARSER_ERROR); a text
 * longer than the field, an email that is not one, a value outside a restricted picklist, a
 * reference that is not an Id of the right object. The checks are the ones the simulated answer
 * runs (`field-checks.ts`); values produced by Liquid are `render-field-value`'s.
 * https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/errorcodes.htm
 */
export const SfFieldValue: RuleDefinition = {
  meta: {
    id: 'sf-field-value',
    docs: { recommended: true, url: docsUrl('sf-field-value') },
    severity: 'error',
    kind: 'static',
    schema: {},
    texts,
  },
  create(context) {
    return {
      TemplateFile(file) {
        const write = toRecordWrite(file, context);
        if (!write) return;
        const { model, operation } = write;
        for (const k of toBodyKeys(file, context)?.keys ?? []) {
          if (k.dynamic || !k.value.literal) continue;
          const kind = classifyKey(model, k.key);
          if (kind.kind !== 'field') continue;
          const issue = checkFieldValue(model, kind.field, k.value.json, operation);
          const messageId = issue ? MESSAGE_OF[issue.code] : undefined;
          if (!issue || !messageId) continue;
          const shown = typeof k.value.json === 'string' ? k.value.json : JSON.stringify(k.value.json);
          context.report({
            messageId,
            data: { key: k.key, value: shown.length > 80 ? `${[...shown].slice(0, 79).join('')}…` : shown, why: explainValueIssue(kind.field, issue) },
            startIndex: k.value.range.start,
            endIndex: k.value.range.end,
          });
        }
      },
    };
  },
};
