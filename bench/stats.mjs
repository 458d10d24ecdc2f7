// Timing helpers for the benchmark. Machines here are shared and noisy, so nothing is a single
// reading: every figure is the median of repeated samples taken after a warm-up, and every
// comparison times its two sides alternately (A B, B A, …) in the same process so that a burst
// of load from a neighbour hits both sides rather than one.
import { performance } from 'node:perf_hooks';

/** Median, quartiles and extremes of a list of numbers (not modified). */
export function summarize(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q) => {
    if (sorted.length === 0) return NaN;
    const pos = (sorted.length - 1) * q;
    const lo = Math.floor(pos);
    const hi = Math.ceil(pos);
    return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
  };
  return { median: at(0.5), p25: at(0.25), p75: at(0.75), min: sorted[0], max: sorted[sorted.length - 1], samples: sorted.length };
}

/** Calls `fn` once and waits for it when it returns a promise; the sync path stays sync. */
function callOnce(fn) {
  const result = fn();
  return result && typeof result.then === 'function' ? result : undefined;
}

/** Time in ms for `n` calls of `fn` (awaiting each call when `fn` is async). */
async function timeBatch(fn, n) {
  const start = performance.now();
  for (let i = 0; i < n; i++) {
    const pending = callOnce(fn);
    if (pending) await pending;
  }
  return performance.now() - start;
}

/**
 * Runs `fn` for at least `warmupMs` and `minWarmupCalls` calls (so V8 has optimised it; a slow
 * function stops after `warmupCapMs`), then returns how many calls make one sample of at least
 * `minSampleMs`, and the warm per-call time.
 */
async function warmUp(fn, { warmupMs, warmupCapMs, minWarmupCalls, minSampleMs, maxBatch }) {
  let calls = 0;
  let last = 0;
  const start = performance.now();
  for (;;) {
    const elapsed = performance.now() - start;
    if (calls > 0 && elapsed >= warmupMs && (calls >= minWarmupCalls || elapsed >= warmupCapMs)) break;
    const before = performance.now();
    const pending = callOnce(fn);
    if (pending) await pending;
    last = performance.now() - before;
    calls++;
  }
  // A slow function (a few calls filled the warm-up) is sized from its last call, not re-run.
  const probe = Math.max(1, Math.min(maxBatch, Math.ceil(calls / 4)));
  const perCall = calls < 4 ? last : (await timeBatch(fn, probe)) / probe;
  return { batch: Math.max(1, Math.min(maxBatch, Math.ceil(minSampleMs / Math.max(perCall, 1e-6)))), perCall };
}

/**
 * `samples` per function (fewer when `budgetMs` would be exceeded, never under `minSamples`);
 * warm-up of at least `warmupMs` and `minWarmupCalls` calls; one sample lasts at least
 * `minSampleMs` (many calls of a fast function are timed together and divided). Garbage
 * collection is not forced between samples: a forced full GC made the next call slower (lazy
 * sweeping), which distorted single-call samples more than shared GC debt does.
 */
export const DEFAULTS = Object.freeze({ samples: 15, minSamples: 3, budgetMs: 4000, warmupMs: 150, warmupCapMs: 1500, minWarmupCalls: 5, minSampleMs: 10, maxBatch: 100_000 });

/**
 * Times each named function; the functions are sampled in alternating order. Returns, per name,
 * the per-call time statistics in ms (`median`, `p25`, `p75`, …), the batch size used and, for
 * every name but the first (the baseline), `ratio` to the first (see withPairedRatios).
 * `fns` is an object `{ name: fn }`; `fn` may be sync or async.
 */
export async function compare(fns, options = {}) {
  const opts = { ...DEFAULTS, ...options };
  const names = Object.keys(fns);
  const batch = {};
  let roundMs = 0;
  for (const name of names) {
    const warm = await warmUp(fns[name], opts);
    batch[name] = warm.batch;
    roundMs += warm.perCall * warm.batch;
  }
  const samples = Math.max(opts.minSamples, Math.min(opts.samples, Math.floor(opts.budgetMs / Math.max(roundMs, 1e-3))));
  const perCall = Object.fromEntries(names.map((n) => [n, []]));
  for (let s = 0; s < samples; s++) {
    const order = s % 2 === 0 ? names : [...names].reverse();
    for (const name of order) perCall[name].push((await timeBatch(fns[name], batch[name])) / batch[name]);
  }
  return withPairedRatios(names, perCall, (n) => ({ batch: batch[n] }));
}

/**
 * Statistics per name, plus `ratio`: the median over sampling rounds of (this ÷ the first name)
 * within the round. Adjacent samples see the same background load, so this is steadier on a
 * busy machine than the ratio of the two medians (kept as `ratioOfMedians`).
 */
export function withPairedRatios(names, perSample, extra = () => ({})) {
  const [first] = names;
  return Object.fromEntries(
    names.map((n) => {
      const stats = { ...summarize(perSample[n]), ...extra(n) };
      if (n !== first) {
        stats.ratio = summarize(perSample[n].map((t, i) => t / perSample[first][i])).median;
        stats.ratioOfMedians = stats.median / summarize(perSample[first]).median;
      }
      return [n, stats];
    }),
  );
}

/** Times one function (see `compare`). */
export async function measure(fn, options = {}) {
  return (await compare({ only: fn }, options)).only;
}
