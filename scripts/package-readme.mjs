#!/usr/bin/env node
// Writes the README that goes into the .vsix (out/package/README.md) from README.marketplace.md,
// with every relative image inlined as a data: URI. VS Code shows an installed extension's README
// in a webview whose Content-Security-Policy allows only `img-src https: data:` (VS Code 1.100's
// extension editor), so a relative image path - even to a file inside the package - never loads
// there; a data: URI resolves inside the package itself (ADR 015). README.marketplace.md keeps
// plain relative links, readable in the repository. Run by `npm run package`.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = dirname(dirname(fileURLToPath(import.meta.url)));
export const SOURCE = 'README.marketplace.md';
export const TARGET = join('out', 'package', 'README.md');
const TYPES = { '.png': 'image/png', '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg', '.gif': 'image/gif' };

/** Markdown with each `![alt](relative.png)` replaced by the image's bytes as a data: URI. */
export function inlineImages(markdown, root = ROOT) {
  return markdown.replace(/!\[([^\]]*)\]\(([^)\s]+)\)/g, (whole, alt, src) => {
    if (/^[a-z][a-z0-9+.-]*:/i.test(src)) return whole;
    const type = TYPES[extname(src).toLowerCase()];
    if (!type) throw new Error(`${SOURCE}: ${src} is not a PNG, JPEG or GIF (VS Code shows no SVG there)`);
    return `![${alt}](data:${type};base64,${readFileSync(join(root, src)).toString('base64')})`;
  });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const out = join(ROOT, TARGET);
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, inlineImages(readFileSync(join(ROOT, SOURCE), 'utf8')));
  console.log(`[package-readme] ${SOURCE} -> ${TARGET} (images inlined)`);
}
