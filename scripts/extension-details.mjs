#!/usr/bin/env node
// npm run screenshot:details - the packaged extension as a user meets it: builds the .vsix
// (npm run package) unless --no-package, installs it into a clean code-server (its own throw-away
// HOME, user data and extensions dir; `code-server --install-extension`), opens the extension's
// details page and checks that its icon and every README image loaded, then saves
// docs/images/extension-details.png. Exit 0 when everything held, 1 otherwise.
//
// Options: --no-package (use out/braze-webhooks.vsix as it is), --verbose.
/* global document */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromiumPath, codeServerEntry, launchChromium, startCodeServer, Tail, workbenchUrl } from './vscode-harness/code-server-route.mjs';
import { killAllGroups, killGroupsOnExit, liveGroups } from './vscode-harness/process-groups.mjs';
import { createSandbox, sandboxEnv, makeCleanup } from './vscode-harness/sandbox.mjs';

const ROOT = dirname(dirname(fileURLToPath(import.meta.url)));
const VSIX = join(ROOT, 'out', 'braze-webhooks.vsix');
const SHOT = join(ROOT, 'docs', 'images', 'extension-details.png');
const VERBOSE = process.argv.includes('--verbose') || process.env.VSCODE_TEST_VERBOSE === '1';
const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
const nls = JSON.parse(readFileSync(join(ROOT, 'package.nls.json'), 'utf8'));
const DISPLAY_NAME = nls.displayName;
const T = 60_000;

const log = (message) => console.log(`[details] ${message}`);
let sandbox;
const cleanup = makeCleanup({ getSandbox: () => sandbox, keep: process.env.VSCODE_TEST_KEEP_SANDBOX === '1', log, killAllGroups });
killGroupsOnExit(() => cleanup().finally(() => process.exit(1)));

function run(command, args, what, options = {}) {
  const r = spawnSync(command, args, { cwd: ROOT, encoding: 'utf8', ...options });
  if (r.status !== 0) throw new Error(`${what} failed (exit ${r.status ?? r.signal}):\n${r.stdout}\n${r.stderr}`);
  return r.stdout;
}

async function main() {
  const entry = codeServerEntry(ROOT);
  if (!process.argv.includes('--no-package')) {
    log('npm run package (production build, then vsce)');
    run('npm', ['run', 'package', '--silent'], 'npm run package');
    // vscode:prepublish left the minified build in dist/: put the development build back.
    run(process.execPath, ['esbuild.mjs'], 'the development build');
  }
  if (!existsSync(VSIX)) throw new Error(`${VSIX} is missing: run npm run package`);

  sandbox = createSandbox(null);
  mkdirSync(sandbox.workspace, { recursive: true });
  const installed = run(process.execPath, [entry, '--user-data-dir', sandbox.userData, '--extensions-dir', sandbox.extensions, '--install-extension', VSIX], 'code-server --install-extension', { env: sandboxEnv(sandbox) });
  log(installed.trim().split('\n').pop());

  const serverLog = new Tail();
  const server = startCodeServer({ entry, dirs: sandbox, verbose: VERBOSE, serverLog });
  const port = await server.listening;
  const chromium = await launchChromium({ executablePath: chromiumPath(), dirs: sandbox });
  try {
    const page = await chromium.browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(workbenchUrl(`127.0.0.1:${port}`, sandbox.workspace, []), { waitUntil: 'domcontentloaded' });
    await page.locator('.monaco-workbench').waitFor({ timeout: T });
    // The Extensions view lists what is installed (there is no marketplace here).
    await page.keyboard.press('Control+Shift+X');
    const item = page.locator('.extensions-viewlet .monaco-list-row').filter({ hasText: DISPLAY_NAME }).first();
    await item.waitFor({ timeout: T });
    await item.click();
    const editor = page.locator('.extension-editor');
    await editor.locator('.header .name').filter({ hasText: DISPLAY_NAME }).waitFor({ timeout: T });
    const icon = await editor.locator('.header .icon').first().evaluate((img) => ({ src: img.getAttribute('src'), width: img.naturalWidth }));
    log(`icon: ${icon.width} px wide (${icon.src?.split('/').pop()})`);
    if (!(icon.width > 0)) throw new Error(`the icon did not load: ${JSON.stringify(icon)}`);

    // The README is a webview: find its frame and wait until every image has loaded.
    let readme;
    for (const deadline = Date.now() + T; !readme && Date.now() < deadline; ) {
      for (const frame of page.frames()) {
        if (await frame.$('body h1').then((h) => h?.textContent()).then((t) => t?.includes(DISPLAY_NAME)).catch(() => false)) readme = frame;
      }
      if (!readme) await page.waitForEvent('framenavigated', { timeout: 2_000 }).catch(() => {});
    }
    if (!readme) throw new Error('the README did not render in the details page');
    await readme.waitForFunction(() => [...document.images].length > 0 && [...document.images].every((img) => img.complete), null, { timeout: T });
    const images = await readme.evaluate(() => [...document.images].map((img) => ({ src: img.getAttribute('src'), width: img.naturalWidth })));
    const broken = images.filter((img) => !(img.width > 0));
    log(`README images: ${images.length}, broken: ${broken.length}`);
    if (broken.length > 0) throw new Error(`images that did not load: ${broken.map((b) => b.src).join(', ')}`);
    await page.mouse.move(640, 400);
    await page.screenshot({ path: SHOT, type: 'png' });
    log(`screenshot: ${SHOT.slice(ROOT.length + 1)} (${manifest.publisher}.${manifest.name} ${manifest.version})`);
  } finally {
    await chromium.browser.close().catch(() => {});
    await chromium.server.close().catch(() => {});
  }
}

let code = 1;
try {
  await main();
  code = 0;
} catch (err) {
  console.error(`[details] ERROR: ${err instanceof Error ? err.message : String(err)}`);
} finally {
  await cleanup();
}
if (liveGroups().length > 0) code = 1;
process.exit(code);
