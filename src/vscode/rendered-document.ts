import * as vscode from 'vscode';
import { toHttpDocument } from '../core';
import type { PreviewSession } from './preview/preview-session';

/** Read-only documents with the rendered request in `.http` form, for search, diff and tests. */
export const RENDERED_SCHEME = 'braze-webhook-request';

/** The document URI for a template: same path with `.http`, the template URI in the query. */
export function renderedUriFor(template: vscode.Uri): vscode.Uri {
  return vscode.Uri.from({ scheme: RENDERED_SCHEME, path: `${template.path.replace(/\.json$/, '')}.http`, query: template.toString() });
}

export class RenderedDocumentProvider implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;
  private readonly subscription: vscode.Disposable;

  constructor(private readonly session: PreviewSession) {
    this.subscription = session.onDidChange(() => {
      for (const doc of vscode.workspace.textDocuments) if (doc.uri.scheme === RENDERED_SCHEME) this.changed.fire(doc.uri);
    });
  }

  async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    const template = vscode.Uri.parse(uri.query);
    if (this.session.template?.toString() !== template.toString()) this.session.template = template;
    const result = await this.session.compute();
    if (!result) return vscode.l10n.t('# The template changed while rendering; the document will update.\n');
    const title = `${result.state.templateName} · ${vscode.l10n.t('profile')} ${result.profile.profile.ref.label} · ${vscode.l10n.t('scenario')} ${this.session.scenario}${this.session.revealed ? '' : ` · ${vscode.l10n.t('secrets redacted')}`}`;
    const problems = result.state.problems.map((p) => `# ${p.severity} ${p.ruleId} (${p.line}:${p.column}): ${p.message}`);
    const body = result.request ? toHttpDocument(result.request) : `# ${result.state.notice ?? ''}\n`;
    return `# ${title}\n\n${body}${problems.length ? `\n${problems.join('\n')}\n` : ''}`;
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}
