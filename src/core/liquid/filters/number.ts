/**
 * Braze's number formatting: `number_with_delimiter` and Braze's own `money`.
 */
import { toValue } from 'liquidjs';
import type { FilterImplementation } from './index';
import { toText } from './escape';

const DECIMAL = /^([+-]?)(\d+)(\.\d+)?$/;

/**
 * `number_with_delimiter`: groups the integer part with commas and keeps any decimals
 * (`1234567.891` → `1,234,567.891`). Braze example: `123456` → `123,456`.
 * https://www.braze.com/docs/user_guide/personalization_and_dynamic_content/liquid/advanced_filters/
 * Text that is not a plain decimal number is returned unchanged, as Rails' helper of the same
 * name does.
 */
export function number_with_delimiter(value: unknown): string {
  const text = toText(value);
  const m = DECIMAL.exec(text);
  if (!m) return text;
  const [, sign, whole, fraction = ''] = m;
  return sign + whole.replace(/\B(?=(\d{3})+$)/g, ',') + fraction;
}

/**
 * `money`: two decimal places, no currency symbol and no thousands separator.
 * Braze does NOT follow Shopify's cents convention: `145 | money` is `145.00`, not `1.45`.
 * https://www.braze.com/docs/user_guide/personalization_and_dynamic_content/liquid/filters/#money-filters
 * Braze tells users to strip commas and add `plus: 0` first; numeric text is accepted here too.
 * Anything that is not a number is returned as text, unchanged.
 */
export function money(value: unknown): string {
  const v: unknown = toValue(value);
  if (v === null || v === undefined) return '';
  const n = typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : NaN;
  if (!Number.isFinite(n)) return toText(v);
  return n.toFixed(2);
}

/** The number family, keyed by Braze filter name. */
export const numberFilters: Record<string, FilterImplementation> = {
  number_with_delimiter,
  money,
};
