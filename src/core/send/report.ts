import { prettyJson, statusLine as statusText, toAnswerComment, toHttpDocument, toHttpMessage } from '../request/formats';
import type { SalesforceAnswer } from '../salesforce/simulate';
import { describeCredentialRef } from './credentials';
import type { LiveExchange } from './live-resolver';
import type { PreparedSend, SendOutcome, SendRefusal } from './send';
import type { WireResponse } from './transport';

/**
 * Text forms of a test send, in the `.http` style of `render` (REST Client's `###` sections and
 * `#` comments), shared by the CLI and the editor's result document. Callers pass outcomes, which
 * are redacted already.
 */

/** `#`-commented lines of a (pretty-printed) body. */
function bodyLines(body: string): string[] {
  return body === '' ? [] : prettyJson(body).split('\n').map((line) => `#   ${line}`);
}

/** The real answer as a comment block: status, headers, body. */
export function toRealAnswerComment(answer: WireResponse, host: string): string {
  return [
    `### Salesforce answer (real, from ${host} in ${Math.round(answer.elapsedMs)} ms)`,
    `# ← ${statusText(answer.status)}`,
    ...answer.headers.map(([name, value]) => `# ${name}: ${value}`),
    ...bodyLines(answer.body),
  ].join('\n');
}

/** The simulated answer for the request that was sent, as `render` prints it. */
export function toPredictedAnswerComment(predicted: SalesforceAnswer | null): string {
  return predicted ? toAnswerComment(predicted) : '### Salesforce answer (not predicted)\n# The URL is not a Salesforce REST sObject URL.';
}

/** One live call that got no answer. */
function exchangeFailure(exchange: LiveExchange): string {
  return `### ${exchange.role === 'token' ? 'Token call' : exchange.role === 'describe' ? 'Describe request' : 'Webhook'} to ${exchange.request.url}\n# No answer: ${exchange.error ?? 'unknown'}`;
}

/** Every line of a send's result after the rendered request: the predicted answer, the real one and the verdict. */
export function toSendResultComments(outcome: SendOutcome): string {
  switch (outcome.kind) {
    case 'refused':
      return `### Not sent\n${outcome.refusals.map((r) => `# ${r.message}`).join('\n')}`;
    case 'cancelled':
      return `### Cancelled\n# ${outcome.exchanges.some((e) => e.role === 'webhook' && e.response) ? 'The webhook was sent before the cancel.' : 'The webhook was not sent.'}`;
    case 'aborted':
      return `### Not sent\n# The message aborted after the token call (${outcome.reason}): Braze sends no webhook.`;
    case 'no-answer':
      return [toPredictedAnswerComment(outcome.predicted), ...outcome.exchanges.filter((e) => e.role === 'webhook').map(exchangeFailure)].join('\n\n');
    case 'answered':
      return [toPredictedAnswerComment(outcome.predicted), toRealAnswerComment(outcome.answer, hostOfUrl(outcome.request.url)), toVerdictComment(outcome.verdict.line, outcome.verdict.notes)].join('\n\n');
  }
}

function toVerdictComment(line: string, notes: readonly string[]): string {
  return [`### Verdict`, `# ${line}`, ...notes.map((n) => `# ${n}`)].join('\n');
}

/** The whole result in `.http` form: the request that was sent (with its live token call), then the answers and the verdict. */
export function toSendReport(outcome: SendOutcome, title: string): string {
  const head = `# Test send · ${title}\n# ${oneLine(outcome)}\n`;
  if (outcome.kind === 'refused') return `${head}\n${toSendResultComments(outcome)}\n`;
  if (outcome.kind === 'cancelled') {
    const sent = outcome.exchanges.map((e) => `### ${e.role} (sent)\n${toHttpMessage(e.request.method, e.request.url, e.request.headers, e.request.body)}`);
    return `${head}\n${[...sent, toSendResultComments(outcome)].join('\n\n')}\n`;
  }
  return `${head}\n${toHttpDocument(outcome.request, title)}\n${toSendResultComments(outcome)}\n`;
}

/** The one line a notification shows. */
export function oneLine(outcome: SendOutcome): string {
  switch (outcome.kind) {
    case 'refused':
      return `Not sent: ${outcome.refusals.map((r) => r.message).join(' ')}`;
    case 'cancelled':
      return 'Cancelled.';
    case 'aborted':
      return `Not sent: the message aborted after the token call (${outcome.reason}).`;
    case 'no-answer':
      return `No answer: ${outcome.error}`;
    case 'answered':
      return outcome.verdict.line;
  }
}

/** What the confirmation shows before anything is sent: the calls, then the webhook (redacted). */
export function toConfirmationText(prepared: PreparedSend): string {
  const tokenCalls = prepared.calls.filter((c) => c.role === 'token');
  const webhook = prepared.calls.find((c) => c.role !== 'token');
  const lines = [`Profile: ${prepared.profile.label}`];
  for (const call of tokenCalls) {
    const credentials = call.credentials.length > 0 ? ` with ${call.credentials.map(describeCredentialRef).join(', ')}` : '';
    lines.push(`Token call: ${call.method} ${call.url}${credentials}`);
  }
  if (webhook?.role === 'webhook') lines.push('', toHttpMessage(prepared.preview.method, prepared.preview.url, prepared.preview.headers, prepared.preview.body));
  else if (webhook) lines.push(`${webhook.method} ${webhook.url}`);
  return lines.join('\n');
}

/** Refusals as lines, each naming what to do. */
export function describeRefusals(refusals: readonly SendRefusal[]): string[] {
  return refusals.map((r) => r.message);
}

function hostOfUrl(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}
