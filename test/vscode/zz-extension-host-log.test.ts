// Runs last (file name): after every other test has exercised the extension, the extension
// host's own log must hold no warning or error about this extension (issue 12, item 7: "document
// selector without scheme", a dropped source.fixAll code action).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { BrazeWebhookEntry } from '../../src/vscode/extension';
import { extensionId, thisExtension } from './helpers';

/** The extension host's log next to our log folder: `remoteexthost.log` (server) or `exthost.log` (desktop). */
function hostLogs(logFolder: string): string[] {
  const dir = path.dirname(logFolder);
  return fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => /exthost\.log$/.test(f)).map((f) => path.join(dir, f)) : [];
}

describe('the extension host log', () => {
  it('has no warning or error from this extension', async () => {
    const entry = (await thisExtension().activate()) as BrazeWebhookEntry;
    const logs = hostLogs(entry.logUri.fsPath);
    assert.ok(logs.length > 0, `no extension host log next to ${entry.logUri.fsPath}`);
    const ours = logs
      .flatMap((file) => fs.readFileSync(file, 'utf8').split('\n'))
      .filter((line) => line.toLowerCase().includes(extensionId.toLowerCase()))
      .filter((line) => /\[(warning|error)\]/.test(line) || /without scheme/.test(line));
    console.log(`extension host log: ${logs.join(', ')}; ${ours.length} line(s) about ${extensionId} at warning/error level`);
    assert.deepEqual(ours, []);
  });
});
