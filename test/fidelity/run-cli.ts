import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/** The CLI as users run it: the bundled dist/cli.js in its own process. */
const repo = resolve(__dirname, '../..');
const cli = join(repo, 'dist/cli.js');

let built = false;

/** Builds dist/cli.js once per test run (esbuild, a few seconds). */
export function buildCliOnce(): void {
  if (built) return;
  const build = spawnSync(process.execPath, ['esbuild.mjs'], { cwd: repo, encoding: 'utf8' });
  assert.equal(build.status, 0, build.stderr);
  built = true;
}

export interface LiquidRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface LiquidInput {
  template: string;
  /** Written as the `--context` JSON file when present. */
  context?: unknown;
  /** Content blocks, written as `content_blocks/<name>.liquid` next to the template. */
  blocks?: Record<string, string>;
  /** Braze's send time for `'now'` (`--now`). */
  now?: string;
}

/** Runs `braze-webhook liquid` on the input in a fresh directory (so no content block leaks in). */
export function runLiquid(input: LiquidInput): LiquidRun {
  const dir = mkdtempSync(join(tmpdir(), 'bw-fidelity-'));
  try {
    const template = join(dir, 'template.liquid');
    writeFileSync(template, input.template);
    const args = [cli, 'liquid', '--template-file', template];
    if (input.context !== undefined) {
      writeFileSync(join(dir, 'context.json'), JSON.stringify(input.context));
      args.push('--context', join(dir, 'context.json'));
    }
    if (input.now) args.push('--now', input.now);
    if (input.blocks) {
      mkdirSync(join(dir, 'content_blocks'));
      for (const [name, text] of Object.entries(input.blocks)) writeFileSync(join(dir, 'content_blocks', `${name}.liquid`), text);
    }
    const result = spawnSync(process.execPath, args, { cwd: dir, encoding: 'utf8', timeout: 60_000 });
    return { code: result.status, stdout: result.stdout, stderr: result.stderr };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Runs the real CLI with any arguments, from the repository. */
export function runCli(args: string[], cwd = repo): LiquidRun {
  const result = spawnSync(process.execPath, [cli, ...args], { cwd, encoding: 'utf8', timeout: 60_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}
