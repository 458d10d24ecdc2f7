// The route CI uses: code-server's built VS Code serves the workbench on 127.0.0.1, headless
// Debian chromium opens it with the "extension development host" payload, and VS Code's real
// Node extension host requires out/test/index.js and awaits run(). The workbench reports the
// result through window.codeAutomationExit(code) and the extension host's console through
// window.codeAutomationLog(type, args); both are exposed to the page with Playwright.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { format } from 'node:util';
import { adoptGroup, killGroup, spawnGroup } from './process-groups.mjs';
import { sandboxEnv } from './sandbox.mjs';

const require = createRequire(import.meta.url);

export const CHROMIUM_ARGS = [
  '--no-sandbox', // root in CI containers
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-quic',
  '--no-first-run',
  '--no-default-browser-check',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-breakpad',
  '--password-store=basic',
];

/** Keeps the last lines of a noisy stream, shown only when something goes wrong. */
export class Tail {
  constructor(limit = 80) {
    this.limit = limit;
    this.lines = [];
  }
  push(text) {
    for (const line of String(text).split('\n')) {
      if (line.trim() === '') continue;
      this.lines.push(line);
      if (this.lines.length > this.limit) this.lines.shift();
    }
  }
  toString() {
    return this.lines.join('\n');
  }
}

/**
 * Starts code-server on a free 127.0.0.1 port (the OS picks it: --bind-addr 127.0.0.1:0) in its
 * own process group. Resolves once it prints the address it listens on.
 * `extraArgs` (optional) are appended to code-server's command line, e.g. ['--locale', 'es'].
 */
export function startCodeServer({ entry, dirs, verbose, serverLog, extraArgs = [] }) {
  const args = [
    entry,
    '--auth', 'none',
    '--bind-addr', '127.0.0.1:0',
    '--config', join(dirs.root, 'code-server.yaml'),
    '--user-data-dir', dirs.userData,
    '--extensions-dir', dirs.extensions,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--disable-proxy',
    '--ignore-last-opened',
    ...extraArgs,
  ];
  // EXTENSIONS_GALLERY={} leaves VS Code without a marketplace (no open-vsx.org lookups).
  const env = { ...sandboxEnv(dirs), EXTENSIONS_GALLERY: '{}' };
  const child = spawnGroup(process.execPath, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });

  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  const listening = new Promise((resolve, reject) => {
    const onData = (chunk) => {
      const text = chunk.toString();
      serverLog.push(text);
      if (verbose) process.stderr.write(`[code-server] ${text}`);
      const match = /HTTP server listening on http:\/\/127\.0\.0\.1:(\d+)/.exec(text);
      if (match) resolve(Number(match[1]));
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    exited.then(({ code, signal }) =>
      reject(new Error(`code-server exited before listening (code ${code}, signal ${signal})\n${serverLog}`)),
    );
  });
  return { child, exited, listening };
}

export async function launchChromium({ executablePath, dirs }) {
  const { chromium } = require('playwright-core');
  const server = await chromium.launchServer({
    executablePath,
    headless: true,
    args: CHROMIUM_ARGS,
    env: sandboxEnv(dirs, dirs.browserTmp),
    // The runner owns signal handling and cleanup.
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
  });
  // Playwright starts the browser as the leader of its own process group: record it.
  adoptGroup(server.process().pid);
  const browser = await chromium.connect(server.wsEndpoint());
  return { server, browser };
}

/** code-server's entry script (CODE_SERVER_ENTRY or test-host/); throws when it is not installed. */
export function codeServerEntry(root) {
  const entry = process.env.CODE_SERVER_ENTRY ?? join(root, 'test-host/node_modules/code-server/out/node/entry.js');
  if (!existsSync(entry)) {
    throw new Error(`code-server is not installed (${entry} is missing). Run: bash scripts/setup-test-host.sh`);
  }
  return entry;
}

/** The chromium binary (CHROMIUM_PATH or /usr/bin/chromium); throws when it is missing. */
export function chromiumPath() {
  const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(executablePath)) {
    throw new Error(`chromium not found at ${executablePath}. Run: bash scripts/setup-test-host.sh`);
  }
  return executablePath;
}

/**
 * The workbench URL that opens `folder` with the extension-development `payload`
 * (e.g. [['extensionDevelopmentPath', 'vscode-remote://127.0.0.1:PORT/repo']]).
 */
export function workbenchUrl(authority, folder, payload) {
  return `http://${authority}/?folder=${encodeURIComponent(folder)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
}

/**
 * Runs the suite once. Resolves with the workbench's exit code (0 = all tests passed).
 * @param {{ root: string, testsEntry: string, dirs: ReturnType<import('./sandbox.mjs').createSandbox>,
 *           verbose: boolean, onFailureContext: (text: string) => void }} options
 */
export async function runWithCodeServer({ root, testsEntry, dirs, verbose, onFailureContext }) {
  const entry = codeServerEntry(root);
  const executablePath = chromiumPath();

  const serverLog = new Tail();
  const pageLog = new Tail();
  onFailureContext(() => `--- code-server (last lines) ---\n${serverLog}\n--- workbench console (last lines) ---\n${pageLog}`);

  const started = Date.now();
  const since = () => `${((Date.now() - started) / 1000).toFixed(1)} s`;
  const server = startCodeServer({ entry, dirs, verbose, serverLog });
  let chromium;
  try {
    const port = await server.listening;
    console.log(`[vscode-tests] code-server (pid/pgid ${server.child.pid}) listening on 127.0.0.1:${port} after ${since()}`);
    chromium = await launchChromium({ executablePath, dirs });
    console.log(`[vscode-tests] chromium (pgid ${chromium.server.process().pid}) started after ${since()}`);

    const authority = `127.0.0.1:${port}`;
    const remote = (path) => `vscode-remote://${authority}${path}`;
    const payload = [
      ['extensionDevelopmentPath', remote(root)],
      ['extensionTestsPath', remote(testsEntry)],
    ];
    const url = `http://${authority}/?folder=${encodeURIComponent(dirs.workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;

    const page = await chromium.browser.newPage();
    const result = new Promise((resolve, reject) => {
      page.exposeFunction('codeAutomationExit', (code) => resolve(Number(code))).catch(reject);
      page.on('crash', () => reject(new Error('the workbench page crashed')));
      page.on('close', () => reject(new Error('the workbench page closed before the tests reported a result')));
      server.exited.then(({ code, signal }) =>
        reject(new Error(`code-server exited during the run (code ${code}, signal ${signal})`)),
      );
    });
    // The extension host's console (mocha's reporter among it), streamed as it arrives.
    await page.exposeFunction('codeAutomationLog', (type, args) => {
      const line = format(...(Array.isArray(args) ? args : [args]));
      (type === 'error' || type === 'warn' ? process.stderr : process.stdout).write(`${line}\n`);
    });
    page.on('console', (message) => {
      const line = `[workbench ${message.type()}] ${message.text()}`;
      pageLog.push(line);
      if (verbose) console.error(line);
    });
    page.on('pageerror', (error) => pageLog.push(`[workbench pageerror] ${error.message}`));

    await page.goto(url, { waitUntil: 'domcontentloaded' });
    console.log(`[vscode-tests] workbench loading after ${since()}; waiting for the extension host to run the tests`);
    const code = await result;
    console.log(`[vscode-tests] extension host reported exit code ${code} after ${since()}`);
    return code;
  } finally {
    if (chromium) {
      await chromium.browser.close().catch(() => {});
      await chromium.server.close().catch(() => {});
      await killGroup(chromium.server.process().pid);
    }
    await killGroup(server.child.pid);
  }
}
