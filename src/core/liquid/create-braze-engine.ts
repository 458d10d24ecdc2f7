import { type Context, Liquid, toValue } from 'liquidjs';
import { brazeLiquid } from './braze-plugin';
import { noteCollection } from './ruby-output';

/**
 * Limits that stop hostile Liquid quickly: `memoryLimit` bounds huge ranges such as
 * `(1..100000000)`, `renderLimit` bounds time spent in loops, `parseLimit` bounds template size.
 */
export const ENGINE_LIMITS = {
  parseLimit: 20_000_000,
  renderLimit: 250,
  memoryLimit: 20_000_000,
} as const;

let shared: Liquid | undefined;

/**
 * The only place that calls `new Liquid`. Braze-like defaults: unknown filters fail
 * (`strictFilters`), missing variables render empty, `'now'` is UTC, and partials never come
 * from disk (an empty in-memory template map).
 */
export function createBrazeEngine(): Liquid {
  const engine = new Liquid({
    strictFilters: true,
    strictVariables: false,
    ownPropertyOnly: true,
    timezoneOffset: 0,
    // Month and day names must not depend on the machine's locale.
    locale: 'en-US',
    templates: {},
    cache: false,
    // Not escaping: the last step of every output, printing hashes and arrays as Braze's Ruby does.
    outputEscape: printLikeRuby,
    ...ENGINE_LIMITS,
  });
  engine.plugin(brazeLiquid);
  return engine;
}

/** One engine per process: it holds no per-render state (that lives on the render session). */
export function sharedBrazeEngine(): Liquid {
  shared ??= createBrazeEngine();
  return shared;
}

/**
 * Prints a hash Ruby-style (`{"name"=>"Acme"}`) and an array joined, where liquidjs would print
 * `[object Object]`; anything else prints as liquidjs prints it. Each printed hash or array is
 * noted on the render session, for the rule that warns when one lands in a Lead field.
 */
function printLikeRuby(this: { context?: Context }, value: unknown): string {
  const v: unknown = toValue(value);
  const printed = noteCollection(this.context, v);
  if (printed) return printed.text;
  if (v === null || v === undefined) return '';
  return typeof v === 'string' ? v : String(v);
}
