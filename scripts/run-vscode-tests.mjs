#!/usr/bin/env node
// npm run test:vscode - runs out/test/index.js (compiled from test/vscode) inside a real VS Code.
//
// Default route (CI): code-server's built VS Code + headless Debian chromium; see docs/testing.md
// and scripts/setup-test-host.sh. With VSCODE_EXECUTABLE=/path/to/code (a desktop VS Code), or
// VSCODE_TEST_ROUTE=electron, the same entry runs under @vscode/test-electron instead.
//
// Environment:
//   VSCODE_EXECUTABLE             desktop VS Code binary -> @vscode/test-electron route
//   VSCODE_TEST_ROUTE             "code-server" (default) or "electron"
//   VSCODE_TEST_TIMEOUT_SECONDS   overall guard, default 300
//   VSCODE_TEST_VERBOSE=1         also stream code-server's log and the workbench console
//   VSCODE_TEST_KEEP_SANDBOX=1    keep the temporary HOME/user-data/workspace for inspection
//   CODE_SERVER_ENTRY, CHROMIUM_PATH  override test-host/.../entry.js and /usr/bin/chromium
//
// Exit code: 0 when every test passed, 1 otherwise (failures, timeout, crash), 128+n on signal n.
// Every process started here leads its own process group and is killed by that group id on
// every path out (normal end, error, timeout, SIGINT/SIGTERM/SIGHUP, process exit).
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { constants } from 'node:os';
import { runWithCodeServer } from './vscode-harness/code-server-route.mjs';
import { runWithTestElectron } from './vscode-harness/test-electron-route.mjs';
import { killAllGroups, killGroupsOnExit } from './vscode-harness/process-groups.mjs';
import { runSuiteAndExit, withTimeout } from './vscode-harness/run-suite.mjs';
import { createSandbox, makeCleanup } from './vscode-harness/sandbox.mjs';

const ROOT = dirname(dirname(fileURLToPath(import.meta.url)));
const TESTS_ENTRY = join(ROOT, 'out', 'test', 'index');
const WORKSPACE_FIXTURE = join(ROOT, 'test', 'vscode-workspace');
const TIMEOUT_SECONDS = Number(process.env.VSCODE_TEST_TIMEOUT_SECONDS ?? 300);
const VERBOSE = process.env.VSCODE_TEST_VERBOSE === '1' || process.argv.includes('--verbose');
const KEEP_SANDBOX = process.env.VSCODE_TEST_KEEP_SANDBOX === '1';
const ROUTE = process.env.VSCODE_EXECUTABLE ? 'electron' : (process.env.VSCODE_TEST_ROUTE ?? 'code-server');

const log = (message) => console.log(`[vscode-tests] ${message}`);
const fail = (message) => console.error(`[vscode-tests] ERROR: ${message}`);

let sandbox;
let failureContext = () => '';

const cleanup = makeCleanup({ getSandbox: () => sandbox, keep: KEEP_SANDBOX, log, killAllGroups });

killGroupsOnExit((signal) => {
  fail(`received ${signal}; stopping VS Code and chromium`);
  cleanup().finally(() => process.exit(128 + constants.signals[signal]));
});

async function main() {
  for (const file of [`${TESTS_ENTRY}.js`, join(ROOT, 'dist', 'extension.js')]) {
    if (!existsSync(file)) throw new Error(`${file} is missing: run \`npm run build\` first.`);
  }
  sandbox = createSandbox(WORKSPACE_FIXTURE);
  log(`route: ${ROUTE}; sandbox ${sandbox.root}; timeout ${TIMEOUT_SECONDS} s`);
  const options = {
    root: ROOT,
    testsEntry: TESTS_ENTRY,
    dirs: sandbox,
    verbose: VERBOSE,
    onFailureContext: (fn) => (failureContext = fn),
  };
  if (ROUTE === 'electron') return withTimeout(runWithTestElectron(options), TIMEOUT_SECONDS, 'the VS Code suite');
  if (ROUTE === 'code-server') return withTimeout(runWithCodeServer(options), TIMEOUT_SECONDS, 'the VS Code suite');
  throw new Error(`unknown VSCODE_TEST_ROUTE ${ROUTE} (use code-server or electron)`);
}

await runSuiteAndExit({ main, cleanup, log, fail, verbose: VERBOSE, failureContext: () => failureContext() });
