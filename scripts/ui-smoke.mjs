#!/usr/bin/env node
// npm run test:ui - a UI smoke test in the real VS Code workbench (code-server's, from test-host/),
// driven through headless Debian chromium exactly as the test harness starts them
// (scripts/vscode-harness/). It opens a temporary copy of examples/ with this working tree as the
// extension under development and checks, through the DOM a user sees:
//   - the command palette runs "Preview Webhook Request" on create-lead.braze-webhook.json;
//   - the preview webview (nested iframes) shows the rendered request, secret redacted;
//   - choosing the second sample profile re-renders the request (O'Brien);
//   - Tab reaches the profile <select> and the toolbar buttons;
//   - the status bar shows the chosen profile, and the Problems panel counts the seed template's
//     problems;
// and takes screenshots into docs/images/. Exit 0 when everything held, 1 otherwise.
//
// Environment:
//   UI_LOCALE=es                  run with VS Code's display language set to Spanish (argv.json
//                                 "locale"), and assert our Spanish strings in the palette/preview
//   UI_SMOKE_TIMEOUT_SECONDS      overall guard, default 120
//   UI_SMOKE_SCREENSHOTS=0        do not write docs/images/*.png
//   UI_SMOKE_SCREENSHOTS_DIR      write them elsewhere (default docs/images)
//   UI_LOCALE_STUB_PACK=0         with UI_LOCALE: no stand-in language pack (see useDisplayLanguage)
//   VSCODE_TEST_VERBOSE=1         stream code-server's log and the workbench console
//   VSCODE_TEST_KEEP_SANDBOX=1    keep the temporary HOME/user-data/workspace
//   CODE_SERVER_ENTRY, CHROMIUM_PATH  as for npm run test:vscode
// Every wait is on a selector, a DOM condition or a browser event, each with its own bound.
// Functions passed to page/frame.evaluate and waitForFunction run in the browser:
/* global document, window, NodeFilter, HTMLElement, getComputedStyle, requestAnimationFrame */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { constants } from 'node:os';
import { chromiumPath, codeServerEntry, launchChromium, startCodeServer, Tail, workbenchUrl } from './vscode-harness/code-server-route.mjs';
import { killAllGroups, killGroup, killGroupsOnExit, liveGroups } from './vscode-harness/process-groups.mjs';
import { createSandbox, makeCleanup } from './vscode-harness/sandbox.mjs';

const ROOT = dirname(dirname(fileURLToPath(import.meta.url)));
const LOCALE = process.env.UI_LOCALE ?? 'en';
const TIMEOUT_SECONDS = Number(process.env.UI_SMOKE_TIMEOUT_SECONDS ?? 120);
const VERBOSE = process.env.VSCODE_TEST_VERBOSE === '1' || process.argv.includes('--verbose');
const KEEP_SANDBOX = process.env.VSCODE_TEST_KEEP_SANDBOX === '1';
const SCREENSHOTS = process.env.UI_SMOKE_SCREENSHOTS !== '0';
const IMAGES = process.env.UI_SMOKE_SCREENSHOTS_DIR ?? join(ROOT, 'docs', 'images');
const FAILURE_SHOT = join(ROOT, 'out', 'ui-smoke-failure.png');
const VIEWPORT = { width: 1280, height: 800 };

/** Bounds for single waits (ms). The first ones include a cold workbench on 2 cores. */
const T = { workbench: 45_000, ui: 10_000, palette: 4_000, webview: 20_000, render: 15_000 };

const TEMPLATE = 'create-lead.braze-webhook.json';
const SEED = 'seed-create-lead.braze-webhook.json';
const SECRET = 'EXAMPLE0SECRET0C0FFEE';
const EXPECTED_REQUEST_LINE = 'POST https://acme.my.salesforce.com/services/data/v60.0/sobjects/Lead/';
const EXPECTED_AUTH = 'Authorization: Bearer <redacted>';

// Our UI strings, in the locale under test, from the files the extension ships.
const readJson = (path) => JSON.parse(readFileSync(join(ROOT, path), 'utf8'));
const nlsEn = readJson('package.nls.json');
const nls = LOCALE === 'en' ? nlsEn : { ...nlsEn, ...readJson(`package.nls.${LOCALE}.json`) };
const bundle = LOCALE === 'en' ? {} : readJson(`l10n/bundle.l10n.${LOCALE}.json`);
const t = (english) => bundle[english] ?? english;
const STRINGS = {
  command: nls['command.previewRequest'],
  category: nls.category,
  request: t('Webhook request'),
  profile: t('Profile'),
  copyCurl: t('Copy as cURL'),
  previewTab: t('Preview: {0}').replace('{0}', TEMPLATE),
};

const log = (message) => console.log(`[ui-smoke] ${message}`);
const fail = (message) => console.error(`[ui-smoke] ERROR: ${message}`);

let sandbox;
let page;
let serverLog;
let pageLog;
const summary = [];
const note = (key, value) => {
  summary.push([key, value]);
  log(`${key}: ${value}`);
};

const cleanup = makeCleanup({ getSandbox: () => sandbox, keep: KEEP_SANDBOX, log, killAllGroups });

killGroupsOnExit((signal) => {
  fail(`received ${signal}; stopping VS Code and chromium`);
  cleanup().finally(() => process.exit(128 + constants.signals[signal]));
});

function check(condition, message) {
  if (!condition) throw new Error(`ASSERTION: ${message}`);
}

/** Runs one named step; a failure names the step. */
async function step(name, fn) {
  const started = Date.now();
  try {
    const result = await fn();
    if (VERBOSE) log(`step "${name}" ok in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    return result;
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    throw new Error(`step "${name}" failed: ${message}`, { cause: err });
  }
}

/** A 1280×800 PNG of the window. Other locales only add the preview (the rest is VS Code's English). */
async function screenshot(name) {
  if (!SCREENSHOTS || (LOCALE !== 'en' && name !== 'preview')) return;
  mkdirSync(IMAGES, { recursive: true });
  const file = join(IMAGES, LOCALE === 'en' ? `${name}.png` : `${name}-${LOCALE}.png`);
  await page.screenshot({ path: file, type: 'png' });
  note('screenshot', file.startsWith(ROOT) ? file.slice(ROOT.length + 1) : file);
}

/** The workbench is up and the explorer lists the workspace's templates. */
async function waitForWorkbench() {
  await page.locator('.monaco-workbench').waitFor({ timeout: T.workbench });
  await page.locator('.explorer-folders-view .monaco-list-row').filter({ hasText: TEMPLATE }).first().waitFor({ timeout: T.workbench });
}

/** Opens a workspace file from the explorer and waits until its editor tab is active. */
async function openFile(name) {
  const row = page.locator(`.explorer-folders-view .monaco-list-row[aria-label="${name}"]`);
  await row.waitFor({ timeout: T.ui });
  await row.click();
  await page.locator(`.tabs-container .tab.active[data-resource-name="${name}"]`).waitFor({ timeout: T.ui });
  await page.locator('.editor-group-container.active .monaco-editor .view-lines').first().waitFor({ timeout: T.ui });
}

/** Focuses the active text editor (keyboard shortcuts need the workbench, not a webview). */
async function focusEditor() {
  await page.locator('.editor-group-container.active .monaco-editor .view-lines').first().click({ position: { x: 400, y: 5 } });
}

/**
 * Runs a command from the palette: F1, type, wait for the entry, Enter. The palette step is
 * retried (a late editor or notification can take the keyboard focus from F1 on a fresh profile).
 * Resolves with the text of the entry that was run.
 */
async function runFromPalette(title) {
  const input = page.locator('.quick-input-widget .quick-input-box input');
  const entry = page.locator('.quick-input-widget .quick-input-list .monaco-list-row').filter({ hasText: title }).first();
  let lastError;
  for (let attempt = 1; attempt <= 3; attempt++) {
    try {
      await focusEditor();
      await page.keyboard.press('F1');
      await input.waitFor({ state: 'visible', timeout: T.palette });
      await input.fill(`>${title}`);
      await entry.waitFor({ timeout: T.palette });
      const text = (await entry.innerText()).replace(/\s+/g, ' ').trim();
      await page.keyboard.press('Enter');
      await input.waitFor({ state: 'hidden', timeout: T.palette });
      return text;
    } catch (err) {
      lastError = err;
      log(`palette attempt ${attempt} did not work (${err instanceof Error ? err.message.split('\n')[0] : err}); retrying`);
      await page.keyboard.press('Escape').catch(() => {});
    }
  }
  throw lastError;
}

/**
 * The preview's document: VS Code webviews are an iframe (webview host) holding another iframe
 * (the content). Waits, frame event by frame event, for a frame from the webview origin whose
 * document has #app.
 */
async function findPreviewFrame() {
  const deadline = Date.now() + T.webview;
  while (Date.now() < deadline) {
    for (const frame of page.frames()) {
      if (!/webview|vscode-resource/.test(frame.url())) continue;
      if (await frame.$('#app').catch(() => null)) return frame;
    }
    await page.waitForEvent('framenavigated', { timeout: Math.max(1, Math.min(2_000, deadline - Date.now())) }).catch(() => {});
  }
  const urls = page.frames().map((f) => f.url()).join('\n  ');
  throw new Error(`no webview frame with #app within ${T.webview} ms; frames:\n  ${urls}`);
}

/** The rendered request as the preview shows it (the <pre> under the heading). */
const requestText = (frame) => frame.locator('#request pre').innerText();

async function waitForRequestContaining(frame, text) {
  await frame.waitForFunction((needle) => document.querySelector('#request')?.textContent?.includes(needle) ?? false, text, { timeout: T.render });
}

/** Tab through the preview from its heading and return the ids (or tags) that got focus. */
async function tabOrder(frame, presses = 12) {
  await frame.locator('h1').click();
  const visited = [];
  for (let i = 0; i < presses; i++) {
    await page.keyboard.press('Tab');
    visited.push(await frame.evaluate(() => {
      const el = document.activeElement;
      return el && el !== document.body ? el.id || el.tagName.toLowerCase() : '(body)';
    }));
  }
  return visited;
}

/**
 * Sets VS Code's display language the way a user does ("locale" in argv.json). Without a language
 * pack VS Code ignores that locale: the server resolves the language to English, and extensions
 * get their English package.nls.json and no l10n bundle. No language pack can be downloaded here,
 * so unless UI_LOCALE_STUB_PACK=0 this registers an empty stand-in pack for the locale (the
 * user-data languagepacks.json entry an installed pack would write, with no translations): VS Code
 * then runs in that language, its own UI falls back to English, and extensions get their
 * package.nls.<locale>.json and l10n/bundle.l10n.<locale>.json - which is what this test checks.
 */
function useDisplayLanguage(locale) {
  writeFileSync(join(sandbox.userData, 'User', 'argv.json'), JSON.stringify({ locale }, null, 2));
  if (process.env.UI_LOCALE_STUB_PACK === '0') return;
  const translations = join(sandbox.root, `language-pack-${locale}.i18n.json`);
  writeFileSync(translations, JSON.stringify({ contents: {} }));
  const pack = {
    hash: `ui-smoke-stub-${locale}`,
    label: locale,
    extensions: [{ extensionIdentifier: { id: `ui-smoke.stub-language-pack-${locale}` }, version: '0.0.0' }],
    translations: { vscode: translations },
  };
  writeFileSync(join(sandbox.userData, 'languagepacks.json'), JSON.stringify({ [locale]: pack }, null, 2));
}

/** Problems the CLI reports for a template (the extension's own diagnostics must match these). */
function cliProblemCount(file) {
  const r = spawnSync(process.execPath, [join(ROOT, 'dist', 'cli.js'), 'lint', file, '--profiles', join(ROOT, 'examples', 'sample-users.braze-profiles.json'), '--format', 'json'], { encoding: 'utf8', timeout: 30_000 });
  const report = JSON.parse(r.stdout);
  return report.reduce((n, entry) => n + entry.problems.length, 0);
}

async function main() {
  const entry = codeServerEntry(ROOT);
  const executablePath = chromiumPath();
  for (const file of [join(ROOT, 'dist', 'extension.js'), join(ROOT, 'dist', 'cli.js')]) {
    if (!existsSync(file)) throw new Error(`${file} is missing: run \`npm run build\` first.`);
  }

  sandbox = createSandbox(join(ROOT, 'examples'));
  // The examples point at ../schemas/ ($schema): give the copy the same neighbour.
  cpSync(join(ROOT, 'schemas'), join(sandbox.root, 'schemas'), { recursive: true });
  if (LOCALE !== 'en') useDisplayLanguage(LOCALE);
  log(`locale ${LOCALE}; sandbox ${sandbox.root}; timeout ${TIMEOUT_SECONDS} s`);

  serverLog = new Tail();
  pageLog = new Tail();
  const started = Date.now();
  const since = () => `${((Date.now() - started) / 1000).toFixed(1)} s`;
  const server = startCodeServer({ entry, dirs: sandbox, verbose: VERBOSE, serverLog });
  const serverDied = server.exited.then(({ code, signal }) => {
    throw new Error(`code-server exited during the run (code ${code}, signal ${signal})`);
  });
  serverDied.catch(() => {});
  const port = await server.listening;
  const chromium = await launchChromium({ executablePath, dirs: sandbox });
  log(`code-server on 127.0.0.1:${port}, chromium up after ${since()}`);

  const context = await chromium.browser.newContext({ viewport: VIEWPORT, locale: LOCALE });
  page = await context.newPage();
  page.on('console', (message) => {
    const line = `[workbench ${message.type()}] ${message.text()}`;
    pageLog.push(line);
    if (VERBOSE) console.error(line);
  });
  page.on('pageerror', (error) => pageLog.push(`[workbench pageerror] ${error.message}`));

  const authority = `127.0.0.1:${port}`;
  const url = workbenchUrl(authority, sandbox.workspace, [['extensionDevelopmentPath', `vscode-remote://${authority}${ROOT}`]]);
  const run = async () => {
    await page.goto(url, { waitUntil: 'domcontentloaded' });
    await step('workbench loads and lists the examples', waitForWorkbench);
    log(`workbench ready after ${since()}`);
    const workbench = await page.evaluate(() => {
      const settings = JSON.parse(document.getElementById('vscode-workbench-web-configuration')?.getAttribute('data-settings') ?? '{}');
      return { codeServer: settings.productConfiguration?.codeServerVersion ?? '?', language: globalThis._VSCODE_NLS_LANGUAGE ?? 'en' };
    });
    note('workbench', `code-server ${workbench.codeServer}, display language ${workbench.language}`);
    check(
      workbench.language === LOCALE,
      `VS Code runs in "${workbench.language}", not "${LOCALE}": without a language pack for ${LOCALE} it ignores argv.json's locale ` +
        '(and so do extensions: English package.nls.json, no l10n bundle). Run without UI_LOCALE_STUB_PACK=0.',
    );

    await step(`open ${TEMPLATE}`, () => openFile(TEMPLATE));

    // Hover on a Lead field of the body: the extension explains Salesforce Lead fields.
    await step('hover on a Lead field', async () => {
      // Our CodeLens ("Preview · 3 profiles · …") shifts the lines once it arrives: wait for it first.
      await page.locator('.editor-group-container.active .codelens-decoration').first().waitFor({ timeout: T.render });
      // The middle of the text "LastName" on screen (tokens are re-split as highlighting arrives).
      const where = await page.waitForFunction(
        (word) => {
          for (const line of document.querySelectorAll('.editor-group-container.active .view-line')) {
            const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
            for (let node = walker.nextNode(); node; node = walker.nextNode()) {
              const at = node.textContent.indexOf(word);
              if (at < 0) continue;
              const range = document.createRange();
              range.setStart(node, at);
              range.setEnd(node, at + word.length);
              const box = range.getBoundingClientRect();
              return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
            }
          }
          return null;
        },
        'LastName',
        { timeout: T.ui },
      );
      const { x, y } = await where.jsonValue();
      // Caret on the word, then "Show or Focus Hover" (Ctrl+K Ctrl+I): the keyboard way to a hover.
      await page.mouse.click(x, y);
      await page.keyboard.press('Control+K');
      await page.keyboard.press('Control+I');
      const hover = page.locator('.monaco-hover-content').filter({ hasText: 'Lead.LastName' }).first();
      await hover.waitFor({ state: 'visible', timeout: T.ui });
      // The hover fades in: wait until it is fully opaque before the screenshot.
      await hover.evaluate(
        (el) =>
          new Promise((resolve) => {
            const opaque = () => {
              for (let n = el; n && n !== document.body; n = n.parentElement) if (getComputedStyle(n).opacity !== '1') return false;
              return true;
            };
            const tick = () => (opaque() ? resolve(true) : requestAnimationFrame(tick));
            tick();
          }),
        null,
        { timeout: T.ui },
      );
      note('hover', (await hover.innerText()).replace(/\s+/g, ' ').trim().slice(0, 140));
      await screenshot('hover-lead-field');
      await page.mouse.move(5, VIEWPORT.height / 2);
      await hover.waitFor({ state: 'hidden', timeout: T.ui }).catch(() => page.keyboard.press('Escape'));
    });

    const paletteEntry = await step(`command palette: ${STRINGS.command}`, () => runFromPalette(STRINGS.command));
    note('palette', paletteEntry);
    check(paletteEntry.startsWith(`${STRINGS.category}: ${STRINGS.command}`), `the palette entry should read "${STRINGS.category}: ${STRINGS.command}", was "${paletteEntry}"`);

    const frame = await step('find the preview webview frame', findPreviewFrame);
    await step('the preview renders the request', () => frame.locator('#request pre').waitFor({ timeout: T.render }));
    const first = await requestText(frame);
    const firstLines = first.split('\n');
    note('preview', `${firstLines[0]} | ${firstLines[1]}`);
    check(first.includes(EXPECTED_REQUEST_LINE), `the request should contain "${EXPECTED_REQUEST_LINE}":\n${first}`);
    check(first.includes(EXPECTED_AUTH), `the request should contain "${EXPECTED_AUTH}":\n${first}`);
    check(!first.includes(SECRET), 'the client secret is visible in the preview');
    const heading = (await frame.locator('#request h2').innerText()).trim();
    const labels = await frame.locator('.toolbar label').allInnerTexts();
    const buttons = await frame.locator('.toolbar button').allInnerTexts();
    note('preview ui', `heading "${heading}"; labels ${labels.map((l) => `"${l}"`).join(', ')}; buttons ${buttons.map((b) => `"${b}"`).join(', ')}`);
    check(heading === STRINGS.request, `the request heading should be "${STRINGS.request}", was "${heading}"`);
    check(labels.includes(STRINGS.profile) && buttons.includes(STRINGS.copyCurl), `the toolbar should show "${STRINGS.profile}" and "${STRINGS.copyCurl}"`);
    const tabs = (await page.locator('.tabs-container .tab.active').allInnerTexts()).map((x) => x.trim());
    note('tabs', tabs.join(' | '));
    check(tabs.includes(STRINGS.previewTab), `a tab should be titled "${STRINGS.previewTab}"`);

    const options = await frame.locator('#profile option').allInnerTexts();
    check(options.length >= 2, `the profile select should offer at least 2 profiles, has ${options.length}`);
    await step('select the second profile', async () => {
      await frame.locator('#profile').selectOption({ index: 1 });
      await waitForRequestContaining(frame, "O'Brien");
    });
    const second = await requestText(frame);
    check(!second.includes(SECRET), 'the client secret is visible after changing the profile');
    note('profile 2', `${options[1]} -> ${second.split('\n').find((l) => l.includes("O'Brien"))?.trim()}`);

    const order = await step('keyboard: Tab through the preview', () => tabOrder(frame));
    note('tab order', order.join(' > '));
    for (const id of ['profile', 'scenario', 'reveal', 'copy-curl', 'copy-http', 'copy-braze', 'open-document']) {
      check(order.includes(id), `Tab never reached #${id} (order: ${order.join(', ')})`);
    }
    // Show the preview from its top (heading, toolbar, token call, request) for the screenshot.
    await frame.evaluate(() => {
      if (document.activeElement instanceof HTMLElement) document.activeElement.blur();
      window.scrollTo(0, 0);
    });
    await screenshot('preview');

    // Back in the template editor, the status bar shows the preview's profile.
    const profileLabel = options[1].replace(/ \(.*\)$/, '');
    const statusItem = page.locator('.statusbar-item').filter({ hasText: profileLabel }).first();
    await step('status bar shows the chosen profile', async () => {
      await page.locator(`.tabs-container .tab[data-resource-name="${TEMPLATE}"]`).first().click();
      await statusItem.waitFor({ timeout: T.ui });
    });
    note('status bar', (await statusItem.innerText()).trim());

    // The seed template: diagnostics in the editor and the Problems panel.
    await step(`open ${SEED}`, () => openFile(SEED));
    await step('diagnostics appear in the editor', () => page.locator('.editor-group-container.active .squiggly-error').first().waitFor({ timeout: T.render }));
    const expected = cliProblemCount(join(ROOT, 'examples', SEED));
    const problems = await step('Problems panel counts the seed template', async () => {
      await page.locator('#status\\.problems').click();
      const row = page.locator('.markers-panel .monaco-list-row').filter({ hasText: SEED }).first();
      await row.waitFor({ timeout: T.ui });
      const badge = row.locator('.monaco-count-badge');
      // The count settles once the rendered checks (every sample profile) have run.
      await page.waitForFunction(
        ({ seed, min }) => {
          for (const r of document.querySelectorAll('.markers-panel .monaco-list-row')) {
            if (!r.textContent?.includes(seed)) continue;
            return Number(r.querySelector('.monaco-count-badge')?.textContent ?? 0) >= min;
          }
          return false;
        },
        { seed: SEED, min: expected },
        { timeout: T.render },
      );
      return Number((await badge.innerText()).trim());
    });
    const statusProblems = (await page.locator('#status\\.problems').getAttribute('aria-label')) ?? '';
    note('problems', `${problems} for ${SEED} in the Problems panel (the CLI reports ${expected}); status bar "${statusProblems}"`);
    check(problems >= expected, `the Problems panel should count at least the CLI's ${expected} problems, shows ${problems}`);
    await screenshot('editor-diagnostics');
  };

  let timer;
  const guard = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`TIMEOUT: the UI smoke test did not finish within ${TIMEOUT_SECONDS} s`)), TIMEOUT_SECONDS * 1000);
  });
  try {
    await Promise.race([run(), guard, serverDied]);
  } catch (err) {
    // The state of the workbench when it went wrong, before the browser goes away.
    mkdirSync(dirname(FAILURE_SHOT), { recursive: true });
    await page.screenshot({ path: FAILURE_SHOT, timeout: 5_000 }).then(() => fail(`screenshot of the failure: ${FAILURE_SHOT}`)).catch(() => {});
    throw err;
  } finally {
    clearTimeout(timer);
    await chromium.browser.close().catch(() => {});
    await chromium.server.close().catch(() => {});
    await killGroup(chromium.server.process().pid);
    await killGroup(server.child.pid);
  }
}

const started = Date.now();
let exitCode = 1;
try {
  await main();
  exitCode = 0;
} catch (err) {
  fail(err instanceof Error ? ((VERBOSE ? err.stack : undefined) ?? err.message) : String(err));
  if (serverLog) console.error(`--- code-server (last lines) ---\n${serverLog}\n--- workbench console (last lines) ---\n${pageLog}`);
} finally {
  await cleanup();
}
const left = liveGroups();
if (left.length > 0) {
  fail(`process groups still alive after cleanup: ${left.join(', ')}`);
  exitCode = 1;
}
const seconds = ((Date.now() - started) / 1000).toFixed(1);
console.log('');
for (const [key, value] of summary) console.log(`${key.padEnd(11)}: ${value}`);
log(`${exitCode === 0 ? 'PASSED' : 'FAILED'} in ${seconds} s (locale ${LOCALE})`);
process.exit(exitCode);
