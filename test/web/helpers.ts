// Helpers of the web suite. No Node API: this runs in the web-worker extension host.
import assert from 'assert';
import * as vscode from 'vscode';
import manifest from '../../package.json';
import type { BrazeWebhookEntry } from '../../src/vscode/extension';
import type { BrazeWebhookApi } from '../../src/vscode/extension-main';

export const SOURCE = 'braze-webhook';
export const extensionId = `${manifest.publisher}.${manifest.name}`;

export const ours = (uri: vscode.Uri): vscode.Diagnostic[] => vscode.languages.getDiagnostics(uri).filter((d) => d.source === SOURCE);
export const codeOf = (d: vscode.Diagnostic): string => (typeof d.code === 'object' ? String(d.code.value) : String(d.code));

export function workspaceFile(...path: string[]): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the run must open a copy of test/vscode-workspace');
  return vscode.Uri.joinPath(folder.uri, ...path);
}

export async function open(...path: string[]): Promise<vscode.TextEditor> {
  return vscode.window.showTextDocument(await vscode.workspace.openTextDocument(workspaceFile(...path)));
}

/** Writes a file into the virtual workspace through the editor's file system. */
export async function writeWorkspaceFile(text: string, ...path: string[]): Promise<vscode.Uri> {
  const uri = workspaceFile(...path);
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
  return uri;
}

/** The extension's entry (as activate() returned it) and its loaded API. */
export async function extensionUnderTest(): Promise<{ entry: BrazeWebhookEntry; api: BrazeWebhookApi }> {
  const extension = vscode.extensions.getExtension(extensionId);
  assert.ok(extension, `the extension under development (${extensionId}) is not loaded`);
  const entry = (await extension.activate()) as BrazeWebhookEntry;
  return { entry, api: await entry.ready() };
}
