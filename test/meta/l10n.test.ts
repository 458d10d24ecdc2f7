import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const repo = join(__dirname, '../..');
const readJson = (path: string) => JSON.parse(readFileSync(join(repo, path), 'utf8')) as Record<string, unknown>;

describe('l10n bundles are complete', () => {
  it('every %key% in package.json has an English and a Spanish string', () => {
    const keys = [...readFileSync(join(repo, 'package.json'), 'utf8').matchAll(/"%([\w.]+)%"/g)].map((m) => m[1]);
    assert.ok(keys.length > 10);
    const en = readJson('package.nls.json');
    const es = readJson('package.nls.es.json');
    assert.deepEqual(keys.filter((k) => !(k in en)), [], 'missing in package.nls.json');
    assert.deepEqual(keys.filter((k) => !(k in es)), [], 'missing in package.nls.es.json');
    assert.deepEqual(Object.keys(es).sort(), Object.keys(en).sort(), 'the two nls files list the same keys');
  });

  it('every vscode.l10n.t string in src/vscode has a Spanish translation with the same placeholders', async () => {
    const { collectL10nStrings } = (await import(join(repo, 'scripts/l10n-strings.mjs'))) as { collectL10nStrings: (root: string) => string[] };
    const strings = collectL10nStrings(join(repo, 'src/vscode'));
    assert.ok(strings.length > 20);
    const es = readJson('l10n/bundle.l10n.es.json') as Record<string, string>;
    assert.deepEqual(strings.filter((s) => !(s in es)), [], 'missing in l10n/bundle.l10n.es.json');
    assert.deepEqual(Object.keys(es).filter((s) => !strings.includes(s)), [], 'stale entries in l10n/bundle.l10n.es.json');
    for (const s of strings) {
      const placeholders = (text: string) => (text.match(/\{\d+\}/g) ?? []).sort().join(',');
      assert.equal(placeholders(es[s]), placeholders(s), `placeholders differ for: ${s}`);
    }
  });
});
