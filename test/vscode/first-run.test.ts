// Issue 12: what a new user meets first. The preview shows the template asked for (item 1, as the
// user reported it); "New Salesforce Lead Template" creates a correctly named template from the
// snippets; a template saved as lead.json gets a hint with a rename; the preview says when it
// cannot update; rule pages open rendered; counts read "1 problem".
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { BrazeWebhookEntry } from '../../src/vscode/extension';
import type { BrazeWebhookApi } from '../../src/vscode/extension-main';
import { WAIT_MS, describeDiagnostics, thisExtension, waitForDiagnostics, workspaceFile } from './helpers';
import { linted, nextPost, nextState } from './waits';

const repo = path.resolve(__dirname, '..', '..');
const SOURCE = 'braze-webhook';
const ours = (uri: vscode.Uri) => vscode.languages.getDiagnostics(uri).filter((d) => d.source === SOURCE);
const codeOf = (d: vscode.Diagnostic) => (typeof d.code === 'object' ? String(d.code.value) : String(d.code));

function copyExample(name: string): vscode.Uri {
  const uri = workspaceFile(name);
  fs.copyFileSync(path.join(repo, 'examples', name), uri.fsPath);
  return uri;
}

describe('first run (issue 12)', function () {
  this.timeout(120_000);
  let api: BrazeWebhookApi;

  before(async () => {
    api = await ((await thisExtension().activate()) as BrazeWebhookEntry).ready();
  });

  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  // Item 1 exactly as reported: open update-lead-to-mql, Open Rendered Request, click create-lead,
  // Preview. The rendered .http document of the update template must not take the preview back.
  it('the preview shows create-lead after "Open Rendered Request" on update-lead-to-mql, then Preview on create-lead', async () => {
    const update = copyExample('update-lead-to-mql.braze-webhook.json');
    const create = copyExample('create-lead.braze-webhook.json');
    const posted: string[] = [];
    let recording = false;
    const recorder = api.onDidPostToWebview((m) => {
      if (recording) posted.push(m.type === 'state' ? m.state.templateName : m.type);
    });
    try {
      await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(update), vscode.ViewColumn.One);
      const rendered = await vscode.commands.executeCommand<vscode.TextDocument>('brazeWebhook.openRenderedRequest');
      assert.match(rendered.getText(), /^PATCH https:\/\/acme\.my\.salesforce\.com\/services\/data\/v60\.0\/sobjects\/Lead\/00Q\w{15}$/m);

      // "Click create-lead": it becomes the active editor in the first column.
      await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(create), vscode.ViewColumn.One);
      const shown = nextState(api, 'create-lead in the preview', (s) => s.templateName.endsWith('create-lead.braze-webhook.json'));
      await vscode.commands.executeCommand('brazeWebhook.previewRequest');
      const first = await shown;
      assert.equal(first.request?.method, 'POST', `the preview shows ${first.templateName}`);
      recording = true;

      // Any later update (here: another profile) still renders create-lead, although the rendered
      // update document was asked for its content again meanwhile.
      const later = nextState(api, 'profile 2 selected', (s) => s.selectedProfile === 2);
      await vscode.commands.executeCommand('brazeWebhook.selectProfile', 2);
      const second = await later;
      assert.ok(second.templateName.endsWith('create-lead.braze-webhook.json'), `the preview went back to ${second.templateName}`);
      assert.equal(second.request?.method, 'POST');
      assert.match(second.request?.url ?? '', /\/sobjects\/Lead\/$/);
      assert.deepEqual(posted.filter((name) => !name.endsWith('create-lead.braze-webhook.json')), [], 'something else was posted after Preview on create-lead');

      // The rendered document still shows its own template: it is a view, not the preview's owner.
      assert.match(rendered.getText(), /^PATCH /m);
    } finally {
      recorder.dispose();
    }
  });
  for (const kind of ['create', 'update', 'upsert'] as const) {
    it(`"New Salesforce Lead Template" (${kind}) opens a correctly named template from the snippets, with no error`, async () => {
      const editor = await vscode.commands.executeCommand<vscode.TextEditor>('brazeWebhook.newTemplate', { kind, name: `first-${kind}` });
      const { document } = editor;
      assert.equal(document.uri.scheme, 'untitled');
      assert.equal(document.uri.path, workspaceFile(`first-${kind}.braze-webhook.json`).path, 'named in the workspace folder, .braze-webhook.json added');
      assert.equal(document.languageId, 'json');
      const template = JSON.parse(document.getText()) as { url: string; request_method: string; body: Record<string, string> };
      assert.equal(template.request_method, kind === 'create' ? 'POST' : 'PATCH');
      assert.match(template.url, kind === 'upsert' ? /\/sobjects\/Lead\/Braze_External_Id__c\/\{\{\$\{user_id\} \| url_param_escape\}\}$/ : /\/sobjects\/Lead\//);
      // The body comes from snippets/braze-webhook.snippets.json, not from a copy in the code.
      const snippets = JSON.parse(fs.readFileSync(path.join(repo, 'snippets', 'braze-webhook.snippets.json'), 'utf8')) as Record<string, { prefix: string; body: string[] }>;
      const prefix = { create: 'sf-create-lead', update: 'sf-update-lead-mql', upsert: 'sf-upsert-lead' }[kind];
      assert.ok(Object.values(snippets).some((s) => s.prefix === prefix), `no ${prefix} snippet`);
      await linted(api, document);
      // The snippet's My Domain tab stop (MyDomainName) is flagged until the user types theirs (issue 11):
      // the placeholder itself and the rendered request that cannot reach that host; nothing else.
      const isMyDomainDefault = (d: vscode.Diagnostic) =>
        (codeOf(d) === 'placeholder' && document.getText(d.range) === 'MyDomainName') || (codeOf(d) === 'render-invalid-url' && d.message.includes('MyDomainName.my.salesforce.com'));
      const all = ours(document.uri).filter((d) => d.severity === vscode.DiagnosticSeverity.Error && !d.message.endsWith('[profile user-4711]'));
      assert.ok(all.some(isMyDomainDefault), `the MyDomainName default is not flagged: ${describeDiagnostics(all)}`);
      const errors = all.filter((d) => !isMyDomainDefault(d));
      assert.deepEqual(errors.map((d) => d.message), [], describeDiagnostics(errors));
      // Saving writes exactly that file, without a dialog.
      const saved = workspaceFile(`first-${kind}.braze-webhook.json`);
      const savedOpen = new Promise<vscode.TextDocument>((resolve) => {
        const s = vscode.workspace.onDidOpenTextDocument((d) => {
          if (d.uri.toString() === saved.toString()) {
            s.dispose();
            resolve(d);
          }
        });
      });
      assert.equal(await document.save(), true, 'save failed');
      await savedOpen;
      assert.deepEqual(JSON.parse(fs.readFileSync(saved.fsPath, 'utf8')), template);
    });
  }

  it('"New Sample Users File" opens users in Braze\'s export format', async () => {
    const editor = await vscode.commands.executeCommand<vscode.TextEditor>('brazeWebhook.newSampleProfiles', { name: 'first-users' });
    assert.ok(editor.document.uri.path.endsWith('/first-users.braze-profiles.json'));
    const parsed = JSON.parse(editor.document.getText()) as { users: Array<{ external_id: string; custom_attributes: object }> };
    assert.ok(parsed.users.length >= 2 && parsed.users.every((u) => u.external_id && u.custom_attributes));
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('a template saved as lead.json gets an information hint and a quick fix that renames it', async () => {
    const lead = workspaceFile('lead.json');
    fs.copyFileSync(path.join(repo, 'examples', 'create-lead.braze-webhook.json'), lead.fsPath);
    const plain = workspaceFile('settings-like.json');
    fs.writeFileSync(plain.fsPath, '{ "url": "https://example.com", "timeout": 3 }\n');
    const hinted = waitForDiagnostics(lead, 'the rename hint on lead.json', (ds) => ds.some((d) => d.code === 'template-name'));
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(lead));
    const [hint] = (await hinted).filter((d) => d.code === 'template-name');
    assert.equal(hint.severity, vscode.DiagnosticSeverity.Information, 'a hint, not a warning');
    assert.equal(hint.source, SOURCE);
    assert.match(hint.message, /lead\.braze-webhook\.json/);
    assert.equal((await vscode.workspace.openTextDocument(lead)).getText(hint.range), '"url"');

    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(plain));
    const fixesForPlain = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', plain, new vscode.Range(0, 0, 0, 5));
    assert.deepEqual(vscode.languages.getDiagnostics(plain).filter((d) => d.code === 'template-name'), [], 'an ordinary JSON file got the hint');
    assert.ok(!fixesForPlain.some((a) => /^Rename to/.test(a.title)));

    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', lead, hint.range, vscode.CodeActionKind.QuickFix.value);
    const rename = actions.find((a) => a.title === 'Rename to lead.braze-webhook.json');
    assert.ok(rename?.edit, `no rename action: ${actions.map((a) => a.title).join(', ')}`);
    const renamed = workspaceFile('lead.braze-webhook.json');
    const checked = waitForDiagnostics(renamed, 'our diagnostics on the renamed template', (ds) => ds.some((d) => d.source === SOURCE));
    assert.equal(await vscode.workspace.applyEdit(rename.edit), true);
    assert.ok(fs.existsSync(renamed.fsPath) && !fs.existsSync(lead.fsPath), 'the file was not renamed on disk');
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(renamed));
    await checked;
    assert.ok(!ours(renamed).some((d) => d.code === 'template-name'));
  });

  it('the preview says why it cannot update instead of keeping an old request', async () => {
    const missing = workspaceFile('gone.braze-webhook.json');
    const failure = nextPost(api, 'a failure for a template that is not there', (m) => m.type === 'failure');
    await vscode.commands.executeCommand('brazeWebhook.previewRequest', missing);
    const message = await failure;
    assert.ok(message.type === 'failure' && message.templateName.endsWith('gone.braze-webhook.json') && message.message.length > 0, JSON.stringify(message));
  });

  it('counts read "1 problem", not "1 problems", in the CodeLens and the preview', async () => {
    const template = JSON.parse(fs.readFileSync(path.join(repo, 'examples', 'create-lead.braze-webhook.json'), 'utf8')) as Record<string, unknown>;
    delete template.$schema;
    template.body = { LastName: 'Smith', Company: 'Acme' };
    const uri = workspaceFile('one-problem.braze-webhook.json');
    fs.writeFileSync(uri.fsPath, JSON.stringify(template, null, 2));
    const { document } = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    await linted(api, document);
    assert.equal(ours(uri).length, 1, describeDiagnostics(ours(uri)));
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri);
    assert.equal(lenses[0]?.command?.title, 'Preview · 3 sample profiles · 1 problem');
    const shown = nextPost(api, 'the one-problem template', (m) => m.type === 'state' && m.state.templateName.endsWith('one-problem.braze-webhook.json'));
    await vscode.commands.executeCommand('brazeWebhook.previewRequest', uri);
    const message = await shown;
    assert.ok(message.type === 'state');
    assert.equal(message.state.problemsTitle, 'Problems (1)');
    const counts = message.state.groups.flatMap((g) => g.rows.map((r) => r.count));
    assert.deepEqual(counts.filter((c) => !/^(|1 problem|([02-9]|\d{2,}) problems)$/.test(c)), [], 'a row count with the wrong plural');
  });

  it('a rule link opens the rule page rendered in the Markdown preview', async () => {
    const isPreview = (tab: vscode.Tab | undefined) => tab?.input instanceof vscode.TabInputWebview && /markdown\.preview/.test(tab.input.viewType);
    const opened = new Promise<vscode.Tab>((resolve, reject) => {
      const timer = setTimeout(() => {
        subscription.dispose();
        reject(new Error(`no Markdown preview tab within ${WAIT_MS} ms; tabs: ${vscode.window.tabGroups.all.flatMap((g) => g.tabs.map((t) => t.label)).join(', ')}`));
      }, WAIT_MS);
      const subscription = vscode.window.tabGroups.onDidChangeTabs((e) => {
        const tab = [...e.opened, ...e.changed].find(isPreview);
        if (!tab) return;
        clearTimeout(timer);
        subscription.dispose();
        resolve(tab);
      });
    });
    const page = await vscode.commands.executeCommand<vscode.Uri>('brazeWebhook.showRuleDocs', 'placeholder');
    assert.ok(page.path.endsWith('/docs/rules/placeholder.md'), page.toString());
    const tab = await opened;
    assert.match(tab.label, /placeholder\.md/);
    assert.ok(!vscode.window.tabGroups.all.some((g) => g.tabs.some((t) => t.input instanceof vscode.TabInputText && t.input.uri.path.endsWith('placeholder.md'))), 'the raw Markdown was opened');
  });
});
