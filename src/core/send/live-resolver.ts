import { splitUrl } from '../connected-content/url';
import type { ConnectedContentRequest, ConnectedContentResolver, ConnectedContentResponse } from '../types';
import { applyCredential, type Credential, credentialKey, credentialProblem, credentialRefs, showCredentialHeaders } from './credentials';
import { checkTarget, type SendPolicy } from './policy';
import { type HttpTransport, TransportError, type WireRequest, type WireResponse } from './transport';

/** `source` of connected_content answers that came from the network, not from fixtures. */
export const LIVE_SOURCE = 'live';

/** The Salesforce token endpoint path (https://help.salesforce.com/s/articleView?id=sf.remoteaccess_oauth_client_credentials_flow.htm). */
const TOKEN_PATH = /^\/services\/oauth2\/token\/?$/;

/**
 * Whether a connected_content call is the Salesforce token call, the only one a test send makes
 * for real: every other call stays on fixtures (ADR 016).
 */
export function isTokenCall(url: string): boolean {
  const parts = splitUrl(url);
  return parts !== undefined && TOKEN_PATH.test(parts.path);
}

/** One call the send made (or tried), as records and outputs may show it: credentials stand in by name. */
export interface LiveExchange {
  role: 'token' | 'webhook' | 'describe';
  request: WireRequest;
  response?: WireResponse;
  /** Why there is no response (timeout, network, cancel, refused). */
  error?: string;
}

export interface LiveResolverOptions {
  /** Answers every call that is not the token call. */
  fixtures: ConnectedContentResolver;
  policy: SendPolicy;
  /** Credentials by `credentialKey`. */
  credentials: ReadonlyMap<string, Credential>;
  transport: HttpTransport;
  timeoutMs: number;
  signal?: AbortSignal;
  /** Each live call is appended here. */
  exchanges: LiveExchange[];
}

/** Status Braze records for a connection error (https://www.braze.com/docs/help/help_articles/api/webhook_connected_content_errors/). */
const CONNECTION_ERROR_STATUS = 599;

/**
 * The connected_content resolver of a test send: the token call goes to the org as Braze would
 * make it (same method, URL, headers and body, the named credential applied); everything else is
 * answered by `fixtures`. The answer's `delayMs` is the real time it took, so a token call slower
 * than Braze's 2 s limit is dropped as Braze would drop it. Within one send, a token call with
 * `:cache_max_age` is made once per URL and body, as Braze's cache would serve the repeat.
 */
export function makeLiveResolver(options: LiveResolverOptions): ConnectedContentResolver {
  const cache = new Map<string, ConnectedContentResponse>();
  return async (request) => {
    if (!isTokenCall(request.url)) return options.fixtures(request);
    const cacheKey = `${request.method} ${request.url}\u0000${request.body ?? ''}`;
    const cached = request.options.cacheMaxAge !== undefined ? cache.get(cacheKey) : undefined;
    if (cached) return { ...cached, source: `${LIVE_SOURCE} (cached by :cache_max_age)` };
    const answer = await makeCall(request, options);
    if (request.options.cacheMaxAge !== undefined && answer.status >= 200 && answer.status < 300) cache.set(cacheKey, answer);
    return answer;
  };
}

async function makeCall(request: ConnectedContentRequest, options: LiveResolverOptions): Promise<ConnectedContentResponse> {
  const shown: WireRequest = { method: request.method, url: request.url, headers: request.headers, body: request.body };
  const refuse = (error: string): ConnectedContentResponse => {
    options.exchanges.push({ role: 'token', request: shown, error });
    return { status: 0, body: '', source: `${LIVE_SOURCE}: not sent (${error})` };
  };
  if (options.signal?.aborted) return refuse('cancelled');
  const check = checkTarget(request.url, options.policy);
  if ('refusal' in check) return refuse(check.refusal.message);
  let wire = shown;
  let record = shown;
  for (const ref of credentialRefs(request.options)) {
    const credential = options.credentials.get(credentialKey(ref));
    const problem = credentialProblem(ref, credential, check.target.host);
    if (problem || !credential) return refuse(problem ?? 'no credential');
    wire = applyCredential(wire, ref, credential);
    record = showCredentialHeaders(record, ref, credential);
  }
  try {
    const response = await options.transport(wire, { timeoutMs: options.timeoutMs, signal: options.signal });
    options.exchanges.push({ role: 'token', request: record, response });
    return { status: response.status, body: response.body, delayMs: response.elapsedMs, source: `${LIVE_SOURCE} ${check.target.host}` };
  } catch (error) {
    const message = error instanceof TransportError ? error.message : String(error);
    options.exchanges.push({ role: 'token', request: record, error: message });
    const timedOut = error instanceof TransportError && error.kind === 'timeout';
    return { status: timedOut ? 0 : CONNECTION_ERROR_STATUS, body: '', delayMs: timedOut ? options.timeoutMs : undefined, source: `${LIVE_SOURCE} ${check.target.host}: ${message}` };
  }
}
