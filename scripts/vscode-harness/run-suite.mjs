// What every test runner here does around its own `main()`: an overall timeout, then one exit
// path - cleanup (kill our process groups, remove the sandbox) whatever happened, a check that
// nothing we started is still alive, a PASSED/FAILED line with the duration, and the exit code
// (0 only when `main` resolved with 0 or nothing).
import { liveGroups } from './process-groups.mjs';

/** Rejects with a TIMEOUT error naming `what` when `promise` takes longer than `seconds`. */
export function withTimeout(promise, seconds, what) {
  let timer;
  const guard = new Promise((_, reject) => {
    timer = setTimeout(
      () =>
        reject(
          new Error(
            `TIMEOUT: ${what} did not report a result within ${seconds} s ` +
              '(workbench never started the tests, or a test hangs without its own bound). ' +
              'Raise VSCODE_TEST_TIMEOUT_SECONDS or rerun with VSCODE_TEST_VERBOSE=1.',
          ),
        ),
      seconds * 1000,
    );
  });
  return Promise.race([promise, guard]).finally(() => clearTimeout(timer));
}

/**
 * Runs `main`, then exits the process. `failureContext()` may return log tails to print when it
 * failed.
 * @param {{ main: () => Promise<number | void>, cleanup: () => Promise<void>, log: (m: string) => void,
 *           fail: (m: string) => void, verbose: boolean, failureContext?: () => string }} options
 */
export async function runSuiteAndExit({ main, cleanup, log, fail, verbose, failureContext = () => '' }) {
  const started = Date.now();
  let exitCode = 1;
  try {
    const code = await main();
    exitCode = code === undefined || code === 0 ? 0 : 1;
  } catch (err) {
    fail(err instanceof Error ? ((verbose ? err.stack : undefined) ?? err.message) : String(err));
    const context = failureContext();
    if (context) console.error(context);
    exitCode = 1;
  } finally {
    await cleanup();
  }
  const left = liveGroups();
  if (left.length > 0) {
    fail(`process groups still alive after cleanup: ${left.join(', ')}`);
    exitCode = 1;
  }
  log(`${exitCode === 0 ? 'PASSED' : 'FAILED'} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  process.exit(exitCode);
}
