import type { RuleDefinition } from '../../lint/types';
import { docsUrl } from '../docs-url';

/** Strict JSON syntax: Braze's composer and API only take valid JSON. */
export const JsonSyntax: RuleDefinition = {
  meta: {
    id: 'json-syntax',
    docs: { description: 'The template file must be valid JSON (no comments, no trailing commas).', recommended: true, url: docsUrl('json-syntax') },
    severity: 'error',
    kind: 'static',
    schema: {},
    messages: { syntax: 'Invalid JSON: {{message}}.' },
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
