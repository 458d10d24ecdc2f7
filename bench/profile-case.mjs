// Runs ONE benchmark case in a loop, for a CPU profile that shows only that case:
//   node --cpu-prof --cpu-prof-dir bench/results/profiles bench/profile-case.mjs CASE [ARG] [--seconds S] [--bundle core.cjs]
//   node bench/profile-summary.mjs bench/results/profiles/<newest>.cpuprofile
// CASE: render | lint-seed | matrix N | template-size keys|raw KB | incremental | cold-lint
// Uses the unminified core bundle (bench/results/bundles/core.cjs), building it when missing, or
// the core bundle given with --bundle (to profile a candidate change built elsewhere).
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { buildBundles } from './build.mjs';
import { profilesExport, templateOfLines, templateOfSize } from './fixtures.mjs';

const ROOT = dirname(dirname(fileURLToPath(import.meta.url)));
const args = process.argv.slice(2);
const seconds = args.includes('--seconds') ? Number(args[args.indexOf('--seconds') + 1]) : 5;
const [name, ...rest] = args.filter((a, i) => !a.startsWith('--') && args[i - 1] !== '--seconds' && args[i - 1] !== '--bundle');
const bundle = args.includes('--bundle') ? args[args.indexOf('--bundle') + 1] : join(ROOT, 'bench', 'results', 'bundles', 'core.cjs');
if (!existsSync(bundle)) await buildBundles(ROOT, dirname(bundle));
const core = createRequire(import.meta.url)(bundle);
const example = (file) => readFileSync(join(ROOT, 'examples', file), 'utf8');
const now = new Date('2025-01-15T12:00:00Z');
const deps = { resolveConnectedContent: core.makeFixtureResolver({ now: () => now }), now: () => now };
/** The Salesforce model the adapters inject (ADR 008). */
const salesforce = core.loadSalesforceSchema?.({ builtIn: [JSON.parse(readFileSync(join(ROOT, 'data', 'salesforce', 'lead.json'), 'utf8'))] }).schema;

function makeCase() {
  switch (name) {
    case 'render': {
      const file = core.parseTemplateFile(example('create-lead.braze-webhook.json'));
      const targets = core.parseProfiles(example('sample-users.braze-profiles.json')).profiles.map((p) => ({ scope: core.toLiquidScope(p), ref: p.ref }));
      return async () => {
        for (const target of targets) await core.renderRequest(file, target, deps);
      };
    }
    case 'lint-seed': {
      const text = example('seed-create-lead.braze-webhook.json');
      return () => core.lintStatic(core.parseTemplateFile(text), core.allRules, undefined, salesforce);
    }
    case 'matrix': {
      const file = core.parseTemplateFile(example('create-lead.braze-webhook.json'));
      const { profiles } = core.parseProfiles(profilesExport(Number(rest[0] ?? 1000)));
      return async () => {
        const requests = [];
        for (const profile of profiles) requests.push(await core.renderProfile(file, profile, deps));
        core.lintRendered(file, requests, core.allRules, undefined, salesforce);
      };
    }
    case 'template-size': {
      const text = templateOfSize(Number(rest[1] ?? 100) * 1000, rest[0] ?? 'keys');
      return () => core.lintStatic(core.parseTemplateFile(text), core.allRules, undefined, salesforce);
    }
    case 'incremental': {
      const original = templateOfLines(500);
      const at = original.indexOf('Unknown', original.length >> 1) + 1;
      let i = 0;
      return () => core.lintStatic(core.parseTemplateFile(original.slice(0, at) + 'abcdefgh'[i++ % 8] + original.slice(at + 1)), core.allRules, undefined, salesforce);
    }
    case 'cold-lint':
      // The first lint of a process: module-level initialisation (ajv schema compile, engine).
      return undefined;
    default:
      throw new Error('CASE: render | lint-seed | matrix N | template-size keys|raw KB | incremental | cold-lint');
  }
}

const run = makeCase();
if (!run) {
  const start = performance.now();
  core.lintStatic(core.parseTemplateFile(example('seed-create-lead.braze-webhook.json')), core.allRules, undefined, salesforce);
  console.log(`cold lint: ${(performance.now() - start).toFixed(1)} ms`);
} else {
  let calls = 0;
  const start = performance.now();
  while (performance.now() - start < seconds * 1000) {
    const pending = run();
    if (pending) await pending;
    calls++;
  }
  console.log(`${name} ${rest.join(' ')}: ${calls} calls, ${((performance.now() - start) / calls).toFixed(3)} ms/call`);
}
