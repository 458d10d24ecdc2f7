import { bytesToBase64 } from '../connected-content/base64';
import type { ConnectedContentOptions } from '../types';
import type { WireRequest } from './transport';

/**
 * Braze's stored Connected Content credentials, which a template names instead of writing a
 * secret: `:basic_auth <name>` (a user name and password, sent as HTTP Basic) and
 * `:auth_credentials <name>` (header key/value pairs and an allowed domain).
 * https://www.braze.com/docs/user_guide/personalization_and_dynamic_content/connected_content/making_an_api_call/#authentication-types
 * A test send reads them from where the adapter keeps them (VS Code SecretStorage, environment
 * variables for the CLI); their values never enter a rendered request, a record or an output.
 */

export type CredentialOption = 'basic_auth' | 'auth_credentials';

/** A credential as a template names it. */
export interface CredentialRef {
  option: CredentialOption;
  name: string;
}

/** A credential's value. */
export type Credential =
  | { kind: 'basic'; username: string; password: string }
  | { kind: 'headers'; headers: Record<string, string>; /** Braze's "allowed domain": the credential is used only for this host (and its subdomains). */ domain?: string };

/** The key a credential is stored and looked up under. */
export function credentialKey(ref: CredentialRef): string {
  return `${ref.option}:${ref.name}`;
}

/** `:basic_auth sf_client` */
export function describeCredentialRef(ref: CredentialRef): string {
  return `:${ref.option} ${ref.name}`;
}

/** The credentials a connected_content call names. */
export function credentialRefs(options: ConnectedContentOptions): CredentialRef[] {
  const refs: CredentialRef[] = [];
  if (options.basicAuth) refs.push({ option: 'basic_auth', name: options.basicAuth });
  if (options.authCredentials) refs.push({ option: 'auth_credentials', name: options.authCredentials });
  return refs;
}

/** Every value of a credential that must never be shown, the encoded forms included. */
export function credentialSecrets(credential: Credential): string[] {
  if (credential.kind === 'basic') return [basicToken(credential), credential.password, `${credential.username}:${credential.password}`];
  return Object.values(credential.headers).flatMap((value) => {
    const scheme = /^\s*(?:Bearer|Basic|OAuth|Token)\s+(\S.*)$/i.exec(value);
    return scheme ? [value, scheme[1]] : [value];
  });
}

function basicToken(credential: { username: string; password: string }): string {
  return bytesToBase64(new TextEncoder().encode(`${credential.username}:${credential.password}`));
}

/** Why a credential cannot be used for a call. */
export function credentialProblem(ref: CredentialRef, credential: Credential | undefined, host: string): string | undefined {
  const named = describeCredentialRef(ref);
  if (!credential) return `The credential ${named} is not set.`;
  if (ref.option === 'basic_auth' && credential.kind !== 'basic') return `The credential ${named} must be a user name and password.`;
  if (ref.option === 'auth_credentials' && credential.kind !== 'headers') return `The credential ${named} must be header key/value pairs.`;
  if (credential.kind === 'headers') {
    if (Object.keys(credential.headers).length === 0) return `The credential ${named} has no headers.`;
    const domain = credential.domain?.trim().toLowerCase().replace(/\.$/, '');
    if (domain && host !== domain && !host.endsWith(`.${domain}`)) return `The credential ${named} is allowed for ${domain} only, and this call goes to ${host}.`;
  }
  return undefined;
}

/**
 * The request as it goes on the wire with the credential in it: `:basic_auth` replaces the
 * `Authorization: Basic <stored credential "name">` placeholder the renderer puts in; the headers of
 * `:auth_credentials` are set over the template's (the stored credential wins, as it is the
 * reason to name it). Check `credentialProblem` first.
 */
export function applyCredential(request: WireRequest, ref: CredentialRef, credential: Credential): WireRequest {
  const headers = [...request.headers];
  const set = (name: string, value: string) => {
    const at = headers.findIndex(([n]) => n.toLowerCase() === name.toLowerCase());
    if (at >= 0) headers[at] = [name, value];
    else headers.push([name, value]);
  };
  if (ref.option === 'basic_auth' && credential.kind === 'basic') set('Authorization', `Basic ${basicToken(credential)}`);
  if (ref.option === 'auth_credentials' && credential.kind === 'headers') for (const [name, value] of Object.entries(credential.headers)) set(name, value);
  return { ...request, headers };
}

/** The request as records and outputs show it: each credential header stands in by name. */
export function showCredentialHeaders(request: WireRequest, ref: CredentialRef, credential: Credential): WireRequest {
  if (ref.option !== 'auth_credentials' || credential.kind !== 'headers') return request;
  const placeholder = `<stored credential "${ref.name}">`;
  const names = new Set(Object.keys(credential.headers).map((n) => n.toLowerCase()));
  const headers: Array<[string, string]> = request.headers.filter(([n]) => !names.has(n.toLowerCase()));
  for (const name of Object.keys(credential.headers)) headers.push([name, placeholder]);
  return { ...request, headers };
}

/**
 * A credential from its stored text: `username:password` for `:basic_auth` (split at the first
 * colon, as HTTP Basic does), a JSON object of headers for `:auth_credentials` (optionally
 * `{"headers": {…}, "domain": "…"}`). Undefined when the text has neither shape.
 */
export function parseCredentialText(option: CredentialOption, text: string): Credential | undefined {
  if (option === 'basic_auth') {
    const colon = text.indexOf(':');
    return colon <= 0 ? undefined : { kind: 'basic', username: text.slice(0, colon), password: text.slice(colon + 1) };
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const record = value as Record<string, unknown>;
  const wrapped = record.headers && typeof record.headers === 'object' && !Array.isArray(record.headers);
  const headers = (wrapped ? record.headers : record) as Record<string, unknown>;
  if (!Object.values(headers).every((v) => typeof v === 'string')) return undefined;
  const domain = wrapped && typeof record.domain === 'string' ? record.domain : undefined;
  return { kind: 'headers', headers: headers as Record<string, string>, ...(domain ? { domain } : {}) };
}
