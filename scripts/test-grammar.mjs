#!/usr/bin/env node
// npm run test:grammar - checks syntaxes/braze-liquid.injection.tmLanguage.json against the
// `// SYNTAX TEST "source.json"` files in test/grammar/ with vscode-tmgrammar-test.
//
// The tool reads its grammar list from a package.json-shaped file (`contributes.grammars`).
// VS Code has the JSON grammar built in; the tool does not, so the list maps tm-grammars'
// json.json to source.json and injects ours into it, as the extension's manifest does.
// The list is written to a temporary directory, so the project's package.json is not needed.
//
// Exit code: the tool's own (0 when every assertion holds), 1 if it could not be run.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = dirname(dirname(fileURLToPath(import.meta.url)));
const require = createRequire(import.meta.url);
const TOOL = join(dirname(require.resolve('vscode-tmgrammar-test/package.json')), 'dist', 'unit.js');
const JSON_GRAMMAR = require.resolve('tm-grammars/grammars/json.json');
const INJECTION_GRAMMAR = join(ROOT, 'syntaxes', 'braze-liquid.injection.tmLanguage.json');
const TEST_CASES = 'test/grammar/*.syntax-test';

const configDir = mkdtempSync(join(tmpdir(), 'braze-grammar-'));
let status = 1;
try {
  // The tool joins each `path` onto the config file's directory, so the paths must be relative.
  const config = {
    contributes: {
      grammars: [
        { scopeName: 'source.json', path: relative(configDir, JSON_GRAMMAR) },
        { scopeName: 'braze-liquid.injection', path: relative(configDir, INJECTION_GRAMMAR), injectTo: ['source.json'] },
      ],
    },
  };
  const configPath = join(configDir, 'package.json');
  writeFileSync(configPath, JSON.stringify(config, null, 2));
  const run = spawnSync(process.execPath, [TOOL, '--config', configPath, ...process.argv.slice(2), TEST_CASES], { cwd: ROOT, stdio: 'inherit' });
  if (run.error) {
    console.error(`[test-grammar] could not run vscode-tmgrammar-test: ${run.error.message}`);
  } else if (run.status === null) {
    console.error(`[test-grammar] vscode-tmgrammar-test ended by signal ${run.signal}`);
  } else {
    status = run.status;
  }
} finally {
  rmSync(configDir, { recursive: true, force: true });
}
process.exit(status);
