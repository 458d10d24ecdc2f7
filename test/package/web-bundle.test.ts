import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { builtinModules, createRequire } from 'node:module';
import { createHmac } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build, type Metafile } from 'esbuild';
import * as nodeCore from '../../src/core';

/**
 * The `browser` entry (ADR 013), built exactly as esbuild.mjs builds it (same options, from
 * esbuild.mjs itself), into a temporary directory:
 * - the bundle must not require a Node built-in: the web-worker extension host has none, so such
 *   a require fails when the extension activates in vscode.dev, github.dev or Codespaces;
 * - the core built the web way (liquidjs from its browser build) must render and lint exactly as
 *   the Node build does, so a verdict in VS Code for the Web is the verdict of the CLI.
 */
const repo = resolve(__dirname, '../..');
type Core = typeof nodeCore;

async function webBuildOptions(): Promise<Record<string, unknown>> {
  const { webBuildOptions: options } = (await import(join(repo, 'esbuild.mjs'))) as { webBuildOptions: (o: { production: boolean }) => Record<string, unknown> };
  return options({ production: true });
}

/** Module names a `require("…")` / `require('…')` in the bundle asks for. */
function requiredModules(code: string): string[] {
  return [...code.matchAll(/\brequire\(\s*(["'`])([^"'`]+)\1\s*\)/g)].map((m) => m[2]);
}

describe('the browser bundle (package.json "browser", VS Code for the Web)', function () {
  this.timeout(60_000);
  let out: string;
  let code: string;
  let metafile: Metafile;
  let webCore: Core;

  before(async () => {
    out = mkdtempSync(join(tmpdir(), 'bwh-web-'));
    const options = await webBuildOptions();
    const extension = await build({ ...options, absWorkingDir: repo, entryPoints: ['src/vscode/extension-web.ts'], outfile: join(out, 'extension-web.js'), sourcemap: false, metafile: true });
    metafile = extension.metafile;
    code = readFileSync(join(out, 'extension-web.js'), 'utf8');
    // The core alone, built with the same options (unminified), to run it here in Node.
    await build({ ...options, absWorkingDir: repo, entryPoints: ['src/core/index.ts'], outfile: join(out, 'core.cjs'), minify: false, sourcemap: false, external: [] });
    webCore = createRequire(join(out, 'package.json'))(join(out, 'core.cjs')) as Core;
  });

  after(() => rmSync(out, { recursive: true, force: true }));

  it('is one file that requires nothing but vscode from the host (no Node built-in)', () => {
    const builtins = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));
    const required = requiredModules(code);
    const fromNode = required.filter((m) => builtins.has(m) || m.startsWith('node:'));
    assert.deepEqual(fromNode, [], `the browser bundle requires Node built-ins: ${fromNode.join(', ')}`);
    assert.ok(required.includes('vscode'), 'the grep found no require("vscode") at all: is it still looking at the right thing?');
    assert.doesNotMatch(code, /Dynamic require of/, 'esbuild left a dynamic require, which fails in the web host');
    assert.deepEqual(readdirSync(out).filter((f) => f.startsWith('extension-web')), ['extension-web.js'], 'the web entry must be a single file');
  });

  it('the grep catches a Node built-in (checked on a bundle that has one)', async () => {
    const probe = await build({ ...(await webBuildOptions()), stdin: { contents: "import { readFileSync } from 'node:fs'; export const x = readFileSync;", loader: 'ts', resolveDir: repo }, write: false, external: ['vscode', 'node:fs'], platform: 'neutral' });
    assert.deepEqual(requiredModules(probe.outputFiles[0].text), ['node:fs']);
  });

  it('bundles the same liquidjs build as the Node bundles (its CommonJS build, native async)', () => {
    const inputs = Object.keys(metafile.inputs).filter((i) => i.includes('node_modules/liquidjs/')).map((i) => i.replace(/^.*?node_modules\//, 'node_modules/'));
    assert.deepEqual(inputs, ['node_modules/liquidjs/dist/liquid.node.js']);
  });

  it('renders every golden case exactly as expected', async () => {
    const goldens = join(repo, 'test', 'golden');
    const now = () => new Date('2026-03-01T12:00:00Z');
    for (const name of readdirSync(goldens, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort()) {
      const dir = join(goldens, name);
      const file = webCore.parseTemplateFile(readFileSync(join(dir, 'template.braze-webhook.json'), 'utf8'));
      const profiles = webCore.parseProfiles(readFileSync(join(dir, 'profiles.braze-profiles.json'), 'utf8')).profiles;
      const mocksPath = join(dir, 'mocks.braze-mocks.json');
      const mocks = existsSync(mocksPath) ? webCore.parseMocks(readFileSync(mocksPath, 'utf8')).mocks : undefined;
      const deps = {
        resolveConnectedContent: webCore.makeFixtureResolver({ rules: mocks?.rules, scenario: mocks?.scenario as nodeCore.ScenarioName | undefined, now }),
        now,
        readContentBlock: (block: string) => {
          const path = join(dir, 'content_blocks', `${block}.liquid`);
          return existsSync(path) ? readFileSync(path, 'utf8') : undefined;
        },
      };
      const actual = [];
      for (const profile of profiles) actual.push(webCore.toRenderJson(webCore.redactRequest(await webCore.renderProfile(file, profile, deps)), file.lineStarts));
      assert.deepEqual(actual, JSON.parse(readFileSync(join(dir, 'expected-request.json'), 'utf8')), `golden ${name}`);
    }
  });

  it('renders the liquidjs filters whose CommonJS code needs Node (sha256, base64, hmac) as the Node build does', async () => {
    // In the web build, liquidjs's `crypto` is a stand-in (src/web-shims/) and there is no Buffer:
    // the engine must never reach them, or must reach them in both builds the same way.
    const body = {
      sha: "{{ 'héllo ✓' | sha256 }}",
      decoded: "{{ 'aMOpbGxvIOKckw==' | base64_decode }}",
      encoded: "{{ 'héllo ✓' | base64_encode }}",
      hmac: "{{ 'payload' | hmac_sha256: 'clé' }}",
    };
    const text = JSON.stringify({ url: 'https://acme.my.salesforce.com/services/data/v60.0/sobjects/Lead/', request_method: 'POST', request_headers: { 'Content-Type': 'application/json' }, body });
    const render = async (core: Core) => {
      const now = () => new Date('2026-03-01T12:00:00Z');
      const deps = { resolveConnectedContent: core.makeFixtureResolver({ now }), now, readContentBlock: () => undefined };
      return JSON.parse(JSON.stringify(await core.renderProfile(core.parseTemplateFile(text), core.emptyProfile(), deps))) as { body: string; problems: Array<{ message: string }> };
    };
    const fromNode = await render(nodeCore);
    const hmac = createHmac('sha256', 'clé').update('payload', 'utf8').digest('hex');
    assert.match(fromNode.body, new RegExp(`"hmac":"${hmac}"`), 'the Node build is the reference: Braze hmac_sha256');
    assert.deepEqual(await render(webCore), fromNode);
  });

  it('lints the examples with their sample profiles exactly as the Node build does', async () => {
    const examples = join(repo, 'examples');
    const profilesText = readFileSync(join(examples, 'sample-users.braze-profiles.json'), 'utf8');
    const lint = async (core: Core, text: string) => {
      const now = () => new Date('2026-03-01T12:00:00Z');
      const result = await core.lintTemplate(core.parseTemplateFile(text), {
        rules: core.allRules,
        profiles: core.parseProfiles(profilesText).profiles,
        deps: { resolveConnectedContent: core.makeFixtureResolver({ now }), now, readContentBlock: () => undefined },
      });
      return JSON.parse(JSON.stringify(result.problems)) as unknown;
    };
    const templates = readdirSync(examples).filter((f) => f.endsWith('.braze-webhook.json')).sort();
    assert.ok(templates.length >= 4, `only ${templates.length} examples`);
    let compared = 0;
    for (const name of templates) {
      const text = readFileSync(join(examples, name), 'utf8');
      const fromNode = (await lint(nodeCore, text)) as unknown[];
      assert.deepEqual(await lint(webCore, text), fromNode, name);
      compared += fromNode.length;
    }
    assert.ok(compared >= 20, `only ${compared} problems compared: is the lint still running the rules?`);
  });
});
