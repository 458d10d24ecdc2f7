import type { ConnectedContentNode, RuleDefinition } from '../../lint/types';
import { SALESFORCE_SESSION_ID } from '../../request/redact';
import type { LiquidField } from '../../template/template-file';
import { isPlaceholderValue } from '../../util/placeholders';
import { docsUrl } from '../docs-url';
import { ccOption, describeField, hasLiquid, literalSegments, optionValue, type TextSpan, tokenBodyParams } from '../oauth-helpers';
import texts from './texts.json';

/** Form and JSON parameters that carry a secret (compared lower-case, `-` read as `_`). */
const SECRET_PARAMS = new Set([
  'access_token',
  'api_key',
  'apikey',
  'assertion',
  'auth_token',
  'client_assertion',
  'client_secret',
  'passwd',
  'password',
  'private_key',
  'refresh_token',
  'secret',
  'session_id',
  'sessionid',
  'token',
]);

/** Header names that carry a secret besides Authorization: `X-Api-Key`, `X-Auth-Token`, `X-SFDC-Session`… */
const SECRET_HEADER = /(?:^|[-_])(?:api[-_]?key|token|secret|password|session)$/i;

/** `Bearer <token>`, `OAuth <token>`, `Basic <base64>` with a literal credential after the scheme. */
const AUTH_CREDENTIAL = /(?<![\w-])(Bearer|OAuth|Basic)[ \t]+([^\s{}"]+)/gi;

/** Shorter literals after a scheme are not taken for credentials (real ones are far longer). */
const MIN_CREDENTIAL_LENGTH = 8;

type MessageId = 'literalSecret' | 'literalAuthorization' | 'literalSessionId' | 'literalHeader' | 'literalBodySecret';

/**
 * A credential written into the template is readable by everyone who can open the template, its
 * exports and its repository. Braze can hold credentials itself (Settings → Connected Content) and
 * add them to a call with `:basic_auth` or `:auth_credentials`
 * (https://www.braze.com/docs/user_guide/personalization_and_dynamic_content/connected_content/making_an_api_call/#authentication-types),
 * and a Salesforce token is fetched per send by the OAuth header instead of being pasted in.
 * Placeholders (`[insert_client_secret]`, `<token>`, `YOUR_TOKEN`, `xxx`) are the `placeholder`
 * rule's; credentials in a URL's query or `user:pass@` are `secret-in-url`'s. Messages never quote
 * the secret.
 */
export const HardcodedSecret: RuleDefinition = {
  meta: {
    id: 'hardcoded-secret',
    docs: {
      recommended: true,
      url: docsUrl('hardcoded-secret'),
    },
    severity: 'warning',
    kind: 'static',
    schema: {},
    texts,
  },
  create(context) {
    const reported: Array<[number, number]> = [];
    const report = (field: LiquidField, span: { start: number; end: number }, messageId: MessageId, data: Record<string, string>) => {
      const range = context.toRaw(field, span.start, span.end);
      if (reported.some(([s, e]) => range.start < e && s < range.end)) return;
      reported.push([range.start, range.end]);
      context.report({ messageId, data, startIndex: range.start, endIndex: range.end });
    };
    return {
      ConnectedContentTag(node) {
        checkCcBody(node, report);
        checkCcHeaders(node, report);
      },
      Field({ field }) {
        const where = describeField(field);
        const segments = literalSegments(context.fieldRegions(field), field).map((s) => (field.kind === 'url' ? withoutQuery(s) : s));
        for (const segment of segments) {
          for (const match of matchesIn(segment, SALESFORCE_SESSION_ID)) report(field, match, 'literalSessionId', { where });
        }
        if (field.kind === 'header') checkHeaderValue(field, field.key ?? '', segments, where, report, field.text);
        if (field.kind === 'body-value' && isSecretName(field.key ?? '') && isLiteralSecret(field.text)) {
          report(field, trimmedSpan(field.text), 'literalBodySecret', { param: field.key ?? '', where });
        }
        if (field.kind === 'body-raw') {
          for (const segment of segments) {
            for (const { name, value } of namedValues(segment)) {
              if (isSecretName(name) && isLiteralSecret(value.text)) report(field, value, 'literalBodySecret', { param: name, where });
            }
          }
        }
      },
    };
  },
};

type Reporter = (field: LiquidField, span: { start: number; end: number }, messageId: MessageId, data: Record<string, string>) => void;

/** `client_secret=…` in a form `:body`, `"client_secret": "…"` in an inline JSON `:body`. */
function checkCcBody(node: ConnectedContentNode, report: Reporter): void {
  const body = tokenBodyParams(node);
  if (!body) return;
  const pairs = body.json ? namedValues(body.value) : body.params.map((p) => ({ name: p.name.text.trim(), value: p.value }));
  for (const { name, value } of pairs) {
    if (isSecretName(name) && isLiteralSecret(value.text)) report(node.field, value, 'literalSecret', { param: name });
  }
}

/** A literal credential in the call's own `:headers {…}`. */
function checkCcHeaders(node: ConnectedContentNode, report: Reporter): void {
  const option = ccOption(node, 'headers');
  if (!option) return;
  const value = optionValue(node, option);
  for (const { name, value: header } of namedValues(value)) checkHeaderValue(node.field, name, [header], 'connected_content :headers', report);
}

/**
 * A header (the webhook's, or in `:headers`): a literal credential after a scheme, a session id,
 * or any literal value of a secret-named header. `whole` is the header's full text when known.
 */
function checkHeaderValue(field: LiquidField, name: string, segments: TextSpan[], where: string, report: Reporter, whole?: string): void {
  for (const segment of segments) {
    for (const match of matchesIn(segment, SALESFORCE_SESSION_ID)) report(field, match, 'literalSessionId', { where });
    const followedByLiquid = whole !== undefined && segment.end < whole.length;
    for (const credential of authCredentials(segment, followedByLiquid)) report(field, credential, 'literalAuthorization', { scheme: credential.scheme, where });
  }
  const text = whole ?? segments.map((s) => s.text).join('');
  if (name.trim().toLowerCase() !== 'authorization' && SECRET_HEADER.test(name.trim()) && isLiteralSecret(text)) {
    const span = whole === undefined ? segments[0] : trimmedSpan(whole);
    if (span) report(field, span, 'literalHeader', { name: name.trim() });
  }
}

/** The literal credentials after `Bearer`/`OAuth`/`Basic` in a literal segment. */
function authCredentials(segment: TextSpan, followedByLiquid: boolean): Array<TextSpan & { scheme: string }> {
  const found: Array<TextSpan & { scheme: string }> = [];
  for (const match of segment.text.matchAll(AUTH_CREDENTIAL)) {
    const credential = match[2];
    const start = segment.start + (match.index ?? 0) + match[0].length - credential.length;
    const end = start + credential.length;
    // A credential that runs into Liquid (`Bearer abc{{x}}`) is not wholly written out.
    const runsIntoLiquid = end === segment.end && followedByLiquid;
    if (credential.length < MIN_CREDENTIAL_LENGTH || runsIntoLiquid || isPlaceholderValue(credential)) continue;
    const scheme = match[1].charAt(0).toUpperCase() + match[1].slice(1).toLowerCase();
    found.push({ text: credential, start, end, scheme: scheme === 'Oauth' ? 'OAuth' : scheme });
  }
  return found;
}

/** `"name": "value"` members and `name=value` pairs written in a span, with the value's offsets. */
function namedValues(span: TextSpan): Array<{ name: string; value: TextSpan }> {
  const found: Array<{ name: string; value: TextSpan }> = [];
  for (const m of span.text.matchAll(/"([A-Za-z_][\w-]*)"\s*:\s*"((?:[^"\\]|\\.)*)"/g)) {
    const start = span.start + (m.index ?? 0) + m[0].length - m[2].length - 1;
    found.push({ name: m[1], value: { text: m[2], start, end: start + m[2].length } });
  }
  for (const m of span.text.matchAll(/(?:^|[&?\s])([A-Za-z_][\w-]*)=([^&\s"]*)/g)) {
    const start = span.start + (m.index ?? 0) + m[0].length - m[2].length;
    found.push({ name: m[1], value: { text: m[2], start, end: start + m[2].length } });
  }
  return found;
}

function isSecretName(name: string): boolean {
  return SECRET_PARAMS.has(name.trim().toLowerCase().replace(/-/g, '_'));
}

/** A value written out in full: not empty, no Liquid, not a placeholder. */
function isLiteralSecret(value: string): boolean {
  const trimmed = value.trim();
  return trimmed !== '' && !hasLiquid(trimmed) && !isPlaceholderValue(trimmed);
}

function matchesIn(segment: TextSpan, pattern: RegExp): TextSpan[] {
  return [...segment.text.matchAll(pattern)].map((m) => ({ text: m[0], start: segment.start + (m.index ?? 0), end: segment.start + (m.index ?? 0) + m[0].length }));
}

/** The span of `text` without its surrounding spaces. */
function trimmedSpan(text: string): TextSpan {
  const start = text.length - text.trimStart().length;
  const end = text.trimEnd().length;
  return { text: text.slice(start, end), start, end };
}

/** A URL segment up to its query: credentials in a query are secret-in-url's. */
function withoutQuery(segment: TextSpan): TextSpan {
  const q = segment.text.indexOf('?');
  return q < 0 ? segment : { text: segment.text.slice(0, q), start: segment.start, end: segment.start + q };
}
