import * as vscode from 'vscode';

/** Scheme of the read-only documents that show a test send's result. */
export const SEND_RESULT_SCHEME = 'braze-webhook-send';

/**
 * The results of test sends as read-only `.http` documents (the request that was sent, the
 * predicted answer, the real one and the verdict), one per send, opened beside the template.
 * Their text is the redacted report: nothing secret is ever in it. Registered on the first send.
 */
class SendResults implements vscode.TextDocumentContentProvider {
  private readonly texts = new Map<string, string>();
  private count = 0;

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.texts.get(uri.toString()) ?? '';
  }

  add(template: vscode.Uri, text: string): vscode.Uri {
    const name = template.path.split('/').pop()?.replace(/\.braze-webhook\.json$/, '') ?? 'webhook';
    const uri = vscode.Uri.from({ scheme: SEND_RESULT_SCHEME, path: `/${name}.send-${++this.count}.http` });
    this.texts.set(uri.toString(), text);
    return uri;
  }
}

let results: SendResults | undefined;

/** Opens a send's report beside the template; returns the document. */
export async function showSendResult(context: vscode.ExtensionContext, template: vscode.Uri, text: string): Promise<vscode.TextDocument> {
  if (!results) {
    results = new SendResults();
    context.subscriptions.push(vscode.workspace.registerTextDocumentContentProvider(SEND_RESULT_SCHEME, results));
  }
  const document = await vscode.workspace.openTextDocument(results.add(template, text));
  await vscode.window.showTextDocument(document, { viewColumn: vscode.ViewColumn.Beside, preview: false, preserveFocus: true });
  return document;
}
