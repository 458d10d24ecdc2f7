// Directory walks follow symlinked templates and folders, and a symlink loop neither hangs nor
// crashes (issue 11, "Inputs still read wrong"). Run through the real process, dist/cli.js.
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO, describeRun, runCli } from '../robustness/helpers/cli';

/** A loop that is followed forever takes far longer than this; a bounded walk takes well under. */
const HANG_MS = 20_000;

describe('CLI: symlinks in directory walks (real process)', function () {
  this.timeout(120_000);
  let tmp: string;
  const template = join(REPO, 'examples/create-lead.braze-webhook.json');

  before(() => {
    tmp = mkdtempSync(join(tmpdir(), 'bw-symlinks-'));
    // elsewhere/ holds the real files; templates/ links to them.
    mkdirSync(join(tmp, 'elsewhere', 'shared'), { recursive: true });
    copyFileSync(template, join(tmp, 'elsewhere', 'linked-file.braze-webhook.json'));
    copyFileSync(template, join(tmp, 'elsewhere', 'shared', 'in-linked-folder.braze-webhook.json'));
    mkdirSync(join(tmp, 'templates'));
    copyFileSync(template, join(tmp, 'templates', 'real.braze-webhook.json'));
    symlinkSync(join(tmp, 'elsewhere', 'linked-file.braze-webhook.json'), join(tmp, 'templates', 'link.braze-webhook.json'));
    symlinkSync(join(tmp, 'elsewhere', 'shared'), join(tmp, 'templates', 'shared'));
    // Loops: a folder linking to itself, and one linking to an ancestor of the walk.
    mkdirSync(join(tmp, 'templates', 'nested'));
    symlinkSync('.', join(tmp, 'templates', 'nested', 'self'));
    symlinkSync('..', join(tmp, 'templates', 'nested', 'up'));
    symlinkSync(join(tmp, 'templates'), join(tmp, 'elsewhere', 'shared', 'back-to-templates'));
    mkdirSync(join(tmp, 'loop-only'));
    symlinkSync(join(tmp, 'loop-only'), join(tmp, 'loop-only', 'again'));
  });
  after(() => rmSync(tmp, { recursive: true, force: true }));

  it('lints a symlinked template and the templates of a symlinked folder, each once, through loops', () => {
    const r = runCli(['lint', 'templates', '--format', 'json'], { cwd: tmp, timeoutMs: HANG_MS });
    assert.ok(!r.timedOut, `the walk hung: ${describeRun(r)}`);
    assert.equal(r.code, 0, describeRun(r));
    const files = (JSON.parse(r.stdout) as Array<{ file: string }>).map((x) => x.file);
    assert.deepEqual(files, [
      join('templates', 'link.braze-webhook.json'),
      join('templates', 'real.braze-webhook.json'),
      join('templates', 'shared', 'in-linked-folder.braze-webhook.json'),
    ]);
  });

  it('globs follow symlinks too', () => {
    const r = runCli(['lint', 'templates/**/*.braze-webhook.json', '--format', 'json'], { cwd: tmp, timeoutMs: HANG_MS });
    assert.ok(!r.timedOut, `the walk hung: ${describeRun(r)}`);
    assert.equal(r.code, 0, describeRun(r));
    assert.equal((JSON.parse(r.stdout) as unknown[]).length, 3);
  });

  it('a folder that holds only a loop to itself ends with "no webhook template", not a hang or a crash', () => {
    const r = runCli(['lint', 'loop-only'], { cwd: tmp, timeoutMs: HANG_MS });
    assert.ok(!r.timedOut, `the walk hung: ${describeRun(r)}`);
    assert.equal(r.code, 2, describeRun(r));
    assert.match(r.stderr, /loop-only: no webhook template/);
    assert.ok(!/internal error|ELOOP| {4}at /.test(r.stderr), r.stderr);
  });

  it('a dangling symlink named like a template in a folder is reported, not skipped', () => {
    const d = join(tmp, 'dangling');
    mkdirSync(d);
    copyFileSync(template, join(d, 'ok.braze-webhook.json'));
    symlinkSync(join(d, 'gone.json'), join(d, 'gone.braze-webhook.json'));
    const r = runCli(['lint', 'dangling'], { cwd: tmp, timeoutMs: HANG_MS });
    assert.equal(r.code, 2, describeRun(r));
    assert.match(r.stderr, /gone\.braze-webhook\.json: cannot read \(ENOENT\)/);
  });
});
