import { FIXTURE_SOURCES } from '../connected-content/fixture-resolver';
import type { Problem } from '../types';
import { offsetToLineColumn } from '../util/positions';
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

/**
 * The whole exchange in `.http` form (REST Client's `###` separators): each connected_content call
 * with the fixture answer as comments, then the webhook itself.
 */
export function toHttpDocument(request: RenderedRequest, title?: string): string {
  const sections: string[] = [];
  for (const sub of request.subrequests) sections.push(subRequestToHttp(sub));
  const heading = `### Webhook request${title ? ` · ${title}` : ''}`;
  if (request.aborted) {
    sections.push(`${heading}\n# Aborted in ${request.aborted.fieldId}: ${request.aborted.reason}\n# Braze sends nothing for this profile.`);
  } else {
    sections.push(`${heading}\n${toHttpMessage(request.method, request.url, request.headers, request.body)}`);
  }
  return `${sections.join('\n\n')}\n`;
}

function subRequestToHttp(sub: RenderedSubRequest): string {
  const note =
    sub.response.source === FIXTURE_SOURCES.invalidUrl
      ? ' (no call: Braze logs "… is not a valid URL" and the message fails)'
      : sub.response.dropped
        ? ' (dropped: Braze inserts nothing)'
        : '';
  const source = sub.response.source ? ` from ${sub.response.source}` : '';
  const body = sub.response.body === '' ? [] : prettyJson(sub.response.body).split('\n').map((line) => `#   ${line}`);
  const answer = [`# ← ${sub.response.status}${source}${note}`, ...body];
  return [`### connected_content in ${sub.fieldId} (stubbed, not sent)`, toHttpMessage(sub.method, sub.url, sub.headers, sub.body), '', ...answer].join('\n');
}

/** Pretty-prints JSON text; anything else comes back unchanged. */
export function prettyJson(text: string): string {
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
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

/** A problem with 1-based line/column positions, as every CLI output format reports it. */
export interface LineColumnProblem {
  ruleId: string;
  severity: string;
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export function toLineColumnProblem(problem: Problem, lineStarts: readonly number[]): LineColumnProblem {
  const start = offsetToLineColumn(lineStarts, problem.startIndex);
  const end = offsetToLineColumn(lineStarts, problem.endIndex);
  return { ruleId: problem.ruleId, severity: problem.severity, message: problem.message, line: start.line, column: start.column, endLine: end.line, endColumn: end.column };
}

/** One entry of `render --format json`: plain JSON, headers as an object in template order. */
export interface RenderJson {
  profile: { index: number; external_id?: string; label: string };
  request: { method: string; url: string; headers: Record<string, string>; body: string | null };
  subrequests: Array<{ method: string; url: string; headers: Record<string, string>; body: string | null; response: { status: number; body: string } }>;
  aborted: null | { reason: string };
  problems: LineColumnProblem[];
}

export function toRenderJson(request: RenderedRequest, lineStarts: readonly number[]): RenderJson {
  const ref = request.profile ?? { index: 1, label: '(no profile)' };
  return {
    profile: { index: ref.index, ...(ref.external_id ? { external_id: ref.external_id } : {}), label: ref.label },
    request: { method: request.method, url: request.url, headers: Object.fromEntries(request.headers), body: request.body },
    subrequests: request.subrequests.map((s) => ({
      method: s.method,
      url: s.url,
      headers: Object.fromEntries(s.headers),
      body: s.body,
      response: { status: s.response.status, body: s.response.body },
    })),
    aborted: request.aborted ? { reason: request.aborted.reason } : null,
    problems: request.problems.map((p) => toLineColumnProblem(p, lineStarts)),
  };
}

/** Braze's messaging-API webhook object (`/messages/send`), built from a template (Liquid kept). */
export interface BrazeWebhookObject {
  url: string;
  request_method: string;
  request_headers: Record<string, string>;
  body?: string;
}

/**
 * The template as a messaging-API webhook object. That object accepts only POST, PUT, DELETE
 * and GET, so a PATCH becomes Salesforce's `POST …?_HttpMethod=PATCH` override; key/value bodies
 * become one JSON string (the API has no key/value mode).
 * https://www.braze.com/docs/api/objects_filters/messaging/webhook_object/
 */
export function toBrazeWebhookObject(file: import('../template/template-file').TemplateFile): { object: BrazeWebhookObject; patchRewritten: boolean } {
  const method = (file.method?.value ?? 'POST').toUpperCase();
  const patchRewritten = method === 'PATCH';
  let url = file.url?.text ?? '';
  if (patchRewritten) url += `${url.includes('?') ? '&' : '?'}_HttpMethod=PATCH`;
  const object: BrazeWebhookObject = {
    url,
    request_method: patchRewritten ? 'POST' : method,
    request_headers: Object.fromEntries(file.headers.map((h) => [h.key ?? '', h.text])),
  };
  if (file.bodyMode === 'raw') object.body = file.body[0]?.text ?? '';
  if (file.bodyMode === 'json') object.body = JSON.stringify(Object.fromEntries(file.body.map((f) => [f.key ?? '', f.text])));
  return { object, patchRewritten };
}
