#!/usr/bin/env node
// npm run editor - try the extension by hand in a real VS Code (code-server's, from test-host/),
// without installing anything: builds dist/, starts code-server on 127.0.0.1 with a throw-away
// HOME, user-data and extensions dir (the same sandbox and seeded settings as the test harness),
// and prints a URL that opens examples/ with this working tree loaded as the extension under
// development (the harness's payload mechanism, minus the tests path). Runs until Ctrl-C, then
// kills code-server's process group and removes the sandbox.
//
// The folder opened is a scratch copy inside the sandbox (examples/ by default), so whatever you
// do there - Fix All, save, rename - never changes the repository's tracked files.
//
// Options:
//   --folder <dir>   folder to copy and open (default: examples/)
//   --in-place       open --folder itself instead of a copy (your edits change it)
//   --port <n>       fixed port (default: a free one; also EDITOR_PORT)
//   --verbose        stream code-server's log (also VSCODE_TEST_VERBOSE=1)
//   --no-build       skip `node esbuild.mjs`
// Tip: run `npm run watch` in a second terminal and use "Developer: Reload Window" after edits.
// Not reachable from another machine: code-server listens on 127.0.0.1 only (use an SSH tunnel).
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { codeServerEntry, startCodeServer, Tail, workbenchUrl } from './vscode-harness/code-server-route.mjs';
import { killAllGroups, killGroupsOnExit, liveGroups } from './vscode-harness/process-groups.mjs';
import { createExamplesSandbox, createSandbox, removeSandbox } from './vscode-harness/sandbox.mjs';

const ROOT = dirname(dirname(fileURLToPath(import.meta.url)));
const log = (message) => console.log(`[editor] ${message}`);
const fail = (message) => console.error(`[editor] ERROR: ${message}`);

const { values: options } = parseArgs({
  options: {
    folder: { type: 'string', default: join(ROOT, 'examples') },
    'in-place': { type: 'boolean', default: false },
    port: { type: 'string', default: process.env.EDITOR_PORT },
    verbose: { type: 'boolean', default: process.env.VSCODE_TEST_VERBOSE === '1' },
    'no-build': { type: 'boolean', default: false },
  },
});
const folder = resolve(options.folder);

let sandbox;
let stopping;
function stop(exitCode) {
  stopping ??= (async () => {
    await killAllGroups();
    removeSandbox(sandbox);
    const left = liveGroups();
    if (left.length > 0) fail(`process groups still alive: ${left.join(', ')}`);
    process.exit(left.length > 0 ? 1 : exitCode);
  })();
  return stopping;
}
killGroupsOnExit((signal) => {
  log(`${signal}: stopping code-server`);
  void stop(0); // a requested stop is a normal end
});

function run(command, args, what) {
  const r = spawnSync(command, args, { cwd: ROOT, stdio: 'inherit' });
  if (r.status !== 0) throw new Error(`${what} failed (exit ${r.status ?? r.signal})`);
}

function ensureHost() {
  try {
    return codeServerEntry(ROOT);
  } catch {
    log('test-host/ has no code-server yet: running scripts/setup-test-host.sh (about a minute, once per machine)');
    run('bash', [join(ROOT, 'scripts', 'setup-test-host.sh')], 'scripts/setup-test-host.sh');
    return codeServerEntry(ROOT);
  }
}

try {
  if (!existsSync(folder) || !statSync(folder).isDirectory()) throw new Error(`${folder} is not a folder`);
  if (options.port !== undefined && !/^\d+$/.test(options.port)) throw new Error(`--port wants a number, got ${options.port}`);
  const entry = ensureHost();
  if (!options['no-build']) {
    log('building dist/ (node esbuild.mjs)');
    run(process.execPath, ['esbuild.mjs'], 'the build');
  }
  sandbox = options['in-place'] ? createSandbox(null) : createExamplesSandbox(ROOT, folder);
  const opened = options['in-place'] ? folder : sandbox.workspace;
  const serverLog = new Tail();
  const extraArgs = options.port ? ['--bind-addr', `127.0.0.1:${options.port}`] : [];
  const server = startCodeServer({ entry, dirs: sandbox, verbose: options.verbose, serverLog, extraArgs });
  server.exited.then(({ code, signal }) => {
    if (stopping) return;
    fail(`code-server exited (code ${code}, signal ${signal})\n${serverLog}`);
    void stop(1);
  });
  const port = await server.listening;
  const authority = `127.0.0.1:${port}`;
  const url = workbenchUrl(authority, opened, [['extensionDevelopmentPath', `vscode-remote://${authority}${ROOT}`]]);
  log(`code-server ${authority} (pid/pgid ${server.child.pid}); sandbox ${sandbox.root}`);
  log(options['in-place'] ? `folder ${folder} (in place: edits change it)` : `folder: a scratch copy of ${folder} at ${opened} (removed on exit)`);
  log(`extension under development ${ROOT}`);
  console.log(`\nOpen in a browser:\n\n  ${url}\n`);
  log('Ctrl-C to stop. After `npm run watch` rebuilds, run "Developer: Reload Window".');
} catch (err) {
  fail(err instanceof Error ? err.message : String(err));
  await stop(1);
}
