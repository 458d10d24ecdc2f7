// npm run bench — performance figures, each beside a baseline measured in the same run.
//
//   node bench/run.mjs [--only a,b] [--quick] [--cpu-prof] [--batch N]
//
// Sections: render, lint, matrix, template-scale, incremental (in-process, one fresh Node
// process each, see sections.mjs), cold-start, batch, bundle (whole processes and files).
// Writes bench/results/<timestamp>.json and bench/results/latest.json and prints a table.
// Absolute numbers are printed for the record; goals are reported, never asserted, and the exit
// code is 0 whatever the figures (non-zero only when the bench itself breaks).
// --cpu-prof: every measured process also writes a V8 CPU profile to bench/results/profiles/<ts>/
// (summarise one with `node bench/profile-summary.mjs FILE`); timings taken with profiling on are
// slower and are marked as such.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, openSync, closeSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, devNull, freemem, loadavg, tmpdir, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { buildBundles, sizeByOrigin } from './build.mjs';
import { writeBatch } from './fixtures.mjs';
import { withPairedRatios } from './stats.mjs';

const ROOT = dirname(dirname(fileURLToPath(import.meta.url)));
const BENCH = join(ROOT, 'bench');
const RESULTS = join(BENCH, 'results');
const IN_PROCESS = ['render', 'lint', 'matrix', 'template-scale', 'incremental'];
const ALL = [...IN_PROCESS, 'cold-start', 'batch', 'bundle'];

const USAGE = `usage: node bench/run.mjs [--only ${ALL.join(',')}] [--quick] [--cpu-prof] [--batch N]`;

function parseArgs(argv) {
  const opts = { only: ALL, quick: false, cpuProf: false, batch: undefined };
  const value = (i) => {
    if (argv[i] === undefined || argv[i].startsWith('--')) throw new Error(`${argv[i - 1]} needs a value; ${USAGE}`);
    return argv[i];
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--quick') opts.quick = true;
    else if (arg === '--cpu-prof') opts.cpuProf = true;
    else if (arg === '--only') opts.only = value(++i).split(',');
    else if (arg === '--batch') opts.batch = Number(value(++i));
    else throw new Error(`unknown argument ${arg}; ${USAGE}`);
  }
  for (const name of opts.only) if (!ALL.includes(name)) throw new Error(`unknown section "${name}"; one of ${ALL.join(', ')}`);
  if (opts.batch !== undefined && !(Number.isInteger(opts.batch) && opts.batch > 0)) throw new Error(`--batch takes a whole number > 0; ${USAGE}`);
  opts.batch ??= opts.quick ? 1000 : 10_000;
  return opts;
}

let opts;
try {
  opts = parseArgs(process.argv.slice(2));
} catch (error) {
  process.stderr.write(`[bench] ${error.message}\n`);
  process.exit(2);
}
const stamp = new Date().toISOString().replace(/[:.]/g, '-');
const profileDir = join(RESULTS, 'profiles', stamp);
const log = (text) => process.stderr.write(`[bench] ${text}\n`);

/** Node flags for a measured child process. */
function nodeFlags(label) {
  return opts.cpuProf ? ['--cpu-prof', '--cpu-prof-dir', profileDir, '--cpu-prof-name', `${label}.${Date.now()}.cpuprofile`] : [];
}

function gitInfo() {
  const git = (...args) => spawnSync('git', args, { cwd: ROOT, encoding: 'utf8' }).stdout?.trim();
  return { commit: git('rev-parse', 'HEAD') || null, dirtyFiles: (git('status', '--porcelain') || '').split('\n').filter(Boolean).length };
}

// ---------------------------------------------------------------------------------------------
// Whole-process timings

/** Wall time of one child process in ms; throws when it fails unexpectedly. */
function timeProcess({ args, cwd, okCodes = [0] }, label) {
  const out = openSync(devNull, 'w');
  try {
    const start = performance.now();
    const child = spawnSync(process.execPath, [...nodeFlags(label), ...args], { cwd, stdio: ['ignore', out, 'pipe'], encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    const ms = performance.now() - start;
    if (child.error) throw child.error;
    if (!okCodes.includes(child.status)) throw new Error(`${label}: exit ${child.status}\n${child.stderr}`);
    return ms;
  } finally {
    closeSync(out);
  }
}

/** Times several commands alternately: `warmup` untimed runs each, then `samples` timed. */
function compareProcesses(commands, { warmup, samples }) {
  const names = Object.keys(commands);
  for (let w = 0; w < warmup; w++) for (const name of names) timeProcess(commands[name], name);
  const times = Object.fromEntries(names.map((n) => [n, []]));
  for (let s = 0; s < samples; s++) {
    for (const name of s % 2 === 0 ? names : [...names].reverse()) times[name].push(timeProcess(commands[name], name));
  }
  return withPairedRatios(names, times);
}

function coldStart(bundles) {
  const seed = join(ROOT, 'examples', 'seed-create-lead.braze-webhook.json');
  const cli = opts.cpuProf ? bundles.cliDev : bundles.cli;
  // The CLI runs outside the repository so no braze-webhook.config.json is picked up.
  const cwd = mkdtempSync(join(tmpdir(), 'braze-bench-cold-'));
  try {
    const r = compareProcesses(
      {
        liquidjs: { args: ['-e', "require('liquidjs')"], cwd: ROOT },
        cli: { args: [cli, 'lint', seed], cwd, okCodes: [0, 1] },
        load: { args: ['-e', `require(${JSON.stringify(cli)})`], cwd },
        node: { args: ['-e', '0'], cwd },
      },
      { warmup: 2, samples: opts.quick ? 7 : 15 },
    );
    const base = { name: "node -e \"require('liquidjs')\"", stats: r.liquidjs };
    const fig = (id, name, stats, extra = {}) => ({ id, name, ours: stats, baseline: base, ratio: stats.ratio, goals: [], unit: 'ms', ...extra });
    return [
      fig('6', 'CLI cold start: braze-webhook lint <seed> (production cli.js)', r.cli, { info: true }),
      fig('6a', '  of which: loading cli.js only (no lint)', r.load, { info: true }),
      fig('6b', '  for reference: node -e 0', r.node, { info: true }),
    ];
  } finally {
    rmSync(cwd, { recursive: true, force: true });
  }
}

function batch(bundles) {
  const count = opts.batch;
  const dir = mkdtempSync(join(tmpdir(), 'braze-bench-batch-'));
  try {
    const genStart = performance.now();
    writeBatch(ROOT, dir, count);
    log(`batch: wrote ${count} templates in ${(performance.now() - genStart).toFixed(0)} ms`);
    const cli = opts.cpuProf ? bundles.cliDev : bundles.cli;
    const commands = {
      baseline: { args: [join(BENCH, 'batch-baseline.mjs'), dir], cwd: dir },
      cli: { args: [cli, 'lint', dir], cwd: dir, okCodes: [0, 1] },
    };
    // One untimed run each fills the page cache; then as many alternating samples as fit.
    const first = { cli: timeProcess(commands.cli, 'cli'), baseline: timeProcess(commands.baseline, 'baseline') };
    const samples = first.cli < 15_000 ? 3 : 1;
    const r = compareProcesses(commands, { warmup: 0, samples });
    const cores = availableParallelism();
    return [
      {
        id: '7',
        name: `Batch: braze-webhook lint <dir> of ${count.toLocaleString('en-US')} templates (one process, no parallel mode)`,
        ours: r.cli,
        baseline: { name: 'one process: read + JSON.parse + liquidjs parse of every string', stats: r.baseline },
        ratio: r.cli.ratio,
        goals: count === 10_000 ? [{ kind: 'abs', max: 30_000 }] : [{ kind: 'abs', max: (30_000 * count) / 10_000, label: `≤ ${((30 * count) / 10_000).toFixed(1)} s (30 s per 10 000, scaled)` }],
        unit: 'ms total',
        perFileMs: r.cli.median / count,
        cores,
        parallelMode: false,
      },
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function bundle(bundles, metafiles) {
  const size = (path) => statSync(path).size;
  const gz = (path) => gzipSync(readFileSync(path), { level: 9 }).length;
  const liquidMin = join(ROOT, 'node_modules', 'liquidjs', 'dist', 'liquid.browser.min.js');
  const base = existsSync(liquidMin) ? { name: 'liquidjs own minified bundle (liquid.browser.min.js)', stats: reading(size(liquidMin)) } : undefined;
  const ext = size(bundles.extensionMain);
  const entry = size(bundles.extension);
  const cli = size(bundles.cli);
  const web = size(bundles.extensionWeb);
  const editor = size(bundles.extensionEditor);
  const salesforce = size(bundles.extensionSalesforce);
  const figures = [
    {
      id: '8',
      name: 'Bundle: dist/extension-main.js, production (minified; loaded when a template is opened)',
      ours: reading(ext),
      baseline: base,
      ratio: base ? ext / base.stats.median : undefined,
      // KB read as KiB, as esbuild and vsce print sizes; the JSON keeps exact bytes.
      goals: [{ kind: 'bytes', max: 350 * 1024, label: '≤ 350 KiB (358 400 B)' }],
      unit: 'bytes',
      gzipBytes: gz(bundles.extensionMain),
      byOrigin: sizeByOrigin(metafiles.extension).slice(0, 12),
    },
    { id: '8c', name: 'Bundle: dist/extension.js, the thin entry VS Code activates', ours: reading(entry), baseline: base, ratio: base ? entry / base.stats.median : undefined, goals: [], unit: 'bytes', info: true, gzipBytes: gz(bundles.extension) },
    {
      id: '8w',
      name: 'Bundle: dist/extension-web.js, the browser entry (VS Code for the Web: the whole extension in one file)',
      ours: reading(web),
      baseline: base,
      ratio: base ? web / base.stats.median : undefined,
      goals: [{ kind: 'bytes', max: 400 * 1024, label: '≤ 400 KiB (409 600 B)' }],
      unit: 'bytes',
      gzipBytes: gz(bundles.extensionWeb),
      byOrigin: sizeByOrigin(metafiles.web).slice(0, 12),
    },
    {
      id: '8g',
      name: 'Bundle: dist/extension-editor.js, hover and completion (Node host; loaded on the first one, ADR 020)',
      ours: reading(editor),
      goals: [],
      unit: 'bytes',
      info: true,
      gzipBytes: gz(bundles.extensionEditor),
      byOrigin: sizeByOrigin(metafiles.editor).slice(0, 12),
    },
    {
      id: '8s',
      name: "Bundle: dist/extension-salesforce.js, Salesforce's predicted answer (Node host; loaded on the first preview, ADR 018)",
      ours: reading(salesforce),
      goals: [],
      unit: 'bytes',
      info: true,
      gzipBytes: gz(bundles.extensionSalesforce),
      byOrigin: sizeByOrigin(metafiles.salesforce).slice(0, 12),
    },
    { id: '8a', name: 'Bundle: dist/cli.js, production (minified)', ours: reading(cli), baseline: base, ratio: base ? cli / base.stats.median : undefined, goals: [], unit: 'bytes', info: true, gzipBytes: gz(bundles.cli), byOrigin: sizeByOrigin(metafiles.cli).slice(0, 12) },
  ];
  const activationPath = join(ROOT, 'out', 'bench', 'activation.json');
  if (existsSync(activationPath)) {
    const activation = JSON.parse(readFileSync(activationPath, 'utf8'));
    const when = statSync(activationPath).mtime.toISOString();
    figures.push({ id: '8b', name: `Activation in VS Code ${activation.vscode}: activate() (from out/bench/activation.json, ${when})`, ours: reading(activation.activationMs), goals: [{ kind: 'abs', max: 20 }], unit: 'ms', activation });
    if (activation.loadMs !== undefined) figures.push({ id: '8d', name: 'Loading the extension proper on the first template (activateMain)', ours: reading(activation.loadMs), goals: [], unit: 'ms', info: true });
  } else {
    figures.push({ id: '8b', name: 'Activation: run npm run test:vscode first (no out/bench/activation.json)', ours: undefined, goals: [], unit: 'ms', info: true });
  }
  // Written by npm run test:web from inside the web-worker extension host (development build).
  const webActivationPath = join(ROOT, 'out', 'bench', 'activation-web.json');
  if (existsSync(webActivationPath)) {
    const activation = JSON.parse(readFileSync(webActivationPath, 'utf8'));
    const when = statSync(webActivationPath).mtime.toISOString();
    const of = `VS Code for the Web ${activation.vscode}, from out/bench/activation-web.json, ${when}`;
    figures.push({ id: '8e', name: `Web activation: evaluating the one bundle + activate() (${of})`, ours: reading(activation.evaluateMs + activation.activationMs), goals: [], unit: 'ms', info: true, activation });
    figures.push({ id: '8f', name: 'Web: starting the extension proper on the first template (activateMain)', ours: reading(activation.loadMs), goals: [], unit: 'ms', info: true });
  } else {
    figures.push({ id: '8e', name: 'Web activation: run npm run test:web first (no out/bench/activation-web.json)', ours: undefined, goals: [], unit: 'ms', info: true });
  }
  return figures;
}

/** One reading (a size, or a time read from a file) shaped like a statistics object. */
function reading(value) {
  return { median: value, p25: value, p75: value, min: value, max: value, samples: 1 };
}

// ---------------------------------------------------------------------------------------------
// Goals and the table

function evaluate(fig) {
  const checks = fig.goals.map((goal) => {
    const value = goal.kind === 'ratio' ? fig.ratio : goal.kind === 'step' ? fig[goal.field ?? 'step'] : fig.ours?.median;
    const met = value !== undefined && !Number.isNaN(value) && value <= goal.max;
    return { ...goal, value, met };
  });
  const status = checks.length === 0 ? 'info' : checks.every((c) => c.met) ? 'met' : 'MISSED';
  return { ...fig, goalChecks: checks, status };
}

function fmtMs(ms) {
  if (ms === undefined || Number.isNaN(ms)) return '—';
  if (ms >= 1000) return `${(ms / 1000).toFixed(2)} s`;
  if (ms >= 100) return `${ms.toFixed(0)} ms`;
  if (ms >= 10) return `${ms.toFixed(1)} ms`;
  if (ms >= 1) return `${ms.toFixed(2)} ms`;
  return `${(ms * 1000).toFixed(1)} µs`;
}

function fmtValue(fig, stats) {
  if (!stats) return '—';
  if (fig.unit === 'bytes') return `${(stats.median / 1024).toFixed(1)} KiB`;
  return fmtMs(stats.median);
}

function fmtGoal(fig, goal) {
  if (goal.label) return goal.label;
  switch (goal.kind) {
    case 'ratio':
      return `≤ ${goal.max}×`;
    case 'step':
      return `step ≤ ${goal.max}×`;
    case 'bytes':
      return `≤ ${goal.max / 1024} KiB`;
    default:
      return `≤ ${fmtMs(goal.max)}`;
  }
}

function table(figures) {
  const rows = [['#', 'figure', 'ours (median)', 'IQR', 'baseline (median)', 'ratio', 'goal', 'status']];
  for (const fig of figures) {
    const iqr = fig.ours && fig.ours.samples > 1 && fig.unit !== 'bytes' ? `${fmtMs(fig.ours.p25)}–${fmtMs(fig.ours.p75)}` : '';
    let extra = '';
    if (fig.perProfileMs !== undefined) extra = ` (${fmtMs(fig.perProfileMs)}/profile${fig.step ? `, step ${fig.step.toFixed(1)}×, load-adjusted ${fig.stepAdjusted.toFixed(1)}×` : ''})`;
    if (fig.msPerKB !== undefined) extra = ` (${fmtMs(fig.msPerKB)}/KB${fig.step ? `, step ${fig.step.toFixed(1)}×` : ''})`;
    if (fig.perFileMs !== undefined) extra = ` (${fmtMs(fig.perFileMs)}/file, ${fig.cores} cores)`;
    if (fig.gzipBytes !== undefined) extra = ` (${fig.ours.median.toLocaleString('en-US')} B, gzip ${(fig.gzipBytes / 1024).toFixed(1)} KiB)`;
    rows.push([
      fig.id,
      fig.name + extra,
      fmtValue(fig, fig.ours),
      iqr,
      fig.baseline ? fmtValue(fig, fig.baseline.stats) : '—',
      fig.ratio !== undefined && !Number.isNaN(fig.ratio) ? `${fig.ratio.toFixed(2)}×` : '—',
      fig.goalChecks.map((g) => fmtGoal(fig, g)).join(', ') || '—',
      fig.status === 'MISSED' ? `MISSED (${fig.goalChecks.filter((g) => !g.met).map((g) => fmtGoal(fig, g)).join(', ')})` : fig.status,
    ]);
  }
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => [...r[c]].length)));
  const line = (r) => r.map((cell, c) => cell + ' '.repeat(widths[c] - [...cell].length)).join(' | ');
  return [line(rows[0]), widths.map((w) => '-'.repeat(w)).join('-|-'), ...rows.slice(1).map(line)].join('\n');
}

// ---------------------------------------------------------------------------------------------

async function main() {
  const started = performance.now();
  mkdirSync(RESULTS, { recursive: true });
  if (opts.cpuProf) mkdirSync(profileDir, { recursive: true });
  const meta = {
    date: new Date().toISOString(),
    node: process.version,
    v8: process.versions.v8,
    platform: `${process.platform} ${process.arch}`,
    cpu: cpus()[0]?.model ?? 'unknown',
    cores: availableParallelism(),
    memoryGB: +(totalmem() / 2 ** 30).toFixed(1),
    freeMemoryGB: +(freemem() / 2 ** 30).toFixed(1),
    loadAvgStart: loadavg().map((l) => +l.toFixed(2)),
    git: gitInfo(),
    options: { ...opts },
    cpuProfiles: opts.cpuProf ? profileDir : undefined,
  };
  log(`building bundles into ${join('bench', 'results', 'bundles')}`);
  const buildStart = performance.now();
  const { paths, metafiles } = await buildBundles(ROOT, join(RESULTS, 'bundles'));
  meta.buildMs = Math.round(performance.now() - buildStart);

  const config = join(RESULTS, `.config-${process.pid}.json`);
  writeFileSync(config, JSON.stringify({ root: ROOT, coreBundle: paths.core, quick: opts.quick }));
  const figures = [];
  const sectionMs = {};
  try {
    for (const section of opts.only.filter((s) => IN_PROCESS.includes(s))) {
      log(`${section}…`);
      const t = performance.now();
      const out = join(RESULTS, `.${section}-${process.pid}.json`);
      const child = spawnSync(process.execPath, [...nodeFlags(section), join(BENCH, 'sections.mjs'), section, config, out], { stdio: ['ignore', 'inherit', 'inherit'] });
      if (child.status !== 0) throw new Error(`section ${section} failed (exit ${child.status ?? child.signal})`);
      figures.push(...JSON.parse(readFileSync(out, 'utf8')).figures);
      rmSync(out, { force: true });
      sectionMs[section] = Math.round(performance.now() - t);
    }
  } finally {
    rmSync(config, { force: true });
  }
  const timed = (section, fn) => {
    if (!opts.only.includes(section)) return;
    log(`${section}…`);
    const t = performance.now();
    figures.push(...fn());
    sectionMs[section] = Math.round(performance.now() - t);
  };
  timed('cold-start', () => coldStart(paths));
  timed('batch', () => batch(paths));
  timed('bundle', () => bundle(paths, metafiles));

  meta.loadAvgEnd = loadavg().map((l) => +l.toFixed(2));
  meta.sectionMs = sectionMs;
  meta.totalMs = Math.round(performance.now() - started);
  const evaluated = figures.map(evaluate);
  const results = { meta, figures: evaluated };
  const json = `${JSON.stringify(results, null, 2)}\n`;
  writeFileSync(join(RESULTS, `${stamp}.json`), json);
  writeFileSync(join(RESULTS, 'latest.json'), json);

  const header = `braze-webhooks bench — ${meta.date} — Node ${meta.node} — ${meta.cpu} × ${meta.cores} — load ${meta.loadAvgStart.join(' ')} → ${meta.loadAvgEnd.join(' ')}${opts.cpuProf ? ' — WITH --cpu-prof (timings inflated)' : ''}${opts.quick ? ' — QUICK' : ''}`;
  process.stdout.write(`\n${header}\n\n${table(evaluated)}\n\n`);
  const missed = evaluated.filter((f) => f.status === 'MISSED');
  process.stdout.write(`${evaluated.filter((f) => f.status === 'met').length} goals met, ${missed.length} missed. Times are medians of repeated samples after warm-up; a ratio is the median, over sampling rounds, of ours ÷ baseline timed back to back in the same process (sizes: ÷ liquidjs's own bundle). Goals are reported, never asserted.\n`);
  process.stdout.write(`Results: ${join('bench', 'results', `${stamp}.json`)} (and latest.json); total ${(meta.totalMs / 1000).toFixed(0)} s.\n`);
  if (opts.cpuProf) process.stdout.write(`CPU profiles: ${profileDir} — summarise with: node bench/profile-summary.mjs <file.cpuprofile>\n`);
}

main().catch((error) => {
  process.stderr.write(`[bench] failed: ${error.stack ?? error}\n`);
  process.exitCode = 1;
});
