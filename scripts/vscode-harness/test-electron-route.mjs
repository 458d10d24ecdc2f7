// The conventional route, kept for machines with a desktop VS Code: @vscode/test-electron
// launches it as an "Extension Development Host" with the same out/test/index.js.
// VSCODE_EXECUTABLE=/path/to/code uses that binary; VSCODE_TEST_ROUTE=electron without it lets
// test-electron download VS Code (needs update.code.visualstudio.com, unreachable on our CI).
import { createRequire } from 'node:module';
import { sandboxEnv } from './sandbox.mjs';

const require = createRequire(import.meta.url);

function sandboxOverrides(dirs) {
  const env = sandboxEnv(dirs);
  return Object.fromEntries(['HOME', 'TMPDIR', 'XDG_CONFIG_HOME', 'XDG_CACHE_HOME', 'XDG_DATA_HOME'].map((key) => [key, env[key]]));
}

/** Resolves with the VS Code process exit code (0 = all tests passed). */
export async function runWithTestElectron({ root, testsEntry, dirs }) {
  const { runTests } = require('@vscode/test-electron');
  const executable = process.env.VSCODE_EXECUTABLE;
  console.log(`[vscode-tests] @vscode/test-electron with ${executable ?? 'a downloaded stable VS Code'}`);
  try {
    return await runTests({
      ...(executable ? { vscodeExecutablePath: executable } : { version: process.env.VSCODE_VERSION ?? 'stable' }),
      extensionDevelopmentPath: root,
      extensionTestsPath: testsEntry,
      // test-electron itself adds --no-sandbox, --disable-updates, --skip-welcome,
      // --skip-release-notes and --disable-workspace-trust.
      launchArgs: [dirs.workspace, '--user-data-dir', dirs.userData, '--extensions-dir', dirs.extensions],
      // test-electron starts VS Code with process.env plus these: the same temporary HOME/TMPDIR.
      extensionTestsEnv: sandboxOverrides(dirs),
    });
  } catch (err) {
    // runTests rejects when VS Code exits non-zero; the reporter output is already printed.
    console.error(`[vscode-tests] ${err instanceof Error ? err.message : String(err)}`);
    return 1;
  }
}
