import * as vscode from 'vscode';
import { CommandId } from '../commands';
import { buildPreviewHtml, makeNonce } from './preview-html';
import { type PreviewSession, displayName, previewStrings } from './preview-session';
import { type FromWebview, type ToWebview, isFromWebview } from './protocol';

export const PREVIEW_VIEW_TYPE = 'brazeWebhook.preview';

/** Delay between a change and the re-render; keeps typing smooth. */
const UPDATE_DELAY_MS = 150;

/**
 * The preview webview: one panel beside the editor, a dumb view of the session's state for the
 * session's target template (ADR 014). Talks to the extension only through the typed messages of
 * `protocol.ts`. Updates are numbered: only the latest one posts, so a slow render of the previous
 * template can never overwrite the current one, and a failure is shown, not swallowed.
 */
export class PreviewPanel implements vscode.Disposable {
  private static current: PreviewPanel | undefined;
  private readonly disposables: vscode.Disposable[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;
  private generation = 0;
  /** Every message posted to the webview (tests and the secret canaries read this). */
  static readonly onDidPost = new vscode.EventEmitter<ToWebview>();
  /** Every valid message the webview sent (tests: its script really ran, e.g. in the web host). */
  static readonly onDidReceive = new vscode.EventEmitter<FromWebview>();

  static createOrShow(extensionUri: vscode.Uri, session: PreviewSession): PreviewPanel {
    if (PreviewPanel.current) {
      PreviewPanel.current.panel.reveal(vscode.ViewColumn.Beside, true);
      PreviewPanel.current.scheduleUpdate(0);
      return PreviewPanel.current;
    }
    const panel = vscode.window.createWebviewPanel(PREVIEW_VIEW_TYPE, vscode.l10n.t('Webhook Preview'), { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, webviewOptions(extensionUri));
    PreviewPanel.current = new PreviewPanel(panel, extensionUri, session);
    return PreviewPanel.current;
  }

  static revive(panel: vscode.WebviewPanel, extensionUri: vscode.Uri, session: PreviewSession): void {
    panel.webview.options = webviewOptions(extensionUri);
    PreviewPanel.current = new PreviewPanel(panel, extensionUri, session);
  }

  private constructor(
    readonly panel: vscode.WebviewPanel,
    private readonly extensionUri: vscode.Uri,
    private readonly session: PreviewSession,
  ) {
    panel.webview.html = this.html();
    this.disposables.push(
      panel.onDidDispose(() => this.dispose()),
      panel.webview.onDidReceiveMessage((message: unknown) => {
        if (!isFromWebview(message)) return;
        PreviewPanel.onDidReceive.fire(message);
        void this.handle(message);
      }),
      session.onDidChangeSelection(() => this.scheduleUpdate(UPDATE_DELAY_MS)),
      session.onDidChangeTarget(() => this.scheduleUpdate(0)),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.document.uri.toString() === session.target?.toString()) this.scheduleUpdate(UPDATE_DELAY_MS);
      }),
    );
    this.scheduleUpdate(0);
  }

  private html(): string {
    const media = vscode.Uri.joinPath(this.extensionUri, 'media');
    const webview = this.panel.webview;
    return buildPreviewHtml({
      cspSource: webview.cspSource,
      nonce: makeNonce((n) => crypto.getRandomValues(new Uint8Array(n))),
      scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(media, 'preview.js')).toString(),
      styleUri: webview.asWebviewUri(vscode.Uri.joinPath(media, 'preview.css')).toString(),
      title: vscode.l10n.t('Webhook Preview'),
      lang: vscode.env.language,
    });
  }

  private scheduleUpdate(delay: number): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.update(), delay);
  }

  private async update(): Promise<void> {
    const generation = ++this.generation;
    const template = this.session.target;
    if (!template) {
      await this.post({ type: 'idle', message: vscode.l10n.t('Open a *.braze-webhook.json template and run "Preview Webhook Request".') });
      return;
    }
    let message: ToWebview;
    try {
      const result = await this.session.compute(template);
      // The document changed while rendering: the change scheduled another update.
      if (!result) return;
      message = { type: 'state', state: result.state };
    } catch (error) {
      message = { type: 'failure', templateName: displayName(template), message: error instanceof Error ? error.message : String(error), strings: previewStrings() };
    }
    if (generation !== this.generation || PreviewPanel.current !== this) return;
    await this.post(message);
  }

  private async post(message: ToWebview): Promise<void> {
    const name = message.type === 'state' ? message.state.templateName : message.type === 'failure' ? message.templateName : '';
    this.panel.title = name ? vscode.l10n.t('Preview: {0}', name.split('/').pop() ?? '') : vscode.l10n.t('Webhook Preview');
    await this.panel.webview.postMessage(message);
    PreviewPanel.onDidPost.fire(message);
  }

  private async handle(message: FromWebview): Promise<void> {
    switch (message.type) {
      case 'ready':
        this.scheduleUpdate(0);
        return;
      case 'selectProfile':
        this.session.select({ profileIndex: message.index });
        return;
      case 'selectScenario':
        await vscode.commands.executeCommand(CommandId.SelectScenario, message.name);
        return;
      case 'toggleReveal':
        await vscode.commands.executeCommand(CommandId.ToggleRevealSecrets);
        return;
      case 'copy':
        await vscode.commands.executeCommand(message.format === 'curl' ? CommandId.CopyAsCurl : message.format === 'http' ? CommandId.CopyAsHttp : CommandId.CopyAsBrazeObject, this.session.target);
        return;
      case 'openDocument':
        await vscode.commands.executeCommand(CommandId.OpenRenderedRequest, this.session.target);
        return;
      case 'openRule':
        await vscode.commands.executeCommand(CommandId.ShowRuleDocs, message.ruleId);
        return;
      case 'describeHowTo':
        await vscode.commands.executeCommand(CommandId.DescribeHowTo);
        return;
      case 'revealProblem': {
        if (!this.session.target) return;
        const editor = await vscode.window.showTextDocument(this.session.target, { viewColumn: vscode.ViewColumn.One });
        const position = new vscode.Position(message.line - 1, message.column - 1);
        editor.selection = new vscode.Selection(position, position);
        editor.revealRange(new vscode.Range(position, position));
        return;
      }
    }
  }

  dispose(): void {
    clearTimeout(this.timer);
    if (PreviewPanel.current === this) PreviewPanel.current = undefined;
    for (const d of this.disposables) d.dispose();
    this.panel.dispose();
  }
}

function webviewOptions(extensionUri: vscode.Uri): vscode.WebviewOptions & vscode.WebviewPanelOptions {
  return { enableScripts: true, localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'media')], retainContextWhenHidden: false };
}
