// The extension's features in VS Code for the Web, on the virtual workspace (test-web's in-memory
// `vscode-test-web://mount` copy of test/vscode-workspace): diagnostics from the workspace's own
// sample profiles (read through vscode.workspace.fs), a quick fix, the preview webview,
// completions and hovers. Every wait is on an event or a promise the extension resolves, bounded.
import assert from 'assert';
import * as vscode from 'vscode';
import { log } from './log';
import { describeDiagnostics, fromWebview, linted, nextState, waitForDiagnostics } from '../vscode/waits';
import createLeadExample from '../../examples/create-lead.braze-webhook.json';
import acmeDescribe from '../../examples/acme-lead.describe.json';
import type { ExplainResult } from '../../src/vscode/explain-error';
import { walkWorkspaceFolders } from '../../src/vscode/workspace-files';
import { SOURCE, codeOf, extensionId, extensionUnderTest, open, ours, writeWorkspaceFile } from './helpers';
import type { BrazeWebhookApi } from '../../src/vscode/extension-main';

describe('Braze webhook features in VS Code for the Web', function () {
  this.timeout(120_000);
  let api: BrazeWebhookApi;

  before(async () => {
    // Nothing has activated it yet: the host started the tests after the startup activation
    // events, and the virtual workspace holds templates (workspaceContains:**/*.braze-webhook.json).
    assert.strictEqual(vscode.extensions.getExtension(extensionId)?.isActive, true, 'not activated by workspaceContains in the virtual workspace');
    // Opening a template: the entry starts the extension proper.
    await open('create-lead.braze-webhook.json');
    const loaded = await extensionUnderTest();
    api = loaded.api;
    // The runner reads this line into out/bench/activation-web.json (npm run bench, row 8w).
    const { activationMs, evaluateMs } = loaded.entry;
    assert.ok(typeof evaluateMs === 'number' && evaluateMs > 0, `the web entry did not time its bundle's evaluation: ${evaluateMs}`);
    log(`WEB ACTIVATION ${JSON.stringify({ evaluateMs, activationMs, loadMs: api.loadMs, vscode: vscode.version })}`);
  });

  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('lints a template with the workspace sample profiles (read through workspace.fs)', async () => {
    const { document } = await open('create-lead.braze-webhook.json');
    await linted(api, document);
    // user-4711 exists only in sample-users.braze-profiles.json: this finding needs that file.
    const missing = ours(document.uri).filter((d) => codeOf(d) === 'render-missing-attribute');
    assert.ok(
      missing.some((d) => d.message.endsWith('[profile user-4711]') && document.getText(d.range).includes('${last_name}')),
      `no rendered-request finding for the workspace profile user-4711: ${describeDiagnostics(ours(document.uri))}`,
    );
  });

  it('reports the static findings of the seed template and applies a quick fix', async () => {
    const { document } = await open('seed-create-lead.braze-webhook.json');
    await linted(api, document);
    const caseProblem = ours(document.uri).find((d) => codeOf(d) === 'sf-field-case');
    assert.ok(caseProblem, `no sf-field-case finding: ${describeDiagnostics(ours(document.uri))}`);
    assert.strictEqual(document.getText(caseProblem.range), '"firstName"');

    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, caseProblem.range, vscode.CodeActionKind.QuickFix.value);
    const fix = actions.find((a) => a.edit && a.title.includes('"FirstName"'));
    assert.ok(fix?.edit, `no fix for sf-field-case; offered: ${actions.map((a) => a.title).join(' · ')}`);
    const fixed = waitForDiagnostics(document.uri, 'sf-field-case to go away', (ds) => !ds.some((d) => d.source === 'braze-webhook' && codeOf(d) === 'sf-field-case'));
    assert.strictEqual(await vscode.workspace.applyEdit(fix.edit), true);
    await fixed;
    assert.match(document.getText(), /"FirstName":/);
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  it('opens the preview webview with the request rendered in the web worker', async () => {
    // The example has the connected_content token call: the fixture answers it in the worker too.
    await writeWorkspaceFile(`${JSON.stringify(createLeadExample, null, 2)}\n`, 'corrected-create.braze-webhook.json');
    const { document } = await open('corrected-create.braze-webhook.json');
    const ready = fromWebview(api, 'ready');
    const second = nextState(api, 'profile 2 (O\'Brien) selected', (s) => s.selectedProfile === 2 && (s.request?.body ?? '').includes("O'Brien"));
    const first = nextState(api, 'the first state for the template', (s) => s.templateName.endsWith('corrected-create.braze-webhook.json') && s.request !== null);
    await vscode.commands.executeCommand('brazeWebhook.previewRequest', document.uri);
    const state = await first;
    assert.strictEqual(state.request?.method, 'POST');
    assert.strictEqual(state.request?.url, 'https://acme.my.salesforce.com/services/data/v60.0/sobjects/Lead/');
    assert.deepStrictEqual(state.request?.headers[0], ['Authorization', 'Bearer <redacted>']);
    assert.strictEqual(state.subrequests[0]?.url, 'https://acme.my.salesforce.com/services/oauth2/token');
    assert.strictEqual(state.subrequests[0]?.response.status, 200);
    const tabs = vscode.window.tabGroups.all.flatMap((g) => g.tabs);
    const webview = tabs.find((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith('brazeWebhook.preview'));
    assert.ok(webview, `no preview webview tab; tabs: ${tabs.map((t) => t.label).join(', ')}`);
    // The webview's own script (media/preview.js) loaded under its CSP and said so.
    await ready;
    assert.strictEqual(state.answer?.statusLine, '201 Created', "Salesforce's predicted answer is computed in the worker too");
    assert.strictEqual(state.answer?.braze, 'delivered');
    await vscode.commands.executeCommand('brazeWebhook.selectProfile', 2);
    await second;
  });

  it("reads the org's describe the config names through workspace.fs, and explains a pasted error", async () => {
    await writeWorkspaceFile(JSON.stringify(acmeDescribe), 'org', 'lead.describe.json');
    // The corrected example (with its token call): Salesforce gets as far as checking the body.
    await writeWorkspaceFile(`${JSON.stringify(createLeadExample, null, 2)}\n`, 'describe-create.braze-webhook.json');
    const { document } = await open('describe-create.braze-webhook.json');
    await linted(api, document);
    const mentionsRegion = (ds: readonly vscode.Diagnostic[]) => ds.some((d) => d.source === SOURCE && /Region__c/.test(d.message));
    assert.ok(!mentionsRegion(ours(document.uri)), 'the built-in model does not know Region__c');
    const required = waitForDiagnostics(document.uri, "the org's required Region__c", mentionsRegion);
    const config = await writeWorkspaceFile(JSON.stringify({ salesforce: { describe: { Lead: 'org/lead.describe.json' } } }), 'braze-webhook.config.json');
    await required;

    const error = '[{"message":"Required fields are missing: [Region__c]","errorCode":"REQUIRED_FIELD_MISSING","fields":["Region__c"]}]';
    const result = (await api.runCommand('brazeWebhook.explainSalesforceError' as never, [{ template: document.uri, text: error, reveal: 0 }])) as ExplainResult;
    assert.strictEqual(result.explanation.errors[0]?.error.errorCode, 'REQUIRED_FIELD_MISSING');
    assert.ok(result.explanation.errors[0].reproducedBy.length >= 3, `every sample profile reproduces it: ${JSON.stringify(result.explanation.errors[0].reproducedBy)}`);
    assert.ok(result.revealed, 'the place in the template was revealed');

    const back = waitForDiagnostics(document.uri, 'the built-in model once the config is gone', (ds) => ds.some((d) => d.source === SOURCE) && !mentionsRegion(ds));
    await vscode.workspace.fs.delete(config);
    await back;
  });

  it('offers Braze completions in a template', async () => {
    const editor = await open('create-lead.braze-webhook.json');
    const text = editor.document.getText();
    const inAttribute = editor.document.positionAt(text.indexOf('${last_name}') + 2);
    const attributes = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', editor.document.uri, inAttribute);
    assert.ok(attributes.items.some((i) => i.label === 'first_name' && i.kind === vscode.CompletionItemKind.Variable), 'no ${first_name} completion');
    const bodyKey = editor.document.positionAt(text.indexOf('"LastName"') + 1);
    const keys = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', editor.document.uri, bodyKey);
    assert.ok(keys.items.some((i) => i.label === 'Email'), 'no Lead field completion for body keys');
  });

  it('explains attributes, Lead fields, filters and headers on hover (their texts read from data/editor-docs.json)', async () => {
    const editor = await open('create-lead.braze-webhook.json');
    const hoverAt = async (needle: string, delta: number): Promise<string> => {
      const position = editor.document.positionAt(editor.document.getText().indexOf(needle) + delta);
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, position);
      return hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : (c as vscode.MarkdownString).value))).join('\n');
    };
    assert.match(await hoverAt('${last_name}', 3), /Last name/);
    assert.match(await hoverAt('"Company"', 2), /max length 255/);
    // The filter and header texts are shipped data, read on the first hover (ADR 020).
    assert.match(await hoverAt('default:', 2), /Uses the fallback when the value is nil, false or empty/);
    assert.match(await hoverAt('"Content-Type"', 2), /Salesforce needs `application\/json` for a JSON body/);
  });

  it('finds the sample profiles by walking the virtual file system too (the fallback without a search provider)', async () => {
    const glob = '**/*.braze-profiles.json';
    const searched = await vscode.workspace.findFiles(glob, '**/node_modules/**', 50);
    const walked = await walkWorkspaceFolders(glob, 50);
    assert.ok(walked.length >= 1, 'the walk found no profiles file');
    assert.deepStrictEqual(walked.map(String).sort(), searched.map(String).sort());
  });

  it('renders content blocks read through workspace.fs', async () => {
    await writeWorkspaceFile('Web note for {{${first_name}}}', 'content_blocks', 'web_note.liquid');
    const template = { url: 'https://acme.my.salesforce.com/services/data/v60.0/sobjects/Lead/', request_method: 'POST', request_headers: { 'Content-Type': 'application/json' }, body: { LastName: 'x', Company: 'y', Description: '{{content_blocks.${web_note}}}' } };
    const uri = await writeWorkspaceFile(JSON.stringify(template, null, 2), 'web-block.braze-webhook.json');
    await open('web-block.braze-webhook.json');
    const rendered = await vscode.commands.executeCommand<vscode.TextDocument>('brazeWebhook.openRenderedRequest', uri);
    // Whichever sample profile the preview has selected: the block rendered with its first name.
    assert.match(rendered.getText(), /"Description":"Web note for (Ana|Seán|Zoë)"/);
  });

  // Last: it changes which profiles the workspace uses, and puts them back.
  it('follows the config file to its profiles, and notices when it changes (file watcher on the virtual file system)', async () => {
    const extra = { users: [{ external_id: 'web-only-1', first_name: 'Wen', email: 'wen@example.org', custom_attributes: { company: 'Web Co' } }] };
    await writeWorkspaceFile(JSON.stringify(extra), 'web', 'extra.braze-profiles.json');
    const { document } = await open('create-lead.braze-webhook.json');
    await linted(api, document);
    const fromConfig = waitForDiagnostics(document.uri, 'the finding for the profile named by the config', (ds) => ds.some((d) => d.message.endsWith('[profile web-only-1]')) && !ds.some((d) => d.message.includes('user-4711')));
    const config = await writeWorkspaceFile(JSON.stringify({ profiles: ['web/extra.braze-profiles.json'] }), 'braze-webhook.config.json');
    await fromConfig;
    const back = waitForDiagnostics(document.uri, 'the workspace profiles again once the config is gone', (ds) => ds.some((d) => d.message.endsWith('[profile user-4711]')));
    await vscode.workspace.fs.delete(config);
    await back;
  });
});
