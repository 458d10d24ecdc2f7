import * as vscode from 'vscode';
import { CommandId, isTemplateUri } from './commands';
import type { BrazeWebhookApi, activateMain } from './extension-main';

/** Same value as PREVIEW_VIEW_TYPE in preview/preview-panel.ts (kept here so this file stays tiny). */
const PREVIEW_VIEW_TYPE = 'brazeWebhook.preview';

/** What `activate` returns: the activation time, and the loaded extension once it is needed. */
export interface BrazeWebhookEntry {
  /** Milliseconds `activate()` itself took. */
  activationMs: number;
  /** Web entry only: milliseconds the host took to evaluate the one bundle before activate(). */
  evaluateMs?: number;
  /** Loads the extension (core, linter, providers) if it is not loaded yet. */
  ready(): Promise<BrazeWebhookApi>;
}

/**
 * What both entry points do on activation: register the commands and the webview serializer as
 * forwarders, and start the extension proper (`activateMain`: liquidjs, the rules, the providers)
 * only once a `*.braze-webhook.json` document is open or one of the commands runs (ADR 006).
 * `loadMain` is how an entry gets `activateMain`: the Node entry (extension.ts) requires the
 * second bundle at that moment; the web entry (extension-web.ts) has it bundled in (ADR 013).
 */
export function activateEntry(context: vscode.ExtensionContext, loadMain: () => typeof activateMain): BrazeWebhookEntry {
  const started = performance.now();
  let main: Promise<BrazeWebhookApi> | undefined;
  const ready = (): Promise<BrazeWebhookApi> => {
    main ??= Promise.resolve().then(() => {
      const loading = performance.now();
      const api = loadMain()(context);
      return { ...api, loadMs: performance.now() - loading };
    });
    return main;
  };
  for (const id of Object.values(CommandId)) {
    context.subscriptions.push(vscode.commands.registerCommand(id, async (...args: unknown[]) => (await ready()).runCommand(id, args)));
  }
  context.subscriptions.push(
    vscode.window.registerWebviewPanelSerializer(PREVIEW_VIEW_TYPE, {
      deserializeWebviewPanel: async (panel) => (await ready()).revivePreview(panel),
    }),
  );
  if (vscode.workspace.textDocuments.some((d) => isTemplateUri(d.uri.path))) {
    void ready();
  } else {
    const waiting = vscode.workspace.onDidOpenTextDocument((d) => {
      if (!isTemplateUri(d.uri.path)) return;
      waiting.dispose();
      void ready();
    });
    context.subscriptions.push(waiting);
  }
  return { activationMs: performance.now() - started, ready };
}
