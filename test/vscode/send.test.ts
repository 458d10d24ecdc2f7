// Test sends and the org's describe in the real editor, against the local Salesforce stand-in
// (test/helpers/salesforce-stand-in.ts, started in this extension host on 127.0.0.1). The modals
// (allow a host, confirm, where to save) are replaced through the extension's API, which offers
// that in Test mode only (ADR 017). Every wait is on an event or a promise, with a bound.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import type { SendOutcome } from '../../src/core';
import type { BrazeWebhookEntry } from '../../src/vscode/extension';
import type { BrazeWebhookApi } from '../../src/vscode/extension-main';
import { type SalesforceStandIn, startSalesforceStandIn } from '../helpers/salesforce-stand-in';
import { thisExtension, waitForDiagnostics, workspaceFile } from './helpers';

interface SendResult {
  outcome?: SendOutcome;
  stopped?: string;
  document?: vscode.TextDocument;
}

const SEND = 'brazeWebhook.sendTestRequest';
const FETCH = 'brazeWebhook.fetchDescribe';
const CREDENTIALS = 'brazeWebhook.manageCredentials';

describe('test sends in a real VS Code (local Salesforce stand-in)', function () {
  this.timeout(120_000);
  let api: BrazeWebhookApi;
  let org: SalesforceStandIn;
  /** What the replaced modals were asked. */
  let asked: { hosts: string[]; confirmations: Array<{ message: string; detail: string }> };
  let answers: { allowHost: boolean; confirm: boolean };
  const created: vscode.Uri[] = [];

  const settings = () => vscode.workspace.getConfiguration('brazeWebhook');
  const setUser = (key: string, value: unknown) => settings().update(key, value, vscode.ConfigurationTarget.Global);
  const run = async (command: string, args: unknown[]) => (await api.runCommand(command as never, args)) as SendResult;
  const secretsIn = (text: string) => [org.accessToken, org.clientSecret].filter((secret) => text.includes(secret));

  function writeTemplate(name: string, auth: string, body: Record<string, string> = { LastName: '{{${last_name}}}', Company: '{{custom_attribute.${company}}}', Region__c: 'EMEA' }): vscode.Uri {
    const uri = workspaceFile(name);
    const template = {
      url: `${org.origin}/services/data/v60.0/sobjects/Lead/`,
      request_method: 'POST',
      request_headers: { Authorization: `{% connected_content ${org.origin}/services/oauth2/token :method post ${auth} :save result %}Bearer {{result.access_token}}`, 'Content-Type': 'application/json' },
      body,
    };
    fs.writeFileSync(uri.fsPath, `${JSON.stringify(template, null, 2)}\n`);
    created.push(uri);
    return uri;
  }
  const bodyAuth = () => `:body client_id=${org.clientId}&client_secret=${org.clientSecret}&grant_type=client_credentials`;

  before(async () => {
    const entry = (await thisExtension().activate()) as BrazeWebhookEntry;
    api = await entry.ready();
    org = await startSalesforceStandIn();
  });

  beforeEach(async () => {
    // A send is for the profile the preview shows; other suites may have chosen another one.
    await api.runCommand('brazeWebhook.selectProfile' as never, [1]);
    asked = { hosts: [], confirmations: [] };
    answers = { allowHost: true, confirm: true };
    assert.ok(api.sendDialogs, 'the extension runs in Test mode, so the tests may replace the modals');
    Object.assign(api.sendDialogs, {
      allowHost: async (host: string) => (asked.hosts.push(host), answers.allowHost),
      confirm: async (message: string, detail: string) => (asked.confirmations.push({ message, detail }), answers.confirm),
    });
  });

  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  after(async () => {
    for (const key of ['send.enable', 'send.allowedHosts', 'send.allowLoopback']) await setUser(key, undefined);
    for (const uri of created) fs.rmSync(uri.fsPath, { force: true, recursive: true });
    await org.close();
  });

  it('is off until the user turns it on: nothing is sent', async () => {
    const template = writeTemplate('send-off.braze-webhook.json', bodyAuth());
    assert.deepEqual(await run(SEND, [template]), { stopped: 'gate' });
    assert.deepEqual(await run(FETCH, [template]), { stopped: 'gate' });
    assert.deepEqual(asked.confirmations, []);
    assert.equal(org.received.length, 0);
  });

  it("linting and previewing a template that points at the org contact nothing, even with sending on", async () => {
    await setUser('send.enable', true);
    await setUser('send.allowLoopback', true);
    await setUser('send.allowedHosts', ['127.0.0.1']);
    const before = org.received.length;
    const template = writeTemplate('send-background.braze-webhook.json', bodyAuth());
    const document = await vscode.workspace.openTextDocument(template);
    await vscode.window.showTextDocument(document);
    await api.runCommand('brazeWebhook.previewRequest' as never, [template]);
    await api.runCommand('brazeWebhook.openRenderedRequest' as never, [template]);
    await api.whenLinted(template, document.version);
    assert.ok(vscode.languages.getDiagnostics(template).some((d) => d.source === 'braze-webhook'), 'the template was linted');
    assert.equal(org.received.length, before, 'diagnostics, the preview and the rendered document use fixtures only');
    for (const key of ['send.enable', 'send.allowedHosts', 'send.allowLoopback']) await setUser(key, undefined);
  });

  it('the send switches are user settings only: a workspace cannot write them', async () => {
    for (const key of ['send.enable', 'send.allowedHosts', 'send.allowLoopback']) {
      await assert.rejects(Promise.resolve(settings().update(key, key === 'send.allowedHosts' ? ['127.0.0.1'] : true, vscode.ConfigurationTarget.Workspace)), /application|User/i, `${key} was written to the workspace`);
      assert.equal(settings().inspect(key)?.workspaceValue, undefined);
    }
  });

  it('enabling, allowing the host once and confirming: the real answer is shown beside the prediction', async () => {
    await setUser('send.enable', true);
    await setUser('send.allowLoopback', true);
    const template = writeTemplate('send-lead.braze-webhook.json', bodyAuth());
    const result = await run(SEND, [template]);
    assert.equal(result.outcome?.kind, 'answered', JSON.stringify(result));
    assert.deepEqual(asked.hosts, ['127.0.0.1'], 'the first send to a host asks, naming it');
    assert.deepEqual(settings().inspect('send.allowedHosts')?.globalValue, ['127.0.0.1']);
    const [confirmation] = asked.confirmations;
    assert.match(confirmation.message, /127\.0\.0\.1/);
    assert.match(confirmation.detail, /^Profile: 00QKY000001LyJR2A0$/m);
    assert.match(confirmation.detail, new RegExp(`^POST ${org.origin}/services/data/v60\\.0/sobjects/Lead/$`, 'm'));
    assert.match(confirmation.detail, /^Authorization: Bearer <redacted>$/m);
    assert.match(confirmation.detail, /"LastName":"García"/);
    assert.deepEqual(secretsIn(confirmation.detail), []);
    assert.deepEqual(org.received.map((r) => `${r.method} ${r.path}`), ['POST /services/oauth2/token', 'POST /services/data/v60.0/sobjects/Lead/']);
    assert.equal(org.received[1].headers.authorization, `Bearer ${org.accessToken}`);
    const text = result.document?.getText() ?? '';
    assert.match(text, /^### Salesforce answer \(simulated, not sent\)\n# ← 201 Created$/m);
    assert.match(text, /^### Salesforce answer \(real, from 127\.0\.0\.1:\d+ in \d+ ms\)\n# ← 201 Created$/m);
    assert.match(text, /^### Verdict\n# As predicted: 201 Created\.$/m);
    assert.deepEqual(secretsIn(text), [], 'the result document is redacted');
    assert.ok(vscode.window.visibleTextEditors.some((e) => e.document === result.document), 'the result is shown');

    const again = await run(SEND, [template]);
    assert.equal(again.outcome?.kind, 'answered');
    assert.deepEqual(asked.hosts, ['127.0.0.1'], 'an allowed host is not asked about again');
    assert.equal(asked.confirmations.length, 2, 'every send is confirmed');
  });

  it('a declined confirmation sends nothing', async () => {
    await setUser('send.enable', true);
    await setUser('send.allowLoopback', true);
    await setUser('send.allowedHosts', ['127.0.0.1']);
    const before = org.received.length;
    answers.confirm = false;
    const result = await run(SEND, [writeTemplate('send-declined.braze-webhook.json', bodyAuth())]);
    assert.deepEqual(result, { stopped: 'declined' });
    assert.equal(asked.confirmations.length, 1);
    assert.equal(org.received.length, before);
  });

  it('a declined new host sends nothing and is not allowed', async () => {
    await setUser('send.enable', true);
    await setUser('send.allowLoopback', true);
    await setUser('send.allowedHosts', []);
    const before = org.received.length;
    answers.allowHost = false;
    const result = await run(SEND, [writeTemplate('send-host-declined.braze-webhook.json', bodyAuth())]);
    assert.deepEqual(result, { stopped: 'host-declined' });
    assert.deepEqual(asked.confirmations, []);
    assert.deepEqual(settings().inspect('send.allowedHosts')?.globalValue, []);
    assert.equal(org.received.length, before);
  });

  it(':basic_auth comes from SecretStorage; its value reaches the wire and nothing else', async () => {
    await setUser('send.enable', true);
    await setUser('send.allowLoopback', true);
    await setUser('send.allowedHosts', ['127.0.0.1']);
    const template = writeTemplate('send-basic.braze-webhook.json', ':basic_auth sf_client :body grant_type=client_credentials');
    const stored = await run(CREDENTIALS, [{ action: 'store', option: 'basic_auth', name: 'sf_client', value: `${org.clientId}:${org.clientSecret}` }]);
    assert.deepEqual(stored, [{ option: 'basic_auth', name: 'sf_client' }], 'the command lists names, never values');
    const before = org.received.length;
    const result = await run(SEND, [template]);
    assert.equal(result.outcome?.kind === 'answered' && result.outcome.verdict.kind, 'as-predicted', JSON.stringify(result.outcome));
    const encoded = Buffer.from(`${org.clientId}:${org.clientSecret}`).toString('base64');
    assert.equal(org.received[before].headers.authorization, `Basic ${encoded}`);
    const shown = [result.document?.getText() ?? '', ...asked.confirmations.map((c) => c.detail), JSON.stringify(result.outcome)].join('\n');
    assert.deepEqual(secretsIn(shown), []);
    assert.ok(!shown.includes(encoded));
    assert.match(result.document?.getText() ?? '', /^Authorization: Basic <stored credential "sf_client">$/m);

    assert.deepEqual(await run(CREDENTIALS, [{ action: 'delete', option: 'basic_auth', name: 'sf_client' }]), []);
    const received = org.received.length;
    assert.deepEqual(await run(SEND, [template]), { stopped: 'credentials' });
    assert.equal(org.received.length, received, 'without the credential nothing is sent');
  });

  it("fetching the org's describe records its path in the config and changes the diagnostics", async () => {
    await setUser('send.enable', true);
    await setUser('send.allowLoopback', true);
    await setUser('send.allowedHosts', ['127.0.0.1']);
    const template = writeTemplate('send-describe.braze-webhook.json', bodyAuth(), { LastName: '{{${last_name}}}', Company: 'Acme' });
    const config = workspaceFile('braze-webhook.config.json');
    fs.writeFileSync(config.fsPath, '{\n    "rules": {\n        "https-only": "off"\n    }\n}\n');
    created.push(config);
    const describeFile = workspaceFile('salesforce/lead.describe.json');
    created.push(workspaceFile('salesforce'));
    Object.assign(api.sendDialogs as object, { chooseDescribePath: async () => describeFile });
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(template));
    const mentionsRegion = (diagnostics: readonly vscode.Diagnostic[]) => diagnostics.some((d) => d.source === 'braze-webhook' && /Region__c/.test(d.message));
    await waitForDiagnostics(template, 'the first lint', (d) => d.some((x) => x.source === 'braze-webhook'));
    assert.ok(!mentionsRegion(vscode.languages.getDiagnostics(template)), 'the built-in model does not know Region__c');

    const changed = waitForDiagnostics(template, "a finding on the org's required Region__c", mentionsRegion);
    const result = (await api.runCommand(FETCH as never, [template])) as { outcome?: { kind: string }; written?: vscode.Uri };
    assert.equal(result.outcome?.kind, 'fetched', JSON.stringify(result));
    assert.equal(result.written?.toString(), describeFile.toString());
    assert.deepEqual(JSON.parse(fs.readFileSync(describeFile.fsPath, 'utf8')), org.describe);
    assert.equal(
      fs.readFileSync(config.fsPath, 'utf8'),
      '{\n    "rules": {\n        "https-only": "off"\n    },\n    "salesforce": {\n        "describe": {\n            "Lead": "salesforce/lead.describe.json"\n        }\n    }\n}\n',
      "the path is recorded, the config's own formatting kept",
    );
    assert.equal(org.received.at(-1)?.path, '/services/data/v60.0/sobjects/Lead/describe');
    await changed;
  });
});
