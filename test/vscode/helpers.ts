// Shared helpers for the tests that run inside the real VS Code: bounded waits on events
// (never sleeps), the workspace fixture and the extension under test.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';

export { WAIT_MS, describeDiagnostics, waitForDiagnostics } from './waits';

export interface CommandContribution {
  command: string;
}

export interface Manifest {
  name: string;
  publisher: string;
  engines: { vscode: string };
  contributes?: { commands?: CommandContribution[] };
}

/**
 * A diagnostic from VS Code's JSON language service about the missing `url`. The service tags
 * its diagnostics with source 'json' in some VS Code versions and with no source at all in others
 * (1.100.3 sends none); any other source (our own linter, later) does not count.
 */
export const fromJsonService = (d: vscode.Diagnostic): boolean => d.source === 'json' || d.source === undefined || d.source === '';
export const isMissingUrl = (d: vscode.Diagnostic): boolean => fromJsonService(d) && /\burl\b/.test(d.message);

export function workspaceFile(name: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the test run must open the test/vscode-workspace fixture folder');
  return vscode.Uri.joinPath(folder.uri, name);
}

// Test bundles are out/test/*.test.js; the extension's package.json is two levels up.
export const manifest = JSON.parse(fs.readFileSync(path.resolve(__dirname, '..', '..', 'package.json'), 'utf8')) as Manifest;
export const extensionId = `${manifest.publisher}.${manifest.name}`;

export function thisExtension(): vscode.Extension<unknown> {
  const ext = vscode.extensions.getExtension(extensionId);
  assert.ok(ext, `the extension under development (${extensionId}) is not loaded`);
  return ext;
}
