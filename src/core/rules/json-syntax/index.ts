import type { RuleDefinition } from '../../lint/types';
import { docsUrl } from '../docs-url';
import texts from './texts.json';

/** Strict JSON syntax: Braze's composer and API only take valid JSON. */
export const JsonSyntax: RuleDefinition = {
  meta: {
    id: 'json-syntax',
    docs: { recommended: true, url: docsUrl('json-syntax') },
    severity: 'error',
    kind: 'static',
    schema: {},
    texts,
  },
  create(context) {
    return {
      TemplateFile(file) {
        for (const error of file.syntaxErrors) {
          context.report({ messageId: 'syntax', data: { message: error.message }, startIndex: error.startIndex, endIndex: error.endIndex });
        }
      },
    };
  },
};
