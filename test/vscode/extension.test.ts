// The extension's features in the real editor: diagnostics (the same as the CLI's), quick fixes,
// snippets, completions, hovers, CodeLens, and the preview (webview messages and the rendered
// document). Every wait is on an event or a promise the extension resolves, with a bound.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { BrazeWebhookEntry } from '../../src/vscode/extension';
import type { BrazeWebhookApi } from '../../src/vscode/extension-main';
import { WAIT_MS, describeDiagnostics, thisExtension, workspaceFile } from './helpers';
import { linted, nextState } from './waits';

const repo = path.resolve(__dirname, '..', '..');
const SOURCE = 'braze-webhook';
const SECRET = 'EXAMPLE0SECRET0C0FFEE';

const ours = (uri: vscode.Uri) => vscode.languages.getDiagnostics(uri).filter((d) => d.source === SOURCE);
const codeOf = (d: vscode.Diagnostic) => (typeof d.code === 'object' ? String(d.code.value) : String(d.code));

async function open(name: string): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(workspaceFile(name));
  return vscode.window.showTextDocument(document);
}

function copyIntoWorkspace(from: string, name: string): vscode.Uri {
  const uri = workspaceFile(name);
  fs.copyFileSync(path.join(repo, from), uri.fsPath);
  return uri;
}

interface RowOfDiagnostic {
  ruleId: string;
  severity: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  message: string;
}

function toRow(d: vscode.Diagnostic): RowOfDiagnostic {
  const severity = ['error', 'warning', 'info', 'hint'][d.severity];
  return { ruleId: codeOf(d), severity, line: d.range.start.line + 1, column: d.range.start.character + 1, endLine: d.range.end.line + 1, endColumn: d.range.end.character + 1, message: d.message };
}

const byPosition = (a: RowOfDiagnostic, b: RowOfDiagnostic) => a.line - b.line || a.column - b.column || a.ruleId.localeCompare(b.ruleId) || a.message.localeCompare(b.message);

describe('Braze webhook features in a real VS Code', function () {
  this.timeout(120_000);
  let api: BrazeWebhookApi;

  before(async () => {
    const entry = (await thisExtension().activate()) as BrazeWebhookEntry;
    api = await entry.ready();
    console.log(`ACTIVATION: activate() took ${entry.activationMs.toFixed(2)} ms; loading the extension proper took ${api.loadMs.toFixed(2)} ms`);
    fs.mkdirSync(path.join(repo, 'out', 'bench'), { recursive: true });
    fs.writeFileSync(path.join(repo, 'out', 'bench', 'activation.json'), JSON.stringify({ activationMs: entry.activationMs, loadMs: api.loadMs, vscode: vscode.version }));
  });

  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('shows the seed template findings at the right ranges, exactly as the CLI reports them', async () => {
    const editor = await open('seed-create-lead.braze-webhook.json');
    const { document } = editor;
    await linted(api, document);
    const diagnostics = ours(document.uri);
    const text = (d: vscode.Diagnostic) => document.getText(d.range);
    const has = (rule: string, highlighted: string, line: number) =>
      assert.ok(
        diagnostics.some((d) => codeOf(d) === rule && text(d) === highlighted && d.range.start.line + 1 === line),
        `expected ${rule} on ${highlighted} (line ${line}); got ${describeDiagnostics(diagnostics)}`,
      );
    has('placeholder', '[insert_instance_name]', 4);
    has('placeholder', '[insert_client_secret]', 7);
    has('header-name', 'Autorización', 7);
    has('header-name', 'Tipo de contenido', 8);
    has('oauth-token-cache', 'https://[insert_instance_name].my.salesforce.com/services/oauth2/token', 7);
    has('oauth-abort-guard', 'https://[insert_instance_name].my.salesforce.com/services/oauth2/token', 7);
    has('sf-unknown-field', '"apellido"', 12);
    has('sf-unknown-field', '"correo electrónico"', 13);
    has('sf-field-case', '"firstName"', 11);
    has('render-invalid-url', '"https://[insert_instance_name].my.salesforce.com/services/data/v60.0/sobjects/Lead/"', 4);
    const placeholder = diagnostics.find((d) => codeOf(d) === 'placeholder');
    const target = typeof placeholder?.code === 'object' ? placeholder.code.target : undefined;
    assert.equal(target?.scheme, 'command', `code target: ${target?.toString()}`);
    assert.equal(target?.path, 'brazeWebhook.showRuleDocs');
    assert.deepEqual(JSON.parse(target?.query ?? ''), ['placeholder']);

    const run = spawnSync(process.execPath, [path.join(repo, 'dist', 'cli.js'), 'lint', document.uri.fsPath, '--profiles', workspaceFile('sample-users.braze-profiles.json').fsPath, '--format', 'json'], { encoding: 'utf8', cwd: repo });
    assert.equal(run.status, 1, run.stderr);
    const cli = JSON.parse(run.stdout) as Array<{ problems: Array<RowOfDiagnostic & { profile?: string }> }>;
    const fromCli = cli[0].problems.map(({ profile: _profile, ...row }) => row).sort(byPosition);
    assert.deepEqual(diagnostics.map(toRow).sort(byPosition), fromCli);
  });

  it('applying the quick fixes clears every finding that has a safe fix; placeholders remain', async () => {
    copyIntoWorkspace('examples/seed-create-lead.braze-webhook.json', 'seed-to-fix.braze-webhook.json');
    const { document } = await open('seed-to-fix.braze-webhook.json');
    await linted(api, document);
    // executeCodeActionProvider does not hand back which diagnostic an action fixes, so apply the
    // first preferred (safe) fix over the whole file, wait for the re-lint, and repeat.
    const whole = () => new vscode.Range(document.positionAt(0), document.positionAt(document.getText().length));
    const preferredFixes = async () =>
      ((await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, whole(), vscode.CodeActionKind.QuickFix.value)) ?? []).filter((a) => a.isPreferred && a.edit);
    const applied: string[] = [];
    const before = new Set(ours(document.uri).map(codeOf));
    for (let round = 0; round < 30; round++) {
      const [fix] = await preferredFixes();
      if (!fix?.edit) break;
      assert.equal(await vscode.workspace.applyEdit(fix.edit), true);
      applied.push(fix.title);
      await linted(api, document);
    }
    const remaining = ours(document.uri);
    console.log(`quick fixes applied: ${applied.join(' · ')}`);
    for (const rule of ['header-name', 'sf-unknown-field', 'sf-field-case', 'oauth-token-cache', 'oauth-abort-guard']) {
      assert.ok(before.has(rule), `${rule} was not reported before the fixes`);
      assert.ok(!remaining.some((d) => codeOf(d) === rule), `${rule} remains: ${describeDiagnostics(remaining)}`);
    }
    assert.ok(remaining.some((d) => codeOf(d) === 'placeholder'), 'placeholders must remain until the user types values');
    assert.deepEqual((await preferredFixes()).map((a) => a.title), [], 'a safe fix is still offered');
    assert.match(document.getText(), /"Authorization": "\{% connected_content/);
    assert.match(document.getText(), /"LastName": "\{\{\$\{last_name\}\}\}"/);
    await document.save();
  });

  it('fixes everything safe at once with the Fix All command', async () => {
    copyIntoWorkspace('examples/seed-update-lead.braze-webhook.json', 'seed-fix-all.braze-webhook.json');
    const { document } = await open('seed-fix-all.braze-webhook.json');
    await linted(api, document);
    assert.ok(ours(document.uri).some((d) => codeOf(d) === 'header-name'));
    assert.equal(await vscode.commands.executeCommand('brazeWebhook.fixAll', document.uri), true);
    for (let i = 0; i < 5 && (await vscode.commands.executeCommand('brazeWebhook.fixAll', document.uri)); i++) {
      await linted(api, document);
    }
    await linted(api, document);
    assert.ok(!ours(document.uri).some((d) => codeOf(d) === 'header-name'), describeDiagnostics(ours(document.uri)));
    await document.save();
  });

  it('expands every snippet where it belongs, and each lints with no error', async () => {
    const snippets = JSON.parse(fs.readFileSync(path.join(repo, 'snippets', 'braze-webhook.snippets.json'), 'utf8')) as Record<string, { context: string; body: string[]; prefix: string }>;
    // A complete OAuth header (oauth-header-missing needs one for a REST call); header snippets go after it.
    const auth = `"Authorization": ${JSON.stringify("{% connected_content https://acme.my.salesforce.com/services/oauth2/token :method post :body grant_type=client_credentials :basic_auth salesforce_connected_app :cache_max_age 900 :save token %}{% if token.access_token == blank %}{% abort_message('Salesforce token request failed') %}{% endif %}Bearer {{token.access_token}}")}`;
    const hosts: Record<string, { text: string; marker: string }> = {
      file: { text: '', marker: '' },
      headers: { text: `{\n  "url": "https://acme.my.salesforce.com/services/data/v60.0/sobjects/Lead/",\n  "request_method": "POST",\n  "request_headers": {\n    ${auth},\n    <>},\n  "body": {\n    "LastName": "x",\n    "Company": "y"\n  }\n}\n`, marker: '<>' },
      body: { text: `{\n  "url": "https://acme.my.salesforce.com/services/data/v60.0/sobjects/Lead/",\n  "request_method": "POST",\n  "request_headers": { ${auth}, "Content-Type": "application/json" },\n  "body": {<>}\n}\n`, marker: '<>' },
      string: { text: `{\n  "url": "https://acme.my.salesforce.com/services/data/v60.0/sobjects/Lead/",\n  "request_method": "POST",\n  "request_headers": { ${auth}, "Content-Type": "application/json" },\n  "body": { "LastName": "x", "Company": "y", "Description": "<>" }\n}\n`, marker: '<>' },
    };
    let n = 0;
    for (const [name, snippet] of Object.entries(snippets)) {
      const host = hosts[snippet.context];
      assert.ok(host, `${name}: unknown context ${snippet.context}`);
      const at = host.text.indexOf(host.marker);
      const uri = workspaceFile(`snippet-${++n}.braze-webhook.json`);
      fs.writeFileSync(uri.fsPath, host.text.replace(host.marker, ''));
      const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
      assert.equal(await editor.insertSnippet(new vscode.SnippetString(snippet.body.join('\n')), editor.document.positionAt(Math.max(0, at))), true);
      await linted(api, editor.document);
      // The sample profile user-4711 is deliberately not a Lead Id: that finding is about the data.
      // The snippets' My Domain default stays flagged until the user types a real one: the
      // placeholder itself, and the rendered request that cannot reach that host.
      const isMyDomainDefault = (d: vscode.Diagnostic) =>
        (codeOf(d) === 'placeholder' && editor.document.getText(d.range) === 'MyDomainName') || (codeOf(d) === 'render-invalid-url' && d.message.includes('MyDomainName.my.salesforce.com'));
      const errors = ours(uri).filter((d) => d.severity === vscode.DiagnosticSeverity.Error && !isMyDomainDefault(d) && !(codeOf(d) === 'render-bad-lead-id' && d.message.endsWith('[profile user-4711]')));
      assert.deepEqual(errors.map(toRow), [], `${name} (${snippet.prefix}) expanded to:\n${editor.document.getText()}`);
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    }
    assert.ok(n >= 10, `only ${n} snippets`);
  });

  it('offers Braze completions in templates and none in an ordinary JSON file', async () => {
    const editor = await open('create-lead.braze-webhook.json');
    const at = editor.document.getText().indexOf('${last_name}') + 2;
    const inTemplate = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', editor.document.uri, editor.document.positionAt(at));
    assert.ok(inTemplate.items.some((i) => i.label === 'first_name'), 'no ${first_name} completion');

    const plain = workspaceFile('package.json');
    fs.writeFileSync(plain.fsPath, '{\n  "name": "x",\n  "description": "{{${"\n}\n');
    const doc = await vscode.workspace.openTextDocument(plain);
    const pos = doc.positionAt(doc.getText().indexOf('{{${') + 4);
    const inPlain = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', plain, pos);
    // Word-based suggestions (kind Text) may repeat words of open documents; ours carry a detail or are snippets.
    const leaked = inPlain.items.filter((i) => i.kind !== vscode.CompletionItemKind.Text).map((i) => (typeof i.label === 'string' ? i.label : i.label.label)).filter((l) => l === 'first_name' || l.startsWith('sf-') || l.startsWith('braze-'));
    assert.deepEqual(leaked, [], 'Braze items leaked into package.json');
    assert.ok(inTemplate.items.some((i) => i.label === 'first_name' && i.kind === vscode.CompletionItemKind.Variable), 'the template completion is ours, not a word match');
    const bodyKeyPos = editor.document.positionAt(editor.document.getText().indexOf('"LastName"') + 1);
    const keys = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', editor.document.uri, bodyKeyPos);
    assert.ok(keys.items.some((i) => i.label === 'Email'), 'no Lead field completion for body keys');
  });

  it('hovers explain attributes, Lead fields, filters and headers (texts from data/editor-docs.json, code from extension-editor.js)', async () => {
    const editor = await open('create-lead.braze-webhook.json');
    const hoverAt = async (needle: string, delta: number) => {
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

  it('shows a CodeLens with the profile and problem counts', async () => {
    const { document } = await open('seed-create-lead.braze-webhook.json');
    await linted(api, document);
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', document.uri);
    const title = lenses[0]?.command?.title ?? '';
    assert.match(title, /^Preview · 3 sample profiles · \d+ problems?$/);
    // The count is the editor's problems, which is what the preview lists under "Problems (N)".
    const count = Number(/(\d+) problems?$/.exec(title)?.[1]);
    assert.equal(count, ours(document.uri).length);
    const shown = nextState(api, 'the seed template', (s) => s.templateName.endsWith('seed-create-lead.braze-webhook.json'));
    await vscode.commands.executeCommand('brazeWebhook.previewRequest', document.uri);
    const state = await shown;
    assert.equal(state.problems.length, count, `the preview lists ${state.problemsTitle}; the CodeLens says ${title}`);
  });

  it('previews the request for a chosen profile, updates as you type, and never posts a secret', async () => {
    const uri = copyIntoWorkspace('examples/create-lead.braze-webhook.json', 'corrected-create.braze-webhook.json');
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document);
    const posted: string[] = [];
    const recorder = api.onDidPostToWebview((m) => posted.push(JSON.stringify(m)));
    try {
      const first = nextState(api, 'the first state for the template', (s) => s.templateName.endsWith('corrected-create.braze-webhook.json') && s.request !== null);
      await vscode.commands.executeCommand('brazeWebhook.previewRequest', uri);
      const state = await first;
      assert.equal(state.request?.method, 'POST');
      assert.equal(state.request?.url, 'https://acme.my.salesforce.com/services/data/v60.0/sobjects/Lead/');
      assert.deepEqual(state.request?.headers[0], ['Authorization', 'Bearer <redacted>']);
      assert.equal(state.subrequests[0].url, 'https://acme.my.salesforce.com/services/oauth2/token');
      assert.equal(state.subrequests[0].response.status, 200);
      assert.equal(state.groups[0].id, 'workspace');
      assert.equal(state.groups[0].rows.length, 3, 'a matrix row for every sample profile');
      assert.equal(state.groups[1]?.open, false, 'the built-in edge cases are collapsed by default');
      assert.ok(state.scenarios.some((s) => s.name === 'invalid-client'));

      const second = nextState(api, 'profile 2 selected', (s) => s.selectedProfile === 2 && (s.request?.body ?? '').includes("O'Brien"));
      await vscode.commands.executeCommand('brazeWebhook.selectProfile', 2);
      await second;

      const edited = nextState(api, 'the edited LeadSource', (s) => (s.request?.body ?? '').includes('Partner Referral'));
      const edit = new vscode.WorkspaceEdit();
      const from = document.getText().indexOf('"Web"');
      edit.replace(uri, new vscode.Range(document.positionAt(from), document.positionAt(from + 5)), '"Partner Referral"');
      assert.equal(await vscode.workspace.applyEdit(edit), true);
      await edited;

      const aborted = nextState(api, 'the invalid-client scenario aborting', (s) => s.scenario === 'invalid-client' && s.aborted !== null);
      await vscode.commands.executeCommand('brazeWebhook.selectScenario', 'invalid-client');
      assert.equal((await aborted).aborted, 'Salesforce token request failed');
      await vscode.commands.executeCommand('brazeWebhook.selectScenario', 'token-ok');

      const rendered = (await vscode.commands.executeCommand<vscode.TextDocument>('brazeWebhook.openRenderedRequest', uri)) as vscode.TextDocument;
      assert.match(rendered.getText(), /^POST https:\/\/acme\.my\.salesforce\.com\/services\/data\/v60\.0\/sobjects\/Lead\/$/m);
      assert.match(rendered.getText(), /^Authorization: Bearer <redacted>$/m);
      assert.ok(!rendered.getText().includes(SECRET), 'the rendered document leaked the client secret');

      assert.ok(posted.length >= 4);
      assert.ok(!posted.some((p) => p.includes(SECRET)), 'a webview message carried the client secret');
      const revealed = nextState(api, 'secrets revealed', (s) => s.revealed && JSON.stringify(s).includes(SECRET));
      await vscode.commands.executeCommand('brazeWebhook.toggleRevealSecrets');
      await revealed;
      await vscode.commands.executeCommand('brazeWebhook.toggleRevealSecrets');
    } finally {
      recorder.dispose();
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    }
  });

  it('clears its diagnostics when the document is closed', async () => {
    const { document } = await open('seed-create-lead.braze-webhook.json');
    await linted(api, document);
    assert.ok(ours(document.uri).length > 0);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('diagnostics were not cleared on close')), WAIT_MS);
      const check = () => {
        if (ours(document.uri).length > 0) return;
        clearTimeout(timer);
        subscription.dispose();
        resolve();
      };
      const subscription = vscode.languages.onDidChangeDiagnostics(check);
      check();
    });
  });
});
