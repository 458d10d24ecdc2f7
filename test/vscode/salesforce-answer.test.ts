// Salesforce's predicted answer where the user looks, in the real editor: the preview's "Salesforce
// answer" section and the matrix's status per profile, the rendered document, an org describe
// named by the setting and created, broken and fixed while the template is open, and Explain
// Salesforce Error…. Every wait is on an event or a promise the extension resolves, with a bound.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { BrazeWebhookEntry } from '../../src/vscode/extension';
import type { BrazeWebhookApi } from '../../src/vscode/extension-main';
import type { ExplainResult } from '../../src/vscode/explain-error';
import { thisExtension, waitForDiagnostics, workspaceFile } from './helpers';
import { linted, nextState } from './waits';

const repo = path.resolve(__dirname, '..', '..');
const SOURCE = 'braze-webhook';
const ours = (diagnostics: readonly vscode.Diagnostic[]) => diagnostics.filter((d) => d.source === SOURCE);

describe("Salesforce's answer in a real VS Code", function () {
  this.timeout(120_000);
  let api: BrazeWebhookApi;
  const created: string[] = [];

  function copyExample(from: string, name: string, edit: (text: string) => string = (t) => t): vscode.Uri {
    const uri = workspaceFile(name);
    fs.writeFileSync(uri.fsPath, edit(fs.readFileSync(path.join(repo, 'examples', from), 'utf8')));
    created.push(uri.fsPath);
    return uri;
  }

  before(async () => {
    const entry = (await thisExtension().activate()) as BrazeWebhookEntry;
    api = await entry.ready();
  });

  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  after(async () => {
    await vscode.workspace.getConfiguration('brazeWebhook').update('salesforce.describe', undefined, vscode.ConfigurationTarget.Workspace);
    for (const file of created) fs.rmSync(file, { force: true, recursive: true });
    await api.runCommand('brazeWebhook.selectProfile' as never, [1]);
  });

  it('the preview shows the answer for the chosen profile, the matrix each profile\'s status, and the rendered document the same answer', async () => {
    const uri = copyExample('update-lead-to-mql.braze-webhook.json', 'answer-update.braze-webhook.json');
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    await api.runCommand('brazeWebhook.selectProfile' as never, [1]);
    const first = nextState(api, 'the answer for profile 1', (s) => s.templateName.endsWith('answer-update.braze-webhook.json') && s.selectedProfile === 1 && s.answer !== null);
    await vscode.commands.executeCommand('brazeWebhook.previewRequest', uri);
    const state = await first;
    assert.equal(state.answer?.statusLine, '204 No Content');
    assert.equal(state.answer?.braze, 'delivered');
    assert.equal(state.answer?.source, 'simulated');
    assert.match(state.answer?.limits ?? '', /validation rules, duplicate rules, triggers, flows/);
    assert.match(state.answer?.modelNote ?? '', /Built-in Lead model/, 'without an org describe the section says the model is the built-in one');
    const rows = state.groups[0].rows.map((r) => [r.label, r.status, r.tone]);
    assert.deepEqual(rows, [
      ['00QKY000001LyJR2A0', '204 No Content', 'ok'],
      ['00QE000000Ft9AhMAJ', '204 No Content', 'ok'],
      ['user-4711', '404 NOT_FOUND · dropped', 'error'],
    ]);
    assert.equal(state.groups[0].answerErrors, '1 of 3 profiles gets an error answer from Salesforce');

    const third = nextState(api, 'the answer for profile 3', (s) => s.selectedProfile === 3 && s.answer?.status === 404);
    await vscode.commands.executeCommand('brazeWebhook.selectProfile', 3);
    const failing = (await third).answer;
    assert.equal(failing?.braze, 'dropped');
    assert.match(failing?.brazeNote ?? '', /this Lead update is lost/);
    assert.match(failing?.body ?? '', /"errorCode": "NOT_FOUND"/);

    const rendered = (await vscode.commands.executeCommand<vscode.TextDocument>('brazeWebhook.openRenderedRequest', uri)) as vscode.TextDocument;
    assert.match(rendered.getText(), /^### Salesforce answer \(simulated, not sent\)\n# ← 404 Not Found$/m, 'the same comment block as the CLI prints');

    const aborted = nextState(api, 'no answer when the message aborts', (s) => s.scenario === 'invalid-client' && s.aborted !== null);
    await vscode.commands.executeCommand('brazeWebhook.selectScenario', 'invalid-client');
    const none = await aborted;
    assert.equal(none.answer, null);
    assert.match(none.noAnswer ?? '', /aborted for this profile/);
    await vscode.commands.executeCommand('brazeWebhook.selectScenario', 'token-ok');
  });

  it('an org describe named by the setting (saved as UTF-16) changes the diagnostics when it is created, and a broken one is reported in its file while the built-in model stays', async () => {
    const uri = copyExample('create-lead.braze-webhook.json', 'answer-describe.braze-webhook.json');
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document);
    await linted(api, document);
    const mentionsRegion = (d: readonly vscode.Diagnostic[]) => ours(d).some((x) => /Region__c/.test(x.message));
    assert.ok(!mentionsRegion(vscode.languages.getDiagnostics(uri)), 'the built-in model does not know Region__c');

    const folder = workspaceFile('sfui-org');
    created.push(folder.fsPath);
    const describe = vscode.Uri.joinPath(folder, 'lead.describe.json');
    await vscode.workspace.getConfiguration('brazeWebhook').update('salesforce.describe', { Lead: 'sfui-org/lead.describe.json' }, vscode.ConfigurationTarget.Workspace);

    const required = waitForDiagnostics(uri, "a finding on the org's required Region__c", mentionsRegion);
    fs.mkdirSync(folder.fsPath, { recursive: true });
    // As Windows PowerShell's `sf sobject describe … > lead.describe.json` saves it: UTF-16LE with its byte order mark.
    const utf16 = Buffer.from(`\ufeff${fs.readFileSync(path.join(repo, 'examples', 'acme-lead.describe.json'), 'utf8')}`, 'utf16le');
    fs.writeFileSync(describe.fsPath, utf16);
    await required;

    const reported = waitForDiagnostics(describe, 'a problem in the broken describe file', (d) => ours(d).length > 0);
    const builtInAgain = waitForDiagnostics(uri, 'the built-in model again', (d) => ours(d).length > 0 && !mentionsRegion(d));
    fs.writeFileSync(describe.fsPath, '{ "name": "Lead", "fields": [ }');
    const [problem] = ours(await reported);
    assert.match(problem.message, /built-in model until this file can be read/);
    assert.equal(problem.range.start.line, 0, 'at its position in the describe file');
    await builtInAgain;
  });

  it('Explain Salesforce Error… maps a pasted log line to the template position that produced it, and says so when the text holds no error', async () => {
    const uri = copyExample('create-lead.braze-webhook.json', 'answer-explain.braze-webhook.json', (text) => text.replace('"LeadSource": "Web"', '"LeadSource": "Web",\n    "Lead_Score__c": "{{custom_attribute.${lead_score}}}"'));
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document);
    const line = `Webhook failed · status 400 Bad Request · [{"message":"No such column 'Lead_Score__c' on sobject of type Lead","errorCode":"INVALID_FIELD","fields":[]}]`;
    const result = (await api.runCommand('brazeWebhook.explainSalesforceError' as never, [{ template: uri, text: line, reveal: 0 }])) as ExplainResult;
    assert.equal(result.explanation.status, 400);
    assert.equal(result.items.length, 1);
    assert.match(result.items[0].label, /INVALID_FIELD: body key "Lead_Score__c"/);
    const editor = vscode.window.activeTextEditor;
    assert.equal(editor?.document.uri.toString(), uri.toString());
    assert.equal(editor?.document.getText(editor.selection), '"Lead_Score__c"', 'the key that produced the error is selected');

    const nothing = (await api.runCommand('brazeWebhook.explainSalesforceError' as never, [{ template: uri, text: 'the webhook failed yesterday' }])) as ExplainResult;
    assert.match(nothing.explanation.problem ?? '', /No Salesforce error found/);
    assert.deepEqual(nothing.items, []);
  });

  it("How to Get Your Org's Describe… opens the page, and its config step opens a new, unsaved config that names the describe", async () => {
    const config = workspaceFile('braze-webhook.config.json');
    assert.ok(!fs.existsSync(config.fsPath), 'the fixture workspace has no config file');
    const page = await vscode.commands.executeCommand<vscode.Uri>('brazeWebhook.describeHowTo', 'config');
    assert.ok(page.path.endsWith('/docs/org-describe.md'), page.toString());
    assert.match(new TextDecoder().decode(await vscode.workspace.fs.readFile(page)), /sf sobject describe --sobject Lead --json/);
    const editor = vscode.window.activeTextEditor;
    assert.equal(editor?.document.uri.scheme, 'untitled');
    assert.ok(editor?.document.uri.path.endsWith('/braze-webhook.config.json'), editor?.document.uri.toString());
    assert.deepEqual(JSON.parse(editor?.document.getText() ?? ''), { salesforce: { describe: { Lead: 'salesforce/lead.describe.json' } } });
    assert.ok(!fs.existsSync(config.fsPath), 'nothing is written until the user saves');
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });
});
