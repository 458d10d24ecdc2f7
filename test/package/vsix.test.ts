import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/**
 * Builds the .vsix exactly as `npm run package` does (same vsce arguments, read from package.json),
 * offline, into a temporary directory, and checks what is inside: the runtime files the extension
 * needs, and nothing from the development tree (.vscodeignore is an allow-list; this keeps it one).
 */
const repo = resolve(__dirname, '../..');
const vsce = join(repo, 'node_modules', '.bin', 'vsce');
const manifest = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8')) as {
  main: string;
  icon?: string;
  browser: string;
  scripts: Record<string, string>;
  l10n?: string;
  contributes: {
    jsonValidation?: Array<{ url: string }>;
    grammars?: Array<{ path: string }>;
    walkthroughs?: Array<{ steps: Array<{ media: { markdown?: string; image?: string } }> }>;
  };
};

/** A manifest string as each UI language sees it: `%key%` resolved through package.nls(.es).json. */
function localized(value: string): string[] {
  const key = /^%(.+)%$/.exec(value)?.[1];
  if (!key) return [value];
  return ['package.nls.json', 'package.nls.es.json'].map((file) => (JSON.parse(readFileSync(join(repo, file), 'utf8')) as Record<string, string>)[key]);
}

/** Directories and file kinds that must never ship (paths relative to the package's `extension/`). */
const FORBIDDEN_DIRS = ['src/', 'test/', 'node_modules/', 'scripts/', 'bench/', 'test-host/', 'test-host-web/', '.ci/', 'out/'];
const FORBIDDEN_EXTENSIONS = ['.ts', '.map'];

/** Run-time files the extension cannot work without. */
const REQUIRED = [
  'extension/package.json',
  'extension/package.nls.json',
  'extension/package.nls.es.json',
  'extension/dist/extension.js',
  'extension/dist/extension-main.js',
  'extension/dist/extension-first-run.js',
  'extension/dist/extension-send.js',
  'extension/dist/extension-editor.js',
  'extension/dist/extension-salesforce.js',
  'extension/dist/extension-web.js',
  // The rules' words, read at run time by both hosts (ADR 021).
  'extension/dist/rule-texts.json',
  'extension/schemas/braze-webhook.schema.json',
  'extension/media/preview.js',
  'extension/media/preview.css',
  'extension/snippets/braze-webhook.snippets.json',
  'extension/l10n/bundle.l10n.es.json',
  'extension/docs/rules/placeholder.md',
  // How to Get Your Org's Describe… and the answer's "What is predicted" open it.
  'extension/docs/org-describe.md',
  'extension/media/walkthrough/create-template.md',
  // The built-in Salesforce model ships as data, read at run time (ADR 008), not in the code bundle.
  'extension/data/salesforce/lead.json',
  // The hover and completion texts, read on first use (ADR 020).
  'extension/data/editor-docs.json',
];


/** `npm run package`'s steps: `node <script>` steps first, then `vsce package …` (last). */
function packageSteps(): { before: string[][]; vsce: string[] } {
  const steps = manifest.scripts.package.split('&&').map((step) => step.trim().split(/\s+/));
  const last = steps.pop() ?? [];
  assert.deepEqual(last.slice(0, 2), ['vsce', 'package'], `scripts.package should end with "vsce package …", is: ${manifest.scripts.package}`);
  for (const step of steps) assert.equal(step[0], 'node', `scripts.package: only node steps before vsce, found ${step.join(' ')}`);
  return { before: steps.map((step) => step.slice(1)), vsce: last };
}

/** The `vsce package …` arguments of `npm run package`, with the output redirected to `out`. */
function packageArgs(out: string): string[] {
  const args = packageSteps().vsce.slice(1);
  const o = args.findIndex((a) => a === '-o' || a === '--out');
  if (o >= 0) args.splice(o, 2);
  return [...args, '-o', out];
}

function hasUnzip(): boolean {
  return spawnSync('unzip', ['-v'], { encoding: 'utf8' }).status === 0;
}

/** Entries of the .vsix (a zip): `unzip -Z1` when available, otherwise vsce's own file list. */
function listEntries(vsix: string): string[] {
  if (hasUnzip()) {
    const r = spawnSync('unzip', ['-Z1', vsix], { encoding: 'utf8' });
    assert.equal(r.status, 0, `unzip -Z1 failed: ${r.stderr}`);
    return r.stdout.split('\n').filter(Boolean);
  }
  // `vsce ls` prints the same selection, relative to the project root, without vsce's renames.
  const r = spawnSync(vsce, ['ls', '--no-dependencies'], { cwd: repo, encoding: 'utf8', timeout: 120_000 });
  assert.equal(r.status, 0, `vsce ls failed: ${r.stderr}`);
  return r.stdout
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => `extension/${line.replace(/\\/g, '/')}`);
}

describe('the .vsix package', function () {
  let tmp: string;
  let vsix: string;
  let entries: string[];

  before(function () {
    this.timeout(240_000);
    assert.ok(existsSync(vsce), `${vsce} is missing: run npm install`);
    tmp = mkdtempSync(join(tmpdir(), 'bw-vsix-'));
    vsix = join(tmp, 'braze-webhooks.vsix');
    for (const args of packageSteps().before) {
      const step = spawnSync(process.execPath, args, { cwd: repo, encoding: 'utf8', timeout: 60_000 });
      assert.equal(step.status, 0, `node ${args.join(' ')} failed:\n${step.stdout}\n${step.stderr}`);
    }
    // vsce runs `vscode:prepublish` (the production esbuild) first, then zips. No network needed.
    const r = spawnSync(vsce, packageArgs(vsix), { cwd: repo, encoding: 'utf8', timeout: 200_000 });
    assert.equal(r.status, 0, `vsce package failed (status ${r.status}, signal ${r.signal}):\n${r.stdout}\n${r.stderr}`);
    assert.ok(existsSync(vsix), `vsce reported success but wrote no ${vsix}:\n${r.stdout}`);
    entries = listEntries(vsix);
  });

  after(function () {
    this.timeout(120_000);
    if (tmp) rmSync(tmp, { recursive: true, force: true });
    // The prepublish step left a minified production build in dist/ (no source maps): put the
    // development build back, so what runs next (CLI tests, the VS Code suite) has the usual dist/.
    const build = spawnSync(process.execPath, ['esbuild.mjs'], { cwd: repo, encoding: 'utf8', timeout: 100_000 });
    assert.equal(build.status, 0, `restoring the development build failed:\n${build.stderr}`);
  });

  it('contains no sources, tests, dependencies, build tooling, TypeScript or source maps', () => {
    const offending = entries.filter((entry) => {
      const inner = entry.startsWith('extension/') ? entry.slice('extension/'.length) : entry;
      return FORBIDDEN_DIRS.some((dir) => inner.startsWith(dir)) || FORBIDDEN_EXTENSIONS.some((ext) => inner.endsWith(ext));
    });
    assert.deepEqual(offending, [], `files that must not be packaged (check .vscodeignore):\n${offending.join('\n')}`);
  });

  it('contains the run-time files the extension needs', () => {
    const missing = REQUIRED.filter((file) => !entries.includes(file));
    assert.deepEqual(missing, [], `missing from the package:\n${missing.join('\n')}`);
    assert.ok(
      entries.some((e) => /^extension\/syntaxes\/[^/]+\.json$/.test(e)),
      'no grammar under extension/syntaxes/',
    );
  });

  it('contains every file package.json points at', () => {
    const normalize = (path: string) => `extension/${path.replace(/^\.\//, '')}`;
    const referenced = [
      manifest.main,
      manifest.browser,
      ...(manifest.icon ? [manifest.icon] : []),
      ...(manifest.contributes.jsonValidation ?? []).map((v) => v.url),
      ...(manifest.contributes.grammars ?? []).map((g) => g.path),
      ...(manifest.contributes.walkthroughs ?? []).flatMap((w) => w.steps.flatMap((step) => [step.media.markdown, step.media.image].filter((m) => m !== undefined).flatMap(localized))),
    ].map(normalize);
    if (manifest.l10n) referenced.push(normalize(`${manifest.l10n}/bundle.l10n.es.json`));
    const missing = referenced.filter((file) => !entries.includes(file));
    assert.deepEqual(missing, [], `package.json references files that are not packaged:\n${missing.join('\n')}`);
  });

  it('contains a page for every lint rule (diagnostic codes link to them)', () => {
    const rules = readdirSync(join(repo, 'docs', 'rules')).filter((f) => f.endsWith('.md'));
    const missing = rules.map((f) => `extension/docs/rules/${f}`).filter((file) => !entries.includes(file));
    assert.deepEqual(missing, [], `rule pages not packaged:\n${missing.join('\n')}`);
  });

  it('ships the production build of the extension (vscode:prepublish ran; no dangling source map)', function () {
    if (!hasUnzip()) this.skip();
    const r = spawnSync('unzip', ['-p', vsix, 'extension/dist/extension.js'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    assert.equal(r.status, 0, r.stderr);
    assert.ok(r.stdout.length > 0, 'extension/dist/extension.js is empty');
    assert.ok(!r.stdout.includes('//# sourceMappingURL='), 'the packaged extension.js is a development build (it points at a .map that is not shipped)');
  });

  it('has an icon: a 128×128 PNG that is in the package', function () {
    assert.ok(manifest.icon, 'package.json has no icon');
    assert.ok(entries.includes(`extension/${manifest.icon}`), `${manifest.icon} is not packaged`);
    const png = readFileSync(join(repo, manifest.icon));
    assert.equal(png.subarray(1, 4).toString('latin1'), 'PNG', `${manifest.icon} is not a PNG`);
    assert.deepEqual([png.readUInt32BE(16), png.readUInt32BE(20)], [128, 128], 'the icon is not 128×128');
  });

  it('packages the Marketplace README, not the developer one, with every image it shows inside the package', function () {
    if (!hasUnzip()) this.skip();
    const r = spawnSync('unzip', ['-p', vsix, 'extension/readme.md'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    assert.equal(r.status, 0, r.stderr);
    const readme = r.stdout;
    assert.match(readme, /^# Braze Webhooks for Salesforce/m);
    assert.match(readme, /## Privacy: nothing is sent/);
    assert.doesNotMatch(readme, /npm (start|test)\b/, 'developer instructions in the packaged README');
    const images = [...readme.matchAll(/!\[[^\]]*\]\(([^)\s]+)[^)]*\)|<img[^>]+src="([^"]+)"/g)].map((m) => m[1] ?? m[2]);
    // The source README's images, in order; the packaged one must carry each, byte for byte.
    const source = [...readFileSync(join(repo, 'README.marketplace.md'), 'utf8').matchAll(/!\[[^\]]*\]\(([^)\s]+)\)/g)].map((m) => m[1]);
    assert.ok(source.length >= 3, `only ${source.length} images in README.marketplace.md`);
    assert.equal(images.length, source.length, 'the packaged README does not show the same images');
    images.forEach((src, i) => {
      // VS Code's details page loads only https: and data: images (its CSP); a relative path
      // never resolves there, and https would need the network. So: inlined, or packaged and inlined.
      const data = /^data:image\/(png|jpeg|gif);base64,(.+)$/.exec(src);
      assert.ok(data, `image ${i + 1} is not inside the package: ${src.slice(0, 80)}`);
      assert.ok(Buffer.from(data[2], 'base64').equals(readFileSync(join(repo, source[i]))), `image ${i + 1} is not ${source[i]}`);
    });
  });

  it('has a licence, a readme and a changelog, and stays small', () => {
    for (const pattern of [/^extension\/license(\.txt|\.md)?$/i, /^extension\/readme\.md$/i, /^extension\/changelog\.md$/i]) {
      assert.ok(entries.some((e) => pattern.test(e)), `nothing matches ${pattern}`);
    }
    const size = statSync(vsix).size;
    assert.ok(size < 5 * 1024 * 1024, `the .vsix is ${size} bytes: something large got in`);
  });
});
