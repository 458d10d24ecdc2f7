import assert from 'node:assert/strict';
import fc from 'fast-check';
import { lintTemplate, makeFixtureResolver, parseConfig, parseMocks, parseProfiles, parseTemplateFile, type RuleDefinition } from '../../src/core';
import {
  applyMutation,
  configValue,
  liquidText,
  mocksValue,
  mutations,
  profilesValue,
  scenario,
  seedProfiles,
  seedTemplates,
  serialization,
  serialize,
  templateObject,
} from './helpers/arbitraries';
import { checkProblem, runPipeline } from './helpers/pipeline';
import { everyRule } from './helpers/rules';
import { BUILT_IN_SALESFORCE } from '../helpers/salesforce';

/**
 * Property tests: generated and mutated templates, profiles and fixtures go through
 * parse → lint (every rule) → render → redact → every output format → preview model → fixes.
 * Invariant: nothing throws, and every problem has a rule id, a severity, a message and a range
 * inside its file.
 *
 * FUZZ_RUNS is the total number of cases, split across the properties below (default 10 000).
 * FUZZ_SEED fixes the seed (default below); on failure fast-check prints the seed and the path
 * of the shrunk counterexample: rerun with FUZZ_SEED=<seed> to reproduce.
 */
const TOTAL_RUNS = Number(process.env.FUZZ_RUNS ?? 10_000);
const SEED = Number(process.env.FUZZ_SEED ?? 20_260_301);

/** Share of the total for each property; they add up to 1. */
const SHARES = { generated: 0.35, mutated: 0.3, profiles: 0.2, mocks: 0.08, config: 0.07 } as const;

function runsFor(share: keyof typeof SHARES): number {
  return Math.max(1, Math.round(TOTAL_RUNS * SHARES[share]));
}

/** Generous per-property timeout: a hang still fails, a slow machine does not. */
function timeoutFor(runs: number): number {
  return 60_000 + runs * 30;
}

const SELF_BLOCK = '{{content_blocks.${self}}}';

describe('robustness: property tests (fuzz)', function () {
  let rules: RuleDefinition[];
  const templates = seedTemplates();
  const profileFiles = seedProfiles();
  let cases = 0;
  let started = 0;

  before(async function () {
    this.timeout(60_000);
    rules = await everyRule();
    started = performance.now();
  });

  after(() => {
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.log(`      fuzz: ${cases} cases in ${seconds} s (FUZZ_RUNS=${TOTAL_RUNS}, seed ${SEED}, ${rules?.length ?? 0} rules)`);
  });

  it('generated templates (random members, wrong types, Liquid fragments, BOM, CRLF) never crash', async function () {
    const numRuns = runsFor('generated');
    this.timeout(timeoutFor(numRuns));
    await fc.assert(
      fc.asyncProperty(templateObject, serialization, fc.option(scenario, { nil: undefined }), fc.record({ a: liquidText, b: liquidText }), async (value, how, chosen, blocks) => {
        cases++;
        await runPipeline({ template: serialize(value, how), scenario: chosen, blocks: { ...blocks, self: SELF_BLOCK } }, rules);
      }),
      { numRuns, seed: SEED },
    );
  });

  it('mutated real templates (truncated, spliced, invalid escapes, lone surrogates) never crash', async function () {
    const numRuns = runsFor('mutated');
    this.timeout(timeoutFor(numRuns));
    await fc.assert(
      fc.asyncProperty(fc.nat({ max: templates.length - 1 }), mutations, fc.boolean(), fc.boolean(), async (index, edits, crlf, bom) => {
        cases++;
        let text = templates[index].text;
        if (crlf) text = text.replace(/\r?\n/g, '\r\n');
        for (const edit of edits) text = applyMutation(text, edit);
        await runPipeline({ template: bom ? `\ufeff${text}` : text, blocks: { lead_note: '{{${first_name}}}', self: SELF_BLOCK } }, rules);
      }),
      { numRuns, seed: SEED + 1 },
    );
  });

  it('profiles with random types, deep nesting, huge arrays and mutations render without crashing', async function () {
    const numRuns = runsFor('profiles');
    this.timeout(timeoutFor(numRuns));
    const fromValue = fc.tuple(profilesValue, serialization).map(([value, how]) => serialize(value, how));
    const fromSeed = fc.tuple(fc.nat({ max: profileFiles.length - 1 }), mutations).map(([i, edits]) => edits.reduce(applyMutation, profileFiles[i]));
    await fc.assert(
      fc.asyncProperty(fc.oneof(fromValue, fromSeed), fc.nat({ max: templates.length - 1 }), async (profiles, index) => {
        cases++;
        await runPipeline({ template: templates[index].text, profiles, blocks: { lead_note: '{{${first_name}}}' } }, rules);
      }),
      { numRuns, seed: SEED + 2 },
    );
  });

  it('connected_content fixture files with random shapes never crash', async function () {
    const numRuns = runsFor('mocks');
    this.timeout(timeoutFor(numRuns));
    const mocksText = fc.oneof(
      fc.tuple(mocksValue, serialization).map(([value, how]) => serialize(value, how)),
      fc.tuple(mocksValue, mutations).map(([value, edits]) => edits.reduce(applyMutation, JSON.stringify(value) ?? '')),
    );
    await fc.assert(
      fc.asyncProperty(mocksText, fc.nat({ max: templates.length - 1 }), async (mocks, index) => {
        cases++;
        await runPipeline({ template: templates[index].text, mocks, profiles: profileFiles[0] }, rules);
      }),
      { numRuns, seed: SEED + 3 },
    );
  });

  it('config files with random severities, options and shapes never crash', async function () {
    const numRuns = runsFor('config');
    this.timeout(timeoutFor(numRuns));
    const ids = rules.map((r) => r.meta.id);
    const configText = fc.oneof(
      fc.tuple(configValue(ids), serialization).map(([value, how]) => serialize(value, how)),
      fc.tuple(configValue(ids), mutations).map(([value, edits]) => edits.reduce(applyMutation, JSON.stringify(value) ?? '')),
    );
    await fc.assert(
      fc.asyncProperty(configText, fc.nat({ max: templates.length - 1 }), async (config, index) => {
        cases++;
        await runPipeline({ template: templates[index].text, config, profiles: profileFiles[0] }, rules);
      }),
      { numRuns, seed: SEED + 4 },
    );
  });

  describe('minimal repros of what fuzzing found', () => {
    const truncated = ['{', '[', '{"url": "https://x', '{"url": "https://x",', '{"a": {', '"'];

    it('a JSON syntax error at the very end of a template has a range inside the file', async () => {
      for (const text of truncated) {
        const file = parseTemplateFile(text);
        const { problems } = await lintTemplate(file, { rules, deps: { resolveConnectedContent: makeFixtureResolver({}) }, salesforce: BUILT_IN_SALESFORCE });
        assert.ok(problems.some((p) => p.ruleId === 'json-syntax'), text);
        for (const p of problems) checkProblem(p, file.text.length, `lint ${JSON.stringify(text)}`);
      }
    });

    it('a JSON syntax error at the very end of a profiles, fixtures or config file has a range inside the file', () => {
      for (const text of truncated) {
        for (const p of parseProfiles(text).problems) checkProblem(p, text.length, `profiles ${JSON.stringify(text)}`);
        for (const p of parseMocks(text).problems) checkProblem(p, text.length, `mocks ${JSON.stringify(text)}`);
        for (const p of parseConfig(text).problems) checkProblem({ ...p, ruleId: 'config', severity: 'error' }, text.length, `config ${JSON.stringify(text)}`);
      }
    });

    it('parseConfig does not throw on a well-formed config', () => {
      for (const text of ['{}', '{"rules": {"placeholder": "warning"}}', '{"rules": {"placeholder": ["error", {}]}}', '{"rules": {"placeholder": 5}}']) {
        assert.doesNotThrow(() => parseConfig(text, rules.map((r) => r.meta.id)), text);
      }
    });
  });
});
