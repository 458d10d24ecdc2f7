import { Liquid } from 'liquidjs';
import { brazeLiquid } from './braze-plugin';

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
 * from disk (an empty in-memory template map). `limits` may loosen a limit for one purpose (a
 * test send waits on the network inside a field's render).
 */
export function createBrazeEngine(limits: Partial<Record<keyof typeof ENGINE_LIMITS, number>> = {}): Liquid {
  const engine = new Liquid({
    strictFilters: true,
    strictVariables: false,
    ownPropertyOnly: true,
    timezoneOffset: 0,
    // Month and day names must not depend on the machine's locale.
    locale: 'en-US',
    templates: {},
    cache: false,
    ...ENGINE_LIMITS,
    ...limits,
  });
  engine.plugin(brazeLiquid);
  return engine;
}

/** One engine per process: it holds no per-render state (that lives on the render session). */
export function sharedBrazeEngine(): Liquid {
  shared ??= createBrazeEngine();
  return shared;
}
