// Bounded waits on editor events (never sleeps), shared by the suite in the Node extension host
// (test/vscode) and the one in the web-worker host (test/web). No Node API here: the web suite
// bundles this file for a host that has none.
import * as vscode from 'vscode';
import type { BrazeWebhookApi } from '../../src/vscode/extension-main';
import type { FromWebview, PreviewState, ToWebview } from '../../src/vscode/preview/protocol';

/** Upper bound for one event wait. Generous: the JSON server starts cold on 2-core CI machines. */
export const WAIT_MS = 30_000;

export function describeDiagnostics(diagnostics: readonly vscode.Diagnostic[]): string {
  if (diagnostics.length === 0) return '(none)';
  return diagnostics
    .map(
      (d) =>
        `[source ${d.source ?? '(none)'}, code ${JSON.stringify(d.code) ?? '(none)'}, ${vscode.DiagnosticSeverity[d.severity]}] ` +
        `${d.message} @${d.range.start.line + 1}:${d.range.start.character + 1}`,
    )
    .join('; ');
}

/**
 * Resolves with the diagnostics of `uri` as soon as `predicate` holds: checked immediately, then
 * on every onDidChangeDiagnostics event for that URI. Rejects after `WAIT_MS` with the current
 * diagnostics in the message. Call it before the action that should change the diagnostics.
 */
export function waitForDiagnostics(
  uri: vscode.Uri,
  what: string,
  predicate: (diagnostics: readonly vscode.Diagnostic[]) => boolean,
): Promise<readonly vscode.Diagnostic[]> {
  return new Promise((resolve, reject) => {
    const key = uri.toString();
    let done = false;
    const check = (): void => {
      if (done) return;
      const diagnostics = vscode.languages.getDiagnostics(uri);
      if (!predicate(diagnostics)) return;
      finish();
      resolve(diagnostics);
    };
    const subscription = vscode.languages.onDidChangeDiagnostics((event) => {
      if (event.uris.some((changed) => changed.toString() === key)) check();
    });
    const timer = setTimeout(() => {
      finish();
      reject(
        new Error(
          `Timed out after ${WAIT_MS} ms waiting for ${what} on ${uri.toString(true)}. ` +
            `Diagnostics now: ${describeDiagnostics(vscode.languages.getDiagnostics(uri))}`,
        ),
      );
    }, WAIT_MS);
    function finish(): void {
      done = true;
      subscription.dispose();
      clearTimeout(timer);
    }
    check();
  });
}

/** Resolves with the next message posted to the preview webview that satisfies `predicate`. */
export function nextPost(api: BrazeWebhookApi, what: string, predicate: (message: ToWebview) => boolean): Promise<ToWebview> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      subscription.dispose();
      reject(new Error(`Timed out after ${WAIT_MS} ms waiting for a preview message: ${what}`));
    }, WAIT_MS);
    const subscription = api.onDidPostToWebview((message: ToWebview) => {
      if (!predicate(message)) return;
      clearTimeout(timer);
      subscription.dispose();
      resolve(message);
    });
  });
}

/** Resolves with the next state posted to the preview webview that satisfies `predicate`. */
export async function nextState(api: BrazeWebhookApi, what: string, predicate: (s: PreviewState) => boolean): Promise<PreviewState> {
  const message = await nextPost(api, what, (m) => m.type === 'state' && predicate(m.state));
  if (message.type !== 'state') throw new Error(`not a state: ${message.type}`);
  return message.state;
}

/** Resolves with the next message of `type` the preview webview sends (e.g. 'ready' once its script ran). */
export function fromWebview(api: BrazeWebhookApi, type: FromWebview['type']): Promise<FromWebview> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      subscription.dispose();
      reject(new Error(`Timed out after ${WAIT_MS} ms waiting for the webview to send '${type}'`));
    }, WAIT_MS);
    const subscription = api.onDidReceiveFromWebview((message) => {
      if (message.type !== type) return;
      clearTimeout(timer);
      subscription.dispose();
      resolve(message);
    });
  });
}

/** Waits until every check (static and rendered) has run for the document's current version. */
export async function linted(api: BrazeWebhookApi, document: vscode.TextDocument): Promise<void> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`Timed out waiting for lint of ${document.uri.path} v${document.version}`)), WAIT_MS);
  });
  try {
    await Promise.race([api.whenLinted(document.uri, document.version), timeout]);
  } finally {
    clearTimeout(timer);
  }
}
