// First tests in the real editor: which VS Code this is, activation, contributed commands, and
// the JSON schema contributed through jsonValidation as reported by the editor's own JSON service.
// Everything waits on events (diagnostics changes, command and edit promises), never on sleeps;
// every wait is bounded and says what it was waiting for when it gives up.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { describeDiagnostics, fromJsonService, isMissingUrl, manifest, thisExtension, waitForDiagnostics, workspaceFile } from './helpers';

describe('Braze webhooks in a real VS Code', () => {
  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('reports the VS Code version and host it runs in', () => {
    const kind = vscode.UIKind[vscode.env.uiKind];
    console.log(
      `REAL VSCODE: version ${vscode.version} | appName ${vscode.env.appName} | appHost ${vscode.env.appHost} | ` +
        `uiKind ${kind} | remoteName ${vscode.env.remoteName ?? '(local)'} | node ${process.version}`,
    );
    const [major, minor] = vscode.version.split('.').map(Number);
    const wanted = manifest.engines.vscode;
    const [wantMajor, wantMinor] = wanted.replace(/^[^\d]*/, '').split('.').map(Number);
    assert.ok(
      major > wantMajor || (major === wantMajor && minor >= wantMinor),
      `VS Code ${vscode.version} is older than engines.vscode ${wanted}`,
    );
  });

  it('is activated by its activation events when a *.braze-webhook.json file is opened', async () => {
    const ext = thisExtension();
    const doc = await vscode.workspace.openTextDocument(workspaceFile('create-lead.braze-webhook.json'));
    await vscode.window.showTextDocument(doc);
    assert.equal(doc.languageId, 'json');
    // No activate() call before this point: VS Code runs the tests only after the extensions
    // its startup activation events (workspaceContains:**/*.braze-webhook.json) selected have
    // finished activating.
    assert.equal(ext.isActive, true, `${ext.id} was not activated (activationEvents: workspaceContains)`);
  });

  it('registers every command its package.json contributes', async () => {
    const ext = thisExtension();
    await ext.activate();
    const contributed = (manifest.contributes?.commands ?? []).map((c) => c.command);
    const registered = new Set(await vscode.commands.getCommands(true));
    console.log(`contributed commands: ${contributed.length === 0 ? '(none yet)' : contributed.join(', ')}`);
    const missing = contributed.filter((id) => !registered.has(id));
    assert.deepEqual(missing, [], 'contributed commands that activate() did not register');
  });

  it('reports a missing url through the JSON service (schema contributed via jsonValidation)', async () => {
    const uri = workspaceFile('missing-url.braze-webhook.json');
    const reported = waitForDiagnostics(uri, 'a json diagnostic about the missing "url"', (ds) => ds.some(isMissingUrl));
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc);
    const diagnostics = await reported;
    const missingUrl = diagnostics.filter(isMissingUrl);
    assert.equal(missingUrl.length, 1, describeDiagnostics(diagnostics));
    assert.match(missingUrl[0].message, /Missing property "url"/);
  });

  it('clears the missing-url diagnostic once the document gets a url', async () => {
    const uri = workspaceFile('missing-url.braze-webhook.json');
    const doc = await vscode.workspace.openTextDocument(uri);
    const editor = await vscode.window.showTextDocument(doc);
    await waitForDiagnostics(uri, 'the missing-url diagnostic', (ds) => ds.some(isMissingUrl));

    const cleared = waitForDiagnostics(uri, 'the missing-url diagnostic to go away', (ds) => !ds.some(isMissingUrl));
    const edit = new vscode.WorkspaceEdit();
    edit.insert(uri, new vscode.Position(1, 0), '  "url": "https://MyDomainName.my.salesforce.com/services/data/v60.0/sobjects/Lead/",\n');
    assert.equal(await vscode.workspace.applyEdit(edit), true, 'applyEdit was refused');
    assert.match(editor.document.getText(), /"url": "https:/);
    const afterEdit = await cleared;
    assert.equal(afterEdit.filter(fromJsonService).length, 0, describeDiagnostics(afterEdit));

    // Leave the fixture as it was for any later test (the runner works on a temporary copy).
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });
});
