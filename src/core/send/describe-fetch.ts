import { parseDescribe } from '../salesforce/describe-file';
import { parseSobjectUrl } from '../salesforce/sobject-url';
import { redactText } from '../request/redact';
import type { RenderedRequest } from '../request/rendered-request';
import { renderProfile } from '../request/render-profile';
import { isTokenCall, type LiveExchange } from './live-resolver';
import type { SendPolicy } from './policy';
import { TransportError, type WireRequest } from './transport';
import { credentialRefusals, finishPlan, hostOf, outcomeSecrets, type PlannedCall, type PreparedSend, redactExchanges, renderLive, renderRefusals, SEND_TIMEOUTS, type SendIo, type SendRefusal, type SendSubject } from './send';
import { credentialRefs } from './credentials';
import type { ConnectedContentResolver } from '../types';

/**
 * Fetching the org's describe of the template's sObject, so the simulation and the rules use the
 * org's own fields: the template's token call made live (same credentials as a send), then
 * `GET …/services/data/<version>/sobjects/<sObject>/describe` on the webhook's host with the
 * token. https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/resources_sobject_describe.htm
 */

/** The describe resource for a rendered webhook URL, or undefined when it is not a Salesforce sObject URL. */
export function describeUrlFor(webhookUrl: string): { url: string; sobject: string } | undefined {
  const parsed = parseSobjectUrl(webhookUrl.trim());
  if (!parsed) return undefined;
  let origin: string;
  try {
    origin = new URL(webhookUrl.trim()).origin;
  } catch {
    return undefined;
  }
  return { url: `${origin}/services/data/${parsed.apiVersion.text}/sobjects/${parsed.sobject.text}/describe`, sobject: parsed.sobject.text };
}

/** What a describe fetch will do: the token call(s) and the GET. */
export interface PreparedDescribeFetch extends PreparedSend {
  /** The sObject named in the template's URL (its describe is fetched). */
  sobject?: string;
}

/** Plans the fetch like a send: the webhook call is replaced by the describe GET. */
export async function prepareDescribeFetch(subject: SendSubject, policy: SendPolicy): Promise<PreparedDescribeFetch> {
  const dryRun = await renderProfile(subject.file, subject.profile, { ...subject.deps, resolveConnectedContent: tokenOnly(subject.deps.resolveConnectedContent) });
  const refusals: SendRefusal[] = renderRefusals(dryRun).filter((r) => r.code !== 'aborted');
  const calls: PlannedCall[] = dryRun.subrequests.filter((s) => isTokenCall(s.url)).map((s) => ({ role: 'token', method: s.method, url: s.url, host: hostOf(s.url), credentials: credentialRefs(s.options) }));
  const target = describeUrlFor(dryRun.url);
  if (!target) refusals.push({ code: 'not-salesforce', message: `The template's URL is not a Salesforce REST sObject URL (…/services/data/vNN.0/sobjects/<sObject>/), so there is no describe to fetch.` });
  else calls.push({ role: 'describe', method: 'GET', url: target.url, host: hostOf(target.url), credentials: [] });
  if (calls.every((c) => c.role !== 'token')) refusals.push({ code: 'not-salesforce', message: 'The template has no Salesforce token call (connected_content …/services/oauth2/token) to authenticate the describe request.' });
  return { ...finishPlan(dryRun, calls, refusals, policy), sobject: target?.sobject };
}

function tokenOnly(fixtures: ConnectedContentResolver): ConnectedContentResolver {
  return (request) => (isTokenCall(request.url) ? { status: 200, body: JSON.stringify({ access_token: 'the-access-token-of-the-live-call', token_type: 'Bearer' }), source: 'planned' } : fixtures(request));
}

/** The result of a describe fetch; texts redacted. */
export type DescribeFetchOutcome =
  | { kind: 'refused'; refusals: SendRefusal[] }
  | { kind: 'cancelled'; exchanges: LiveExchange[] }
  /** The org did not give a usable describe: why, with the calls made. */
  | { kind: 'failed'; message: string; exchanges: LiveExchange[] }
  /** The describe, pretty-printed, ready to write; `fields` counts its fields. */
  | { kind: 'fetched'; sobject: string; text: string; fields: number; exchanges: LiveExchange[] };

/** Makes the token call, then the describe GET with its token; the text is checked with `parseDescribe` before it is returned. */
export async function executeDescribeFetch(subject: SendSubject, prepared: PreparedDescribeFetch, io: SendIo): Promise<DescribeFetchOutcome> {
  const refusals = [...prepared.refusals, ...prepared.hostsNotAllowed.map((host): SendRefusal => ({ code: 'host-not-allowed', message: `${host} is not an allowed host.`, host })), ...credentialRefusals(prepared, io.credentials)];
  const describeCall = prepared.calls.find((c) => c.role === 'describe');
  if (refusals.length > 0 || !describeCall) return { kind: 'refused', refusals };
  const timeouts = { ...SEND_TIMEOUTS, ...io.timeouts };
  const exchanges: LiveExchange[] = [];
  const rendered: RenderedRequest = await renderLive(subject, io, exchanges, timeouts.tokenMs);
  const secrets = outcomeSecrets(rendered, io.credentials, prepared.credentials);
  const shownExchanges = () => shownDescribeExchanges(exchanges, secrets);
  if (io.signal?.aborted) return { kind: 'cancelled', exchanges: shownExchanges() };
  const authorization = rendered.headers.filter(([name]) => name.trim().toLowerCase() === 'authorization').pop()?.[1] ?? '';
  if (!/^(?:Bearer|OAuth)\s+\S+$/i.test(authorization.trim())) {
    const token = exchanges.find((e) => e.role === 'token');
    const why = token?.response ? `the token call answered ${token.response.status}` : (token?.error ?? 'the template gave no token');
    return { kind: 'failed', message: `No access token (${redactText(why, secrets)}), so the describe was not requested.`, exchanges: shownExchanges() };
  }
  const request: WireRequest = { method: 'GET', url: describeCall.url, headers: [['Authorization', authorization.trim()], ['Accept', 'application/json']], body: null };
  const record: LiveExchange = { role: 'describe', request };
  exchanges.push(record);
  try {
    const answer = await io.transport(request, { timeoutMs: timeouts.webhookMs, signal: io.signal });
    record.response = answer;
    if (answer.status !== 200) return { kind: 'failed', message: `Salesforce answered ${answer.status} to the describe request.`, exchanges: shownExchanges() };
    const parsed = parseDescribe(answer.body);
    if (!parsed.describe) return { kind: 'failed', message: `The answer is not a describe: ${parsed.problems[0]?.message ?? 'unreadable'}`, exchanges: shownExchanges() };
    return { kind: 'fetched', sobject: parsed.describe.name, text: `${JSON.stringify(JSON.parse(answer.body), null, 2)}\n`, fields: parsed.describe.fields.length, exchanges: shownExchanges() };
  } catch (error) {
    record.error = error instanceof TransportError ? error.message : String(error);
    if (error instanceof TransportError && error.kind === 'cancelled') return { kind: 'cancelled', exchanges: shownExchanges() };
    return { kind: 'failed', message: record.error, exchanges: shownExchanges() };
  }
}

/** The exchanges as shown: redacted, and the describe's body summed up rather than repeated. */
function shownDescribeExchanges(exchanges: LiveExchange[], secrets: readonly string[]): LiveExchange[] {
  return redactExchanges(exchanges, secrets).map((exchange) =>
    exchange.role === 'describe' && exchange.response?.status === 200 ? { ...exchange, response: { ...exchange.response, body: `(the describe: ${exchange.response.body.length} characters)` } } : exchange,
  );
}
