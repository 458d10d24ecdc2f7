import * as vscode from 'vscode';
import { offsetToLineColumn, toHttpDocument } from '../core';
import type { PreviewResult, PreviewSession } from './preview/preview-session';

/** Read-only documents with the rendered request in `.http` form, for search, diff and tests. */
export const RENDERED_SCHEME = 'braze-webhook-request';

/** The document URI for a template: same path with `.http`, the template URI in the query. */
export function renderedUriFor(template: vscode.Uri): vscode.Uri {
  return vscode.Uri.from({ scheme: RENDERED_SCHEME, path: `${template.path.replace(/\.json$/, '')}.http`, query: template.toString() });
}

/** The template a rendered document shows. */
export function templateOf(rendered: vscode.Uri): vscode.Uri {
  return vscode.Uri.parse(rendered.query);
}

/**
 * The rendered documents: each renders its own template (from its URI) with the session's
 * selection, and re-renders when that selection or its template changes. It never changes which
 * template the preview panel shows (ADR 014).
 */
export class RenderedDocumentProvider implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;
  private readonly subscriptions: vscode.Disposable[];

  constructor(private readonly session: PreviewSession) {
    this.subscriptions = [
      session.onDidChangeSelection(() => this.refresh(() => true)),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.document.uri.scheme !== RENDERED_SCHEME) this.refresh((template) => template === e.document.uri.toString());
      }),
    ];
  }

  private refresh(shows: (template: string) => boolean): void {
    for (const doc of vscode.workspace.textDocuments) {
      if (doc.uri.scheme === RENDERED_SCHEME && !doc.isClosed && shows(templateOf(doc.uri).toString())) this.changed.fire(doc.uri);
    }
  }

  async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    let result: PreviewResult | undefined;
    try {
      result = await this.session.compute(templateOf(uri));
    } catch (error) {
      return vscode.l10n.t('# The request could not be rendered: {0}\n', error instanceof Error ? error.message : String(error));
    }
    if (!result) return vscode.l10n.t('# The template changed while rendering; the document will update.\n');
    const title = `${result.state.templateName} · ${vscode.l10n.t('profile')} ${result.profile.profile.ref.label} · ${vscode.l10n.t('scenario')} ${this.session.scenario}${this.session.revealed ? '' : ` · ${vscode.l10n.t('secrets redacted')}`}`;
    const { lineStarts } = result.file;
    const problems = result.problems.map((p) => {
      const at = offsetToLineColumn(lineStarts, p.startIndex);
      return `# ${p.severity} ${p.ruleId} (${at.line}:${at.column}): ${p.message}`;
    });
    // The answer as the CLI's http format prints it: the same core formatter, after the request.
    const body = result.request ? toHttpDocument(result.request, undefined, result.answer) : `# ${result.state.notice ?? ''}\n`;
    return `# ${title}\n\n${body}${problems.length ? `\n${problems.join('\n')}\n` : ''}`;
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
    this.changed.dispose();
  }
}
