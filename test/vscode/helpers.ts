// Shared helpers for the tests that run inside the real VS Code: bounded waits on events
// (never sleeps), the workspace fixture and the extension under test.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { BrazeWebhookApi } from '../../src/vscode/extension-main';
import type { PreviewState, ToWebview } from '../../src/vscode/preview/protocol';

/** Upper bound for one event wait. Generous: the JSON server starts cold on 2-core CI machines. */
export const WAIT_MS = 30_000;

export interface CommandContribution {
  command: string;
}

export interface Manifest {
  name: string;
  publisher: string;
  engines: { vscode: string };
  contributes?: { commands?: CommandContribution[] };
}

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
          `Timed out after ${WAIT_MS} ms waiting for ${what} on ${uri.fsPath}. ` +
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

/**
 * A diagnostic from VS Code's JSON language service about the missing `url`. The service tags
 * its diagnostics with source 'json' in some VS Code versions and with no source at all in others
 * (1.100.3 sends none); any other source (our own linter, later) does not count.
 */
export const fromJsonService = (d: vscode.Diagnostic): boolean => d.source === 'json' || d.source === undefined || d.source === '';
export const isMissingUrl = (d: vscode.Diagnostic): boolean => fromJsonService(d) && /\burl\b/.test(d.message);

export function workspaceFile(name: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the test run must open the test/vscode-workspace fixture folder');
  return vscode.Uri.joinPath(folder.uri, name);
}

// Test bundles are out/test/*.test.js; the extension's package.json is two levels up.
export const manifest = JSON.parse(fs.readFileSync(path.resolve(__dirname, '..', '..', 'package.json'), 'utf8')) as Manifest;
export const extensionId = `${manifest.publisher}.${manifest.name}`;

export function thisExtension(): vscode.Extension<unknown> {
  const ext = vscode.extensions.getExtension(extensionId);
  assert.ok(ext, `the extension under development (${extensionId}) is not loaded`);
  return ext;
}


/** Resolves with the next message posted to the preview webview that satisfies `predicate` (bounded). */
export function nextPost(api: BrazeWebhookApi, what: string, predicate: (message: ToWebview) => boolean): Promise<ToWebview> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      subscription.dispose();
      reject(new Error(`Timed out after ${WAIT_MS} ms waiting for a preview message: ${what}`));
    }, WAIT_MS);
    const subscription = api.onDidPostToWebview((message) => {
      if (!predicate(message)) return;
      clearTimeout(timer);
      subscription.dispose();
      resolve(message);
    });
  });
}

/** Resolves with the next preview state that satisfies `predicate` (bounded). */
export async function nextState(api: BrazeWebhookApi, what: string, predicate: (state: PreviewState) => boolean): Promise<PreviewState> {
  const message = await nextPost(api, what, (m) => m.type === 'state' && predicate(m.state));
  if (message.type !== 'state') throw new Error(`not a state: ${message.type}`);
  return message.state;
}

/** Waits until every check has run for the document's current version (bounded). */
export async function linted(api: BrazeWebhookApi, document: vscode.TextDocument): Promise<void> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`Timed out waiting for lint of ${document.uri.toString()} v${document.version}`)), WAIT_MS);
  });
  try {
    await Promise.race([api.whenLinted(document.uri, document.version), timeout]);
  } finally {
    clearTimeout(timer);
  }
}
