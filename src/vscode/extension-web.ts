import type * as vscode from 'vscode';
import { type BrazeWebhookEntry, activateEntry } from './activate-entry';
import { activateMain } from './extension-main';
import * as editorFeatures from './editor-features';
import * as firstRun from './first-run';
import * as salesforce from './salesforce-feature';

/**
 * `performance.now()` when the bundle started to evaluate: the first line of dist/extension-web.js
 * (esbuild.mjs's banner). Undefined in a build without it.
 */
declare const BRAZE_WEB_BUNDLE_START: number | undefined;
/** This module is evaluated last, after everything it imports: the end of the bundle's evaluation. */
const evaluatedAt = performance.now();

/**
 * The entry of the web-worker extension host (VS Code for the Web: vscode.dev, github.dev,
 * Codespaces and code-server in the browser). A web extension is one file: the host cannot load a
 * second bundle at run time, so the extension proper is bundled in and only its start is deferred
 * until a template is open or a command runs, as in the Node entry (ADR 006, ADR 013).
 */
export function activate(context: vscode.ExtensionContext): BrazeWebhookEntry {
  const entry = activateEntry(context, () => (ctx) => activateMain(ctx, () => firstRun, () => editorFeatures, () => salesforce));
  return { ...entry, evaluateMs: typeof BRAZE_WEB_BUNDLE_START === 'number' ? evaluatedAt - BRAZE_WEB_BUNDLE_START : undefined };
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
