// The only bundler script (style.md §3.15): extension and CLI bundles, plus the VS Code test
// suites that run inside the real editor: test/vscode → out/test (Node extension host) and
// test/web → out/test-web/index.js (web-worker extension host, one file).
import * as esbuild from 'esbuild';
import { existsSync, mkdirSync, readFileSync, readdirSync, realpathSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve, sep } from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

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
  plugins: [schemasWithoutAnnotations()],
};

/**
 * The web-worker extension host (VS Code for the Web) loads one file and offers no `require` but
 * `vscode`, no Node built-ins and no `process` (ADR 013). Everything is the same source as in the
 * Node bundles, liquidjs included: its CommonJS build (native async/await; its browser build is
 * down-levelled and renders about 10× slower), whose few Node imports are served by the stand-ins
 * in src/web-shims/ (see liquidjsNodeBuiltins). Exported for the bench (bundle size) and
 * test/package/web-bundle.test.ts (the core built this way must render and lint as the Node one).
 * @returns {import('esbuild').BuildOptions}
 */
export function webBuildOptions({ production = false } = {}) {
  return {
    bundle: true,
    platform: 'browser',
    target: 'es2022',
    format: 'cjs',
    minify: production,
    sourcemap: production ? false : 'linked',
    logLevel: 'warning',
    legalComments: 'none',
    mainFields: ['browser', 'module', 'main'],
    alias: { liquidjs: require.resolve('liquidjs') },
    plugins: [liquidjsNodeBuiltins(), schemasWithoutAnnotations()],
    external: ['vscode'],
  };
}

/**
 * Inside liquidjs's CommonJS build only, `stream`, `path`, `fs` and `crypto` resolve to the
 * stand-ins in src/web-shims/: liquidjs needs them only for what our engine never does (file
 * loading, Node streams, two filters Braze replaces or refuses). Its `Buffer` uses sit in those
 * filters too. Anything else asking for a Node built-in still fails the web build, loudly.
 */
function liquidjsNodeBuiltins() {
  const shims = fileURLToPath(new URL('./src/web-shims/', import.meta.url));
  const liquidjsMain = require.resolve('liquidjs');
  const inLiquidjs = (path) => realpathSync(path) === realpathSync(liquidjsMain);
  return {
    name: 'liquidjs-node-builtins',
    setup(build) {
      build.onResolve({ filter: /^(stream|path|fs|crypto)$/ }, (args) =>
        inLiquidjs(args.importer) ? { path: join(shims, `node-${args.path}.ts`) } : undefined,
      );
    },
  };
}
/**
 * The core reads schemas/braze-webhook*.schema.json as data (src/core/schema/json-schema.ts, ADR
 * 020). The bundles get them without the keywords that only annotate (titles, descriptions, editor
 * snippets): no check reads those, and VS Code reads them from the shipped files themselves.
 * Exported for bench/build.mjs, which builds the same bundles.
 */
export function schemasWithoutAnnotations() {
  const annotations = new Set(['title', 'description', 'default', 'examples', '$comment', 'markdownDescription', 'defaultSnippets', 'enumDescriptions', 'markdownEnumDescriptions', 'patternErrorMessage', 'deprecationMessage', 'errorMessage', 'allowTrailingCommas', 'allowComments']);
  // Keywords whose value is data (enum values, property names), not subschemas.
  const dataKeywords = new Set(['enum', 'const', 'required', 'type']);
  const strip = (schema) => {
    if (Array.isArray(schema)) return schema.map(strip);
    if (schema === null || typeof schema !== 'object') return schema;
    const out = {};
    for (const [key, value] of Object.entries(schema)) {
      if (annotations.has(key)) continue;
      if (dataKeywords.has(key)) out[key] = value;
      else if (key === 'properties') out[key] = Object.fromEntries(Object.entries(value).map(([name, sub]) => [name, strip(sub)]));
      else out[key] = strip(value);
    }
    return out;
  };
  return {
    name: 'schemas-without-annotations',
    setup(build) {
      build.onLoad({ filter: /[\\/]schemas[\\/][^\\/]+\.schema\.json$/ }, (args) => ({ contents: JSON.stringify(strip(JSON.parse(readFileSync(args.path, 'utf8')))), loader: 'json' }));
    },
  };
}
/**
 * The rules' words (ADR 021): every src/core/rules/<id>/texts.json, keyed by rule id, in one file
 * of the package. The extension's bundles read it at run time instead of carrying it (about 40 KB
 * of each bundle's size budget); the CLI and the tests import the JSON files as they are.
 */
export function collectRuleTexts(root = fileURLToPath(new URL('.', import.meta.url))) {
  const rulesDir = join(root, 'src', 'core', 'rules');
  const table = {};
  for (const id of readdirSync(rulesDir).sort()) {
    const file = join(rulesDir, id, 'texts.json');
    if (existsSync(file)) table[id] = JSON.parse(readFileSync(file, 'utf8'));
  }
  return table;
}

/** Writes dist/rule-texts.json (minified: it is read, not edited). */
export function writeRuleTexts(outFile, root) {
  mkdirSync(dirname(outFile), { recursive: true });
  writeFileSync(outFile, JSON.stringify(collectRuleTexts(root)));
}

/**
 * In the extension's bundles, a rule folder's texts.json is a view of dist/rule-texts.json that
 * src/core/rules/shipped-texts.ts fills when the extension has read it (before the first lint).
 */
export function ruleTextsFromPackage({ writeTo } = {}) {
  const view = fileURLToPath(new URL('./src/core/rules/shipped-texts.ts', import.meta.url));
  return {
    name: 'rule-texts-from-package',
    setup(build) {
      // On every (re)build, so `--watch` keeps the file in step with the texts.json files.
      if (writeTo) build.onStart(() => writeRuleTexts(writeTo));
      build.onLoad({ filter: /[\\/]src[\\/]core[\\/]rules[\\/][^\\/]+[\\/]texts\.json$/ }, (args) => ({
        contents: `import { shippedRuleTexts } from ${JSON.stringify(view)};\nexport default shippedRuleTexts(${JSON.stringify(basename(dirname(args.path)))});\n`,
        loader: 'ts',
        resolveDir: dirname(args.path),
        // The contents do not come from the file, so esbuild would not watch it by itself.
        watchFiles: [args.path],
      }));
    },
  };
}

/** What the thin Node entry loads at run time rather than bundles; bench/build.mjs builds it the same way. */
export const ENTRY_EXTERNALS = ['vscode', './extension-main.js', './extension-first-run.js', './extension-send.js', './extension-editor.js', './extension-salesforce.js'];

/** `options` for one of the extension's bundles (Node or web): the rules' words come from dist/rule-texts.json. */
export function withRuleTexts(options, pluginOptions) {
  return { ...options, plugins: [...(options.plugins ?? []), ruleTextsFromPackage(pluginOptions)] };
}

const web = webBuildOptions({ production });
const extension = withRuleTexts(common);

const builds = [
  // The thin entry VS Code activates, and the extension proper it loads on demand (ADR 006).
  { ...common, entryPoints: ['src/vscode/extension.ts'], outfile: 'dist/extension.js', external: ENTRY_EXTERNALS },
  // It imports every rule, so it also writes dist/rule-texts.json (again whenever a texts.json changes under --watch).
  { ...withRuleTexts(common, { writeTo: 'dist/rule-texts.json' }), entryPoints: ['src/vscode/extension-main.ts'], outfile: 'dist/extension-main.js', external: ['vscode'] },
  // The rarely used commands (New Template, New Sample Users, Show Rule Documentation), loaded
  // when one runs (ADR 015).
  { ...extension, entryPoints: ['src/vscode/first-run.ts'], outfile: 'dist/extension-first-run.js', external: ['vscode'] },
  // Hover and completion, loaded on the first one (ADR 020): no liquidjs, no rules.
  { ...extension, entryPoints: ['src/vscode/editor-features.ts'], outfile: 'dist/extension-editor.js', external: ['vscode'] },
  // The test-send commands, Node host only (ADR 017): loaded the first time one runs.
  { ...extension, entryPoints: ['src/vscode/send/index.ts'], outfile: 'dist/extension-send.js', external: ['vscode'] },
  // Salesforce's predicted answer for the preview, and Explain Salesforce Error…: loaded when first needed (ADR 018).
  { ...extension, entryPoints: ['src/vscode/salesforce-feature.ts'], outfile: 'dist/extension-salesforce.js', external: ['vscode'] },
  { ...common, entryPoints: ['src/cli/main.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' }, define: { __VERSION__: JSON.stringify(version) } },
  // The `browser` entry of package.json: the whole extension in one file (ADR 013).
  // The banner times the bundle's evaluation (extension-web.ts reports it as evaluateMs).
  { ...withRuleTexts(web), entryPoints: ['src/vscode/extension-web.ts'], outfile: 'dist/extension-web.js', banner: { js: '"use strict";\nvar BRAZE_WEB_BUNDLE_START = performance.now();' } },
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

// The web suite is one file too: the entry imports every test/web/**/*.test.ts through the
// virtual module below. `assert` (the npm package, the browser build of node:assert) comes from
// test-host-web/, which scripts/setup-test-host.sh installs; without it the suite is not built.
const webTests = listTests('test/web').filter((f) => f.endsWith('.test.ts')).sort();
if (!production && webTests.length > 0 && existsSync('test-host-web/node_modules/assert')) {
  builds.push({
    ...web,
    entryPoints: ['test/web/index.ts'],
    outfile: 'out/test-web/index.js',
    nodePaths: ['test-host-web/node_modules'],
    // npm's assert and util read these; the web host has no `process` (the suite checks that), so
    // they become constants instead of a global shim.
    define: { 'process.env.NODE_DEBUG': 'false', 'process.stderr': 'undefined', 'process.emitWarning': 'undefined' },
    plugins: [...web.plugins, allWebTests(webTests)],
  });
}

/** `import 'web-tests:all'` → requires every web test file, in a stable order, after mocha.setup. */
function allWebTests(files) {
  return {
    name: 'web-tests',
    setup(build) {
      build.onResolve({ filter: /^web-tests:all$/ }, () => ({ path: 'all', namespace: 'web-tests' }));
      build.onLoad({ filter: /.*/, namespace: 'web-tests' }, () => ({
        contents: files.map((f) => `require(${JSON.stringify('./' + f.split(sep).join('/'))});`).join('\n'),
        resolveDir: process.cwd(),
        loader: 'js',
      }));
    },
  };
}

const runAsScript = process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (runAsScript && watch) {
  const contexts = await Promise.all(builds.map((b) => esbuild.context(b)));
  await Promise.all(contexts.map((c) => c.watch()));
  console.log('[esbuild] watching');
} else if (runAsScript) {
  await Promise.all(builds.map((b) => esbuild.build(b)));
}
