/**
 * Placeholders people leave in a template: the forms Braze's recipe, Salesforce's docs, generic
 * tutorials and this product's own snippets use for "put your value here". One detector for the
 * `placeholder` rule, `hardcoded-secret` (a placeholder is not a secret) and the fixtures (a
 * placeholder host does not resolve, so no token comes back from it).
 */

/** One placeholder found in a text. */
export interface PlaceholderMatch {
  /** Offset in the searched text. */
  index: number;
  /** The placeholder as written. */
  text: string;
}

/**
 * The forms, each a whole token:
 * - `[insert_…]` (Braze's recipe), and `[your …]`;
 * - `<client_id>`, `<consumer key>`, `<your-token>`: angle brackets around a multi-word name, or
 *   around one of the words docs use alone (`<token>`, `<secret>` …); HTML tags such as `<b>` or
 *   `<br />` are not placeholders;
 * - `YOUR_CLIENT_ID`, `your-domain`, `your_instance`, `yourInstance`, `YourOrg` (but not "your" as
 *   a word, nor `yourself`);
 * - `MyDomainName` (Salesforce's docs and this product's snippets), in any case inside a host;
 * - `xxx`, `XXXXX` (three or more x as a whole word, so never part of a Salesforce Id);
 * - `CHANGE_ME`, `changeme`, `REPLACE_ME`, `insert_value` without brackets;
 * - `TODO`, `FIXME`, `TBD` in capitals (lower-case `todo` is a Spanish word).
 */
const PLACEHOLDER_FORMS: readonly RegExp[] = [
  /\[(?:insert|your)[ _-][^\]\n]*\]/gi,
  /<(?:(?:insert|your|my)[\w -]*|[A-Za-z]+[_ -][\w -]*[\w]|token|secret|password|domain|instance|key|value|id)>/gi,
  /(?<![\w-])(?:[Yy]our(?:[_-][A-Za-z0-9]+)+|[Yy]our[A-Z][A-Za-z0-9]*|YOUR(?:[_-][A-Z0-9]+)+)(?![\w-])/g,
  /(?<![\w-])MyDomainName(?![\w-])/g,
  /(?<![\w-])[xX]{3,}(?![\w-])/g,
  /(?<![\w-])(?:change[_-]?me|replace[_-]?me|insert_[A-Za-z0-9_]+)(?![\w-])/gi,
  /(?<![\w-])(?:TODO|FIXME|TBD)(?![\w-])/g,
];

/** A host label Salesforce's docs and this product's snippets use for the org's My Domain name. */
const MY_DOMAIN_PLACEHOLDER = /(?:^|\.)mydomainname(?:-[a-z0-9-]*)?(?:\.|$)/i;

/** Top-level domains reserved by RFC 2606 / RFC 6761 that never resolve on the internet. */
const RESERVED_TLD = /\.(?:example|invalid|test|localhost)\.?$/i;

/** Domains reserved for documentation (RFC 2606): they resolve, but are nobody's service. */
const EXAMPLE_DOMAIN = /(?:^|\.)example\.(?:com|net|org)\.?$/i;

/**
 * What every form above contains (a bracket, "your", "mydomainname", "xxx", the fill-in words), so
 * a text without any of it has no placeholder: most values are checked by this one search alone.
 */
const ANY_FORM_HINT = /[[<]|your|mydomainname|xxx|change|replace|insert_|todo|fixme|tbd/i;

/** Every placeholder in `text`, in text order (overlaps keep the first, longest match). */
export function findPlaceholders(text: string): PlaceholderMatch[] {
  if (!ANY_FORM_HINT.test(text)) return [];
  const found: PlaceholderMatch[] = [];
  for (const form of PLACEHOLDER_FORMS) {
    for (const match of text.matchAll(form)) found.push({ index: match.index ?? 0, text: match[0] });
  }
  found.sort((a, b) => a.index - b.index || b.text.length - a.text.length);
  const kept: PlaceholderMatch[] = [];
  for (const match of found) {
    const last = kept[kept.length - 1];
    if (!last || match.index >= last.index + last.text.length) kept.push(match);
  }
  return kept;
}

/**
 * Whether a whole value (a credential, a header value) is a placeholder: one of the forms above,
 * or a bracketed name such as `[client_secret]` (in a credential, brackets mean "fill in").
 */
export function isPlaceholderValue(value: string): boolean {
  const trimmed = value.trim();
  if (/^\[[^\]]*\]$/.test(trimmed) || /^<[^<>]*>$/.test(trimmed)) return true;
  const [first] = findPlaceholders(trimmed);
  return first !== undefined && (first.text.length === trimmed.length || /^\[insert_/i.test(first.text));
}

/**
 * Whether a host (no scheme, port or path) is a placeholder that no DNS server answers: a label
 * written as a placeholder (`MyDomainName`, `yourInstance`, `xxx`, `your-domain`…) or a reserved
 * top-level domain (`.example`, `.invalid`, `.test`, `.localhost`). Braze cannot connect to it.
 * A My Domain that is really named `acme` or `mydomain` is not a placeholder.
 */
export function isPlaceholderHost(host: string): boolean {
  if (host === '') return false;
  return MY_DOMAIN_PLACEHOLDER.test(host) || RESERVED_TLD.test(host) || host.split('.').some((label) => findPlaceholders(label).some((m) => m.text.length === label.length || /^(?:your|[xX]{3})/.test(m.text)));
}

/** Whether a host is a documentation domain (`example.com`, `api.example.org` …). */
export function isExampleHost(host: string): boolean {
  return EXAMPLE_DOMAIN.test(host);
}
