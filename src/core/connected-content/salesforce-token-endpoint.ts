import { hmac } from '@noble/hashes/hmac';
import { sha256 } from '@noble/hashes/sha2';
import { utf8ToBytes } from '@noble/hashes/utils';
import type { ConnectedContentRequest, ConnectedContentResponse } from '../types';
import { base64ToText, bytesToBase64 } from './base64';
import { deterministicText, fakeSalesforceId } from './salesforce-id';
import type { ScenarioName } from './scenarios';
import type { UrlParts } from './url';
import { isPlaceholderValue } from '../util/placeholders';

/** `source` of answers from the built-in token endpoint. */
export const SALESFORCE_TOKEN_SOURCE = 'salesforce-token';

/** Simulated latency of the `slow` scenario: over Braze's 2 s connected_content limit. */
export const SLOW_DELAY_MS = 2500;

const TOKEN_PATH = /^\/services\/oauth2\/token\/?$/;

/**
 * My Domain hosts (help.salesforce.com "What Determines Your URL Formats", domain.md §6):
 * `name.my`, `name--sbx.sandbox.my`, `name-dev-ed.develop.my`, `name.scratch.my`, and the other
 * partitions (`demo`, `patch`, `trailblaze`), all under `.salesforce.com`.
 */
const MY_DOMAIN_HOST = /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.(?:sandbox|develop|scratch|demo|patch|trailblaze))?\.my\.salesforce\.com$/;

/** What kind of Salesforce host a token URL points at. */
export type TokenHostKind = 'my-domain' | 'not-my-domain';

/**
 * Whether a URL is a Salesforce token endpoint this module answers, and on which kind of host:
 * a My Domain host, or another `*.salesforce.com` host (login, test, instance hosts such as
 * `na1`; refusing instance hosts too is an inference from "the grant is only served from the
 * org's own host", domain.md §6). HTTPS only; undefined for anything else.
 */
export function classifyTokenUrl(parts: UrlParts): TokenHostKind | undefined {
  if (parts.scheme !== 'https' || !TOKEN_PATH.test(parts.path)) return undefined;
  const host = parts.host.toLowerCase();
  if (MY_DOMAIN_HOST.test(host)) return 'my-domain';
  return host === 'salesforce.com' || host.endsWith('.salesforce.com') ? 'not-my-domain' : undefined;
}

/** Whether a host is a Salesforce My Domain (see MY_DOMAIN_HOST). */
export function isMyDomainHost(host: string): boolean {
  return MY_DOMAIN_HOST.test(host.toLowerCase());
}

/** A token-endpoint error body: `{"error": …, "error_description": …}`. */
function oauthError(status: number, error: string, description: string): ConnectedContentResponse {
  return { status, body: JSON.stringify({ error, error_description: description }) };
}

/**
 * The documented token-endpoint errors (domain.md §6). Salesforce does not document exact
 * messages for the client credentials flow; these bodies come from real responses quoted in
 * GitHub issues, cited per entry.
 */
const ERRORS = {
  // pozil/pub-sub-api-node-client#58: the client credentials grant only runs on My Domain hosts.
  wrongDomain: () => oauthError(400, 'invalid_grant', 'request not supported on this domain'),
  // amazon-connect/amazon-connect-salesforce-cti#43: "invalid_request: must use HTTP POST".
  notPost: () => oauthError(400, 'invalid_request', 'must use HTTP POST'),
  // jsforce#706, CometD.NET#20: missing grant, other grant, or a body that is not form-encoded.
  unsupportedGrant: () => oauthError(400, 'unsupported_grant_type', 'grant type not supported'),
  // forcedotcom/postman-salesforce-apis#42: unknown consumer key.
  invalidClientId: () => oauthError(400, 'invalid_client_id', 'client identifier invalid'),
  // restforce#338: wrong consumer secret.
  invalidClient: () => oauthError(400, 'invalid_client', 'invalid client credentials'),
  // No Run As (execution) user on the connected app; the text quoted in public integrations (domain.md §10).
  noRunAsUser: () => oauthError(400, 'invalid_grant', 'no client credentials user enabled'),
  // Client Credentials Flow not enabled: the grant is refused like an unknown one (jsforce#706, domain.md §6).
  // Some reports show invalid_client instead; this product chooses unsupported_grant_type (ADR 007).
  flowNotEnabled: () => oauthError(400, 'unsupported_grant_type', 'grant type not supported'),
};

/** What a maintenance or login page looks like to Braze: HTML with a 200. */
const HTML_PAGE =
  '<!DOCTYPE html><html><head><title>Salesforce</title></head><body><p>Service temporarily unavailable for maintenance.</p></body></html>';

/**
 * Answers a request to a Salesforce token endpoint like the client credentials flow does
 * (https://help.salesforce.com/s/articleView?id=sf.remoteaccess_oauth_client_credentials_flow.htm).
 * Checks run in this order, first failure answers: scenarios that take the server down
 * (`server-error`, `not-json`), My Domain host, POST, form-encoded body, `grant_type`,
 * `client_id`, `client_secret`, then the `invalid-client`, `no-client-credentials-user` and
 * `flow-not-enabled` scenarios; `slow` delays any answer.
 */
export function answerTokenRequest(
  request: ConnectedContentRequest,
  parts: UrlParts,
  hostKind: TokenHostKind,
  scenario: ScenarioName,
  now: Date,
): ConnectedContentResponse {
  const response = tokenResponse(request, parts, hostKind, scenario, now);
  const delayed = scenario === 'slow' ? { ...response, delayMs: SLOW_DELAY_MS } : response;
  const source = scenario === 'token-ok' ? SALESFORCE_TOKEN_SOURCE : `${SALESFORCE_TOKEN_SOURCE} (scenario: ${scenario})`;
  return { ...delayed, source };
}

function tokenResponse(
  request: ConnectedContentRequest,
  parts: UrlParts,
  hostKind: TokenHostKind,
  scenario: ScenarioName,
  now: Date,
): ConnectedContentResponse {
  if (scenario === 'server-error') return { status: 503, body: '' };
  if (scenario === 'not-json') return { status: 200, body: HTML_PAGE };
  if (hostKind !== 'my-domain') return ERRORS.wrongDomain();
  if (request.method.toUpperCase() !== 'POST') return ERRORS.notPost();
  if (!isFormEncoded(request)) return ERRORS.unsupportedGrant();
  const credentials = readCredentials(request);
  if (credentials.grantType !== 'client_credentials') return ERRORS.unsupportedGrant();
  if (!isUsableCredential(credentials.clientId)) return ERRORS.invalidClientId();
  if (!isUsableCredential(credentials.clientSecret)) return ERRORS.invalidClient();
  if (scenario === 'invalid-client') return ERRORS.invalidClient();
  if (scenario === 'no-client-credentials-user') return ERRORS.noRunAsUser();
  if (scenario === 'flow-not-enabled') return ERRORS.flowNotEnabled();
  return issueToken(parts.host, credentials.clientId, credentials.clientSecret, now);
}

/**
 * Salesforce reads the token request as `application/x-www-form-urlencoded`; a JSON body (e.g.
 * from `:content_type application/json`, which makes Braze JSON-encode `:body`) is refused with
 * `unsupported_grant_type`. POST bodies default to form encoding in Braze (domain.md §2.1).
 */
function isFormEncoded(request: ConnectedContentRequest): boolean {
  const contentType = headerValue(request, 'content-type') ?? request.options.contentType ?? '';
  if (/json/i.test(contentType)) return false;
  return !/^\s*[[{]/.test(request.body ?? '');
}

function headerValue(request: ConnectedContentRequest, name: string): string | undefined {
  let value: string | undefined;
  for (const [key, headerValue] of request.headers) {
    if (key.toLowerCase() === name) value = headerValue;
  }
  return value;
}

interface TokenCredentials {
  grantType: string | undefined;
  clientId: string | undefined;
  clientSecret: string | undefined;
}

/**
 * Credentials from the form body, completed by an `Authorization: Basic` header or a Braze
 * `:basic_auth` credential (client authentication Salesforce also accepts, domain.md §6 ⚠).
 * A `:basic_auth` credential's contents are not known here, so its name stands in for both.
 */
function readCredentials(request: ConnectedContentRequest): TokenCredentials {
  const form = parseForm(request.body ?? '');
  const basic = basicCredentials(headerValue(request, 'authorization'));
  const stored = request.options.basicAuth ? `basic_auth:${request.options.basicAuth}` : undefined;
  return {
    grantType: form.get('grant_type'),
    clientId: nonEmpty(form.get('client_id')) ?? basic?.clientId ?? stored,
    clientSecret: nonEmpty(form.get('client_secret')) ?? basic?.clientSecret ?? stored,
  };
}

/** `k1=v1&k2=v2` → map; `+` is a space, bad percent escapes are kept as written, first key wins. */
function parseForm(body: string): Map<string, string> {
  const form = new Map<string, string>();
  for (const pair of body.split('&')) {
    if (pair === '') continue;
    const eq = pair.indexOf('=');
    const key = decodeFormPart(eq < 0 ? pair : pair.slice(0, eq));
    if (!form.has(key)) form.set(key, eq < 0 ? '' : decodeFormPart(pair.slice(eq + 1)));
  }
  return form;
}

function decodeFormPart(part: string): string {
  const spaced = part.replace(/\+/g, ' ');
  try {
    return decodeURIComponent(spaced);
  } catch {
    return spaced;
  }
}

function basicCredentials(authorization: string | undefined): Omit<TokenCredentials, 'grantType'> | undefined {
  const match = /^\s*basic\s+(\S+)\s*$/i.exec(authorization ?? '');
  if (!match) return undefined;
  const decoded = base64ToText(match[1]);
  if (decoded === undefined) return { clientId: match[1], clientSecret: match[1] };
  const colon = decoded.indexOf(':');
  if (colon < 0) return { clientId: decoded, clientSecret: undefined };
  return { clientId: nonEmpty(decoded.slice(0, colon)), clientSecret: nonEmpty(decoded.slice(colon + 1)) };
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value;
}

/**
 * False for missing values and for placeholders left from the recipe, the docs or the snippets
 * (`[insert_client_id]`, `<consumer key>`, `YOUR_CLIENT_ID`, `xxx`): Salesforce treats them as
 * unknown credentials.
 */
function isUsableCredential(value: string | undefined): value is string {
  return value !== undefined && !isPlaceholderValue(value);
}

const TOKEN_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._';

// The derived ids, token and signature need several hashes each; a render matrix asks for the
// same ones again and again, so remember a bounded number of them.
const identities = new Map<string, { id: string; accessToken: string }>();
const signatures = new Map<string, string>();
const MAX_CACHED = 256;
function remember<V>(map: Map<string, V>, key: string, make: () => V): V {
  let value = map.get(key);
  if (value === undefined) {
    if (map.size >= MAX_CACHED) map.clear();
    value = make();
    map.set(key, value);
  }
  return value;
}

/**
 * A success body shaped like Salesforce's: `access_token`, `signature`, `scope`, `instance_url`,
 * `id`, `token_type`, `issued_at` (13-digit ms), and no `refresh_token` or `expires_in`
 * (domain.md §6). The token is `<org id>!<text>` like a real one, derived from the host and
 * client_id only, so the same inputs always give the same token (stable goldens). `signature`
 * is base64 HMAC-SHA256 of `id + issued_at` keyed with the client secret, as Salesforce
 * documents for this field.
 */
function issueToken(host: string, clientId: string, clientSecret: string, now: Date): ConnectedContentResponse {
  const instanceHost = host.toLowerCase();
  const { id, accessToken } = remember(identities, `${instanceHost}|${clientId}`, () => {
    const org = fakeSalesforceId('00D', instanceHost);
    const userId = fakeSalesforceId('005', `${instanceHost}|${clientId}`);
    return { id: `https://${instanceHost}/id/${org}/${userId}`, accessToken: `${org.slice(0, 15)}!AQ${deterministicText(`${instanceHost}|${clientId}`, 94, TOKEN_ALPHABET)}` };
  });
  const issuedAt = String(now.getTime());
  const signature = remember(signatures, `${clientSecret}\u0000${id}${issuedAt}`, () => bytesToBase64(hmac(sha256, utf8ToBytes(clientSecret), utf8ToBytes(id + issuedAt))));
  const body = {
    access_token: accessToken,
    signature,
    scope: 'api',
    instance_url: `https://${instanceHost}`,
    id,
    token_type: 'Bearer',
    issued_at: issuedAt,
  };
  return { status: 200, body: JSON.stringify(body) };
}
