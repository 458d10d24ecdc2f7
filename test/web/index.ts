// Test entry of the web suite, loaded by VS Code's web-worker extension host (@vscode/test-web,
// scripts/run-web-tests.mjs). The host has no file system and no `require` but `vscode`, so the
// whole suite is one file (esbuild.mjs: test/web → out/test-web/index.js): mocha's own browser
// build, then every test file, pulled in by the virtual module `web-tests:all`. The last line is
// the plain "N passed, N failed" summary, as in the Node suite (test/vscode/index.ts). Every line
// of the suite is tagged (log.ts) so the runner can tell it from the workbench's own log.
import 'mocha/mocha.js';
import { log } from './log';

declare const mocha: BrowserMocha;
declare const Mocha: { reporters: { Base: { consoleLog: (format?: string, ...args: unknown[]) => void } } };

interface BrowserMocha {
  setup(options: { ui: string; reporter: string; timeout: number; color: boolean }): void;
  run(done: (failures: number) => void): { stats?: { passes: number } };
}

export function run(): Promise<void> {
  Mocha.reporters.Base.consoleLog = log;
  mocha.setup({
    ui: 'bdd',
    reporter: 'spec',
    // Generous per-test ceiling; each test bounds its own waits with clearer messages.
    timeout: 60_000,
    color: false,
  });
  // After setup: the test files call describe/it at load time.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  require('web-tests:all');
  return new Promise((resolve, reject) => {
    try {
      const runner = mocha.run((failures) => {
        const passed = runner.stats?.passes ?? 0;
        log(`${passed} passed, ${failures} failed`);
        if (failures > 0) reject(new Error(`${failures} web test(s) failed.`));
        else if (passed === 0) reject(new Error('No web tests ran.'));
        else resolve();
      });
    } catch (err) {
      reject(err instanceof Error ? err : new Error(String(err)));
    }
  });
}
