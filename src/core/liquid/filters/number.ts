/**
 * Braze's number formatting (`number_with_delimiter`, Braze's own `money`) and Ruby's division.
 */
import { toValue } from 'liquidjs';
import type { FilterContext, FilterImplementation } from './index';
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

/** Numeric text Ruby Liquid's `to_number` reads as a decimal rather than an integer. */
const DECIMAL_TEXT = /^\s*-?\d+\.\d+\s*$/;
/** A number literal written with a decimal point, as the first value of an output or assign. */
const LEADING_DECIMAL_LITERAL = /(?:\{\{-?|=)\s*-?\d+\.\d+\s*\|\s*$/;

/**
 * Whether Ruby would hold this operand as a Float/BigDecimal: a non-integral number, or numeric
 * text with a decimal point (`'15.0'`). JavaScript numbers cannot tell `2.0` from `2`, so literal
 * arguments are read from their source text (see `divided_by`).
 */
function isDecimal(value: unknown): boolean {
  if (typeof value === 'number') return !Number.isInteger(value);
  return typeof value === 'string' && DECIMAL_TEXT.test(value);
}

/** Ruby Liquid's `to_number`: numbers as they are, numeric text parsed, anything else 0. */
function toRubyNumber(value: unknown): number {
  if (typeof value === 'number') return value;
  if (typeof value === 'string') {
    const match = /^\s*(-?\d+(?:\.\d+)?)/.exec(value);
    return match ? Number(match[1]) : 0;
  }
  return 0;
}

/** Source text of the filter's first argument, when it is written as a literal. */
function argumentText(ctx: FilterContext): string {
  const arg: unknown = ctx.token?.args?.[0];
  const token = Array.isArray(arg) ? (arg[1] as unknown) : arg;
  return typeof (token as { getText?: unknown })?.getText === 'function' ? (token as { getText(): string }).getText() : '';
}

/** True when the filter's input is a decimal literal written right before it (`{{ 15.0 | divided_by: 2 }}`). */
function inputIsDecimalLiteral(ctx: FilterContext): boolean {
  const token = ctx.token as { input?: string; begin?: number } | undefined;
  if (typeof token?.input !== 'string' || typeof token.begin !== 'number') return false;
  return LEADING_DECIMAL_LITERAL.test(token.input.slice(Math.max(0, token.begin - 64), token.begin));
}

/**
 * `divided_by` as Ruby Liquid computes it: integer ÷ integer is integer division, rounded down
 * (`{{15 | divided_by: 2}}` → `7`); a decimal on either side gives a decimal (`divided_by: 2.0`
 * → `7.5`). Integer division by zero fails, as Ruby's ZeroDivisionError does.
 * https://www.braze.com/docs/user_guide/personalization_and_dynamic_content/liquid/filters/#math-filters
 * Limit: a decimal that an earlier filter produced with an integral value (`times: 1.0` giving 4)
 * is an integer here (see docs/braze-fidelity.md).
 */
export function divided_by(this: FilterContext, dividend: unknown, divisor: unknown): number {
  const a: unknown = toValue(dividend);
  const b: unknown = toValue(divisor);
  const x = toRubyNumber(a);
  const y = toRubyNumber(b);
  const decimal = isDecimal(a) || isDecimal(b) || DECIMAL_TEXT.test(argumentText(this)) || inputIsDecimalLiteral(this);
  if (decimal) return x / y;
  if (y === 0) throw new Error('divided by 0 (integer division by zero)');
  return Math.floor(x / y);
}

/** The number family, keyed by Braze filter name. */
export const numberFilters: Record<string, FilterImplementation> = {
  number_with_delimiter,
  money,
  divided_by,
};
