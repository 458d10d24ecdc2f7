// First tests in the real editor: which VS Code this is, activation, contributed commands, and
// the JSON schema contributed through jsonValidation as reported by the editor's own JSON service.
// Everything waits on events (diagnostics changes, command and edit promises), never on sleeps;
// every wait is bounded and says what it was waiting for when it gives up.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';

/** Upper bound for one event wait. Generous: the JSON server starts cold on 2-core CI machines. */
const WAIT_MS = 30_000;

interface CommandContribution {
  command: string;
}

interface Manifest {
  name: string;
  publisher: string;
  engines: { vscode: string };
  contributes?: { commands?: CommandContribution[] };
}

function describeDiagnostics(diagnostics: readonly vscode.Diagnostic[]): string {
  if (diagnostics.length === 0) return '(none)';
  return diagnostics
    .map(
      (d) =>
        `[source ${d.source ?? '(none)'}, code ${JSON.stringify(d.code) ?? '(none)'}, ${vscode.DiagnosticSeverity[d.severity]}] ` +
        `${d.message} @${d.range.start.line + 1}:${d.range.start.character + 1}`,
    )
    .join('; ');
}

/**
 * Resolves with the diagnostics of `uri` as soon as `predicate` holds: checked immediately, then
 * on every onDidChangeDiagnostics event for that URI. Rejects after `WAIT_MS` with the current
 * diagnostics in the message. Call it before the action that should change the diagnostics.
 */
function waitForDiagnostics(
  uri: vscode.Uri,
  what: string,
  predicate: (diagnostics: readonly vscode.Diagnostic[]) => boolean,
): Promise<readonly vscode.Diagnostic[]> {
  return new Promise((resolve, reject) => {
    const key = uri.toString();
    let done = false;
    const check = (): void => {
      if (done) return;
      const diagnostics = vscode.languages.getDiagnostics(uri);
      if (!predicate(diagnostics)) return;
      finish();
      resolve(diagnostics);
    };
    const subscription = vscode.languages.onDidChangeDiagnostics((event) => {
      if (event.uris.some((changed) => changed.toString() === key)) check();
    });
    const timer = setTimeout(() => {
      finish();
      reject(
        new Error(
          `Timed out after ${WAIT_MS} ms waiting for ${what} on ${uri.fsPath}. ` +
            `Diagnostics now: ${describeDiagnostics(vscode.languages.getDiagnostics(uri))}`,
        ),
      );
    }, WAIT_MS);
    function finish(): void {
      done = true;
      subscription.dispose();
      clearTimeout(timer);
    }
    check();
  });
}

/**
 * A diagnostic from VS Code's JSON language service about the missing `url`. The service tags
 * its diagnostics with source 'json' in some VS Code versions and with no source at all in others
 * (1.100.3 sends none); any other source (our own linter, later) does not count.
 */
const fromJsonService = (d: vscode.Diagnostic): boolean => d.source === 'json' || d.source === undefined || d.source === '';
const isMissingUrl = (d: vscode.Diagnostic): boolean => fromJsonService(d) && /\burl\b/.test(d.message);

function workspaceFile(name: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the test run must open the test/vscode-workspace fixture folder');
  return vscode.Uri.joinPath(folder.uri, name);
}

// This bundle is out/test/activation.test.js; the extension's package.json is two levels up.
const manifest = JSON.parse(fs.readFileSync(path.resolve(__dirname, '..', '..', 'package.json'), 'utf8')) as Manifest;
const extensionId = `${manifest.publisher}.${manifest.name}`;

function thisExtension(): vscode.Extension<unknown> {
  const ext = vscode.extensions.getExtension(extensionId);
  assert.ok(ext, `the extension under development (${extensionId}) is not loaded`);
  return ext;
}

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
