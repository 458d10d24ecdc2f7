import * as vscode from 'vscode';
import { type SendOutcome, executeSend, oneLine, prepareSend, toConfirmationText, toSendReport } from '../../core';
import { showSendResult } from './send-result-document';
import { allowHosts, beginSend, dialogs, loadCredentials, type SendServices, showRefusals, transport, withCancellableProgress } from './send-services';

/** What the command returns (tests read it): the outcome, redacted, and the result document. */
export interface SendCommandResult {
  outcome?: SendOutcome;
  /** Why nothing was sent before any request: the gate, a declined modal, a refusal. */
  stopped?: 'gate' | 'host-declined' | 'refused' | 'credentials' | 'declined';
  document?: vscode.TextDocument;
}

/**
 * "Braze Webhook: Send Test Request…": the chosen profile's webhook and its Salesforce token call,
 * sent for real once the user confirms a modal showing method, URL, profile and the redacted
 * headers and body. Only in a trusted workspace, with the user's switch on, to hosts the user
 * allowed. No retries, no batch, a timeout and a cancel button (ADR 017).
 */
export async function sendTestRequest(s: SendServices, arg: unknown): Promise<SendCommandResult> {
  const start = await beginSend(s, arg);
  if (!start) return { stopped: 'gate' };
  const prepared = await allowHosts(s, start, (policy) => prepareSend(start.subject, policy));
  if (!prepared) return { stopped: 'host-declined' };
  if (showRefusals(prepared)) return { stopped: 'refused' };
  const credentials = await loadCredentials(s, prepared);
  if (!credentials) return { stopped: 'credentials' };
  const webhook = prepared.calls.find((c) => c.role === 'webhook');
  const send = vscode.l10n.t('Send');
  const confirmed = await dialogs(s).confirm(
    vscode.l10n.t('Send this request to {0} for real? It creates or changes a record in that org.', webhook?.host ?? ''),
    toConfirmationText(prepared),
    send,
  );
  if (!confirmed) return { stopped: 'declined' };
  const outcome = await withCancellableProgress(vscode.l10n.t('Sending the test request to {0}…', webhook?.host ?? ''), (signal) =>
    executeSend(start.subject, prepared, { transport, credentials, policy: start.policy, signal }),
  );
  const document = await showSendResult(s.context, start.uri, toSendReport(outcome, `${prepared.profile.label}`));
  const line = oneLine(outcome);
  if (outcome.kind === 'answered' && outcome.verdict.kind === 'as-predicted') void vscode.window.showInformationMessage(line);
  else void vscode.window.showWarningMessage(line);
  return { outcome, document };
}
