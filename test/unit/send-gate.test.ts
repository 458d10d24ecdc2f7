import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sendGate } from '../../src/vscode/send/gate';

describe('the editor may send only in a trusted workspace, when the user turned it on, in the desktop host', () => {
  it('refuses in order: web host, untrusted workspace, switch off', () => {
    assert.equal(sendGate({ nodeHost: false, trusted: true, enabled: true }), 'web-host');
    assert.equal(sendGate({ nodeHost: true, trusted: false, enabled: true }), 'untrusted');
    assert.equal(sendGate({ nodeHost: true, trusted: false, enabled: false }), 'untrusted');
    assert.equal(sendGate({ nodeHost: true, trusted: true, enabled: false }), 'disabled');
    assert.equal(sendGate({ nodeHost: true, trusted: true, enabled: true }), undefined);
  });

  describe('the manifest backs it', () => {
    const pkg = JSON.parse(readFileSync(join(__dirname, '../../package.json'), 'utf8'));
    const sendSettings = ['brazeWebhook.send.enable', 'brazeWebhook.send.allowedHosts', 'brazeWebhook.send.allowLoopback'];

    it('the send settings are application-scoped: a cloned repository\'s .vscode/settings.json cannot set them', () => {
      for (const key of sendSettings) assert.equal(pkg.contributes.configuration.properties[key]?.scope, 'application', key);
      assert.equal(pkg.contributes.configuration.properties['brazeWebhook.send.enable'].default, false);
      assert.deepEqual(pkg.contributes.configuration.properties['brazeWebhook.send.allowedHosts'].default, []);
      assert.equal(pkg.contributes.configuration.properties['brazeWebhook.send.allowLoopback'].default, false);
    });

    it('untrusted workspaces: limited support, the send settings restricted', () => {
      const untrusted = pkg.capabilities.untrustedWorkspaces;
      assert.equal(untrusted.supported, 'limited');
      assert.deepEqual([...untrusted.restrictedConfigurations].sort(), [...sendSettings].sort());
    });

    it('the send commands show only in a trusted workspace of the desktop host', () => {
      const menus = pkg.contributes.commandPalette ?? pkg.contributes.menus.commandPalette;
      for (const command of ['brazeWebhook.sendTestRequest', 'brazeWebhook.fetchDescribe']) {
        const entry = (menus as Array<{ command: string; when?: string }>).find((m) => m.command === command);
        assert.ok(entry, `${command} has no commandPalette entry`);
        assert.match(entry.when ?? '', /\bisWorkspaceTrusted\b/);
        assert.match(entry.when ?? '', /\bbrazeWebhook\.canSend\b/);
      }
      const credentials = (menus as Array<{ command: string; when?: string }>).find((m) => m.command === 'brazeWebhook.manageCredentials');
      assert.match(credentials?.when ?? '', /\bbrazeWebhook\.canSend\b/);
    });
  });
});
