/**
 * Braze's Liquid filters as one record for the liquidjs plugin, plus what Braze does not support
 * and a one-line reference for every filter Braze does support (hovers and completion).
 *
 * Sources:
 * https://www.braze.com/docs/user_guide/personalization_and_dynamic_content/liquid/filters/
 * https://www.braze.com/docs/user_guide/personalization_and_dynamic_content/liquid/advanced_filters/
 */
import type { FilterImplOptions } from 'liquidjs';
import { cryptoFilters } from './crypto';
import { dateFilters } from './date';
import { escapeFilters } from './escape';
import { jsonFilters } from './json';
import { numberFilters } from './number';

/** What `Liquid#registerFilter` accepts: a handler, or `{ handler, raw }`. */
export type FilterImplementation = FilterImplOptions;

/** The function form of a filter; `this` is liquidjs's filter context. */
export type FilterHandler = Extract<FilterImplementation, (...args: never[]) => unknown>;

/** `this` inside a filter handler: `{ context, token, liquid }`. */
export type FilterContext = ThisParameterType<FilterHandler>;

/**
 * Every filter Braze adds to (or changes in) Shopify Liquid, keyed by its snake_case name.
 * Registering these after liquidjs's built-ins replaces liquidjs's `date`, `url_encode`,
 * `base64_encode` and `hmac_sha256` with Braze's behaviour.
 */
export const brazeFilters: Record<string, FilterImplementation> = {
  ...escapeFilters,
  ...jsonFilters,
  ...numberFilters,
  ...cryptoFilters,
  ...dateFilters,
};

const COLOR_FILTERS = [
  'brightness_difference',
  'color_brightness',
  'color_contrast',
  'color_darken',
  'color_desaturate',
  'color_difference',
  'color_extract',
  'color_lighten',
  'color_mix',
  'color_modify',
  'color_saturate',
  'color_to_hex',
  'color_to_hsl',
  'color_to_oklch',
  'color_to_rgb',
  'hex_to_rgba',
];
const FONT_FILTERS = ['font_face', 'font_modify', 'font_url'];

/**
 * Shopify filters that Braze's filter page marks "⛔ No" (color and font filters as whole
 * families). Braze warns that its list may be incomplete.
 * https://www.braze.com/docs/user_guide/personalization_and_dynamic_content/liquid/filters/
 */
export const brazeMarkedUnsupportedFilters: Record<string, string> = {
  find_index: 'Braze marks this Shopify array filter unsupported',
  camelize: 'Braze marks this Shopify string filter unsupported',
  camelcase: 'Braze marks this Shopify string filter unsupported',
  handleize: 'Braze marks this Shopify string filter unsupported',
  handle: 'Braze marks this Shopify string filter unsupported',
  pluralize: 'Braze marks this Shopify string filter unsupported',
  lstrip: 'Braze marks this filter unsupported; use strip',
  rstrip: 'Braze marks this filter unsupported; use strip',
  money_with_currency:
    'Braze marks this filter unsupported; use money and write the currency symbol yourself',
  money_without_currency: 'Braze marks this filter unsupported; use money',
  format_address: 'Braze marks this Shopify filter unsupported',
  highlight: 'Braze marks this Shopify filter unsupported',
  ...Object.fromEntries(
    COLOR_FILTERS.map((n) => [n, 'Braze does not support Shopify color filters']),
  ),
  ...Object.fromEntries(
    FONT_FILTERS.map((n) => [n, 'Braze does not support Shopify font filters']),
  ),
};

const UNDOCUMENTED = 'not in the filters Braze documents, so it may not exist in Braze';

/**
 * Filters liquidjs ships that Braze does not document. Without this, the preview would render
 * them happily and the real send could fail or print them unfiltered.
 */
export const brazeUndocumentedFilters: Record<string, string> = {
  array_to_sentence_string: `${UNDOCUMENTED} (Jekyll filter)`,
  base64_decode: `${UNDOCUMENTED}; Braze documents only base64_encode`,
  cgi_escape: `${UNDOCUMENTED}; use url_encode or url_param_escape`,
  date_to_long_string: `${UNDOCUMENTED}; use date with a strftime format`,
  date_to_rfc822: `${UNDOCUMENTED}; use date with a strftime format`,
  date_to_string: `${UNDOCUMENTED}; use date with a strftime format`,
  date_to_xmlschema: `${UNDOCUMENTED}; use date with a strftime format`,
  escape_once: `${UNDOCUMENTED}; use escape`,
  find: `${UNDOCUMENTED}; use where and first`,
  find_exp: `${UNDOCUMENTED}; use where and first`,
  find_index_exp: `${UNDOCUMENTED} (liquidjs extension)`,
  group_by: `${UNDOCUMENTED} (Jekyll filter)`,
  group_by_exp: `${UNDOCUMENTED} (Jekyll filter)`,
  has: `${UNDOCUMENTED}; use where and size`,
  has_exp: `${UNDOCUMENTED} (liquidjs extension)`,
  inspect: `${UNDOCUMENTED}; use as_json_string`,
  json: `${UNDOCUMENTED}; use as_json_string`,
  jsonify: `${UNDOCUMENTED}; use as_json_string`,
  normalize_whitespace: `${UNDOCUMENTED} (Jekyll filter)`,
  number_of_words: `${UNDOCUMENTED} (Jekyll filter)`,
  pop: `${UNDOCUMENTED} (Jekyll filter)`,
  push: `${UNDOCUMENTED} (Jekyll filter)`,
  raw: `${UNDOCUMENTED} (liquidjs extension); Braze does not HTML-escape output anyway`,
  reject: `${UNDOCUMENTED}; use where`,
  reject_exp: `${UNDOCUMENTED} (liquidjs extension)`,
  remove_last: `${UNDOCUMENTED}; use remove or remove_first`,
  replace_last: `${UNDOCUMENTED}; use replace or replace_first`,
  sample: `${UNDOCUMENTED} (Jekyll filter)`,
  sha256: `${UNDOCUMENTED}; use sha2 (SHA-256)`,
  shift: `${UNDOCUMENTED} (Jekyll filter)`,
  slugify: `${UNDOCUMENTED} (Jekyll filter)`,
  squish: `${UNDOCUMENTED}; use strip`,
  sum: `${UNDOCUMENTED} (added in later Shopify Liquid)`,
  to_integer: `${UNDOCUMENTED}; use plus: 0`,
  unshift: `${UNDOCUMENTED} (Jekyll filter)`,
  uri_escape: `${UNDOCUMENTED}; use url_escape`,
  url_decode: UNDOCUMENTED,
  where_exp: `${UNDOCUMENTED}; use where`,
  xml_escape: `${UNDOCUMENTED}; use escape`,
};

/**
 * Filter name → short reason, for every filter the preview refuses: Braze-marked unsupported
 * ones and liquidjs extras Braze does not document. Register each with `makeUnsupportedFilter`.
 */
export const brazeUnsupportedFilters: Record<string, string> = {
  ...brazeMarkedUnsupportedFilters,
  ...brazeUndocumentedFilters,
};

/**
 * A filter that always fails, so a template using Liquid that Braze lacks fails the preview
 * visibly instead of rendering something Braze would not (liquidjs's documented way to disable
 * a filter is to register one that throws).
 */
export function makeUnsupportedFilter(name: string, reason: string): FilterImplementation {
  return function unsupportedFilter(): never {
    throw new Error(`filter "${name}" is not supported by Braze: ${reason}`);
  };
}

/** One line of reference for a filter Braze supports, for hovers and completion. */
export interface BrazeFilterDoc {
  /** Usage as written in a template, e.g. `'msg' | hmac_sha256_hex: key`. */
  signature: string;
  /** One sentence. */
  description: string;
  /**
   * `supported`: a Shopify filter Braze lists as supported; `braze-only`: a Braze addition;
   * `untested`: registered by the preview but not confirmed by Braze's docs.
   */
  braze: 'supported' | 'braze-only' | 'untested';
  /** Where the preview may differ from Braze, when known. */
  fidelity?: string;
}

/**
 * Every filter Braze supports. Standard entries come from the filters page
 * (https://www.braze.com/docs/user_guide/personalization_and_dynamic_content/liquid/filters/),
 * Braze additions from the advanced filters page
 * (https://www.braze.com/docs/user_guide/personalization_and_dynamic_content/liquid/advanced_filters/).
 */
export const BRAZE_FILTER_DOCS: Record<string, BrazeFilterDoc> = {
  // Array filters
  join: {
    signature: 'array | join: separator',
    description: 'Joins the elements of an array into one string with the separator between them.',
    braze: 'supported',
  },
  first: {
    signature: 'array | first',
    description:
      'Returns the first element; for a custom attribute array this is the oldest added value.',
    braze: 'supported',
  },
  last: {
    signature: 'array | last',
    description:
      'Returns the last element; for a custom attribute array this is the most recently added value.',
    braze: 'supported',
  },
  compact: {
    signature: 'array | compact',
    description: 'Removes nil items from an array.',
    braze: 'supported',
  },
  concat: {
    signature: 'array | concat: other_array',
    description: 'Combines an array with another array.',
    braze: 'supported',
  },
  map: {
    signature: 'array | map: property',
    description: "Builds an array of each element's value for the given property.",
    braze: 'supported',
  },
  reverse: {
    signature: 'array | reverse',
    description: 'Reverses the order of the items in an array.',
    braze: 'supported',
  },
  size: {
    signature: 'value | size',
    description: 'Returns the number of characters in a string or elements in an array.',
    braze: 'supported',
  },
  slice: {
    signature: 'value | slice: start, length',
    description: 'Returns a substring or sub-array starting at the index (default length 1).',
    braze: 'supported',
  },
  sort: {
    signature: 'array | sort: property',
    description: 'Sorts an array, optionally by a property of its elements.',
    braze: 'supported',
  },
  sort_natural: {
    signature: 'array | sort_natural: property',
    description: 'Sorts an array in case-insensitive alphabetical order.',
    braze: 'supported',
  },
  uniq: {
    signature: 'array | uniq',
    description: 'Removes duplicate elements from an array.',
    braze: 'supported',
  },
  where: {
    signature: 'array | where: property, value',
    description: 'Keeps only the elements whose property equals the value.',
    braze: 'supported',
  },

  // Math filters
  abs: {
    signature: 'number | abs',
    description: 'Returns the absolute value of a number.',
    braze: 'supported',
  },
  at_most: {
    signature: 'number | at_most: max',
    description: 'Limits a number to a maximum value.',
    braze: 'supported',
  },
  at_least: {
    signature: 'number | at_least: min',
    description: 'Limits a number to a minimum value.',
    braze: 'supported',
  },
  ceil: {
    signature: 'number | ceil',
    description: 'Rounds a number up to the nearest integer.',
    braze: 'supported',
  },
  divided_by: {
    signature: 'number | divided_by: divisor',
    description:
      'Divides a number; integer by integer is integer division (15 / 2 = 7), a decimal on either side (2.0) gives a decimal.',
    braze: 'supported',
    fidelity:
      'A whole-valued decimal made by an earlier filter (`times: 1.0` giving 4) counts as an integer, and a whole decimal result prints without Ruby\'s `.0` (`10 | divided_by: 2.0` prints 5 here, 5.0 in Braze).',
  },
  floor: {
    signature: 'number | floor',
    description: 'Rounds a number down to the nearest integer.',
    braze: 'supported',
  },
  minus: { signature: 'number | minus: n', description: 'Subtracts a number.', braze: 'supported' },
  plus: {
    signature: 'number | plus: n',
    description: 'Adds a number (`plus: 0` turns numeric text into a number).',
    braze: 'supported',
  },
  round: {
    signature: 'number | round: digits',
    description: 'Rounds to the nearest integer or to the given number of decimals.',
    braze: 'supported',
  },
  times: {
    signature: 'number | times: n',
    description: 'Multiplies by a number.',
    braze: 'supported',
  },
  modulo: {
    signature: 'number | modulo: n',
    description: 'Returns the remainder of a division.',
    braze: 'supported',
  },

  // Money
  money: {
    signature: 'number | money',
    description: 'Formats a number with two decimals and no cents convention (145 gives 145.00).',
    braze: 'supported',
    fidelity:
      'Thousands separators are not added and numeric text is accepted; Braze asks for `plus: 0` first.',
  },

  // String filters
  append: {
    signature: "string | append: 'text'",
    description: 'Appends text to a string.',
    braze: 'supported',
  },
  capitalize: {
    signature: 'string | capitalize',
    description: 'Capitalizes the first character and downcases the rest.',
    braze: 'supported',
  },
  downcase: {
    signature: 'string | downcase',
    description: 'Converts a string to lowercase.',
    braze: 'supported',
  },
  escape: {
    signature: 'string | escape',
    description: 'HTML-escapes a string.',
    braze: 'supported',
  },
  newline_to_br: {
    signature: 'string | newline_to_br',
    description: 'Inserts a `<br>` tag before each line break.',
    braze: 'supported',
  },
  prepend: {
    signature: "string | prepend: 'text'",
    description: 'Prepends text to a string.',
    braze: 'supported',
  },
  remove: {
    signature: "string | remove: 'text'",
    description: 'Removes every occurrence of a substring.',
    braze: 'supported',
  },
  remove_first: {
    signature: "string | remove_first: 'text'",
    description: 'Removes the first occurrence of a substring.',
    braze: 'supported',
  },
  replace: {
    signature: "string | replace: 'old', 'new'",
    description: 'Replaces every occurrence of a substring.',
    braze: 'supported',
  },
  replace_first: {
    signature: "string | replace_first: 'old', 'new'",
    description: 'Replaces the first occurrence of a substring.',
    braze: 'supported',
  },
  split: {
    signature: "string | split: 'delimiter'",
    description: 'Splits a string into an array on a delimiter.',
    braze: 'supported',
  },
  strip: {
    signature: 'string | strip',
    description: 'Removes whitespace from both ends of a string.',
    braze: 'supported',
  },
  strip_html: {
    signature: 'string | strip_html',
    description: 'Removes all HTML tags from a string.',
    braze: 'supported',
  },
  strip_newlines: {
    signature: 'string | strip_newlines',
    description: 'Removes all line breaks from a string.',
    braze: 'supported',
  },
  truncate: {
    signature: 'string | truncate: length, ellipsis',
    description: 'Shortens a string to a number of characters, ellipsis included.',
    braze: 'supported',
  },
  truncatewords: {
    signature: 'string | truncatewords: words, ellipsis',
    description: 'Shortens a string to a number of words and appends an ellipsis.',
    braze: 'supported',
  },
  upcase: {
    signature: 'string | upcase',
    description: 'Converts a string to uppercase.',
    braze: 'supported',
  },

  // Additional filters
  default: {
    signature: "value | default: 'fallback'",
    description:
      'Uses the fallback when the value is nil, false or empty (a whitespace-only string is kept).',
    braze: 'supported',
  },
  date: {
    signature: "time | date: '%Y-%m-%d %H:%M:%S'",
    description:
      "Formats a time with strftime codes, plus `%s` for Unix seconds; `'now'` is the send time in UTC.",
    braze: 'supported',
    fidelity:
      'Text without an offset is read as UTC; `%Z` prints an offset rather than a zone abbreviation; month and day names follow the engine locale.',
  },
  time_zone: {
    signature: "time | time_zone: 'America/Chicago'",
    description: 'Shows a time in an IANA time zone or UTC offset, for a following `date` filter.',
    braze: 'braze-only',
    fidelity:
      'Numbers are read as hours (|n| ≤ 14) else seconds, and an unknown zone fails the preview; both inferred, not documented.',
  },

  // Encoding filters (advanced filters page)
  md5: {
    signature: 'string | md5',
    description: 'Returns the MD5 digest of the string as hex.',
    braze: 'supported',
  },
  sha1: {
    signature: 'string | sha1',
    description: 'Returns the SHA-1 digest of the string as hex.',
    braze: 'supported',
  },
  sha2: {
    signature: 'string | sha2',
    description: 'Returns the SHA-256 digest of the string as hex.',
    braze: 'braze-only',
  },
  base64_encode: {
    signature: 'string | base64_encode',
    description: 'Returns the base64 encoding of the UTF-8 string.',
    braze: 'supported',
    fidelity: 'Long input is not wrapped at 60 characters (strict base64); unconfirmed.',
  },
  base64: {
    signature: 'string | base64',
    description: 'Same as base64_encode.',
    braze: 'untested',
    fidelity: "Braze's table labels the row `base64` but its example uses `base64_encode`.",
  },
  hmac_sha1_hex: {
    signature: "string | hmac_sha1_hex: 'secret_key'",
    description: 'Returns the HMAC-SHA1 signature as hex.',
    braze: 'braze-only',
  },
  hmac_sha1: {
    signature: "string | hmac_sha1: 'secret_key'",
    description: 'Former name of hmac_sha1_hex.',
    braze: 'supported',
  },
  hmac_sha1_base64: {
    signature: "string | hmac_sha1_base64: 'secret_key'",
    description: 'Returns the HMAC-SHA1 signature as base64.',
    braze: 'braze-only',
  },
  hmac_sha256_hex: {
    signature: "string | hmac_sha256_hex: 'secret_key'",
    description: 'Returns the HMAC-SHA256 signature as hex.',
    braze: 'braze-only',
  },
  hmac_sha256: {
    signature: "string | hmac_sha256: 'secret_key'",
    description: 'Returns the HMAC-SHA256 signature as hex (same as hmac_sha256_hex).',
    braze: 'supported',
  },
  hmac_sha256_base64: {
    signature: "string | hmac_sha256_base64: 'secret_key'",
    description: 'Returns the HMAC-SHA256 signature as base64.',
    braze: 'braze-only',
  },
  hmac_sha512: {
    signature: "string | hmac_sha512: 'secret_key'",
    description: 'Returns the HMAC-SHA512 signature as hex.',
    braze: 'braze-only',
    fidelity: 'Braze does not name the output encoding; hex is assumed.',
  },

  // URL filters
  url_escape: {
    signature: 'string | url_escape',
    description:
      'Percent-encodes characters not allowed in URLs, keeping URL structure characters such as / ? & =.',
    braze: 'braze-only',
    fidelity: "Uses Ruby's RFC 2396 set (`#` escaped, `[` `]` kept); inferred.",
  },
  url_param_escape: {
    signature: 'string | url_param_escape',
    description: 'Percent-encodes a query-parameter value, including & = + / @ and space as %20.',
    braze: 'braze-only',
    fidelity:
      "Keeps only A–Z a–z 0–9 - . _ ~; whether Braze also escapes ! * ' ( ) is unconfirmed.",
  },
  url_encode: {
    signature: 'string | url_encode',
    description: 'Form-encodes a string, with space as +.',
    braze: 'supported',
  },

  // Other Braze additions
  property_accessor: {
    signature: "hash | property_accessor: 'key'",
    description: 'Returns the value stored in a hash under a (possibly templated) key.',
    braze: 'braze-only',
  },
  number_with_delimiter: {
    signature: 'number | number_with_delimiter',
    description: 'Formats a number with commas between thousands (123456 gives 123,456).',
    braze: 'braze-only',
  },
  json_escape: {
    signature: 'string | json_escape',
    description:
      'Escapes quotes, backslashes and control characters so the text can sit inside a JSON string.',
    braze: 'braze-only',
    fidelity:
      'Braze may additionally escape < > & as \\u003c-style sequences; the parsed JSON is the same. A hash or array is first printed as an output prints it (`{"name"=>"Acme"}`, items joined).',
  },
  json_parse: {
    signature: 'string | json_parse',
    description: 'Converts a JSON string into the object or array it describes.',
    braze: 'braze-only',
    fidelity: 'Invalid JSON is returned unchanged; Braze does not document this case.',
  },
  as_json_string: {
    signature: 'value | as_json_string',
    description: 'Converts an object or array into JSON text.',
    braze: 'braze-only',
  },
};
