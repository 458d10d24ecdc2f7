/**
 * Braze's Liquid filters as one record for the liquidjs plugin. Which filters Braze supports and
 * refuses is in ./support.ts (no implementation code, so hovers load without liquidjs).
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

export {
  BRAZE_FILTER_SUPPORT,
  type BrazeFilterSupport,
  brazeMarkedUnsupportedFilters,
  brazeUndocumentedFilters,
  brazeUnsupportedFilters,
} from './support';

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

