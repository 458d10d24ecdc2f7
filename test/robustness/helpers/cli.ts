import { spawn, spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

/** The repository root. */
export const REPO = resolve(__dirname, '../../..');
/** The bundled CLI, as users run it. */
export const CLI = resolve(REPO, 'dist/cli.js');

/** What a finished CLI process left behind. */
export interface CliRun {
  /** Exit code; null when the process was killed (see `signal`). */
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  /** Wall-clock time of the process, in ms (reported, never asserted). */
  ms: number;
  /** True when the process was still running at `timeoutMs` and was killed: a hang. */
  timedOut: boolean;
}

export interface CliRunOptions {
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /** Node options placed before the script (e.g. `--require` of a network guard). */
  nodeArgs?: string[];
  /** Hang detector: the process is killed after this many ms. */
  timeoutMs?: number;
}

let built = false;

/** Bundles dist/cli.js once per test process, so the tests never run a stale CLI. */
export function ensureCliBuilt(): void {
  if (built) return;
  const build = spawnSync(process.execPath, ['esbuild.mjs'], { cwd: REPO, encoding: 'utf8' });
  if (build.status !== 0) throw new Error(`node esbuild.mjs failed:\n${build.stderr}`);
  built = true;
}

/** Runs `node dist/cli.js ...args` as a real process and collects its output. */
export function runCli(args: readonly string[], options: CliRunOptions = {}): CliRun {
  ensureCliBuilt();
  const started = performance.now();
  const result = spawnSync(process.execPath, [...(options.nodeArgs ?? []), CLI, ...args], {
    cwd: options.cwd ?? REPO,
    env: { ...process.env, NO_COLOR: '1', ...options.env },
    encoding: 'utf8',
    timeout: options.timeoutMs ?? 30_000,
    maxBuffer: 256 * 1024 * 1024,
  });
  const timedOut = (result.error as NodeJS.ErrnoException | undefined)?.code === 'ETIMEDOUT';
  return {
    code: result.status,
    signal: result.signal,
    stdout: result.stdout ?? '',
    stderr: result.stderr ?? '',
    ms: Math.round(performance.now() - started),
    timedOut,
  };
}

/** A one-line description of a run for assertion messages. */
export function describeRun(run: CliRun): string {
  const how = run.timedOut ? `killed after ${run.ms} ms (hang)` : run.signal ? `killed by ${run.signal}` : `exit ${run.code}`;
  return `${how}; stderr: ${run.stderr.slice(0, 800) || '(empty)'}`;
}

/**
 * Runs `node dist/cli.js ...args` without blocking this process, so a server in this process (the
 * Salesforce stand-in) can answer the CLI while it runs.
 */
export function runCliAsync(args: readonly string[], options: CliRunOptions = {}): Promise<CliRun> {
  ensureCliBuilt();
  const started = performance.now();
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [...(options.nodeArgs ?? []), CLI, ...args], { cwd: options.cwd ?? REPO, env: { ...process.env, NO_COLOR: '1', ...options.env } });
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, options.timeoutMs ?? 30_000);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolvePromise({ code, signal, stdout, stderr, ms: Math.round(performance.now() - started), timedOut });
    });
  });
}
