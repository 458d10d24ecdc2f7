import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  type Dependencies,
  ENGINE_LIMITS,
  lintTemplate,
  makeFixtureResolver,
  parseProfiles,
  parseTemplateFile,
  type Problem,
  renderLiquidText,
  renderRequest,
  type RuleDefinition,
} from '../../src/core';
import { describeRun, runCli } from './helpers/cli';
import { checkProblem, FIXED_NOW } from './helpers/pipeline';
import { everyRule } from './helpers/rules';
import { createWorkspace, removeWorkspace } from './helpers/workspace';

/**
 * Hostile Liquid: each case must stop inside the engine's limits (ENGINE_LIMITS) with a clear
 * render-error problem. No wall-clock assertion here (a loaded CI machine is not a hang): a real
 * hang — an unbounded loop or a quadratic blow-up — is caught by mocha's per-test timeout below,
 * and the measured time is printed for every case so a slowdown is visible next to `npm run bench`.
 */

const LEAD_URL = 'https://acme.my.salesforce.com/services/data/v60.0/sobjects/Lead/';
const TEN_MB = 10 * 1024 * 1024;

/** A render-error message that tells a person the render was stopped by a limit. */
const LIMIT_MESSAGE = /limit/i;

function templateWithBody(body: string | Record<string, string>): string {
  return JSON.stringify({ url: LEAD_URL, request_method: 'POST', request_headers: { 'Content-Type': 'application/json' }, body }, null, 2);
}

function deps(blocks: Record<string, string> = {}): Dependencies {
  return { resolveConnectedContent: makeFixtureResolver({ now: () => FIXED_NOW }), readContentBlock: (name) => blocks[name], now: () => FIXED_NOW };
}

interface Timed<T> {
  value: T;
  ms: number;
}

async function timed<T>(label: string, run: () => Promise<T>): Promise<Timed<T>> {
  const started = performance.now();
  const value = await run();
  const ms = Math.round(performance.now() - started);
  console.log(`      ${label}: ${ms} ms`);
  return { value, ms };
}

/** Parses and renders a template for one profile scope; returns the problems and the time. */
async function renderHostile(label: string, template: string, scope: Record<string, unknown> = {}, blocks?: Record<string, string>) {
  return timed(label, async () => {
    const file = parseTemplateFile(template);
    const request = await renderRequest(file, { scope }, deps(blocks));
    return { file, request };
  });
}

function assertStoppedWithRenderError(problems: Problem[], length: number, message: RegExp): void {
  const errors = problems.filter((p) => p.ruleId === 'render-error' && p.severity === 'error');
  assert.ok(errors.length > 0, `expected a render-error problem, got: ${JSON.stringify(problems.map((p) => `${p.ruleId}: ${p.message}`))}`);
  for (const p of errors) {
    checkProblem(p, length, 'render');
    assert.match(p.message, message);
  }
}

describe('robustness: hostile Liquid stops within the engine limits', function () {
  this.timeout(60_000);

  it('has the documented limits', () => {
    // docs/security.md quotes these numbers; change both together.
    assert.deepEqual({ ...ENGINE_LIMITS }, { parseLimit: 20_000_000, renderLimit: 250, memoryLimit: 20_000_000 });
  });

  describe('loops', () => {
    it('{% for %} over (1..100000000) hits the memory limit', async () => {
      const { value } = await renderHostile('for over (1..100000000)', templateWithBody('{% for i in (1..100000000) %}{{i}}{% endfor %}'));
      assertStoppedWithRenderError(value.request.problems, value.file.text.length, LIMIT_MESSAGE);
    });

    it('{% for %} over (1..10000000), under the memory limit, hits the time limit', async () => {
      const { value } = await renderHostile('for over (1..10000000)', templateWithBody('{% for i in (1..10000000) %}{{i}}{% endfor %}'));
      assertStoppedWithRenderError(value.request.problems, value.file.text.length, LIMIT_MESSAGE);
    });

    it('{% tablerow %} over (1..10000000) hits a limit', async () => {
      const { value } = await renderHostile('tablerow over (1..10000000)', templateWithBody('{% tablerow i in (1..10000000) %}{{i}}{% endtablerow %}'));
      assertStoppedWithRenderError(value.request.problems, value.file.text.length, LIMIT_MESSAGE);
    });

    it('nested loops (10^10 iterations) hit the time limit', async () => {
      const { value } = await renderHostile('nested loops', templateWithBody('{% for i in (1..100000) %}{% for j in (1..100000) %}{{j}}{% endfor %}{% endfor %}'));
      assertStoppedWithRenderError(value.request.problems, value.file.text.length, LIMIT_MESSAGE);
    });

    it('a capture growing inside three nested loops hits a limit', async () => {
      const { value } = await renderHostile('capture in 3 nested loops', templateWithBody('{% capture c %}{% for i in (1..1000) %}{% for j in (1..1000) %}{% for k in (1..1000) %}xxxxxxxxxx{% endfor %}{% endfor %}{% endfor %}{% endcapture %}{{ c | size }}'));
      assertStoppedWithRenderError(value.request.problems, value.file.text.length, LIMIT_MESSAGE);
    });
  });

  describe('10 MB strings', () => {
    const tenMegabytes = 'x'.repeat(TEN_MB);

    it('a 10 MB profile value printed in a loop hits a limit', async () => {
      const { value } = await renderHostile('10 MB value x 1000', templateWithBody('{% for i in (1..1000) %}{{${first_name}}}{% endfor %}'), { first_name: tenMegabytes });
      assertStoppedWithRenderError(value.request.problems, value.file.text.length, LIMIT_MESSAGE);
    });

    it('a 10 MB profile value appended to itself hits the memory limit', async () => {
      const { value } = await renderHostile('10 MB value appended', templateWithBody('{% assign s = ${first_name} | append: ${first_name} | append: ${first_name} %}{{ s }}'), { first_name: tenMegabytes });
      assertStoppedWithRenderError(value.request.problems, value.file.text.length, LIMIT_MESSAGE);
    });

    it('a string doubled 30 times (1 GB) hits the memory limit', async () => {
      const { value } = await renderHostile('string doubled 30 times', templateWithBody('{% assign s = "x" %}{% for i in (1..30) %}{% assign s = s | append: s %}{% endfor %}{{ s }}'));
      assertStoppedWithRenderError(value.request.problems, value.file.text.length, LIMIT_MESSAGE);
    });

    it('a 10 MB string literal in the template is refused or rendered quickly', async () => {
      const { value } = await renderHostile('10 MB literal in the template', templateWithBody(`{{ "${tenMegabytes}" | size }}`));
      for (const p of value.request.problems) checkProblem(p, value.file.text.length, 'render');
    });
  });

  describe('deep nesting', () => {
    it('{% if %} nested 10 000 deep gives a render-error, not a stack overflow', async () => {
      const depth = 10_000;
      const body = `${'{% if true %}'.repeat(depth)}x${'{% endif %}'.repeat(depth)}`;
      const { value } = await renderHostile(`if nested ${depth} deep`, templateWithBody(body));
      assertStoppedWithRenderError(value.request.problems, value.file.text.length, /nest|deep|stack|limit/i);
    });

    it('{% for %} nested 40 deep hits the time limit', async () => {
      const body = `${'{% for i in (1..2) %}'.repeat(40)}x${'{% endfor %}'.repeat(40)}`;
      const { value } = await renderHostile('for nested 40 deep', templateWithBody(body));
      assertStoppedWithRenderError(value.request.problems, value.file.text.length, LIMIT_MESSAGE);
    });
  });

  describe('content blocks', () => {
    it('recursive content blocks (a → b → a, self → self) stop at Braze\'s nesting depth', async () => {
      const blocks = { a: 'A{{content_blocks.${b}}}', b: 'B{{content_blocks.${a}}}', self: 'S{{content_blocks.${self}}}' };
      const { value } = await renderHostile('recursive content blocks', templateWithBody({ ab: '{{content_blocks.${a}}}', self: '{{content_blocks.${self}}}' }), {}, blocks);
      for (const p of value.request.problems) checkProblem(p, value.file.text.length, 'render');
      // Braze renders nested blocks one level deep; deeper ones vanish.
      assert.deepEqual(JSON.parse(value.request.body ?? 'null'), { ab: 'AB', self: 'SS' });
    });

    it('content blocks fanning out (1000 x 1000 references) hit the time limit', async () => {
      const blocks = { wide: '{{content_blocks.${leaf}}}'.repeat(1000), leaf: '{% for i in (1..1000) %}x{% endfor %}' };
      const { value } = await renderHostile('content blocks fan-out', templateWithBody('{{content_blocks.${wide}}}'.repeat(1000)), {}, blocks);
      assertStoppedWithRenderError(value.request.problems, value.file.text.length, LIMIT_MESSAGE);
    });
  });

  describe('through lint and the CLI', () => {
    let rules: RuleDefinition[];
    let dir: string;
    before(async () => {
      rules = await everyRule();
      dir = createWorkspace('hostile');
    });
    after(() => removeWorkspace(dir));

    it('lint (every rule) of a hostile template for 10 profiles stops at the same limits', async () => {
      // The limits apply per field and per profile; lint and the preview render every profile.
      const template = templateWithBody({ a: '{% for i in (1..100000) %}{% for j in (1..100000) %}x{% endfor %}{% endfor %}', b: '{% for i in (1..10000000) %}{% endfor %}' });
      const profiles = parseProfiles(JSON.stringify(Array.from({ length: 10 }, (_, i) => ({ external_id: `u${i}` })))).profiles;
      const { value } = await timed('lint, 2 hostile fields x 10 profiles', () => lintTemplate(parseTemplateFile(template), { rules, profiles, deps: deps() }));
      assertStoppedWithRenderError(value.problems, template.length, LIMIT_MESSAGE);
    });

    it('`render` exits 1 with the render-error and its line and column', () => {
      const path = join(dir, 'loop.braze-webhook.json');
      writeFileSync(path, templateWithBody('{% for i in (1..100000000) %}{{i}}{% endfor %}'));
      const run = runCli(['render', path], { timeoutMs: 15_000 });
      console.log(`      CLI render (1..100000000): ${run.ms} ms`);
      assert.equal(run.code, 1, describeRun(run));
      assert.match(run.stdout, /^# error render-error \(line 7, column 12\): Render stopped: the memory limit was hit/m);
    });

    it('`liquid` exits 1 with file:line:column for nested loops', () => {
      const path = join(dir, 'loops.liquid');
      writeFileSync(path, 'first line\n{% for i in (1..100000) %}{% for j in (1..100000) %}{{j}}{% endfor %}{% endfor %}');
      const run = runCli(['liquid', '--template-file', path], { timeoutMs: 15_000 });
      console.log(`      CLI liquid (nested loops): ${run.ms} ms`);
      assert.equal(run.code, 1, describeRun(run));
      assert.match(run.stderr, /loops\.liquid:2:\d+: .*limit/);
      assert.equal(run.stdout, '');
    });
  });

  it('a render that hit a limit leaves the shared engine usable', async () => {
    await renderHostile('hostile render first', templateWithBody('{% for i in (1..100000) %}{% for j in (1..100000) %}{% endfor %}{% endfor %}'));
    const result = await renderLiquidText('{{ "ok" | upcase }}', {}, deps());
    assert.deepEqual(result, { output: 'OK' });
  });
});
