// Lists the UI strings passed to vscode.l10n.t (directly or through a local `t` alias) under
// src/vscode, for the l10n bundles and their completeness test.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const CALL = /(?:\bl10n\.t|\bt)\(\s*(['"])((?:\\.|(?!\1).)*)\1/g;

export function collectL10nStrings(root = 'src/vscode') {
  const strings = new Set();
  for (const entry of readdirSync(root, { recursive: true })) {
    const path = join(root, String(entry));
    if (!path.endsWith('.ts')) continue;
    for (const match of readFileSync(path, 'utf8').matchAll(CALL)) {
      strings.add(JSON.parse(`"${match[2].replace(/\\'/g, "'").replace(/"/g, '\\"')}"`));
    }
  }
  return [...strings].sort();
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop())) {
  console.log(JSON.stringify(collectL10nStrings(), null, 2));
}
