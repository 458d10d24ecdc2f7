/**
 * Which Liquid filters Braze supports and which it refuses, by name: no implementation code and no
 * liquidjs here, so the editor features (hover, completion) can load without the engine (ADR 020).
 *
 * Sources:
 * https://www.braze.com/docs/user_guide/personalization_and_dynamic_content/liquid/filters/
 * https://www.braze.com/docs/user_guide/personalization_and_dynamic_content/liquid/advanced_filters/
 */

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
 * Where a filter Braze supports comes from: `supported`, a Shopify filter Braze lists as
 * supported; `braze-only`, a Braze addition; `untested`, registered by the preview but not
 * confirmed by Braze's docs.
 */
export type BrazeFilterSupport = 'supported' | 'braze-only' | 'untested';

/**
 * Every filter Braze supports. Standard entries come from the filters page
 * (https://www.braze.com/docs/user_guide/personalization_and_dynamic_content/liquid/filters/),
 * Braze additions from the advanced filters page
 * (https://www.braze.com/docs/user_guide/personalization_and_dynamic_content/liquid/advanced_filters/).
 * Their hover and completion texts are data (`filters` in data/editor-docs.json, ADR 020).
 */
export const BRAZE_FILTER_SUPPORT: Record<string, BrazeFilterSupport> = {
  // Array filters
  join: 'supported',
  first: 'supported',
  last: 'supported',
  compact: 'supported',
  concat: 'supported',
  map: 'supported',
  reverse: 'supported',
  size: 'supported',
  slice: 'supported',
  sort: 'supported',
  sort_natural: 'supported',
  uniq: 'supported',
  where: 'supported',
  // Math filters
  abs: 'supported',
  at_most: 'supported',
  at_least: 'supported',
  ceil: 'supported',
  divided_by: 'supported',
  floor: 'supported',
  minus: 'supported',
  plus: 'supported',
  round: 'supported',
  times: 'supported',
  modulo: 'supported',
  // Money
  money: 'supported',
  // String filters
  append: 'supported',
  capitalize: 'supported',
  downcase: 'supported',
  escape: 'supported',
  newline_to_br: 'supported',
  prepend: 'supported',
  remove: 'supported',
  remove_first: 'supported',
  replace: 'supported',
  replace_first: 'supported',
  split: 'supported',
  strip: 'supported',
  strip_html: 'supported',
  strip_newlines: 'supported',
  truncate: 'supported',
  truncatewords: 'supported',
  upcase: 'supported',
  // Additional filters
  default: 'supported',
  date: 'supported',
  time_zone: 'braze-only',
  // Encoding filters (advanced filters page)
  md5: 'supported',
  sha1: 'supported',
  sha2: 'braze-only',
  base64_encode: 'supported',
  base64: 'untested',
  hmac_sha1_hex: 'braze-only',
  hmac_sha1: 'supported',
  hmac_sha1_base64: 'braze-only',
  hmac_sha256_hex: 'braze-only',
  hmac_sha256: 'supported',
  hmac_sha256_base64: 'braze-only',
  hmac_sha512: 'braze-only',
  // URL filters
  url_escape: 'braze-only',
  url_param_escape: 'braze-only',
  url_encode: 'supported',
  // Other Braze additions
  property_accessor: 'braze-only',
  number_with_delimiter: 'braze-only',
  json_escape: 'braze-only',
  json_parse: 'braze-only',
  as_json_string: 'braze-only',
};
