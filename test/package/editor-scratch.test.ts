import assert from 'node:assert/strict';
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { allRules, applyFixes, lintTemplate, parseTemplateFile } from '../../src/core';

/**
 * `npm run editor` (scripts/editor.mjs) as a user starts it: it must open a scratch copy of
 * examples/, so a Fix All and a save there leave the repository's tracked files unchanged
 * (issue 12). The UI smoke test does the same Fix All through the real workbench, on a copy made
 * by the same sandbox function.
 */
const repo = resolve(__dirname, '../..');
const codeServer = join(repo, 'test-host/node_modules/code-server/out/node/entry.js');
const gitStatus = () => spawnSync('git', ['status', '--porcelain', '--', 'examples', 'schemas'], { cwd: repo, encoding: 'utf8' }).stdout;

/** Resolves with the first stdout line matching `pattern` (bounded), or rejects when the process ends first. */
function waitForLine(child: ChildProcess, pattern: RegExp, ms: number): Promise<RegExpMatchArray> {
  return new Promise((resolvePromise, reject) => {
    let seen = '';
    const timer = setTimeout(() => reject(new Error(`no line matching ${pattern} within ${ms} ms; output:\n${seen}`)), ms);
    child.stdout?.on('data', (chunk: Buffer) => {
      seen += chunk.toString();
      const match = pattern.exec(seen);
      if (match) {
        clearTimeout(timer);
        resolvePromise(match);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`editor.mjs exited (${code}) before printing ${pattern}; output:\n${seen}`));
    });
  });
}

describe('npm run editor', function () {
  this.timeout(120_000);

  it('opens a scratch copy of examples/: a Fix All saved there leaves the repository unchanged, and the copy goes on exit', async function () {
    if (!existsSync(codeServer)) this.skip();
    const before = gitStatus();
    let folder = '';
    const child = spawn(process.execPath, [join(repo, 'scripts', 'editor.mjs'), '--no-build'], { cwd: repo, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    try {
      const [, url] = await waitForLine(child, /^\s+(http:\/\/127\.0\.0\.1:\d+\/\?folder=\S+)$/m, 90_000);
      folder = new URL(url).searchParams.get('folder') ?? '';
      assert.ok(folder.startsWith('/tmp/') && !folder.startsWith(repo), `the editor opens ${folder}`);
      const seed = join(folder, 'seed-create-lead.braze-webhook.json');
      const original = readFileSync(join(repo, 'examples', 'seed-create-lead.braze-webhook.json'), 'utf8');
      assert.equal(readFileSync(seed, 'utf8'), original, 'the scratch copy is not a copy of examples/');
      assert.ok(existsSync(join(folder, '..', 'schemas', 'braze-webhook.schema.json')), 'the examples\' $schema does not resolve in the copy');

      // Fix All, as the command does (safe fixes only), then save.
      const { problems } = await lintTemplate(parseTemplateFile(original), { rules: allRules });
      const fixed = applyFixes(original, problems);
      assert.ok(fixed.applied.length > 0, 'nothing to fix in the seed template');
      writeFileSync(seed, fixed.text);

      assert.equal(readFileSync(join(repo, 'examples', 'seed-create-lead.braze-webhook.json'), 'utf8'), original);
      assert.equal(gitStatus(), before, 'tracked files changed');
    } finally {
      const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
      if (child.pid) process.kill(-child.pid, 'SIGINT');
      assert.equal(await exited, 0, 'editor.mjs did not stop cleanly on Ctrl-C');
    }
    assert.ok(folder !== '' && !existsSync(folder), `the scratch copy ${folder} is still there`);
  });
});
