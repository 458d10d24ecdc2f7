import type { ConnectedContentRequest, ConnectedContentResolver, ConnectedContentResponse } from '../types';
import type { MockResponse, MockRule } from './mocks-file';
import { answerTokenRequest, classifyTokenUrl, isMyDomainHost, SALESFORCE_TOKEN_SOURCE } from './salesforce-token-endpoint';
import { DEFAULT_SCENARIO, type ScenarioName } from './scenarios';
import { isValidBrazeUrl, matchUrlGlob, splitUrl, type UrlParts } from './url';
import { isPlaceholderHost } from '../util/placeholders';

/** The status Braze's docs give a connection error (e.g. a host that does not resolve). */
export const UNRESOLVABLE_HOST_STATUS = 599;

/**
 * `source` values of fixture answers that are not user rules (those are `rule #<n> …`).
 * Built-in answers affected by a scenario append ` (scenario: <name>)`.
 */
export const FIXTURE_SOURCES = Object.freeze({
  /** No rule and no built-in endpoint: 404 with an empty body. */
  unmatched: 'unmatched',
  /** Braze would not send at all: status 0, empty body. */
  invalidUrl: 'invalid-url',
  /** A placeholder host no DNS server answers: Braze's connection error, 599, empty body. */
  unresolvableHost: 'unresolvable-host',
  /** The built-in Salesforce token endpoint. */
  salesforceToken: SALESFORCE_TOKEN_SOURCE,
  /** A Salesforce API call answered by the `expired-session` or `server-error` scenario. */
  salesforceApi: 'salesforce-api',
});

/** Options of `makeFixtureResolver`. */
export interface FixtureResolverOptions {
  /** Rules from a `*.braze-mocks.json` file; they are tried first, in order. */
  rules?: readonly MockRule[];
  /** Built-in scenario; `token-ok` when absent. Pass the file's `scenario` here if wanted. */
  scenario?: ScenarioName;
  /** Clock for `issued_at`; the real time when absent. */
  now?: () => Date;
}

/**
 * The default, offline connected_content resolver: it never sends anything. Each call is answered by
 * the first that applies of:
 *
 * 1. **Invalid URL** — a host Braze cannot parse (e.g. `[insert_instance_name].my.salesforce.com`):
 *    Braze sends nothing and logs `<url> is not a valid URL`, so no fixture can answer. Status 0,
 *    empty body, `source: 'invalid-url'`.
 * 2. **Placeholder host** — a host written as a placeholder (`MyDomainName.my.salesforce.com`, the
 *    snippets' default; `yourInstance…`, `xxx…`, a reserved `.invalid` name): no DNS server answers
 *    it, so Braze gets a connection error, which its docs number 599 (unhealthy host detection,
 *    https://www.braze.com/docs/help/help_articles/api/webhook_connected_content_errors/; domain.md §2.2).
 *    Status 599, empty body, `source: 'unresolvable-host'`; no fixture can answer either.
 * 3. **User rules**, in order; the first whose URL pattern and method match wins.
 * 4. **The built-in Salesforce token endpoint** (`POST https://<My Domain>/services/oauth2/token`),
 *    shaped by the scenario.
 * 5. **Scenario answers** for other Salesforce calls: `expired-session` → 401
 *    `INVALID_SESSION_ID`, `server-error` → 503.
 * 6. **Unmatched** — status 404, empty body, `source: 'unmatched'`. Braze renders a 404 as an
 *    empty string (https://www.braze.com/docs/user_guide/personalization_and_dynamic_content/connected_content/making_an_api_call),
 *    so the template behaves as it would against a missing endpoint; `describeFixtureResponse`
 *    explains it ("no fixture for POST https://…").
 */
export function makeFixtureResolver(options: FixtureResolverOptions = {}): ConnectedContentResolver {
  const rules = [...(options.rules ?? [])];
  const scenario = options.scenario ?? DEFAULT_SCENARIO;
  const now = options.now ?? (() => new Date());
  return (request) => {
    const parts = isValidBrazeUrl(request.url) ? splitUrl(request.url) : undefined;
    if (!parts) return { status: 0, body: '', source: FIXTURE_SOURCES.invalidUrl };
    if (isPlaceholderHost(parts.host)) return { status: UNRESOLVABLE_HOST_STATUS, body: '', source: FIXTURE_SOURCES.unresolvableHost };
    return (
      answerFromRules(rules, request) ??
      answerBuiltIn(request, parts, scenario, now) ?? { status: 404, body: '', source: FIXTURE_SOURCES.unmatched }
    );
  };
}

function answerFromRules(rules: readonly MockRule[], request: ConnectedContentRequest): ConnectedContentResponse | undefined {
  const index = rules.findIndex(
    (rule) =>
      (rule.match.method === undefined || rule.match.method === request.method.toUpperCase()) &&
      matchUrlGlob(rule.match.url, request.url),
  );
  if (index < 0) return undefined;
  const { match, response } = rules[index];
  return toResponse(response, `rule #${index + 1} (${match.method ? `${match.method} ` : ''}${match.url})`);
}

/** A mock response as the renderer sees it: `json` wins over `text`; no body is `''`. */
function toResponse(response: MockResponse, source: string): ConnectedContentResponse {
  const body = Object.hasOwn(response, 'json') ? JSON.stringify(response.json) : (response.text ?? '');
  const answer: ConnectedContentResponse = { status: response.status, body, source };
  if (response.delay_ms !== undefined) answer.delayMs = response.delay_ms;
  return answer;
}

function answerBuiltIn(
  request: ConnectedContentRequest,
  parts: UrlParts,
  scenario: ScenarioName,
  now: () => Date,
): ConnectedContentResponse | undefined {
  const tokenHost = classifyTokenUrl(parts);
  if (tokenHost) return answerTokenRequest(request, parts, tokenHost, scenario, now());
  if (!isSalesforceHost(parts.host)) return undefined;
  const source = `${FIXTURE_SOURCES.salesforceApi} (scenario: ${scenario})`;
  if (scenario === 'expired-session') {
    // Body of an expired or revoked token (restforce#284; REST API errorcodes.htm: 401).
    return { status: 401, body: JSON.stringify([{ message: 'Session expired or invalid', errorCode: 'INVALID_SESSION_ID' }]), source };
  }
  if (scenario === 'server-error') return { status: 503, body: '', source };
  return undefined;
}

function isSalesforceHost(host: string): boolean {
  const lower = host.toLowerCase();
  return isMyDomainHost(lower) || lower.endsWith('.salesforce.com');
}

/**
 * A sentence for the preview about built-in answers a user may not expect; undefined for answers
 * from user rules and the token endpoint, which speak for themselves.
 */
export function describeFixtureResponse(request: ConnectedContentRequest, response: ConnectedContentResponse): string | undefined {
  if (response.source === FIXTURE_SOURCES.invalidUrl) {
    return `Braze would not send this call: it logs "${request.url} is not a valid URL".`;
  }
  if (response.source === FIXTURE_SOURCES.unresolvableHost) {
    return `Braze could not connect: the host ${splitUrl(request.url)?.host ?? request.url} is a placeholder that does not resolve (connection error, ${UNRESOLVABLE_HOST_STATUS}).`;
  }
  if (response.source === FIXTURE_SOURCES.unmatched) {
    return `No fixture for ${request.method} ${request.url}: answered 404 with an empty body, which Braze renders as an empty string. Add a rule to a *.braze-mocks.json file.`;
  }
  return undefined;
}
