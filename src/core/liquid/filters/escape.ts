/**
 * Braze's string-escaping filters: `json_escape` and the three URL encoders.
 * https://www.braze.com/docs/user_guide/personalization_and_dynamic_content/liquid/advanced_filters/
 *
 * Braze documents one example per filter and no exact character sets. Braze renders Liquid with
 * the Ruby gem, so where the docs are silent the sets below follow the Ruby functions a Ruby
 * Liquid filter of that name would use. Each choice is written next to its filter and is
 * reported as a fidelity note in its hover text (data/editor-docs.json).
 */
import { toValue } from 'liquidjs';
import { noteCollection, printCollection } from '../ruby-output';
import type { FilterContext, FilterImplementation } from './index';

/**
 * Liquid's idea of "the text of a value": nil is empty, a hash and an array print as
 * `{{ value }}` prints them (`{"name"=>"Acme"}`, items joined), everything else goes through
 * `String`.
 */
export function toText(value: unknown): string {
  const v: unknown = toValue(value);
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  return printCollection(v)?.text ?? String(v);
}

/**
 * The text an escaping filter works on. A hash or array reaching one was almost certainly printed
 * by mistake (a whole object into a JSON string or a URL), so it is noted on the render session,
 * as an output printing one is.
 */
function textToEscape(ctx: FilterContext | undefined, value: unknown): string {
  noteCollection(ctx?.context, toValue(value));
  return toText(value);
}

const utf8 = new TextEncoder();

/** Characters RFC 3986 calls "unreserved": never percent-encoded by any of the URL filters. */
const UNRESERVED = /[A-Za-z0-9\-._~]/;
/**
 * RFC 2396 unreserved marks plus reserved characters: what Ruby's `URI::DEFAULT_PARSER.escape`
 * leaves alone, so `url_escape` keeps a URL's structure (`/`, `?`, `&`, `=`, `:`, …) intact.
 */
const URL_STRUCTURE = /[A-Za-z0-9\-._~!*'();/?:@&=+$,[\]]/;

/**
 * Percent-encodes every character of `text` that `keep` does not match, as UTF-8 bytes with
 * upper-case hex. A lone surrogate becomes U+FFFD (what TextEncoder does), never an exception.
 */
function percentEncode(text: string, keep: RegExp, spaceAsPlus: boolean): string {
  let out = '';
  for (const ch of text) {
    if (ch.length === 1 && keep.test(ch)) {
      out += ch;
    } else if (ch === ' ' && spaceAsPlus) {
      out += '+';
    } else {
      for (const byte of utf8.encode(ch)) {
        out += '%' + byte.toString(16).toUpperCase().padStart(2, '0');
      }
    }
  }
  return out;
}

/**
 * `json_escape`: escapes a value for use *inside* a JSON string literal (no surrounding quotes).
 * Braze: "should always be used when personalizing a string in a JSON dictionary … useful for
 * webhooks". Escapes `"`, `\`, every control character (`\n`, `\r`, `\t`, others as `\u00XX`) and
 * U+2028/U+2029, which are legal in JSON but end a line in JavaScript.
 */
export function json_escape(this: FilterContext | void, value: unknown): string {
  return JSON.stringify(textToEscape(this ?? undefined, value))
    .slice(1, -1)
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/**
 * `url_param_escape`: encodes a value for one query-parameter value.
 * Braze: "replaces all characters … that are not allowed in URLs …, including the ampersand (&)";
 * its only example is `'hey<&>hi'` → `hey%3C%26%3Ehi`. Decision: keep only RFC 3986 unreserved
 * characters, so `&`, `=`, `+`, `/`, `@`, `?`, `#` are all escaped and space is `%20` (a value
 * containing `+` must not turn into a space on the receiving side). Same set as Ruby's
 * `ERB::Util.url_encode`; unconfirmed against Braze for `!*'()`.
 */
export function url_param_escape(this: FilterContext | void, value: unknown): string {
  return percentEncode(textToEscape(this ?? undefined, value), UNRESERVED, false);
}

/**
 * `url_escape`: escapes characters that are not allowed anywhere in a URL, keeping the URL's
 * reserved characters so a whole URL stays usable. Braze example: `'hey<>hi'` → `hey%3C%3Ehi`.
 * Decision: Ruby's RFC 2396 escape set, which (unlike JavaScript's `encodeURI`) also escapes `#`
 * and keeps `[` `]`; `%` is escaped, so an already-encoded URL gets double-encoded.
 */
export function url_escape(this: FilterContext | void, value: unknown): string {
  return percentEncode(textToEscape(this ?? undefined, value), URL_STRUCTURE, false);
}

/**
 * `url_encode`: form-style encoding, space → `+`. Braze example: `'google search'` →
 * `google+search`. This is Shopify's standard filter (Ruby `CGI.escape`): everything except
 * RFC 3986 unreserved characters is escaped, including `!*'()` that liquidjs's own `url_encode`
 * keeps.
 */
export function url_encode(this: FilterContext | void, value: unknown): string {
  return percentEncode(textToEscape(this ?? undefined, value), UNRESERVED, true);
}

/** The escape family, keyed by Braze filter name. */
export const escapeFilters: Record<string, FilterImplementation> = {
  json_escape,
  url_param_escape,
  url_escape,
  url_encode,
};
