/**
 * What Braze's Liquid (Shopify Liquid on Ruby) prints for a hash or an array, where liquidjs would
 * print `[object Object]` or run JavaScript's own joining. Shopify Liquid's output tag joins an
 * array (`Array#join`: nested arrays flattened, `nil` empty, other items by `to_s`) and prints
 * anything else with `to_s`, which for a hash is `Hash#inspect`: `{"name"=>"Acme"}`.
 * https://github.com/Shopify/liquid/blob/main/lib/liquid/variable.rb (render_to_output_buffer)
 * Ruby 3.4 added spaces around `=>` in `Hash#inspect`; Braze does not say which Ruby it runs, so
 * the long-standing form is used (see docs/braze-fidelity.md).
 */

import { sessionOf } from './render-session';

/** A hash or array printed by an output, for rules that look at where it landed. */
export interface PrintedCollection {
  kind: 'hash' | 'array';
  /** What was printed. */
  text: string;
  /** Number of keys or items. */
  size: number;
}

/** True for a JSON-style object (a Ruby hash), not a Date, Drop or class instance. */
export function isPlainHash(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** The printed form of a hash or array; undefined for anything liquidjs already prints as Ruby does. */
export function printCollection(value: unknown): PrintedCollection | undefined {
  if (Array.isArray(value)) return { kind: 'array', text: joinLikeRuby(value), size: value.length };
  if (isPlainHash(value)) return { kind: 'hash', text: inspectLikeRuby(value), size: Object.keys(value).length };
  return undefined;
}

/**
 * Prints `value` when it is a hash or an array and notes it on the render session of `ctx`, for
 * the rule that warns when one lands in a Lead field; undefined for other values.
 */
export function noteCollection(ctx: object | undefined, value: unknown): PrintedCollection | undefined {
  const printed = printCollection(value);
  if (printed && ctx) sessionOf(ctx)?.printedCollections.push(printed);
  return printed;
}

/** Ruby's `Array#join` with no separator. */
function joinLikeRuby(items: readonly unknown[], depth = 0): string {
  if (depth > MAX_DEPTH) return '[...]';
  return items.map((item) => (Array.isArray(item) ? joinLikeRuby(item, depth + 1) : toSLikeRuby(item))).join('');
}

/** Ruby's `to_s` for an array item. */
function toSLikeRuby(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (isPlainHash(value)) return inspectLikeRuby(value);
  return String(value);
}

/** Deeper structures are cut, so a cyclic or hostile value cannot exhaust the stack. */
const MAX_DEPTH = 32;

/** Ruby's `inspect` (hashes as `{"k"=>v}`, arrays as `[1, "a"]`, nil as `nil`). */
export function inspectLikeRuby(value: unknown, depth = 0): string {
  if (value === null || value === undefined) return 'nil';
  if (typeof value === 'string') return inspectString(value);
  if (depth > MAX_DEPTH) return Array.isArray(value) ? '[...]' : '{...}';
  if (Array.isArray(value)) return `[${value.map((item) => inspectLikeRuby(item, depth + 1)).join(', ')}]`;
  if (isPlainHash(value)) {
    const pairs = Object.entries(value).map(([key, item]) => `${inspectString(key)}=>${inspectLikeRuby(item, depth + 1)}`);
    return `{${pairs.join(', ')}}`;
  }
  return String(value);
}

const ESCAPES: Record<string, string> = { '"': '\\"', '\\': '\\\\', '\n': '\\n', '\t': '\\t', '\r': '\\r', '\f': '\\f', '\v': '\\v', '\b': '\\b', '\x07': '\\a', '\x1b': '\\e' };

/** Ruby's `String#inspect` for UTF-8 text: quotes, backslashes and control characters escaped. */
function inspectString(text: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what Ruby escapes
  const escaped = text.replace(/["\\\x00-\x1f\x7f]|#(?=[{$@])/g, (ch) => {
    if (ch === '#') return '\\#';
    return ESCAPES[ch] ?? `\\u${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
  });
  return `"${escaped}"`;
}
