import * as vscode from 'vscode';
import { TEMPLATE_FILE_SUFFIX, looksLikeWebhookTemplate, toTemplateFileName } from '../core';
import { EDITABLE_SCHEMES, mayBeMisnamedTemplate } from './commands';
import { DIAGNOSTIC_SOURCE } from './diagnostics';
import { freeFileName } from './files';

/** `diagnostic.code` of the hint. */
export const TEMPLATE_NAME_HINT = 'template-name';

/** Delay after typing before a JSON document is looked at again. */
const CHECK_DELAY_MS = 300;

/**
 * A `*.json` file shaped like a Braze webhook template (core `looksLikeWebhookTemplate`) but not
 * named `*.braze-webhook.json` gets no checks, no preview and no completions — all Braze features
 * are scoped to that name (ADR 006). This says so with one Information diagnostic on its `"url"`
 * key (in the Problems panel, no notification; ADR 015) and a quick fix that renames the file.
 */
export class TemplateNameHints implements vscode.Disposable, vscode.CodeActionProvider {
  static readonly metadata: vscode.CodeActionProviderMetadata = { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] };
  private readonly collection = vscode.languages.createDiagnosticCollection(`${DIAGNOSTIC_SOURCE}-name`);
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly disposables: vscode.Disposable[] = [this.collection];

  constructor() {
    this.disposables.push(
      vscode.workspace.onDidOpenTextDocument((d) => this.schedule(d, 0)),
      vscode.workspace.onDidChangeTextDocument((e) => this.schedule(e.document, CHECK_DELAY_MS)),
      vscode.workspace.onDidCloseTextDocument((d) => this.collection.delete(d.uri)),
      vscode.languages.registerCodeActionsProvider(
        EDITABLE_SCHEMES.filter((scheme) => scheme !== 'untitled').map((scheme) => ({ scheme, language: 'json' })),
        this,
        TemplateNameHints.metadata,
      ),
    );
    for (const document of vscode.workspace.textDocuments) this.schedule(document, 0);
  }

  private schedule(document: vscode.TextDocument, delay: number): void {
    if (document.uri.scheme === 'untitled' || !mayBeMisnamedTemplate(document.uri.path, document.languageId)) return;
    const key = document.uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.set(
      key,
      setTimeout(() => {
        this.timers.delete(key);
        if (!document.isClosed) this.check(document);
      }, delay),
    );
  }

  private check(document: vscode.TextDocument): void {
    const text = document.getText();
    if (!looksLikeWebhookTemplate(text)) {
      this.collection.delete(document.uri);
      return;
    }
    const at = Math.max(0, text.search(/"url"\s*:/));
    const range = new vscode.Range(document.positionAt(at), document.positionAt(at + '"url"'.length));
    const name = toTemplateFileName(document.uri.path.split('/').pop() ?? '');
    const diagnostic = new vscode.Diagnostic(
      range,
      vscode.l10n.t('This looks like a Braze webhook template, but only files named *.braze-webhook.json get checks, the preview and completions. Rename it to {0}.', name),
      vscode.DiagnosticSeverity.Information,
    );
    diagnostic.source = DIAGNOSTIC_SOURCE;
    diagnostic.code = TEMPLATE_NAME_HINT;
    this.collection.set(document.uri, [diagnostic]);
  }

  async provideCodeActions(document: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): Promise<vscode.CodeAction[]> {
    if (context.only && !context.only.contains(vscode.CodeActionKind.QuickFix)) return [];
    const hint = context.diagnostics.find((d) => d.source === DIAGNOSTIC_SOURCE && d.code === TEMPLATE_NAME_HINT);
    if (!hint) return [];
    const folder = vscode.Uri.joinPath(document.uri, '..');
    const wanted = toTemplateFileName(document.uri.path.split('/').pop() ?? '');
    const name = await freeFileName(folder, wanted.slice(0, -TEMPLATE_FILE_SUFFIX.length), TEMPLATE_FILE_SUFFIX);
    const target = vscode.Uri.joinPath(folder, name);
    const action = new vscode.CodeAction(vscode.l10n.t('Rename to {0}', name), vscode.CodeActionKind.QuickFix);
    action.edit = new vscode.WorkspaceEdit();
    action.edit.renameFile(document.uri, target);
    action.diagnostics = [hint];
    action.isPreferred = true;
    return [action];
  }

  dispose(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    for (const d of this.disposables) d.dispose();
  }
}
