/**
 * Header names as Salesforce and the webhook composer expect them, and the translated or misspelt
 * names people write instead (shared by `header-name`, which renames them, and the rules that must
 * not report a header that is only misnamed).
 */
import { closestName } from '../profile';

/** Header names the webhook composer and Salesforce expect, spelt exactly. */
export const STANDARD_HEADERS = ['Authorization', 'Content-Type', 'Accept'] as const;
export type StandardHeader = (typeof STANDARD_HEADERS)[number];

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
export function intendedHeader(key: string): { header: StandardHeader; why: string } | undefined {
  if (STANDARD_HEADERS.some((h) => h.toLowerCase() === key.toLowerCase())) return undefined;
  const translation = TRANSLATIONS[normalise(key)];
  if (translation) return { header: translation.header, why: `the ${translation.language} name` };
  // `X-…` is the custom-header convention: `X-Content-Type` is not a typo of `Content-Type`.
  if (/^x-/i.test(key)) return undefined;
  const close = closestName(key, STANDARD_HEADERS) as StandardHeader | undefined;
  return close ? { header: close, why: 'a misspelling' } : undefined;
}
