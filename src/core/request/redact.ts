import { isPlaceholderValue } from '../util/placeholders';
import type { RenderedRequest } from './rendered-request';

/** What replaces a secret value in any output that is not an explicit reveal. */
export const REDACTED = '<redacted>';

/** Form, JSON and query parameters whose values are credentials. */
const SECRET_PARAMS = new Set([
  'client_secret',
  'password',
  'refresh_token',
  'access_token',
  'assertion',
  'api_key',
  'apikey',
  'token',
  'id_token',
]);

/** Response fields that carry credentials (Salesforce token response and OAuth in general). */
const SECRET_RESPONSE_FIELDS = ['access_token', 'refresh_token', 'id_token'];

/** Shorter values are not treated as secrets, to avoid blanking common words. */
const MIN_SECRET_LENGTH = 4;

/**
 * A Salesforce session id or OAuth access token, wherever it is written: the 15-character org id
 * (`00D…`), `!`, then the token (https://help.salesforce.com/s/articleView?id=sf.remoteaccess_oauth_tokens_scopes.htm;
 * the token endpoint's answers in domain.md §6 have this shape).
 */
export const SALESFORCE_SESSION_ID = /(?<![A-Za-z0-9])00D[A-Za-z0-9]{12}(?:[A-Za-z0-9]{3})?![A-Za-z0-9._]{16,}/g;

/** The password of `scheme://user:password@host` in a URL. */
const USERINFO_PASSWORD = /[A-Za-z][A-Za-z0-9+.-]*:\/\/[^/?#@\s:]*:([^/?#@\s]+)@/g;

/** Session ids and URL passwords anywhere in a text. */
function anywhereSecrets(text: string): string[] {
  return [...[...text.matchAll(SALESFORCE_SESSION_ID)].map((m) => m[0]), ...[...text.matchAll(USERINFO_PASSWORD)].flatMap((m) => [m[1], safeDecode(m[1])])];
}

/**
 * Every secret value in a rendered request: client secrets in token-request bodies, tokens in
 * token responses, Bearer/Basic credentials in Authorization headers, credentials in URLs.
 */
export function collectSecrets(request: RenderedRequest): string[] {
  const secrets = new Set<string>();
  const add = (value: string | undefined) => {
    // Recipe placeholders (`[insert_client_secret]`) are not secrets, and hiding them would hide the mistake.
    if (value && value.length >= MIN_SECRET_LENGTH && !value.startsWith('<stored credential') && !isPlaceholderValue(value)) secrets.add(value);
  };
  const fromHeaders = (headers: Array<[string, string]>) => {
    for (const [name, value] of headers) {
      if (name.trim().toLowerCase() !== 'authorization' && !/(^|-)(api-?key|token|secret)$/i.test(name.trim())) continue;
      // A bare scheme (`Bearer` when the token is missing) carries no secret.
      if (/^\s*(?:Bearer|Basic|OAuth|Token)?\s*$/i.test(value)) continue;
      const credential = /^\s*(?:Bearer|Basic|OAuth|Token)\s+(.+)$/i.exec(value);
      add((credential ? credential[1] : value).trim());
    }
  };
  const fromParams = (text: string | null) => {
    for (const [name, raw, decoded] of looseParams(text ?? '')) {
      if (SECRET_PARAMS.has(name.toLowerCase())) {
        add(raw);
        add(decoded);
      }
    }
    for (const [name, raw, decoded] of formParams(text ?? '')) {
      if (SECRET_PARAMS.has(name.toLowerCase())) {
        add(raw);
        add(decoded);
      }
    }
    for (const [name, value] of jsonStringMembers(text ?? '')) {
      if (SECRET_PARAMS.has(name.toLowerCase())) add(value);
    }
  };
  const fromAnywhere = (text: string | null) => {
    for (const secret of anywhereSecrets(text ?? '')) add(secret);
  };
  fromHeaders(request.headers);
  fromParams(queryOf(request.url));
  fromParams(request.body);
  for (const text of [request.url, request.body, ...request.headers.map(([, v]) => v)]) fromAnywhere(text);
  for (const sub of request.subrequests) {
    fromHeaders(sub.headers);
    fromParams(queryOf(sub.url));
    fromParams(sub.body);
    for (const text of [sub.url, sub.body, ...sub.headers.map(([, v]) => v)]) fromAnywhere(text);
    for (const [name, value] of jsonStringMembers(sub.response.body)) {
      if (SECRET_RESPONSE_FIELDS.includes(name)) add(value);
    }
  }
  // Longest first, so a secret that contains another is replaced whole.
  return [...secrets].sort((a, b) => b.length - a.length);
}

/** Replaces every occurrence of every secret in a string. */
export function redactText(text: string, secrets: readonly string[]): string {
  let result = text;
  for (const secret of secrets) {
    if (result.includes(secret)) result = result.split(secret).join(REDACTED);
  }
  return result;
}

/**
 * A copy of the request with only the secret values replaced, so `Bearer `, header names and
 * the other form fields stay readable. With `reveal`, the request is returned unchanged.
 */
export function redactRequest(request: RenderedRequest, options: { reveal?: boolean } = {}): RenderedRequest {
  if (options.reveal) return request;
  const secrets = collectSecrets(request);
  if (secrets.length === 0) return request;
  const r = (text: string) => redactText(text, secrets);
  const rHeaders = (headers: Array<[string, string]>): Array<[string, string]> => headers.map(([n, v]) => [n, r(v)]);
  return {
    ...request,
    url: r(request.url),
    headers: rHeaders(request.headers),
    body: request.body === null ? null : r(request.body),
    fields: request.fields.map((f) => ({ ...f, value: r(f.value) })),
    subrequests: request.subrequests.map((sub) => ({
      ...sub,
      url: r(sub.url),
      headers: rHeaders(sub.headers),
      body: sub.body === null ? null : r(sub.body),
      options: { ...sub.options, body: sub.options.body === undefined ? undefined : r(sub.options.body) },
      response: { ...sub.response, body: r(sub.response.body) },
    })),
    aborted: request.aborted ? { ...request.aborted, reason: r(request.aborted.reason) } : null,
    problems: request.problems.map((p) => ({ ...p, message: r(p.message) })),
  };
}

/** `name=value` pairs anywhere in a text: a malformed form body (a space for an `&`), a URL, tag arguments. */
function looseParams(text: string): Array<[string, string, string]> {
  const found: Array<[string, string, string]> = [];
  for (const m of text.matchAll(/(?:^|[&?\s;,])([A-Za-z_][A-Za-z0-9_]*)=([^&\s'"{}%]+)/g)) found.push([m[1], m[2], safeDecode(m[2])]);
  return found;
}

/** Secrets written literally into template text: `client_secret=…`, `"client_secret": "…"`, `Basic …`/`Bearer …`. */
export function collectTemplateSecrets(texts: readonly string[]): string[] {
  const secrets = new Set<string>();
  for (const text of texts) {
    for (const [name, raw, decoded] of looseParams(text)) {
      if (SECRET_PARAMS.has(name.toLowerCase()) && raw.length >= MIN_SECRET_LENGTH && !isPlaceholderValue(raw)) {
        secrets.add(raw);
        secrets.add(decoded);
      }
    }
    for (const m of text.matchAll(/"([A-Za-z_]+)"\s*:\s*"([^"{}]{4,})"/g)) if (SECRET_PARAMS.has(m[1].toLowerCase())) secrets.add(m[2]);
    for (const m of text.matchAll(/\b(?:Basic|Bearer|OAuth)\s+([A-Za-z0-9+/=._~!-]{4,})/g)) secrets.add(m[1]);
    for (const secret of anywhereSecrets(text)) if (secret.length >= MIN_SECRET_LENGTH) secrets.add(secret);
  }
  return [...secrets].sort((a, b) => b.length - a.length);
}

function queryOf(url: string): string {
  const q = url.indexOf('?');
  return q < 0 ? '' : url.slice(q + 1).split('#')[0];
}

/** `[name, raw value, decoded value]` for each `name=value` pair of a form/query string. */
function formParams(text: string): Array<[string, string, string]> {
  if (!text.includes('=') || text.trim().startsWith('{')) return [];
  return text.split('&').flatMap((pair): Array<[string, string, string]> => {
    const eq = pair.indexOf('=');
    if (eq <= 0) return [];
    const raw = pair.slice(eq + 1);
    return [[safeDecode(pair.slice(0, eq)).trim(), raw, safeDecode(raw)]];
  });
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return text;
  }
}

/** String members of a JSON object text, at any depth; nothing when it is not JSON. */
function jsonStringMembers(text: string): Array<[string, string]> {
  const trimmed = text.trim();
  if (!trimmed.startsWith('{') && !trimmed.startsWith('[')) return [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(trimmed);
  } catch {
    return [];
  }
  const found: Array<[string, string]> = [];
  const stack: unknown[] = [parsed];
  while (stack.length > 0) {
    const node = stack.pop();
    if (!node || typeof node !== 'object') continue;
    for (const [key, value] of Object.entries(node)) {
      if (typeof value === 'string') found.push([key, value]);
      else if (value && typeof value === 'object') stack.push(value);
    }
  }
  return found;
}
