import type * as vscode from 'vscode';
import { type BrazeWebhookEntry, activateEntry } from './activate-entry';

export type { BrazeWebhookEntry } from './activate-entry';

/**
 * The entry of the Node extension host: a thin bundle (dist/extension.js). It activates for any
 * JSON file (so a template opened anywhere is seen), but loads the real extension
 * (dist/extension-main.js) only when a template needs it. Windows with ordinary JSON pay for this
 * file and nothing else (ADR 006). The web-worker host uses extension-web.ts instead (ADR 013).
 */
export function activate(context: vscode.ExtensionContext): BrazeWebhookEntry {
  // A run-time require of the second bundle next to this one (esbuild keeps it external).
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return activateEntry(context, () => (require('./extension-main.js') as typeof import('./extension-main')).activateMain);
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
