// Every line the web suite prints starts with SUITE_TAG. test-web forwards the whole workbench's
// console to the runner, which shows the tagged lines and keeps the rest for a failure report
// (scripts/run-web-tests.mjs). The worker's console methods cannot be replaced (the extension host
// keeps its own), so the suite prints through `log`, and mocha's reporter is pointed at it.
export const SUITE_TAG = '[web-suite] ';

/** console.log with the suite's tag (printf-style arguments, as console.log takes them). */
export function log(format = '', ...args: unknown[]): void {
  console.log(SUITE_TAG + format, ...args);
}
