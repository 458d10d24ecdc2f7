/**
 * Where a test send may go. Nothing is contacted unless the user named its host; plain http and
 * other ports only for the loopback address, behind an explicit developer/test switch (ADR 016).
 */

/** What the user allowed. */
export interface SendPolicy {
  /** Host names the user allowed (exact, case-insensitive; no wildcards). */
  allowedHosts: readonly string[];
  /** Developer/test switch: `http://127.0.0.1` or `http://[::1]`, on any port. */
  allowLoopback: boolean;
}

/** A URL a send may contact. */
export interface SendTarget {
  scheme: 'http' | 'https';
  /** Lower-cased host, IPv6 in brackets. */
  host: string;
  /** `https://host[:port]` */
  origin: string;
}

/** Why a URL may not be contacted. */
export type TargetRefusalCode = 'not-a-url' | 'userinfo' | 'scheme' | 'port' | 'host-not-allowed';

export interface TargetRefusal {
  code: TargetRefusalCode;
  message: string;
  /** The host, when the URL has one. */
  host?: string;
}

const LOOPBACK_HOSTS = new Set(['127.0.0.1', '[::1]']);

/** Whether a host is the loopback address (IP literals only: a name could resolve anywhere). */
export function isLoopbackHost(host: string): boolean {
  return LOOPBACK_HOSTS.has(host.toLowerCase());
}

/** `Acme.My.Salesforce.com.` → `acme.my.salesforce.com`; what the user typed, made comparable. */
export function normalizeHost(host: string): string {
  return host.trim().toLowerCase().replace(/\.$/, '');
}

/**
 * Whether `url` may be contacted under `policy`. Braze itself sends only to ports 80 and 443 and
 * never follows redirects (https://www.braze.com/docs/user_guide/personalization_and_dynamic_content/connected_content/making_an_api_call/);
 * a send is stricter: https only, to a host the user named.
 */
export function checkTarget(url: string, policy: SendPolicy): { target: SendTarget } | { refusal: TargetRefusal } {
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    return { refusal: { code: 'not-a-url', message: `"${url}" is not a URL Braze can send to.` } };
  }
  const scheme = parsed.protocol.replace(/:$/, '');
  const host = normalizeHost(parsed.hostname);
  if (scheme !== 'http' && scheme !== 'https') return { refusal: { code: 'scheme', message: `${scheme}: URLs are not sent (Braze sends http and https only).`, host } };
  if (parsed.username || parsed.password) {
    return { refusal: { code: 'userinfo', message: `The URL to ${host} carries a user name or password; a test send refuses it (it would end up in logs).`, host } };
  }
  const loopback = isLoopbackHost(host);
  if (loopback && !policy.allowLoopback) {
    return { refusal: { code: 'scheme', message: `${host} is the loopback address: it is contacted only with the developer/test switch for loopback.`, host } };
  }
  if (scheme === 'http' && !loopback) return { refusal: { code: 'scheme', message: `A test send uses https only; http://${host} is refused.`, host } };
  if (parsed.port !== '' && !loopback) return { refusal: { code: 'port', message: `Braze sends only to ports 80 and 443; ${host}:${parsed.port} is refused.`, host } };
  if (!policy.allowedHosts.some((allowed) => normalizeHost(allowed) === host)) {
    return { refusal: { code: 'host-not-allowed', message: `${host} is not an allowed host.`, host } };
  }
  return { target: { scheme, host, origin: parsed.origin } };
}
