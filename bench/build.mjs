// Builds what the benchmark runs, into bench/results/bundles/ (git-ignored), never into dist/:
// - extension.js, cli.js: production bundles with esbuild.mjs's settings (--production), for the
//   bundle-size figure and for the CLI timings;
// - cli.dev.js, core.cjs: the same code unminified (names and module comments kept), used for
//   in-process timings of the core and for readable --cpu-prof profiles.
// Keep these options in step with esbuild.mjs (including its liquidjs alias to the CommonJS build
// and, for the extension's bundles, ruleTextsFromPackage: ADR 021).
// - extension-web.js: the `browser` entry, built with esbuild.mjs's own web options (ADR 013).
// - extension-editor.js: hover and completion, loaded on the first one (ADR 020).
// - extension-salesforce.js: Salesforce's predicted answer for the preview (ADR 018).
import * as esbuild from 'esbuild';
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** esbuild.mjs's common options with `--production`. */
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  minify: true,
  sourcemap: false,
  logLevel: 'warning',
  legalComments: 'none',
  mainFields: ['module', 'main'],
};

/** Builds every bundle; returns their paths and the production metafiles (for size breakdowns). */
export async function buildBundles(root, outDir) {
  mkdirSync(outDir, { recursive: true });
  const at = (p) => join(root, p);
  const out = {
    extension: join(outDir, 'extension.js'),
    extensionMain: join(outDir, 'extension-main.js'),
    extensionWeb: join(outDir, 'extension-web.js'),
    extensionEditor: join(outDir, 'extension-editor.js'),
    extensionSalesforce: join(outDir, 'extension-salesforce.js'),
    cli: join(outDir, 'cli.js'),
    cliDev: join(outDir, 'cli.dev.js'),
    core: join(outDir, 'core.cjs'),
  };
  const { webBuildOptions, schemasWithoutAnnotations, withRuleTexts, ENTRY_EXTERNALS } = await import(pathToFileURL(join(root, 'esbuild.mjs')).href);
  const shared = { ...common, alias: { liquidjs: createRequire(join(root, 'package.json')).resolve('liquidjs') }, plugins: [schemasWithoutAnnotations()] };
  // The extension's bundles read the rules' words from dist/rule-texts.json (ADR 021); the CLI bundles them.
  const extensionOptions = withRuleTexts(shared);
  const webOptions = withRuleTexts(webBuildOptions({ production: true }));
  const [extension, , cli, , , web, editor, salesforce] = await Promise.all([
    esbuild.build({ ...extensionOptions, absWorkingDir: root, entryPoints: [at('src/vscode/extension-main.ts')], outfile: out.extensionMain, external: ['vscode'], metafile: true }),
    esbuild.build({ ...shared, absWorkingDir: root, entryPoints: [at('src/vscode/extension.ts')], outfile: out.extension, external: ENTRY_EXTERNALS }),
    esbuild.build({ ...shared, absWorkingDir: root, entryPoints: [at('src/cli/main.ts')], outfile: out.cli, banner: { js: '#!/usr/bin/env node' }, metafile: true }),
    esbuild.build({ ...shared, minify: false, absWorkingDir: root, entryPoints: [at('src/cli/main.ts')], outfile: out.cliDev, banner: { js: '#!/usr/bin/env node' } }),
    esbuild.build({ ...shared, minify: false, absWorkingDir: root, entryPoints: [at('src/core/index.ts')], outfile: out.core }),
    esbuild.build({ ...webOptions, absWorkingDir: root, entryPoints: [at('src/vscode/extension-web.ts')], outfile: out.extensionWeb, metafile: true }),
    esbuild.build({ ...extensionOptions, absWorkingDir: root, entryPoints: [at('src/vscode/editor-features.ts')], outfile: out.extensionEditor, external: ['vscode'], metafile: true }),
    esbuild.build({ ...extensionOptions, absWorkingDir: root, entryPoints: [at('src/vscode/salesforce-feature.ts')], outfile: out.extensionSalesforce, external: ['vscode'], metafile: true }),
  ]);
  return { paths: out, metafiles: { extension: extension.metafile, cli: cli.metafile, web: web.metafile, editor: editor.metafile, salesforce: salesforce.metafile } };
}

/** Output bytes per package (node_modules/<pkg>) or per src/ folder, largest first. */
export function sizeByOrigin(metafile) {
  const totals = new Map();
  for (const output of Object.values(metafile.outputs)) {
    for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) {
      const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(input);
      const key = pkg ? pkg[1] : input.split('/').slice(0, 3).join('/');
      totals.set(key, (totals.get(key) ?? 0) + bytesInOutput);
    }
  }
  return [...totals.entries()].sort((a, b) => b[1] - a[1]).map(([origin, bytes]) => ({ origin, bytes }));
}
