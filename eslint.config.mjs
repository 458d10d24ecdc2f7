// Flat config. The layering rules (style.md §3.1) are the point of this file:
// src/core stays editor- and I/O-free; src/cli never imports vscode.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const nodeBuiltins = ['fs', 'path', 'child_process', 'http', 'https', 'net', 'os', 'worker_threads', 'url', 'crypto', 'util', 'stream', 'dns', 'tls'];

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'node_modules/**', 'test-host/**', 'test-host-web/**', 'media/**', '.tmp/**', 'bench/results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      curly: ['error', 'multi-line'],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/core/**/*.ts'],
    ignores: ['src/core/**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: ['vscode', ...nodeBuiltins].map((name) => ({ name, message: 'src/core is pure: inject I/O through Dependencies.' })),
        patterns: [
          { group: ['node:*'], message: 'src/core is pure: inject I/O through Dependencies.' },
          { group: ['**/vscode/**', '**/cli/**'], message: 'src/core must not import the adapters.' },
        ],
      }],
    },
  },
  {
    // The extension also runs in VS Code for the Web's web-worker host (ADR 013): no Node
    // built-ins, no Node globals. test/package/web-bundle.test.ts checks the built bundle too.
    files: ['src/vscode/**/*.ts'],
    ignores: ['src/vscode/**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: nodeBuiltins.map((name) => ({ name, message: 'src/vscode runs in the web-worker host too (ADR 013): use vscode.workspace.fs and web APIs.' })),
        patterns: [{ group: ['node:*'], message: 'src/vscode runs in the web-worker host too (ADR 013): use vscode.workspace.fs and web APIs.' }],
      }],
      'no-restricted-globals': ['error', ...['process', 'Buffer', 'global', '__dirname', '__filename', 'setImmediate'].map((name) => ({
        name,
        message: 'src/vscode runs in the web-worker host too (ADR 013), which has no Node globals.',
      }))],
    },
  },
  {
    files: ['src/cli/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [{ name: 'vscode', message: 'The CLI never imports vscode.' }] }],
    },
  },
  {
    files: ['**/*.mjs', 'scripts/**/*.js', 'media/**/*.js'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', Buffer: 'readonly' } },
  },
);
