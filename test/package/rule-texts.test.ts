import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build, type BuildOptions, type Metafile } from 'esbuild';
import * as nodeCore from '../../src/core';

/**
 * The rules' words as the extension ships them (ADR 021): every rule folder's texts.json goes into
 * dist/rule-texts.json, and the extension's bundles read them from there instead of carrying them.
 * Built here with esbuild.mjs's own options and plugin, into a temporary directory.
 */
const repo = resolve(__dirname, '../..');
type Core = typeof nodeCore;
type RuleTextsTable = Record<string, { description: string; messages: Record<string, string> }>;

interface BuildScript {
  webBuildOptions: (o: { production: boolean }) => BuildOptions;
  withRuleTexts: (options: BuildOptions) => BuildOptions;
  collectRuleTexts: (root?: string) => RuleTextsTable;
}

const script = (): Promise<BuildScript> => import(join(repo, 'esbuild.mjs')) as Promise<BuildScript>;

const TEMPLATE = readFileSync(join(repo, 'examples', 'seed-create-lead.braze-webhook.json'), 'utf8');

describe("the rules' words, shipped as data (dist/rule-texts.json, ADR 021)", function () {
  this.timeout(60_000);
  let out: string;
  let table: RuleTextsTable;
  let webMetafile: Metafile;
  let shippedCore: Core;

  before(async () => {
    const { webBuildOptions, withRuleTexts, collectRuleTexts } = await script();
    table = collectRuleTexts();
    out = mkdtempSync(join(tmpdir(), 'bwh-texts-'));
    const withTexts = { ...withRuleTexts(webBuildOptions({ production: true })), absWorkingDir: repo, sourcemap: false as const };
    webMetafile = (await build({ ...withTexts, entryPoints: ['src/vscode/extension-web.ts'], outfile: join(out, 'extension-web.js'), metafile: true })).metafile;
    // The core as the extension's bundles have it, run here in Node.
    await build({ ...withTexts, entryPoints: ['src/core/index.ts'], outfile: join(out, 'core.cjs'), minify: false, external: [] });
    shippedCore = createRequire(join(out, 'package.json'))(join(out, 'core.cjs')) as Core;
  });

  after(() => rmSync(out, { recursive: true, force: true }));

  it('collects every rule folder that has a texts.json, each with a description and messages', () => {
    const withTexts = nodeCore.allRules.map((r) => r.meta.id).filter((id) => id !== 'render-missing-attribute');
    assert.deepEqual(Object.keys(table), withTexts);
    for (const rule of nodeCore.allRules.filter((r) => r.meta.id in table)) {
      assert.equal(table[rule.meta.id].description, rule.meta.texts.description);
      assert.deepEqual(table[rule.meta.id].messages, { ...rule.meta.texts.messages });
    }
  });

  it('leaves the words out of the extension bundle: each texts.json is a lookup of a few bytes there', () => {
    const texts = Object.entries(webMetafile.inputs).filter(([path]) => /rules\/[^/]+\/texts\.json$/.test(path));
    assert.equal(texts.length, Object.keys(table).length);
    const output = Object.values(webMetafile.outputs)[0];
    for (const [path] of texts) assert.ok((output.inputs[path]?.bytesInOutput ?? 0) < 120, `${path} is in the web bundle whole`);
    const words = Object.values(table).reduce((n, t) => n + JSON.stringify(t).length, 0);
    assert.ok(words > 30_000, `the words weigh ${words} B: is the table the right one?`);
  });

  it('lints with the same words as the CLI once the table is installed, and not before', async () => {
    const lint = (core: Core) => core.lintStatic(core.parseTemplateFile(TEMPLATE), core.allRules).map((p) => `${p.ruleId}: ${p.message}`);
    assert.throws(() => lint(shippedCore), /were used before dist\/rule-texts\.json was read/);
    shippedCore.setShippedRuleTexts(table);
    const expected = lint(nodeCore);
    assert.ok(expected.length > 5, 'the seed template should have findings');
    assert.deepEqual(lint(shippedCore), expected);
  });

  it('with a broken or missing file, each message names its rule and says the words are missing', () => {
    shippedCore.setShippedRuleTexts('not a table');
    const problems = shippedCore.lintStatic(shippedCore.parseTemplateFile(TEMPLATE), shippedCore.allRules);
    const fromTextsJson = problems.filter((p) => p.ruleId in table);
    assert.ok(fromTextsJson.length > 0);
    for (const p of fromTextsJson) assert.match(p.message, new RegExp(`^${p.ruleId} \\(\\w+\\): this rule's words are missing from the installed extension`));
    shippedCore.setShippedRuleTexts(table);
  });
});
