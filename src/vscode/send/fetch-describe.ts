import { modify } from 'jsonc-parser';
import * as vscode from 'vscode';
import { CONFIG_FILE_NAME, type DescribeFetchOutcome, executeDescribeFetch, prepareDescribeFetch, toHttpMessage } from '../../core';
import { readWorkspaceText } from '../workspace-files';
import { allowHosts, beginSend, dialogs, loadCredentials, type SendServices, showRefusals, transport, withCancellableProgress } from './send-services';

/** What the command returns (tests read it). */
export interface FetchDescribeResult {
  outcome?: DescribeFetchOutcome;
  stopped?: 'gate' | 'host-declined' | 'refused' | 'credentials' | 'no-path' | 'declined';
  /** Where the describe was written. */
  written?: vscode.Uri;
}

/**
 * "Braze Webhook: Fetch Lead Describe from Org": the template's token call made live (the same
 * credentials and checks as a send), then GET …/sobjects/<sObject>/describe on the webhook's host.
 * The answer is written where `braze-webhook.config.json` says (`salesforce.describe.<sObject>`);
 * the first time, the user picks the file and its path is recorded there with an edit that keeps
 * the config's formatting. The simulation and the rules then use the org's fields (ADR 017).
 */
export async function fetchDescribe(s: SendServices, arg: unknown): Promise<FetchDescribeResult> {
  const start = await beginSend(s, arg);
  if (!start) return { stopped: 'gate' };
  const prepared = await allowHosts(s, start, (policy) => prepareDescribeFetch(start.subject, policy));
  if (!prepared) return { stopped: 'host-declined' };
  if (showRefusals(prepared)) return { stopped: 'refused' };
  const credentials = await loadCredentials(s, prepared);
  if (!credentials) return { stopped: 'credentials' };
  const sobject = prepared.sobject ?? 'Lead';
  const root = vscode.workspace.getWorkspaceFolder(start.uri)?.uri ?? vscode.Uri.joinPath(start.uri, '..');
  const configUri = vscode.Uri.joinPath(root, CONFIG_FILE_NAME);
  const recorded = await recordedPath(configUri, sobject);
  const target = recorded ? vscode.Uri.joinPath(root, recorded) : await dialogs(s).chooseDescribePath(vscode.Uri.joinPath(root, 'salesforce', `${sobject.toLowerCase()}.describe.json`), sobject);
  if (!target) return { stopped: 'no-path' };
  const describe = prepared.calls.find((c) => c.role === 'describe');
  const fetch = vscode.l10n.t('Fetch');
  const detail = [...prepared.calls.map((c) => toHttpMessage(c.method, c.url, [], null)), '', vscode.l10n.t('Writes {0}', vscode.workspace.asRelativePath(target))].join('\n');
  if (!(await dialogs(s).confirm(vscode.l10n.t('Fetch the {0} describe from {1}?', sobject, describe?.host ?? ''), detail, fetch))) return { stopped: 'declined' };
  const outcome = await withCancellableProgress(vscode.l10n.t('Fetching the {0} describe from {1}…', sobject, describe?.host ?? ''), (signal) =>
    executeDescribeFetch(start.subject, prepared, { transport, credentials, policy: start.policy, signal }),
  );
  if (outcome.kind !== 'fetched') {
    const why = outcome.kind === 'refused' ? outcome.refusals.map((r) => r.message).join(' ') : outcome.kind === 'failed' ? outcome.message : vscode.l10n.t('Cancelled.');
    void vscode.window.showErrorMessage(vscode.l10n.t('The describe was not fetched: {0}', why));
    return { outcome };
  }
  await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(outcome.text));
  if (!recorded) await recordPath(configUri, outcome.sobject, relativePath(root, target));
  void vscode.window.showInformationMessage(vscode.l10n.t("Fetched the {0} describe ({1} fields) into {2}: the checks now use your org's fields.", outcome.sobject, String(outcome.fields), vscode.workspace.asRelativePath(target)));
  return { outcome, written: target };
}

/** `salesforce.describe.<sObject>` of the config, when it names a file. */
async function recordedPath(configUri: vscode.Uri, sobject: string): Promise<string | undefined> {
  const text = await readWorkspaceText(configUri);
  if (text === undefined) return undefined;
  try {
    const describe = (JSON.parse(text.replace(/^\uFEFF/, '')) as { salesforce?: { describe?: Record<string, unknown> } }).salesforce?.describe ?? {};
    const entry = Object.entries(describe).find(([name]) => name.toLowerCase() === sobject.toLowerCase())?.[1];
    return typeof entry === 'string' && entry.trim() !== '' ? entry : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Records the describe's path in the config: an edit of the open document (or of the file) made
 * with jsonc-parser's `modify`, so the user's formatting and other members stay as they were.
 */
async function recordPath(configUri: vscode.Uri, sobject: string, path: string): Promise<void> {
  const existing = await readWorkspaceText(configUri);
  if (existing === undefined) {
    await vscode.workspace.fs.writeFile(configUri, new TextEncoder().encode(`${JSON.stringify({ salesforce: { describe: { [sobject]: path } } }, null, 2)}\n`));
    return;
  }
  const document = await vscode.workspace.openTextDocument(configUri);
  const text = document.getText();
  const indent = /\n([ \t]+)"/.exec(text)?.[1] ?? '  ';
  const edits = modify(text, ['salesforce', 'describe', sobject], path, { formattingOptions: { insertSpaces: !indent.includes('\t'), tabSize: indent.includes('\t') ? 1 : indent.length, eol: text.includes('\r\n') ? '\r\n' : '\n' } });
  const edit = new vscode.WorkspaceEdit();
  for (const e of edits) edit.replace(configUri, new vscode.Range(document.positionAt(e.offset), document.positionAt(e.offset + e.length)), e.content);
  await vscode.workspace.applyEdit(edit);
  await document.save();
}

function relativePath(root: vscode.Uri, target: vscode.Uri): string {
  const base = root.path.endsWith('/') ? root.path : `${root.path}/`;
  return target.path.startsWith(base) ? target.path.slice(base.length) : vscode.workspace.asRelativePath(target, false);
}
