import { isValidBrazeUrl } from '../connected-content/url';
import type { Profile } from '../profile';
import { collectSecrets, redactRequest, redactText, REDACTED } from '../request/redact';
import { renderProfile } from '../request/render-profile';
import type { RenderedRequest } from '../request/rendered-request';
import type { SalesforceSchema } from '../salesforce/model';
import { simulateSalesforceAnswer, type SalesforceAnswer } from '../salesforce/simulate';
import type { TemplateFile } from '../template/template-file';
import type { ConnectedContentResolver, Dependencies, Problem, ProfileRef } from '../types';
import { type Credential, type CredentialRef, credentialKey, credentialProblem, credentialRefs, credentialSecrets } from './credentials';
import { isTokenCall, type LiveExchange, makeLiveResolver } from './live-resolver';
import { checkTarget, type SendPolicy, type TargetRefusalCode } from './policy';
import { type HttpTransport, TransportError, type WireRequest, type WireResponse } from './transport';
import { compareWithPrediction, type Verdict } from './verdict';
import { createBrazeEngine, ENGINE_LIMITS } from '../liquid/create-braze-engine';

/**
 * A test send of one profile's webhook to the user's own org: the plan (what will be contacted,
 * with which credentials), then the send itself, then the verdict against the simulated answer.
 * Pure except for the injected transport: the adapters confirm with the user between the two
 * steps and do the I/O (ADR 016).
 */

/** What to send. */
export interface SendSubject {
  file: TemplateFile;
  profile: Profile;
  /** Fixtures (every connected_content call but the token call), content blocks, clock. */
  deps: Dependencies;
  /** The model the prediction uses (built-in Lead plus the org's describe). */
  salesforce: SalesforceSchema;
}

/** Why nothing will be sent. */
export interface SendRefusal {
  code: TargetRefusalCode | 'aborted' | 'render-error' | 'invalid-url' | 'credential' | 'not-salesforce';
  message: string;
  host?: string;
  credential?: CredentialRef;
}

/** A call the send will make for real. */
export interface PlannedCall {
  role: 'token' | 'webhook' | 'describe';
  method: string;
  url: string;
  host: string;
  credentials: CredentialRef[];
}

/** What a send will do, for the confirmation; nothing has been sent yet. */
export interface PreparedSend {
  profile: ProfileRef;
  /** The webhook as the confirmation shows it: rendered with fixtures, secrets redacted. */
  preview: RenderedRequest;
  /** Live calls in order: the token call(s), then the webhook. */
  calls: PlannedCall[];
  /** Hosts to contact (each must be allowed). */
  hosts: string[];
  /** Hosts not allowed yet: the adapter may ask the user, then prepare again. */
  hostsNotAllowed: string[];
  /** Credentials the token call names; the adapter looks them up before `executeSend`. */
  credentials: CredentialRef[];
  /** Reasons nothing can be sent (besides hosts not allowed). */
  refusals: SendRefusal[];
}

/** Timeouts of the live calls. */
export const SEND_TIMEOUTS = Object.freeze({
  /** The token call: longer than Braze's 2 s so a slow answer is reported (and dropped as Braze would). */
  tokenMs: 10_000,
  /** The webhook: Braze waits 90 s; a test send waits this long by default. */
  webhookMs: 30_000,
});

/** What the dry run answers the token call with: a success, so the plan sees what a working org gives. */
const PLANNED_TOKEN = 'the-access-token-of-the-live-call';

/**
 * Renders the webhook with fixtures (the token call answered as a success) and lists what the
 * send will contact. The webhook's host and each token call's host must be allowed.
 */
export async function prepareSend(subject: SendSubject, policy: SendPolicy): Promise<PreparedSend> {
  const dryRun = await renderProfile(subject.file, subject.profile, { ...subject.deps, resolveConnectedContent: plannedTokenResolver(subject.deps.resolveConnectedContent) });
  const refusals: SendRefusal[] = renderRefusals(dryRun);
  const calls: PlannedCall[] = [];
  for (const sub of dryRun.subrequests.filter((s) => isTokenCall(s.url))) {
    calls.push({ role: 'token', method: sub.method, url: sub.url, host: hostOf(sub.url), credentials: credentialRefs(sub.options) });
  }
  if (!dryRun.aborted) calls.push({ role: 'webhook', method: dryRun.method, url: dryRun.url, host: hostOf(dryRun.url), credentials: [] });
  return finishPlan(dryRun, calls, refusals, policy);
}

/** Hosts, credentials and target refusals of a list of calls. */
export function finishPlan(dryRun: RenderedRequest, calls: PlannedCall[], refusals: SendRefusal[], policy: SendPolicy): PreparedSend {
  const hostsNotAllowed: string[] = [];
  for (const call of calls) {
    const check = checkTarget(call.url, policy);
    if (!('refusal' in check)) continue;
    if (check.refusal.code === 'host-not-allowed') hostsNotAllowed.push(check.refusal.host as string);
    else refusals.push({ code: check.refusal.code, message: check.refusal.message, host: check.refusal.host });
  }
  const credentials = uniqueBy(calls.flatMap((c) => c.credentials), credentialKey);
  return {
    profile: dryRun.profile ?? { index: 1, label: '(no profile)' },
    preview: redactRequest(dryRun),
    calls,
    hosts: unique(calls.map((c) => c.host).filter((h) => h !== '')),
    hostsNotAllowed: unique(hostsNotAllowed),
    credentials,
    refusals: uniqueBy(refusals, (r) => r.message),
  };
}

/** Braze sends nothing when the message aborts, a field fails to render, or the URL is not one. */
export function renderRefusals(dryRun: RenderedRequest): SendRefusal[] {
  const refusals: SendRefusal[] = [];
  if (dryRun.aborted) refusals.push({ code: 'aborted', message: `The message aborts for this profile (${dryRun.aborted.reason}): Braze sends nothing, so neither does the test send.` });
  const renderError = dryRun.problems.find((p) => p.ruleId === 'render-error');
  if (renderError) refusals.push({ code: 'render-error', message: `The template does not render for this profile: ${renderError.message}` });
  if (!dryRun.aborted && !isValidBrazeUrl(dryRun.url)) refusals.push({ code: 'invalid-url', message: `Braze cannot send to "${dryRun.url}" (it logs "is not a valid URL").` });
  return refusals;
}

/** Fixtures for every call; the token call answers as a working org would, so the plan is the working path. */
function plannedTokenResolver(fixtures: ConnectedContentResolver): ConnectedContentResolver {
  return (request) => {
    if (!isTokenCall(request.url)) return fixtures(request);
    return { status: 200, body: JSON.stringify({ access_token: PLANNED_TOKEN, token_type: 'Bearer', scope: 'api' }), source: 'planned (the live call answers)' };
  };
}

export function hostOf(url: string): string {
  try {
    return new URL(url.trim()).hostname.toLowerCase();
  } catch {
    return '';
  }
}

function unique<T>(items: T[]): T[] {
  return [...new Set(items)];
}

function uniqueBy<T>(items: T[], key: (item: T) => string): T[] {
  const seen = new Map<string, T>();
  for (const item of items) if (!seen.has(key(item))) seen.set(key(item), item);
  return [...seen.values()];
}

/** What the adapter provides for the send itself. */
export interface SendIo {
  transport: HttpTransport;
  /** Credentials by `credentialKey`, looked up for `prepared.credentials`. */
  credentials: ReadonlyMap<string, Credential>;
  policy: SendPolicy;
  signal?: AbortSignal;
  timeouts?: { tokenMs?: number; webhookMs?: number };
  /** Findings to show with the sent request (the adapter's lint of it), computed before redaction. */
  check?: (sent: RenderedRequest) => Problem[];
}

/** The result of a send; every text in it is redacted. */
export type SendOutcome =
  /** Nothing was sent. */
  | { kind: 'refused'; refusals: SendRefusal[] }
  /** Cancelled by the user; `exchanges` lists what had been sent by then. */
  | { kind: 'cancelled'; exchanges: LiveExchange[] }
  /** The token call went, then the message aborted: Braze sends no webhook. */
  | { kind: 'aborted'; reason: string; request: RenderedRequest; exchanges: LiveExchange[] }
  /** The webhook went but no answer came (timeout, network). */
  | { kind: 'no-answer'; error: string; request: RenderedRequest; exchanges: LiveExchange[]; predicted: SalesforceAnswer | null }
  | { kind: 'answered'; request: RenderedRequest; exchanges: LiveExchange[]; answer: WireResponse; predicted: SalesforceAnswer | null; verdict: Verdict };

/**
 * Sends the prepared webhook for real: checks everything first (nothing goes out if a host is not
 * allowed or a credential is missing), renders the template with the token call made live,
 * sends the webhook once (no retries), and compares the answer with the simulation of the very
 * request that was sent (no mocks, no scenario: the org answers).
 */
export async function executeSend(subject: SendSubject, prepared: PreparedSend, io: SendIo): Promise<SendOutcome> {
  const refusals = [...prepared.refusals, ...hostRefusals(prepared), ...credentialRefusals(prepared, io.credentials)];
  if (refusals.length > 0) return { kind: 'refused', refusals };
  const timeouts = { ...SEND_TIMEOUTS, ...io.timeouts };
  const exchanges: LiveExchange[] = [];
  const sent = await renderLive(subject, io, exchanges, timeouts.tokenMs);
  const secrets = outcomeSecrets(sent, io.credentials, prepared.credentials);
  const shown = (request: RenderedRequest) => redactRendered(request, io.check, secrets);
  if (io.signal?.aborted) return { kind: 'cancelled', exchanges: redactExchanges(exchanges, secrets) };
  if (sent.aborted) return { kind: 'aborted', reason: redactText(sent.aborted.reason, secrets), request: shown(sent), exchanges: redactExchanges(exchanges, secrets) };
  // With the live answer in it, a field may fail where the dry run did not: nothing half-rendered goes out.
  const renderError = sent.problems.find((p) => p.ruleId === 'render-error');
  if (renderError) return { kind: 'aborted', reason: redactText(`the template does not render: ${renderError.message}`, secrets), request: shown(sent), exchanges: redactExchanges(exchanges, secrets) };
  const check = checkTarget(sent.url, io.policy);
  if ('refusal' in check) return { kind: 'refused', refusals: [{ code: check.refusal.code, message: check.refusal.message, host: check.refusal.host }] };
  const predicted = simulateSalesforceAnswer(sent, { salesforce: subject.salesforce });
  const wire: WireRequest = { method: sent.method, url: sent.url, headers: sent.headers, body: sent.body };
  const record: LiveExchange = { role: 'webhook', request: wire };
  exchanges.push(record);
  try {
    const answer = await io.transport(wire, { timeoutMs: timeouts.webhookMs, signal: io.signal });
    record.response = answer;
    const verdict = compareWithPrediction(answer, predicted);
    return {
      kind: 'answered',
      request: shown(sent),
      exchanges: redactExchanges(exchanges, secrets),
      answer: redactAnswer(answer, secrets),
      predicted: predicted && redactPrediction(predicted, secrets),
      verdict: redactVerdict(verdict, secrets),
    };
  } catch (error) {
    const message = error instanceof TransportError ? error.message : String(error);
    record.error = message;
    if (error instanceof TransportError && error.kind === 'cancelled') return { kind: 'cancelled', exchanges: redactExchanges(exchanges, secrets) };
    return { kind: 'no-answer', error: message, request: shown(sent), exchanges: redactExchanges(exchanges, secrets), predicted: predicted && redactPrediction(predicted, secrets) };
  }
}

/** The template rendered with the token call live. The engine's time limit leaves room for the call. */
export async function renderLive(subject: SendSubject, io: SendIo, exchanges: LiveExchange[], tokenTimeoutMs: number): Promise<RenderedRequest> {
  const resolver = makeLiveResolver({ fixtures: subject.deps.resolveConnectedContent, policy: io.policy, credentials: io.credentials, transport: io.transport, timeoutMs: tokenTimeoutMs, signal: io.signal, exchanges });
  // Each field has ENGINE_LIMITS.renderLimit to render; a live call waits on the network inside it.
  const engine = createBrazeEngine({ renderLimit: ENGINE_LIMITS.renderLimit + 4 * tokenTimeoutMs });
  return renderProfile(subject.file, subject.profile, { ...subject.deps, resolveConnectedContent: resolver }, engine);
}

function hostRefusals(prepared: PreparedSend): SendRefusal[] {
  return prepared.hostsNotAllowed.map((host) => ({ code: 'host-not-allowed', message: `${host} is not an allowed host.`, host }));
}

/** Every credential the token call names must be there and fit the host it goes to. */
export function credentialRefusals(prepared: PreparedSend, credentials: ReadonlyMap<string, Credential>): SendRefusal[] {
  const refusals: SendRefusal[] = [];
  for (const call of prepared.calls) {
    for (const ref of call.credentials) {
      const problem = credentialProblem(ref, credentials.get(credentialKey(ref)), call.host);
      if (problem) refusals.push({ code: 'credential', message: problem, credential: ref });
    }
  }
  return uniqueBy(refusals, (r) => r.message);
}

/** Secrets of an outcome: what `collectSecrets` finds (the real token included) and every credential value. */
export function outcomeSecrets(sent: RenderedRequest, credentials: ReadonlyMap<string, Credential>, refs: readonly CredentialRef[]): string[] {
  const found = new Set(collectSecrets(sent));
  for (const ref of refs) {
    const credential = credentials.get(credentialKey(ref));
    if (credential) for (const value of credentialSecrets(credential)) if (value.length >= 4) found.add(value);
  }
  return [...found].sort((a, b) => b.length - a.length);
}

function redactRendered(request: RenderedRequest, check: SendIo['check'], secrets: readonly string[]): RenderedRequest {
  const withProblems = check ? { ...request, problems: [...request.problems, ...check(request)] } : request;
  const redacted = redactRequest(withProblems);
  return deepRedact(redacted, secrets);
}

/** Header names whose values are credentials or session cookies: shown as `<redacted>` whole. */
const SECRET_HEADER = /^(?:authorization|proxy-authorization|cookie|set-cookie|.*-(?:token|secret|api-?key))$/i;

/** The real answer with session cookies, credentials and tokens replaced. */
export function redactAnswer(answer: WireResponse, secrets: readonly string[]): WireResponse {
  const tokens = tokensInBody(answer.body);
  const all = [...secrets, ...tokens].sort((a, b) => b.length - a.length);
  return {
    ...answer,
    headers: answer.headers.map(([name, value]) => [name, SECRET_HEADER.test(name) ? REDACTED : redactText(value, all)]),
    body: redactText(answer.body, all),
  };
}

/** Token-like members of a JSON answer (`access_token`, `refresh_token`, `id_token`, `signature`). */
function tokensInBody(body: string): string[] {
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch {
    return [];
  }
  const found: string[] = [];
  const stack = [value];
  while (stack.length > 0) {
    const node = stack.pop();
    if (!node || typeof node !== 'object') continue;
    for (const [key, member] of Object.entries(node)) {
      if (typeof member === 'string' && /^(?:access_token|refresh_token|id_token|signature)$/.test(key) && member.length >= 4) found.push(member);
      else if (member && typeof member === 'object') stack.push(member);
    }
  }
  return found;
}

export function redactExchanges(exchanges: LiveExchange[], secrets: readonly string[]): LiveExchange[] {
  return exchanges.map((exchange) => ({
    role: exchange.role,
    request: {
      ...exchange.request,
      url: redactText(exchange.request.url, secrets),
      headers: exchange.request.headers.map(([name, value]) => [name, redactText(value, secrets)]),
      body: exchange.request.body === null ? null : redactText(exchange.request.body, secrets),
    },
    ...(exchange.response ? { response: redactAnswer(exchange.response, secrets) } : {}),
    ...(exchange.error !== undefined ? { error: redactText(exchange.error, secrets) } : {}),
  }));
}

function redactPrediction(answer: SalesforceAnswer, secrets: readonly string[]): SalesforceAnswer {
  return deepRedact(answer, secrets);
}

function redactVerdict(verdict: Verdict, secrets: readonly string[]): Verdict {
  return deepRedact(verdict, secrets);
}

/** Every string anywhere in a plain value, redacted. */
function deepRedact<T>(value: T, secrets: readonly string[]): T {
  if (secrets.length === 0) return value;
  if (typeof value === 'string') return redactText(value, secrets) as T;
  if (Array.isArray(value)) return value.map((item) => deepRedact(item, secrets)) as T;
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, deepRedact(v, secrets)])) as T;
  return value;
}
