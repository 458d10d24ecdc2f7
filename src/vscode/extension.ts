import * as vscode from 'vscode';
import { CodeActionProvider } from './code-actions';
import { registerCommands } from './command-handlers';
import { TEMPLATE_SELECTOR } from './commands';
import { DiagnosticsController } from './diagnostics';
import { CodeLensProvider, CompletionProvider, HoverProvider } from './language-features';
import { PREVIEW_VIEW_TYPE, PreviewPanel } from './preview/preview-panel';
import { PreviewSession } from './preview/preview-session';
import type { ToWebview } from './preview/protocol';
import { RENDERED_SCHEME, RenderedDocumentProvider } from './rendered-document';
import { SETTINGS_SECTION, readSettings } from './settings';
import { ProfileStatusBar } from './status-bar';
import { TemplateCache } from './template-cache';
import { WorkspaceInputs } from './workspace-inputs';

/** What the extension exports: for its own tests in the real editor (and measurements). */
export interface BrazeWebhookApi {
  /** Milliseconds `activate()` took. */
  activationMs: number;
  /** Every message posted to the preview webview. */
  onDidPostToWebview: vscode.Event<ToWebview>;
  /** Fires after a template's diagnostics were updated. */
  onDidUpdateDiagnostics: vscode.Event<vscode.Uri>;
  /** Resolves once every check (static and rendered) has run for that document version. */
  whenLinted(uri: vscode.Uri, version: number): Promise<void>;
  session: PreviewSession;
}

/**
 * Wires the core into VS Code: builds the services, registers providers and commands, and hands
 * every disposable to the context. No lint or render logic lives here.
 */
export function activate(context: vscode.ExtensionContext): BrazeWebhookApi {
  const started = performance.now();
  const settings = readSettings();
  const templates = new TemplateCache();
  const inputs = new WorkspaceInputs(settings);
  const diagnostics = new DiagnosticsController(settings, templates, inputs, context.extensionUri);
  const session = new PreviewSession(settings, templates, inputs);
  const rendered = new RenderedDocumentProvider(session);
  context.subscriptions.push(
    inputs,
    diagnostics,
    session,
    rendered,
    new ProfileStatusBar(session),
    vscode.languages.registerCodeActionsProvider(TEMPLATE_SELECTOR, new CodeActionProvider(diagnostics), CodeActionProvider.metadata),
    vscode.languages.registerHoverProvider(TEMPLATE_SELECTOR, new HoverProvider(templates, inputs)),
    vscode.languages.registerCompletionItemProvider(TEMPLATE_SELECTOR, new CompletionProvider(templates, inputs), ...CompletionProvider.triggers),
    vscode.languages.registerCodeLensProvider(TEMPLATE_SELECTOR, new CodeLensProvider(diagnostics, inputs)),
    vscode.workspace.registerTextDocumentContentProvider(RENDERED_SCHEME, rendered),
    vscode.window.registerWebviewPanelSerializer(PREVIEW_VIEW_TYPE, {
      deserializeWebviewPanel: async (panel) => PreviewPanel.revive(panel, context.extensionUri, session),
    }),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (!event.affectsConfiguration(SETTINGS_SECTION)) return;
      const next = readSettings();
      inputs.updateSettings(next);
      diagnostics.updateSettings(next);
      session.updateSettings(next);
    }),
    ...registerCommands({ extensionUri: context.extensionUri, session, diagnostics, templates }),
  );
  return {
    activationMs: performance.now() - started,
    onDidPostToWebview: PreviewPanel.onDidPost.event,
    onDidUpdateDiagnostics: diagnostics.onDidUpdate,
    whenLinted: (uri, version) => diagnostics.whenLinted(uri, version),
    session,
  };
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
