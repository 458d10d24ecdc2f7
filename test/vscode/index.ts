// Test entry loaded by VS Code's extension host (code-server route and @vscode/test-electron
// alike): VS Code requires out/test/index.js and awaits run(). Mocha runs every compiled
// out/test/**/*.test.js; the last line is the plain "N passed, N failed" summary CI reads.
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';

function findTestFiles(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true })
    .map(String)
    .filter((file) => file.endsWith('.test.js'))
    .sort()
    .map((file) => path.join(dir, file));
}

export function run(): Promise<void> {
  const mocha = new Mocha({
    ui: 'bdd',
    reporter: 'spec',
    // Generous per-test ceiling; each test bounds its own waits with clearer messages.
    timeout: 60_000,
    color: false,
    // BWH_TEST_GREP=<text> runs only the tests whose full title contains it (while developing).
    grep: process.env.BWH_TEST_GREP || undefined,
  });
  const files = findTestFiles(__dirname);
  for (const file of files) mocha.addFile(file);

  return new Promise((resolve, reject) => {
    try {
      const runner = mocha.run((failures) => {
        const passed = runner.stats?.passes ?? 0;
        console.log(`${passed} passed, ${failures} failed`);
        if (failures > 0) reject(new Error(`${failures} VS Code test(s) failed.`));
        else if (passed === 0) reject(new Error(`No VS Code tests ran (found ${files.length} test files in ${__dirname}).`));
        else resolve();
      });
    } catch (err) {
      reject(err instanceof Error ? err : new Error(String(err)));
    }
  });
}
