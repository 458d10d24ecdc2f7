import type * as vscode from 'vscode';
import { type BrazeWebhookEntry, activateEntry } from './activate-entry';
import { activateMain } from './extension-main';

/**
 * The entry of the web-worker extension host (VS Code for the Web: vscode.dev, github.dev,
 * Codespaces and code-server in the browser). A web extension is one file: the host cannot load a
 * second bundle at run time, so the extension proper is bundled in and only its start is deferred
 * until a template is open or a command runs, as in the Node entry (ADR 006, ADR 013).
 */
export function activate(context: vscode.ExtensionContext): BrazeWebhookEntry {
  return activateEntry(context, () => activateMain);
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
