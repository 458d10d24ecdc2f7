// The in-process figures (1–5). run.mjs starts one fresh Node process per section:
//   node bench/sections.mjs <section> <config.json> <out.json>
// so that one section's heap and JIT state never colour another's, and so that `--cpu-prof`
// yields one profile per section. Each side of a comparison runs in this same process,
// alternately, after a warm-up (see stats.mjs).
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { baselineEngine, plainLiquid, templateStrings } from './baseline.mjs';
import { profilesExport, templateOfLines, templateOfSize } from './fixtures.mjs';
import { compare } from './stats.mjs';

const [section, configPath, outPath] = process.argv.slice(2);
const config = JSON.parse(readFileSync(configPath, 'utf8'));
const require = createRequire(import.meta.url);
/** The core, bundled by esbuild exactly as the adapters bundle it (unminified; see build.mjs). */
const core = require(config.coreBundle);
const example = (name) => readFileSync(join(config.root, 'examples', name), 'utf8');
/**
 * The Salesforce model every adapter injects (ADR 008): the built-in Lead data. Older trees without
 * it (a baseline run of an earlier commit) get undefined, which their core ignores.
 */
const salesforce = core.loadSalesforceSchema?.({ builtIn: [JSON.parse(readFileSync(join(config.root, 'data', 'salesforce', 'lead.json'), 'utf8'))] }).schema;
const quick = config.quick === true;
const FIXED_NOW = new Date('2025-01-15T12:00:00Z');

/** One row of the results table. */
function figure(id, name, ours, baseline, goals = [], extra = {}) {
  const ratio = baseline ? (ours.ratio ?? ours.median / baseline.stats.median) : undefined;
  return { id, name, ours, baseline, ratio, goals, ...extra };
}

/** Times one cold call (the first in this process): a single reading, reported as info only. */
function once(fn) {
  const start = performance.now();
  const value = fn();
  return { ms: performance.now() - start, value };
}

/** Rewritten Liquid sources of a template, exactly what our engine hands to liquidjs. */
function liquidSources(text) {
  return core.compileTemplate(core.parseTemplateFile(text)).fields.map((f) => f.rewrite.source);
}

/** What the fixture resolver's token answer becomes in `:save result`, computed once. */
async function savedTokenValue(file, deps) {
  const request = await core.renderRequest(file, { scope: {} }, deps);
  const sub = request.subrequests[0];
  return sub ? { ...JSON.parse(sub.response.body), __http_status_code__: sub.response.status } : {};
}

function fixtureDeps() {
  return { resolveConnectedContent: core.makeFixtureResolver({ now: () => FIXED_NOW }), now: () => FIXED_NOW };
}

/** Figure 1: the preview render per profile vs raw liquidjs rendering of the same strings. */
async function render() {
  const file = core.parseTemplateFile(example('create-lead.braze-webhook.json'));
  const { profiles } = core.parseProfiles(example('sample-users.braze-profiles.json'));
  const deps = fixtureDeps();
  const targets = profiles.map((p) => ({ scope: core.toLiquidScope(p), ref: p.ref }));
  const engine = baselineEngine(await savedTokenValue(file, deps));
  // Parsed once, outside the timed loops, on both sides.
  const parsed = liquidSources(file.text).map((source) => engine.parse(source));
  core.compileTemplate(file);
  const n = targets.length;
  const result = await compare({
    liquidjs: async () => {
      for (const { scope } of targets) for (const templates of parsed) await engine.render(templates, scope);
    },
    renderRequest: async () => {
      for (const target of targets) await core.renderRequest(file, target, deps);
    },
    renderProfile: async () => {
      for (const profile of profiles) await core.renderProfile(file, profile, deps);
    },
  });
  const per = (s) => scale(s, 1 / n);
  const base = { name: 'liquidjs render (async), same strings and values', stats: per(result.liquidjs) };
  return [
    figure('1', 'Render: renderRequest per profile (create-lead, fixture resolver)', per(result.renderRequest), base, [{ kind: 'ratio', max: 1.3 }], { unit: 'ms/profile' }),
    figure('1b', 'Render: renderProfile per profile (+ profile → scope)', per(result.renderProfile), base, [], { unit: 'ms/profile', info: true }),
  ];
}

/** Scales every statistic of a timing by `k` (per-call → per-item). */
function scale(stats, k) {
  const out = { ...stats };
  for (const key of ['median', 'p25', 'p75', 'min', 'max']) out[key] = stats[key] * k;
  return out;
}

/** Figure 2: full static lint of the seed template vs liquidjs parse of its strings. */
async function lint() {
  const text = example('seed-create-lead.braze-webhook.json');
  // Cold: the first call of each side in this process (each side has its own liquidjs copy).
  const coldBase = once(() => {
    const fresh = baselineEngine();
    for (const source of templateStrings(JSON.parse(text))) fresh.parse(plainLiquid(source));
  });
  const cold = once(() => core.lintStatic(core.parseTemplateFile(text), core.allRules, undefined, salesforce));
  const engine = baselineEngine();
  const sources = liquidSources(text);
  const warmFile = core.parseTemplateFile(text);
  core.lintStatic(warmFile, core.allRules, undefined, salesforce);
  const result = await compare({
    liquidjs: () => {
      for (const source of sources) engine.parse(source);
    },
    lint: () => core.lintStatic(core.parseTemplateFile(text), core.allRules, undefined, salesforce),
    model: () => core.parseTemplateFile(text),
    compile: () => core.compileTemplate(core.parseTemplateFile(text)),
    rules: () => core.lintStatic(warmFile, core.allRules, undefined, salesforce),
  });
  const base = { name: 'liquidjs parse of the same strings', stats: result.liquidjs };
  return [
    figure('2', 'Lint: parseTemplateFile + lintStatic, seed template', result.lint, base, [{ kind: 'ratio', max: 3 }, { kind: 'abs', max: 2 }], { unit: 'ms', problems: cold.value.length }),
    figure('2a', '  of which: parseTemplateFile (JSON model, offset maps)', result.model, base, [], { unit: 'ms', info: true }),
    figure('2b', '  of which: + compileTemplate (Braze rewrite + liquidjs parse)', result.compile, base, [], { unit: 'ms', info: true }),
    figure('2c', '  of which: lintStatic rules on a compiled file', result.rules, base, [], { unit: 'ms', info: true }),
    figure('2d', 'Lint: first call in a fresh process (one reading each)', single(cold.ms), { name: 'first liquidjs engine + parse in the process', stats: single(coldBase.ms) }, [], { unit: 'ms', info: true }),
  ];
}

/** A single reading shaped like a statistics object. */
function single(ms) {
  return { median: ms, p25: ms, p75: ms, min: ms, max: ms, samples: 1 };
}

/** Figure 3: N profiles through render + rendered-request rules; flat per-profile time wanted. */
async function matrix() {
  const file = core.parseTemplateFile(example('create-lead.braze-webhook.json'));
  const deps = fixtureDeps();
  const engine = baselineEngine(await savedTokenValue(file, deps));
  const parsed = liquidSources(file.text).map((source) => engine.parse(source));
  const sizes = quick ? [10, 100, 1000] : [10, 100, 1000, 10_000];
  const figures = [];
  let previous;
  for (const n of sizes) {
    const { profiles } = core.parseProfiles(profilesExport(n));
    const scopes = profiles.map((p) => core.toLiquidScope(p));
    let problems = 0;
    const result = await compare(
      {
        liquidjs: async () => {
          for (const scope of scopes) for (const templates of parsed) await engine.render(templates, scope);
        },
        ours: async () => {
          const requests = [];
          for (const profile of profiles) requests.push(await core.renderProfile(file, profile, deps));
          problems = core.lintRendered(file, requests, core.allRules, undefined, salesforce).length;
        },
      },
      { samples: n >= 10_000 ? 5 : 9, budgetMs: n >= 10_000 ? 12_000 : 5000, minSampleMs: n >= 1000 ? 0 : 10 },
    );
    const per = (s) => scale(s, 1 / n);
    const goals = [];
    // The goal is on the plain step (time at N ÷ time at N/10). `stepAdjusted` divides out the
    // liquidjs side (whose cost per profile does not depend on N) to discount load drift between
    // sizes; it is shown beside the step, not judged, since the baseline drifts too.
    if (previous) goals.push({ kind: 'step', max: 12, label: `step ≤ 12× the ${previous.n}-profile time` });
    if (n === 10_000) goals.push({ kind: 'abs', max: 1000, on: 'total' });
    figures.push(
      figure(`3.${n}`, `Matrix: ${n.toLocaleString('en-US')} profiles, render + rendered rules`, result.ours, { name: 'liquidjs render of the same strings, all profiles', stats: result.liquidjs }, goals, {
        unit: 'ms total',
        perProfileMs: per(result.ours).median,
        step: previous ? result.ours.median / previous.stats.median : undefined,
        stepAdjusted: previous ? (n / previous.n) * (result.ours.ratio / previous.stats.ratio) : undefined,
        problems,
      }),
    );
    previous = { n, stats: result.ours };
  }
  if (core.simulateSalesforceAnswer) figures.push(await matrixWithSimulation());
  return figures;
}

/**
 * Figure 3s: the preview matrix with Salesforce's predicted answer per profile (render, rendered
 * rules, simulateSalesforceAnswer) against the same matrix without it, 1 000 profiles.
 */
async function matrixWithSimulation() {
  const file = core.parseTemplateFile(example('create-lead.braze-webhook.json'));
  const deps = fixtureDeps();
  const { profiles } = core.parseProfiles(profilesExport(1000));
  let statuses = new Set();
  const matrixOf = async (simulate) => {
    const requests = [];
    for (const profile of profiles) requests.push(await core.renderProfile(file, profile, deps));
    core.lintRendered(file, requests, core.allRules, undefined, salesforce);
    if (simulate) statuses = new Set(requests.map((r) => core.simulateSalesforceAnswer(r, { salesforce })?.status));
  };
  const result = await compare({ without: () => matrixOf(false), with: () => matrixOf(true) }, { samples: 9, budgetMs: 8000, minSampleMs: 0 });
  return figure('3s', 'Matrix: 1,000 profiles with the simulated Salesforce answer vs without it', result.with, { name: 'the same matrix without the simulation (render + rendered rules)', stats: result.without }, [{ kind: 'ratio', max: 1.2 }], {
    unit: 'ms total',
    statuses: [...statuses],
  });
}

/** Figure 4: lint time against template size, for many body keys and for a long raw body. */
async function templateScale() {
  const engine = baselineEngine();
  const sizes = quick ? [1, 10, 100] : [1, 10, 100, 1000];
  const figures = [];
  for (const shape of ['keys', 'raw']) {
    let previous;
    for (const kb of sizes) {
      const text = templateOfSize(kb * 1000, shape);
      const sources = liquidSources(text);
      const result = await compare(
        {
          liquidjs: () => {
            for (const source of sources) engine.parse(source);
          },
          lint: () => core.lintStatic(core.parseTemplateFile(text), core.allRules, undefined, salesforce),
        },
        { samples: kb >= 1000 ? 5 : 9, budgetMs: kb >= 1000 ? 15_000 : 4000, minSampleMs: kb >= 100 ? 0 : 10 },
      );
      const goals = [];
      if (previous) goals.push({ kind: 'step', max: 12, label: `step ≤ 12× the ${previous.kb} KB time (linear)` });
      if (kb === 1000) goals.push({ kind: 'abs', max: 150 });
      const label = shape === 'keys' ? `${sources.length - 3} body keys` : `raw body, ${text.length.toLocaleString('en-US')} chars`;
      figures.push(
        figure(`4.${shape}.${kb}`, `Template scale: ${kb >= 1000 ? '1 MB' : `${kb} KB`} (${label})`, result.lint, { name: 'liquidjs parse of the same strings', stats: result.liquidjs }, goals, {
          unit: 'ms',
          bytes: Buffer.byteLength(text),
          msPerKB: result.lint.median / (Buffer.byteLength(text) / 1000),
          step: previous ? result.lint.median / previous.stats.median : undefined,
        }),
      );
      previous = { kb, stats: result.lint };
    }
  }
  return figures;
}

/** Figure 5: re-lint after a one-character edit of a 500-line template, as the extension does it. */
async function incremental() {
  const original = templateOfLines(500);
  // Distinct one-character edits in the middle of the file (inside a body value), prepared
  // outside the timed loop; each call lints a text it has not seen in this iteration.
  const line = original.split('\n').findIndex((l, i) => i >= 250 && l.includes('Unknown'));
  const at = original.split('\n').slice(0, line).join('\n').length + original.split('\n')[line].indexOf('Unknown') + 1;
  const edits = [...'abcdefghijklmnop'].map((ch) => original.slice(0, at) + ch + original.slice(at + 1));
  const engine = baselineEngine();
  const sources = liquidSources(original);
  const { profiles } = core.parseProfiles(example('sample-users.braze-profiles.json'));
  const deps = fixtureDeps();
  let i = 0;
  let j = 0;
  const result = await compare({
    liquidjs: () => {
      for (const source of sources) engine.parse(source);
    },
    relint: () => core.lintStatic(core.parseTemplateFile(edits[i++ % edits.length]), core.allRules, undefined, salesforce),
    withRendered: () => core.lintTemplate(core.parseTemplateFile(edits[j++ % edits.length]), { rules: core.allRules, profiles, deps, salesforce }),
  });
  const base = { name: 'liquidjs parse of all its strings', stats: result.liquidjs };
  const lines = original.split('\n').length;
  return [
    figure('5', `Incremental: one-char edit, ${lines}-line template: parseTemplateFile + lintStatic`, result.relint, base, [{ kind: 'abs', max: 50 }], { unit: 'ms' }),
    figure('5b', '  + rendered checks for the 3 sample profiles (lintTemplate, debounced path)', result.withRendered, base, [], { unit: 'ms', info: true }),
  ];
}

const SECTIONS = { render, lint, matrix, 'template-scale': templateScale, incremental };

const run = SECTIONS[section];
if (!run) {
  console.error(`unknown section "${section}"; one of ${Object.keys(SECTIONS).join(', ')}`);
  process.exit(2);
}
const started = performance.now();
const figures = await run();
writeFileSync(outPath, JSON.stringify({ section, ms: performance.now() - started, figures }, null, 2));
