import type { RuleDefinition } from '../../lint/types';
import { validateTemplateSchema } from '../../schema/validate-template';
import { docsUrl } from '../docs-url';

/** The webhook object's shape, checked with the one schema in `schemas/` (the editor uses it too). */
export const Schema: RuleDefinition = {
  meta: {
    id: 'schema',
    docs: { description: 'The template must match the Braze webhook object schema (url, request_method, request_headers, body).', recommended: true, url: docsUrl('schema') },
    severity: 'error',
    kind: 'static',
    schema: {},
    messages: { violation: '{{message}}' },
  },
  create(context) {
    return {
      TemplateFile(file) {
        if (file.syntaxErrors.length > 0) return;
        for (const violation of validateTemplateSchema(file)) {
          context.report({ messageId: 'violation', data: { message: violation.message }, startIndex: violation.range.start, endIndex: violation.range.end });
        }
      },
    };
  },
};
