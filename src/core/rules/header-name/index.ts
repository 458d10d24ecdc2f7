import type { RuleDefinition } from '../../lint/types';
import { closestName } from '../../profile';
import { objectMembers } from '../../template/template-file';
import { toJsonStringContent } from '../../lint/apply-fixes';
import { docsUrl } from '../docs-url';

/** Header names the webhook composer and Salesforce expect, spelt exactly. */
const STANDARD_HEADERS = ['Authorization', 'Content-Type', 'Accept'] as const;
type StandardHeader = (typeof STANDARD_HEADERS)[number];

/**
 * Translations of the standard header names, keyed by `normalise(name)` (lower case, no accents,
 * separators as single spaces). They appear when a recipe is read in a translated Braze doc
 * (the Spanish Salesforce recipe says `Autorización` and `Tipo de contenido`) or run through a
 * browser translator.
 */
const TRANSLATIONS: Record<string, { header: StandardHeader; language: string }> = {
  // Spanish
  autorizacion: { header: 'Authorization', language: 'Spanish' },
  'tipo de contenido': { header: 'Content-Type', language: 'Spanish' },
  aceptar: { header: 'Accept', language: 'Spanish' },
  // Portuguese
  autorizacao: { header: 'Authorization', language: 'Portuguese' },
  'tipo de conteudo': { header: 'Content-Type', language: 'Portuguese' },
  aceitar: { header: 'Accept', language: 'Portuguese' },
  // French
  autorisation: { header: 'Authorization', language: 'French' },
  'type de contenu': { header: 'Content-Type', language: 'French' },
  accepter: { header: 'Accept', language: 'French' },
  // German
  autorisierung: { header: 'Authorization', language: 'German' },
  berechtigung: { header: 'Authorization', language: 'German' },
  inhaltstyp: { header: 'Content-Type', language: 'German' },
  'inhalts typ': { header: 'Content-Type', language: 'German' },
  'content typ': { header: 'Content-Type', language: 'German' },
  akzeptieren: { header: 'Accept', language: 'German' },
  // Italian
  autorizzazione: { header: 'Authorization', language: 'Italian' },
  'tipo di contenuto': { header: 'Content-Type', language: 'Italian' },
  'tipo contenuto': { header: 'Content-Type', language: 'Italian' },
  accettare: { header: 'Accept', language: 'Italian' },
  accetta: { header: 'Accept', language: 'Italian' },
};

/** Lower case, accents removed, runs of spaces/underscores/hyphens as one space. */
function normalise(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[\s_-]+/g, ' ')
    .trim();
}

/** The standard header a key was meant to be, and why; undefined for correct or custom names. */
function intendedHeader(key: string): { header: StandardHeader; why: string } | undefined {
  if (STANDARD_HEADERS.some((h) => h.toLowerCase() === key.toLowerCase())) return undefined;
  const translation = TRANSLATIONS[normalise(key)];
  if (translation) return { header: translation.header, why: `the ${translation.language} name` };
  // `X-…` is the custom-header convention: `X-Content-Type` is not a typo of `Content-Type`.
  if (/^x-/i.test(key)) return undefined;
  const close = closestName(key, STANDARD_HEADERS) as StandardHeader | undefined;
  return close ? { header: close, why: 'a misspelling' } : undefined;
}

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
      description: 'Request header names must be spelt exactly (no translations or typos) and appear once.',
      recommended: true,
      url: docsUrl('header-name'),
    },
    severity: 'error',
    kind: 'static',
    schema: {},
    fixable: true,
    messages: {
      authorization:
        'Header `{{name}}` is {{why}} for `Authorization`: Braze sends header names as written, so Salesforce gets no token and answers 401 INVALID_SESSION_ID, which Braze does not retry.',
      contentType:
        'Header `{{name}}` is {{why}} for `Content-Type`: Braze sends header names as written, so the request has no Content-Type and Braze has to guess one from the body.',
      other: 'Header `{{name}}` is {{why}} for `{{header}}`: Braze sends header names as written, so Salesforce never sees `{{header}}`.',
      duplicate: 'Header `{{name}}` is set twice (header names ignore case; `{{first}}` is above): keep one, or it is unclear which value Salesforce gets.',
    },
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
