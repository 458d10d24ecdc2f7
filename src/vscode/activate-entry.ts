import * as vscode from 'vscode';
import { CommandId, isTemplateUri, mayBeMisnamedTemplate } from './commands';
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
  /** This extension's log folder; its parent holds the extension host's own log (tests read it). */
  logUri: vscode.Uri;
}

/**
 * What both entry points do on activation: register the commands and the webview serializer as
 * forwarders, and start the extension proper (`activateMain`: liquidjs, the rules, the providers)
 * only once a `*.braze-webhook.json` document is open or one of the commands runs (ADR 006).
 * `loadMain` is how an entry gets `activateMain`: the Node entry (extension.ts) requires the
 * second bundle at that moment; the web entry (extension-web.ts) has it bundled in (ADR 013).
 */
export function activateEntry(context: vscode.ExtensionContext, loadMain: () => (context: vscode.ExtensionContext) => ReturnType<typeof activateMain>): BrazeWebhookEntry {
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
  // A template, or a JSON file that may be one under another name, loads the extension proper
  // (which decides with the core's looksLikeWebhookTemplate and offers the rename); any other JSON
  // file costs two regular-expression tests. The core's parser stays out of the thin entry.
  const needsMain = (d: vscode.TextDocument) => isTemplateUri(d.uri.path) || (mayBeMisnamedTemplate(d.uri.path, d.languageId) && mentionsWebhookMembers(d.getText()));
  if (vscode.workspace.textDocuments.some(needsMain)) {
    void ready();
  } else {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const load = () => {
      clearTimeout(timer);
      for (const d of waiting) d.dispose();
      void ready();
    };
    const waiting = [
      vscode.workspace.onDidOpenTextDocument((d) => {
        if (needsMain(d)) load();
      }),
      // A look-alike typed or pasted into an open JSON file (checked once typing pauses).
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (!mayBeMisnamedTemplate(e.document.uri.path, e.document.languageId)) return;
        clearTimeout(timer);
        timer = setTimeout(() => {
          if (needsMain(e.document)) load();
        }, 500);
      }),
      { dispose: () => clearTimeout(timer) },
    ];
    context.subscriptions.push(...waiting);
  }
  return { activationMs: performance.now() - started, ready, logUri: context.logUri };
}

/** A cheap pre-check: the keys of Braze's webhook object appear in the text (not a verdict). */
function mentionsWebhookMembers(text: string): boolean {
  return text.length < 2_000_000 && /"url"\s*:/.test(text) && /"(request_method|request_headers|body)"\s*:/.test(text);
}
