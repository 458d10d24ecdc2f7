// The only bundler script (style.md §3.15): extension and CLI bundles, plus the VS Code test
// suite (test/vscode → out/test) that runs inside the real editor.
import * as esbuild from 'esbuild';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

const production = process.argv.includes('--production');
// `braze-webhook --version` and SARIF's tool.driver.version: the version in package.json.
const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));
const watch = process.argv.includes('--watch');

/** @type {import('esbuild').BuildOptions} */
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  minify: production,
  sourcemap: production ? false : 'linked',
  logLevel: 'warning',
  legalComments: 'none',
  // jsonc-parser's UMD build hides its requires from the bundler; its ESM build bundles cleanly.
  mainFields: ['module', 'main'],
  // liquidjs's module build turns async/await into generator wrappers: async renders run several
  // times slower than from its CommonJS build (docs/performance.md), so bundle the latter.
  alias: { liquidjs: require.resolve('liquidjs') },
};

const builds = [
  // The thin entry VS Code activates, and the extension proper it loads on demand (ADR 006).
  { ...common, entryPoints: ['src/vscode/extension.ts'], outfile: 'dist/extension.js', external: ['vscode', './extension-main.js'] },
  { ...common, entryPoints: ['src/vscode/extension-main.ts'], outfile: 'dist/extension-main.js', external: ['vscode'] },
  { ...common, entryPoints: ['src/cli/main.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' }, define: { __VERSION__: JSON.stringify(version) } },
];

function listTests(dir) {
  try {
    return readdirSync(dir, { recursive: true })
      .map(String)
      .filter((f) => f.endsWith('.ts'))
      .map((f) => join(dir, f));
  } catch {
    return [];
  }
}

const vscodeTests = listTests('test/vscode');
if (!production && vscodeTests.length > 0) {
  builds.push({ ...common, entryPoints: vscodeTests, outdir: 'out/test', outbase: 'test/vscode', external: ['vscode', 'mocha'] });
}

if (watch) {
  const contexts = await Promise.all(builds.map((b) => esbuild.context(b)));
  await Promise.all(contexts.map((c) => c.watch()));
  console.log('[esbuild] watching');
} else {
  await Promise.all(builds.map((b) => esbuild.build(b)));
}
