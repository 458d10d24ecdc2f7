import {
  type Credential,
  type CredentialRef,
  type FetchFunction,
  type PreparedSend,
  type Profile,
  type SendOutcome,
  type SendPolicy,
  type SendSubject,
  allRules,
  credentialKey,
  describeCredentialRef,
  executeSend,
  lintRendered,
  lintStatic,
  makeFetchTransport,
  offsetToLineColumn,
  parseCredentialText,
  prepareSend,
  toCurl,
  toHttpDocument,
  toRenderJson,
  toSendResultComments,
  type RenderJson,
} from '../../core';
import { CliError } from '../cli-error';
import { loadRunInputs, selectProfiles } from '../inputs';
import { makeContentBlockReader } from '../node-fs';
import { loadTemplate } from '../template-input';
import { toInertJson, toTerminalSafe } from '../terminal';

export interface SendOptions {
  template: string;
  profiles: string[];
  user?: string;
  mocks?: string;
  describe?: string[];
  config?: string;
  format: 'http' | 'curl' | 'json';
  /** `--allow-host`: the hosts the send may contact (the token call's and the webhook's). */
  allowHosts: string[];
  /** `--allow-loopback`: plain http to 127.0.0.1 / [::1], for tests and development. */
  allowLoopback: boolean;
  /** `--timeout`: seconds to wait for the webhook's answer. */
  timeoutSeconds: number;
}

/** Where the CLI reads a stored credential: `BRAZE_WEBHOOK_BASIC_AUTH_<NAME>`, `BRAZE_WEBHOOK_AUTH_CREDENTIALS_<NAME>`. */
export function credentialEnvName(ref: CredentialRef): string {
  const name = ref.name.toUpperCase().replace(/[^A-Z0-9]+/g, '_');
  return `BRAZE_WEBHOOK_${ref.option === 'basic_auth' ? 'BASIC_AUTH' : 'AUTH_CREDENTIALS'}_${name}`;
}

/** What each credential's variable holds, for messages (never a value). */
function credentialFormat(ref: CredentialRef): string {
  return ref.option === 'basic_auth' ? '<user name>:<password> (for Salesforce: <consumer key>:<consumer secret>)' : 'a JSON object of headers, or {"headers": {…}, "domain": "<allowed host>"}';
}

/**
 * `braze-webhook send`: one profile's webhook, sent for real with its Salesforce token call, to
 * hosts the caller allowed; printed as `render` prints it, with the real answer, the predicted one
 * and the verdict. `main` has checked `--yes` and `--allow-host` before this runs. Exit 0 when
 * Salesforce answered 2xx, 1 when it answered an error or nothing, 2 when nothing was sent
 * (usage, input, a host not allowed, a missing credential).
 */
export async function runSend(
  options: SendOptions,
  write: (text: string) => void,
  warn: (text: string) => void,
  env: Readonly<Record<string, string | undefined>>,
  fetchFunction: FetchFunction,
): Promise<number> {
  const { file, path: templatePath, shown } = loadTemplate(options.template);
  if (!file.url) throw new CliError(`${shown}:1:1: the template has no "url" string; it is not a Braze webhook template`);
  const { config, profiles, resolver, salesforce } = loadRunInputs(options, warn);
  const profile = oneProfile(profiles, options.user);
  const subject: SendSubject = { file, profile, salesforce, deps: { resolveConnectedContent: resolver, readContentBlock: makeContentBlockReader(templatePath) } };
  const policy: SendPolicy = { allowedHosts: options.allowHosts, allowLoopback: options.allowLoopback };

  const prepared = await prepareSend(subject, policy);
  refuseUnsendable(prepared, options);
  const credentials = readCredentials(prepared.credentials, env);
  const staticProblems = lintStatic(file, allRules, config, salesforce);
  const outcome = await executeSend(subject, prepared, {
    transport: makeFetchTransport(fetchFunction),
    credentials,
    policy,
    timeouts: { webhookMs: options.timeoutSeconds * 1000 },
    check: (sent) => [...staticProblems, ...lintRendered(file, [sent], allRules, config, salesforce)],
  });
  write(formatOutcome(outcome, prepared, profile, options.format, file.lineStarts));
  if (outcome.kind === 'refused') {
    warn(`braze-webhook send: not sent: ${outcome.refusals.map((r) => r.message).join(' ')}\n`);
    return 2;
  }
  return outcome.kind === 'answered' && outcome.answer.status >= 200 && outcome.answer.status < 300 ? 0 : 1;
}

/** The one profile to send: a send never goes out for several users. */
function oneProfile(profiles: readonly Profile[], user: string | undefined): Profile {
  const selected = selectProfiles(profiles, user);
  if (selected.length > 1) throw new CliError(`send sends one profile at a time: pass --user ID (${selected.length} users in the profiles given)`);
  return selected[0];
}

/** Exit 2 before anything is sent: a host not allowed, a URL a send refuses, a message Braze would not send. */
function refuseUnsendable(prepared: PreparedSend, options: SendOptions): void {
  const lines: string[] = [];
  for (const host of prepared.hostsNotAllowed) lines.push(`${host} is not allowed: pass --allow-host ${host} to send to it`);
  for (const refusal of prepared.refusals) {
    const loopback = refusal.code === 'scheme' && refusal.host && /^(?:127\.0\.0\.1|\[::1\])$/.test(refusal.host) && !options.allowLoopback ? ' (--allow-loopback, for tests and development)' : '';
    lines.push(`${refusal.message}${loopback}`);
  }
  if (lines.length > 0) throw new CliError(`send: nothing was sent:\n  ${lines.join('\n  ')}`);
}

/** Each credential the token call names, from its environment variable; a missing or malformed one is exit 2 (its value is never quoted). */
function readCredentials(refs: readonly CredentialRef[], env: Readonly<Record<string, string | undefined>>): Map<string, Credential> {
  const credentials = new Map<string, Credential>();
  const problems: string[] = [];
  for (const ref of refs) {
    const variable = credentialEnvName(ref);
    const text = env[variable];
    const credential = text === undefined || text === '' ? undefined : parseCredentialText(ref.option, text);
    if (credential) credentials.set(credentialKey(ref), credential);
    else problems.push(`${describeCredentialRef(ref)}: ${text ? `${variable} is not` : `set ${variable} to`} ${credentialFormat(ref)}`);
  }
  if (problems.length > 0) throw new CliError(`send: nothing was sent: a credential the template names is missing:\n  ${problems.join('\n  ')}`);
  return credentials;
}

/** `render --format json`'s entry for the sent request, with what the send adds. */
interface SendJson extends RenderJson {
  sent: {
    outcome: SendOutcome['kind'];
    /** The token call(s) and the webhook as they went (redacted), with their answers. */
    exchanges: unknown[];
    response: null | { status: number; headers: Record<string, string>; body: string; elapsedMs: number };
    predicted: null | { status: number; body: string; summary: string; caveats: string[] };
    verdict: null | { kind: string; line: string; differences: string[]; notes: string[] };
    /** Why nothing (or no webhook) was sent, or why no answer came. */
    notSent: string[];
  };
}

function formatOutcome(outcome: SendOutcome, prepared: PreparedSend, profile: Profile, format: SendOptions['format'], lineStarts: number[]): string {
  const label = `Profile ${profile.ref.index}: ${profile.ref.label}`;
  const request = 'request' in outcome ? outcome.request : prepared.preview;
  if (format === 'json') return toInertJson(`${JSON.stringify([toSendJson(outcome, request, lineStarts)], null, 2)}\n`);
  const problems = request.problems.map((p) => {
    const at = offsetToLineColumn(lineStarts, p.startIndex);
    return `# ${p.severity} ${p.ruleId} (line ${at.line}, column ${at.column}): ${p.message}`;
  });
  // As render prints them: the request, its findings as comments; then what the send adds.
  const findings = problems.length > 0 ? `${problems.join('\n')}\n` : '';
  const result = `\n${toSendResultComments(outcome)}\n`;
  if (format === 'curl') return toTerminalSafe(`# ${label}\n${toCurl(request)}\n${findings}${result}`);
  return toTerminalSafe(`${toHttpDocument(request, label)}${findings}${result}`);
}

function toSendJson(outcome: SendOutcome, request: PreparedSend['preview'], lineStarts: number[]): SendJson {
  const rendered = toRenderJson(request, lineStarts);
  const headers = (list: Array<[string, string]>) => Object.fromEntries(list);
  return {
    ...rendered,
    sent: {
      outcome: outcome.kind,
      exchanges: 'exchanges' in outcome ? outcome.exchanges.map((e) => ({ role: e.role, request: { ...e.request, headers: headers(e.request.headers) }, response: e.response ? { ...e.response, headers: headers(e.response.headers) } : null, error: e.error ?? null })) : [],
      response: outcome.kind === 'answered' ? { ...outcome.answer, headers: headers(outcome.answer.headers) } : null,
      predicted: 'predicted' in outcome && outcome.predicted ? { status: outcome.predicted.status, body: outcome.predicted.body, summary: outcome.predicted.summary, caveats: outcome.predicted.caveats } : null,
      verdict: outcome.kind === 'answered' ? outcome.verdict : null,
      notSent: outcome.kind === 'refused' ? outcome.refusals.map((r) => r.message) : outcome.kind === 'aborted' ? [outcome.reason] : outcome.kind === 'no-answer' ? [outcome.error] : [],
    },
  };
}
