/** The parts of an absolute URL this module cares about. */
export interface UrlParts {
  /** Lower-cased scheme, e.g. `https`. */
  scheme: string;
  /** Host as written (no userinfo, no port); IPv6 literals keep their brackets. */
  host: string;
  /** Path as written, `''` when absent. */
  path: string;
}

const URL_SHAPE = /^([A-Za-z][A-Za-z0-9+.-]*):\/\/([^/?#]*)([^?#]*)/;

/** Splits `scheme://authority/path…`; undefined for anything else (relative, empty…). */
export function splitUrl(url: string): UrlParts | undefined {
  const match = URL_SHAPE.exec(url.trim());
  if (!match) return undefined;
  const authority = match[2].slice(match[2].lastIndexOf('@') + 1);
  return { scheme: match[1].toLowerCase(), host: stripPort(authority), path: match[3] };
}

function stripPort(authority: string): string {
  if (authority.startsWith('[')) {
    const close = authority.indexOf(']');
    return close < 0 ? authority : authority.slice(0, close + 1);
  }
  const colon = authority.lastIndexOf(':');
  return colon < 0 ? authority : authority.slice(0, colon);
}

const HOST_LABEL = /^[\p{L}\p{N}_](?:[\p{L}\p{N}_-]*[\p{L}\p{N}_])?$/u;
const IPV6_LITERAL = /^\[[0-9A-Fa-f:.]+\]$/;

/**
 * Whether Braze would accept the URL at all. Braze logs `<url> is not a valid URL` when the host
 * is not a host name, e.g. with the recipe's `[insert_instance_name]` placeholder left in
 * (https://www.braze.com/docs/user_guide/getting_started/b2b_use_cases/b2b_salesforce_sales_cloud).
 * Only the scheme and host are checked; what Braze does with other odd characters is not documented.
 */
export function isValidBrazeUrl(url: string): boolean {
  // The connected_content tag and then the fixture resolver ask about the same URL in a row.
  if (url === lastChecked.url) return lastChecked.valid;
  const valid = checkBrazeUrl(url);
  lastChecked = { url, valid };
  return valid;
}

let lastChecked: { url?: string; valid: boolean } = { valid: false };

function checkBrazeUrl(url: string): boolean {
  const parts = splitUrl(url);
  if (!parts || (parts.scheme !== 'http' && parts.scheme !== 'https')) return false;
  if (IPV6_LITERAL.test(parts.host)) return true;
  const labels = parts.host.split('.');
  return parts.host !== '' && labels.every((label) => HOST_LABEL.test(label));
}

/**
 * Whether `url` matches a fixture pattern. Without `*` the pattern must equal the URL exactly
 * (query string included, as written; no normalisation of case or encoding). `*` matches any run
 * of characters, including none, `/`, `.` and `?`; there is no escape for a literal `*`.
 * Runs in O(pattern × url) without regular expressions, so hostile patterns cannot hang it.
 */
export function matchUrlGlob(pattern: string, url: string): boolean {
  let p = 0;
  let u = 0;
  let starAt = -1;
  let resumeAt = 0;
  while (u < url.length) {
    if (pattern[p] === '*') {
      starAt = p++;
      resumeAt = u;
    } else if (p < pattern.length && pattern[p] === url[u]) {
      p++;
      u++;
    } else if (starAt >= 0) {
      p = starAt + 1;
      u = ++resumeAt;
    } else {
      return false;
    }
  }
  while (pattern[p] === '*') p++;
  return p === pattern.length;
}
