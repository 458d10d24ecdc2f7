// Proves where the web suite runs: VS Code for the Web's web-worker extension host. `uiKind`
// alone proves nothing (code-server, the Node suite's host, reports Web too); what does is
// `appHost` 'web', no remote authority, and no Node `process` in the tests' own global scope.
import assert from 'assert';
import * as vscode from 'vscode';
import { extensionId } from './helpers';
import { log } from './log';

describe('the web-worker extension host', () => {
  it('is where these tests run: VS Code for the Web, no remote, no Node', () => {
    log(
      `WEB HOST: version ${vscode.version} | appName ${vscode.env.appName} | appHost ${vscode.env.appHost} | ` +
        `uiKind ${vscode.UIKind[vscode.env.uiKind]} | remoteName ${vscode.env.remoteName ?? '(none)'} | typeof process ${typeof process}`,
    );
    assert.strictEqual(vscode.env.appHost, 'web');
    assert.strictEqual(vscode.env.remoteName, undefined);
    assert.strictEqual(typeof process, 'undefined');
    assert.strictEqual(typeof (globalThis as { require?: unknown }).require, 'undefined', 'a global require exists');
  });

  it('opened the virtual workspace, not a folder on disk', () => {
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder, 'no workspace folder');
    assert.strictEqual(folder.uri.scheme, 'vscode-test-web');
  });

  it("reads the extension's own files through workspace.fs (how data files shipped with it are loaded)", async () => {
    const extension = vscode.extensions.getExtension(extensionId);
    assert.ok(extension, 'the extension under development is not loaded');
    log(`extensionUri scheme: ${extension.extensionUri.scheme}`);
    const bytes = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(extension.extensionUri, 'package.json'));
    const manifest = JSON.parse(new TextDecoder().decode(bytes)) as { browser?: string };
    assert.strictEqual(manifest.browser, './dist/extension-web.js');
  });
});
