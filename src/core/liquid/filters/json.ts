/**
 * Braze's JSON-formatting filters and `property_accessor`.
 * https://www.braze.com/docs/user_guide/personalization_and_dynamic_content/liquid/advanced_filters/
 */
import { toValue } from 'liquidjs';
import type { FilterImplementation } from './index';

/**
 * `json_parse`: turns a JSON string into the data structure it describes (object, array, …).
 * Braze documents only the happy path (`'[{"id":"1"}]' | json_parse`). Decision for text that is
 * not JSON: return the input unchanged, so the rest of the template still renders and a
 * following `.key` access prints blank (Liquid's lax behaviour) instead of failing the whole
 * preview. Values that are already parsed (objects, arrays, numbers) pass through.
 */
export function json_parse(value: unknown): unknown {
  const v: unknown = toValue(value);
  if (typeof v !== 'string') return v;
  try {
    return JSON.parse(v) as unknown;
  } catch {
    return v;
  }
}

/**
 * `as_json_string`: serialises a value (object, array, string, number, …) to JSON text.
 * A string comes out quoted, nil comes out as `null`, as Ruby's `to_json` does.
 */
export function as_json_string(value: unknown): string {
  const v: unknown = toValue(value);
  if (v === undefined) return 'null';
  try {
    return JSON.stringify(v) ?? 'null';
  } catch (err) {
    const why = err instanceof Error ? err.message : String(err);
    throw new Error(`as_json_string: value cannot be written as JSON (${why})`);
  }
}

/**
 * `property_accessor`: `hash | property_accessor: key` is `hash[key]`. Braze has no hash
 * literals, so this is how a templated key (e.g. a custom attribute) reads a hash. Only the
 * hash's own properties are visible, so `constructor`, `__proto__` or `toString` give nil.
 */
export function property_accessor(hash: unknown, key: unknown): unknown {
  const h: unknown = toValue(hash);
  if (h === null || typeof h !== 'object') return undefined;
  const k: unknown = toValue(key);
  if (k === null || k === undefined) return undefined;
  const name = String(k);
  return Object.prototype.hasOwnProperty.call(h, name)
    ? (h as Record<string, unknown>)[name]
    : undefined;
}

/** The JSON family, keyed by Braze filter name. */
export const jsonFilters: Record<string, FilterImplementation> = {
  json_parse,
  as_json_string,
  property_accessor,
};
