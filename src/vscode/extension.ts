import * as vscode from 'vscode';
import { type BrazeWebhookEntry, activateEntry } from './activate-entry';
import type { EditorFeatures } from './editor-features';
import type { FirstRun } from './first-run';
import type { SalesforceFeature } from './salesforce-feature';
import type { SendFeature } from './send';

export type { BrazeWebhookEntry } from './activate-entry';

/**
 * The entry of the Node extension host: a thin bundle (dist/extension.js). It activates for any
 * JSON file (so a template opened anywhere is seen), but loads the real extension
 * (dist/extension-main.js) only when a template needs it. Windows with ordinary JSON pay for this
 * file and nothing else (ADR 006). The web-worker host uses extension-web.ts instead (ADR 013).
 */
export function activate(context: vscode.ExtensionContext): BrazeWebhookEntry {
  // Run-time requires of the bundles next to this one (esbuild keeps them external): the extension
  // proper when a template needs it, the rarely used commands when one of them runs, hover and
  // completion on the first one.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const firstRun = (): FirstRun => require('./extension-first-run.js') as FirstRun;
  // Hover and completion: loaded on the first one (ADR 020).
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const editor = (): EditorFeatures => require('./extension-editor.js') as EditorFeatures;
  // The Salesforce simulation and Explain Salesforce Error…: loaded on the first preview computation (ADR 018).
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const salesforce = (): SalesforceFeature => require('./extension-salesforce.js') as SalesforceFeature;
  // Test sends run in this (Node) host only: the context key shows their commands (ADR 017).
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const send = (): SendFeature => require('./extension-send.js') as SendFeature;
  void vscode.commands.executeCommand('setContext', 'brazeWebhook.canSend', true);
  return activateEntry(context, () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { activateMain } = require('./extension-main.js') as typeof import('./extension-main');
    return (ctx) => activateMain(ctx, firstRun, editor, salesforce, send);
  });
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
