import type { RuleDefinition } from '../../lint/types';
import { validateTemplateSchema } from '../../schema/validate-template';
import { docsUrl } from '../docs-url';
import texts from './texts.json';

/** The webhook object's shape, checked with the one schema in `schemas/` (the editor uses it too). */
export const Schema: RuleDefinition = {
  meta: {
    id: 'schema',
    docs: { recommended: true, url: docsUrl('schema') },
    severity: 'error',
    kind: 'static',
    schema: {},
    texts,
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
