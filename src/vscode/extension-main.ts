import * as vscode from 'vscode';
import { CodeActionProvider } from './code-actions';
import { type CommandHandler, makeCommandHandlers } from './command-handlers';
import { type CommandId, TEMPLATE_SELECTOR } from './commands';
import { DiagnosticsController } from './diagnostics';
import { CodeLensProvider, CompletionProvider, HoverProvider } from './language-features';
import { PreviewPanel } from './preview/preview-panel';
import { PreviewSession } from './preview/preview-session';
import type { FromWebview, ToWebview } from './preview/protocol';
import { RENDERED_SCHEME, RenderedDocumentProvider } from './rendered-document';
import { SETTINGS_SECTION, readSettings } from './settings';
import { ProfileStatusBar } from './status-bar';
import type { EditorFeatures } from './editor-features';
import type { FirstRun } from './first-run';
import type { SalesforceFeature } from './salesforce-feature';
import type { SendDialogs, SendFeature } from './send';
import { ShippedFiles } from './shipped-files';
import { TemplateCache } from './template-cache';
import { TemplateNameHints } from './template-name-hint';
import { WorkspaceInputs } from './workspace-inputs';

/** The loaded extension: for its own tests in the real editor (and measurements). */
export interface BrazeWebhookApi {
  /** Milliseconds from requiring this bundle to the end of `activateMain` (set by the thin entry). */
  loadMs: number;
  /** Runs a contributed command (the thin entry registers them and forwards here). */
  runCommand(id: CommandId, args: unknown[]): unknown;
  /** Restores a preview panel VS Code kept across a reload. */
  revivePreview(panel: vscode.WebviewPanel): void;
  /** Every message posted to the preview webview. */
  onDidPostToWebview: vscode.Event<ToWebview>;
  /** Every message the preview webview sent. */
  onDidReceiveFromWebview: vscode.Event<FromWebview>;
  /** Fires after a template's diagnostics were updated. */
  onDidUpdateDiagnostics: vscode.Event<vscode.Uri>;
  /** Resolves once every check (static and rendered) has run for that document version. */
  whenLinted(uri: vscode.Uri, version: number): Promise<void>;
  session: PreviewSession;
  /**
   * Test mode only (the extension run by a test runner): the send modals — allow a host, confirm,
   * where to save a describe — which a test replaces. Undefined otherwise, so no other extension
   * can skip a confirmation through this API (ADR 017).
   */
  sendDialogs?: Partial<SendDialogs>;
}

/**
 * Wires the core into VS Code: builds the services, registers the providers, and hands every
 * disposable to the context. Loaded by the thin entry (extension.ts) when a template is opened or
 * a command runs. No lint or render logic lives here.
 */
export function activateMain(context: vscode.ExtensionContext, firstRun: () => FirstRun, editor: () => EditorFeatures, salesforce: () => SalesforceFeature, send?: () => SendFeature): BrazeWebhookApi {
  const settings = readSettings();
  const templates = new TemplateCache();
  const shipped = new ShippedFiles(context.extensionUri);
  const inputs = new WorkspaceInputs(settings, shipped);
  const diagnostics = new DiagnosticsController(settings, templates, inputs);
  const session = new PreviewSession(settings, templates, inputs, () => salesforce().simulateSalesforceAnswer);
  const rendered = new RenderedDocumentProvider(session);
  context.subscriptions.push(
    inputs,
    diagnostics,
    session,
    rendered,
    new ProfileStatusBar(session),
    new TemplateNameHints(),
    vscode.languages.registerCodeActionsProvider(TEMPLATE_SELECTOR, new CodeActionProvider(diagnostics), CodeActionProvider.metadata),
    vscode.languages.registerHoverProvider(TEMPLATE_SELECTOR, new HoverProvider(editor, templates, inputs, shipped)),
    vscode.languages.registerCompletionItemProvider(TEMPLATE_SELECTOR, new CompletionProvider(editor, templates, inputs, shipped), ...CompletionProvider.triggers),
    vscode.languages.registerCodeLensProvider(TEMPLATE_SELECTOR, new CodeLensProvider(diagnostics, inputs)),
    vscode.workspace.registerTextDocumentContentProvider(RENDERED_SCHEME, rendered),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (!event.affectsConfiguration(SETTINGS_SECTION)) return;
      const next = readSettings();
      inputs.updateSettings(next);
      diagnostics.updateSettings(next);
      session.updateSettings(next);
    }),
  );
  const sendDialogs = context.extensionMode === vscode.ExtensionMode.Test ? {} : undefined;
  const handlers: Record<CommandId, CommandHandler> = makeCommandHandlers({ extensionUri: context.extensionUri, session, diagnostics, templates, shipped, firstRun, context, inputs, send, sendDialogs, salesforce });
  return {
    loadMs: 0,
    runCommand: (id, args) => handlers[id](...args),
    revivePreview: (panel) => PreviewPanel.revive(panel, context.extensionUri, session),
    onDidPostToWebview: PreviewPanel.onDidPost.event,
    onDidReceiveFromWebview: PreviewPanel.onDidReceive.event,
    onDidUpdateDiagnostics: diagnostics.onDidUpdate,
    whenLinted: (uri, version) => diagnostics.whenLinted(uri, version),
    session,
    sendDialogs,
  };
}
