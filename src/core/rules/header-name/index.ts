import type { RuleDefinition } from '../../lint/types';
import { objectMembers } from '../../template/template-file';
import { toJsonStringContent } from '../../lint/apply-fixes';
import { docsUrl } from '../docs-url';
import { intendedHeader } from '../header-helpers';
import texts from './texts.json';

/**
 * Header names must be exactly `Authorization`, `Content-Type`…: Braze sends header keys as
 * written, so a translated or misspelt name is a different header that Salesforce ignores.
 * Duplicates (header names ignore case) leave it unclear which value is sent.
 * https://www.braze.com/docs/user_guide/channels/webhooks/create_a_webhook/ (request headers)
 */
export const HeaderName: RuleDefinition = {
  meta: {
    id: 'header-name',
    docs: {
      recommended: true,
      url: docsUrl('header-name'),
    },
    severity: 'error',
    kind: 'static',
    schema: {},
    fixable: true,
    texts,
  },
  create(context) {
    return {
      TemplateFile(file) {
        const headers = file.members.find((m) => m.key === 'request_headers');
        if (headers?.valueNode.type !== 'object') return;
        const members = objectMembers(headers.valueNode);
        const taken = new Set(members.map((m) => m.key.toLowerCase()));
        const seen = new Map<string, string>();
        for (const member of members) {
          const { key, keyRange } = member;
          const start = keyRange.start + 1;
          const end = keyRange.end - 1;
          const first = seen.get(key.toLowerCase());
          if (first !== undefined) {
            context.report({ messageId: 'duplicate', data: { name: key, first }, startIndex: start, endIndex: end, severity: 'warning' });
            continue;
          }
          seen.set(key.toLowerCase(), key);
          const intended = intendedHeader(key);
          if (!intended) continue;
          const messageId = intended.header === 'Authorization' ? 'authorization' : intended.header === 'Content-Type' ? 'contentType' : 'other';
          // Renaming onto a header that is already there would make a duplicate: report only.
          const free = !taken.has(intended.header.toLowerCase());
          if (free) taken.add(intended.header.toLowerCase());
          context.report({
            messageId,
            data: { name: key, why: intended.why, header: intended.header },
            startIndex: start,
            endIndex: end,
            fix: free ? [{ startIndex: start, endIndex: end, insert: toJsonStringContent(intended.header) }] : undefined,
          });
        }
      },
    };
  },
};
