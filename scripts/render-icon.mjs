#!/usr/bin/env node
// Renders docs/images/icon.svg (drawn for this project) to media/icon.png, the 128×128 icon
// package.json names, with Debian's chromium through playwright-core (no browser download).
// Run it after editing the SVG: node scripts/render-icon.mjs
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CHROMIUM_ARGS, chromiumPath } from './vscode-harness/code-server-route.mjs';

const ROOT = dirname(dirname(fileURLToPath(import.meta.url)));
const { chromium } = createRequire(import.meta.url)('playwright-core');
const svg = readFileSync(join(ROOT, 'docs', 'images', 'icon.svg'), 'utf8');
const browser = await chromium.launch({ executablePath: chromiumPath(), headless: true, args: CHROMIUM_ARGS });
try {
  const page = await browser.newPage({ viewport: { width: 128, height: 128 }, deviceScaleFactor: 1 });
  await page.setContent(`<!DOCTYPE html><html><body style="margin:0;background:transparent">${svg}</body></html>`);
  await page.locator('svg').screenshot({ path: join(ROOT, 'media', 'icon.png'), omitBackground: true });
  console.log('[render-icon] wrote media/icon.png');
} finally {
  await browser.close();
}
