import { FIXTURE_SOURCES } from '../../connected-content';
import { classifyTokenUrl } from '../../connected-content/salesforce-token-endpoint';
import { splitUrl } from '../../connected-content/url';
import type { RuleContext, RuleDefinition } from '../../lint/types';
import { CONNECTED_CONTENT_TIMEOUT_MS, DEFAULT_SAVE_VARIABLE } from '../../liquid/tags/connected-content';
import type { RenderedRequest, RenderedSubRequest } from '../../request/rendered-request';
import type { Problem } from '../../types';
import { docsUrl } from '../docs-url';
import { quoteRendered, renderedField } from '../rendered-helpers';
import texts from './texts.json';

/** The renderer's rule id for Liquid that fails at render time (or hits a limit). */
const RENDERER_RULE_ID = 'render-error';

/**
 * The send fails for a profile: Liquid fails while rendering (or hits a limit), or a
 * connected_content call gets an answer that leaves the template without its data. The common
 * case is the OAuth token call: when it is refused (e.g. 400 invalid_client), too slow (Braze
 * drops answers after 2 s and inserts nothing) or not JSON, `result.access_token` is blank, the
 * webhook goes out with `Authorization: Bearer ` and Salesforce answers 401 INVALID_SESSION_ID,
 * which Braze does not retry. When the template aborts instead (the recommended guard), this rule
 * stays silent and `render-aborted` shows the abort.
 * https://www.braze.com/docs/user_guide/personalization_and_dynamic_content/connected_content/making_an_api_call/
 * https://www.braze.com/docs/help/help_articles/api/webhook_connected_content_errors
 * https://help.salesforce.com/s/articleView?id=sf.remoteaccess_oauth_client_credentials_flow.htm
 */
export const RenderError: RuleDefinition = {
  meta: {
    id: 'render-error',
    docs: {
      recommended: true,
      url: docsUrl('render-error'),
    },
    severity: 'error',
    kind: 'rendered',
    schema: {},
    texts,
  },
  create(context) {
    return {
      RenderedRequest(request) {
        for (const problem of request.problems) {
          if (problem.ruleId !== RENDERER_RULE_ID || isInvalidUrlFailure(request, problem)) continue;
          context.report({ messageId: 'renderer', data: { message: quoteRendered(request, problem.message, 400) }, startIndex: problem.startIndex, endIndex: problem.endIndex });
        }
        if (request.aborted) return;
        for (const sub of request.subrequests) reportSubrequest(context, request, sub);
      },
    };
  },
};

/**
 * A connected_content URL Braze cannot call fails the render at the tag; render-invalid-url
 * reports it with Braze's own log line, so it is not reported twice.
 */
function isInvalidUrlFailure(request: RenderedRequest, problem: Problem): boolean {
  return request.subrequests.some((sub) => sub.response.source === FIXTURE_SOURCES.invalidUrl && sub.range.start === problem.startIndex && sub.range.end === problem.endIndex);
}

function reportSubrequest(context: RuleContext, request: RenderedRequest, sub: RenderedSubRequest): void {
  const { response } = sub;
  // Invalid URLs and placeholder hosts belong to render-invalid-url; unmatched calls have no fixture, so no known answer.
  if (response.source === FIXTURE_SOURCES.invalidUrl || response.source === FIXTURE_SOURCES.unresolvableHost || response.source === FIXTURE_SOURCES.unmatched) return;
  const dropped = (response.delayMs ?? 0) > CONNECTED_CONTENT_TIMEOUT_MS || response.status === 0;
  const rejected = !dropped && (response.status < 200 || response.status >= 300);
  const notJson = !dropped && !rejected && !isJson(response.body);
  const token = isTokenCall(sub);
  if (!dropped && !rejected && !(notJson && token)) return;

  const at = { startIndex: sub.range.start, endIndex: sub.range.end };
  const save = sub.options.save || DEFAULT_SAVE_VARIABLE;
  const header = token ? bareBearerHeader(context, request, sub) : undefined;
  if (header) {
    // `sent` is only ever `Bearer ` or empty: no credential to redact.
    const base = { header: header.name, sent: header.value };
    if (dropped) context.report({ messageId: 'tokenDropped', data: { ...base, delay: response.delayMs ?? 0 }, ...at });
    else if (rejected) context.report({ messageId: 'tokenRejected', data: { ...base, answer: describeAnswer(request, sub) }, ...at });
    else context.report({ messageId: 'tokenNotJson', data: { status: response.status, save }, ...at });
    return;
  }
  const url = quoteRendered(request, sub.url, 200);
  // Outside the Authorization header the effect depends on the template: a warning, not a certain failure.
  if (dropped) context.report({ messageId: 'callDropped', data: { url, delay: response.delayMs ?? 0, save }, severity: 'warning', ...at });
  else if (rejected) context.report({ messageId: 'callRejected', data: { url, answer: describeAnswer(request, sub), save }, severity: 'warning', ...at });
  else context.report({ messageId: 'callNotJson', data: { url, status: response.status, save }, severity: 'warning', ...at });
}

function isTokenCall(sub: RenderedSubRequest): boolean {
  const parts = splitUrl(sub.url);
  return parts !== undefined && classifyTokenUrl(parts) !== undefined;
}

/**
 * The Authorization header the call sits in, when it renders with no credential after it
 * (`Bearer`, or nothing at all): the state in which Salesforce answers 401.
 */
function bareBearerHeader(context: RuleContext, request: RenderedRequest, sub: RenderedSubRequest): { name: string; value: string } | undefined {
  const header = context.file.headers.find((h) => h.id === sub.fieldId);
  if (!header || header.key?.trim().toLowerCase() !== 'authorization') return undefined;
  const value = (renderedField(request, header.id) ?? '').trim();
  if (value === '') return { name: header.key, value: '' };
  return /\bBearer$/i.test(value) ? { name: header.key, value: 'Bearer ' } : undefined;
}

/** `400 invalid_client (invalid client credentials)`, `401 INVALID_SESSION_ID (…)` or just `503`. */
function describeAnswer(request: RenderedRequest, sub: RenderedSubRequest): string {
  const { status, body } = sub.response;
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return String(status);
  }
  const first = Array.isArray(parsed) ? parsed[0] : parsed;
  if (!first || typeof first !== 'object') return String(status);
  const record = first as Record<string, unknown>;
  const code = record.error ?? record.errorCode;
  const detail = record.error_description ?? record.message;
  if (typeof code !== 'string') return String(status);
  const text = typeof detail === 'string' && detail !== '' ? `${status} ${code} (${detail})` : `${status} ${code}`;
  return quoteRendered(request, text, 160);
}

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}
