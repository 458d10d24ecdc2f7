import type { RenderedRequest, RenderedSubRequest } from './rendered-request';

/**
 * Text forms of a rendered request, shared by the CLI and the editor (copy as cURL / HTTP).
 * Callers redact first; these functions print what they are given.
 */

/** One HTTP message in `.http` form: request line, headers, blank line, body. */
export function toHttpMessage(method: string, url: string, headers: Array<[string, string]>, body: string | null): string {
  const lines = [`${method} ${url}`, ...headers.map(([name, value]) => `${name}: ${value}`)];
  return body === null || body === '' ? lines.join('\n') : `${lines.join('\n')}\n\n${body}`;
}

/** The whole exchange in `.http` form: each connected_content call and its answer, then the webhook. */
export function toHttpDocument(request: RenderedRequest, title?: string): string {
  const parts: string[] = [];
  if (title) parts.push(`# ${title}`);
  for (const sub of request.subrequests) parts.push(subRequestToHttp(sub));
  if (request.aborted) {
    parts.push(`# Aborted in ${request.aborted.fieldId}: ${request.aborted.reason}\n# Braze sends nothing for this profile.`);
  } else {
    parts.push(`# Webhook request\n${toHttpMessage(request.method, request.url, request.headers, request.body)}`);
  }
  return `${parts.join('\n\n###\n\n')}\n`;
}

function subRequestToHttp(sub: RenderedSubRequest): string {
  const note = sub.response.dropped ? ' (dropped: Braze inserts nothing)' : '';
  const source = sub.response.source ? ` from ${sub.response.source}` : '';
  const answer = [`# ← ${sub.response.status}${source}${note}`, ...sub.response.body.split('\n').map((line) => `#   ${line}`)];
  return [`# connected_content in ${sub.fieldId} (stubbed, not sent)`, toHttpMessage(sub.method, sub.url, sub.headers, sub.body), '', ...answer].join('\n');
}

/** A POSIX-shell single-quoted word. */
export function shellQuote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

/** A curl command that would send the webhook (never run by this tool). */
export function toCurl(request: Pick<RenderedRequest, 'method' | 'url' | 'headers' | 'body'>): string {
  const parts = [`curl -X ${request.method} ${shellQuote(request.url)}`];
  for (const [name, value] of request.headers) parts.push(`-H ${shellQuote(`${name}: ${value}`)}`);
  if (request.body !== null && request.body !== '') parts.push(`--data-raw ${shellQuote(request.body)}`);
  return parts.join(' \\\n  ');
}
