import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';

/**
 * A local stand-in for a Salesforce org, for the send tests only: an HTTP server on 127.0.0.1
 * (port 0) with the OAuth 2.0 client-credentials token endpoint and the REST sObject resources a
 * webhook template uses (Lead create, update, upsert, describe). It answers in Salesforce's
 * documented shapes and records every request it receives, so a test can assert exactly what was
 * sent (method, path, headers, body encoding) — or that nothing was.
 *
 * Its checks are written here, independently of the product's simulation, from the docs:
 * - token: https://help.salesforce.com/s/articleView?id=sf.remoteaccess_oauth_client_credentials_flow.htm
 *   (form-encoded POST; client_id/client_secret in the body or HTTP Basic; errors as
 *   `{"error","error_description"}`, domain.md §6 and §10);
 * - REST: https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/errorcodes.htm
 *   (errors as `[{"message","errorCode","fields"}]`), dome_sobject_create.htm (201
 *   `{"id","success","errors"}`), dome_update_fields.htm (204), dome_upsert.htm (201/200 with
 *   `created`), resources_sobject_describe.htm (GET …/describe).
 */

/** One request as the stand-in received it. */
export interface ReceivedRequest {
  method: string;
  /** Path and query, as sent. */
  path: string;
  /** Header names lower-cased; repeated headers joined with ", ". */
  headers: Record<string, string>;
  body: string;
}

/** An answer scripted by a test for the next REST call (the token endpoint is never scripted). */
export interface ScriptedAnswer {
  status: number;
  /** Serialised as the JSON body. */
  json?: unknown;
  text?: string;
  headers?: Record<string, string>;
  /** Never answer (the connection stays open until the client gives up or the stand-in closes). */
  hang?: boolean;
}

/** Why the token endpoint refuses, when a test sets the org up wrong on purpose. */
export type TokenFailure = 'no-run-as-user' | 'flow-not-enabled';

export interface StandInOptions {
  /** Accepted consumer key and secret. */
  clientId?: string;
  clientSecret?: string;
  /** The access token issued (a test passes a canary to check it never leaks). */
  accessToken?: string;
  /** The Lead describe served and used to check records (REST shape); default: examples/acme-lead.describe.json. */
  describe?: DescribeJson;
  /** Lead Ids that exist (for updates). */
  records?: string[];
}

/** The part of a describe the stand-in reads. */
export interface DescribeJson {
  name: string;
  keyPrefix?: string;
  fields: Array<{
    name: string;
    type: string;
    length?: number;
    createable?: boolean;
    updateable?: boolean;
    nillable?: boolean;
    defaultedOnCreate?: boolean;
    externalId?: boolean;
    restrictedPicklist?: boolean;
    picklistValues?: Array<{ value: string; active?: boolean }>;
  }>;
  [key: string]: unknown;
}

export interface SalesforceStandIn {
  /** `http://127.0.0.1:<port>` */
  origin: string;
  /** `127.0.0.1` */
  host: string;
  port: number;
  /** Every request received, in order. */
  received: ReceivedRequest[];
  /** The token the endpoint issues. */
  accessToken: string;
  clientId: string;
  clientSecret: string;
  /** The describe it serves. */
  describe: DescribeJson;
  /** Records created so far (Id → body). */
  records: Map<string, Record<string, unknown>>;
  /** The next REST call (not the token call) gets this answer instead of the normal one. */
  answerNext(answer: ScriptedAnswer): void;
  /** Sets up the org so that the token endpoint refuses; undefined to undo. */
  failTokens(failure: TokenFailure | undefined): void;
  /** Resolves once `count` requests in total have been received (waits on the server's events, never on time). */
  whenReceived(count: number): Promise<void>;
  close(): Promise<void>;
}

const NEWEST_VERSION = 68;
const JSON_TYPE = 'application/json;charset=UTF-8';
const DEFAULT_DESCRIBE_PATH = join(__dirname, '../../examples/acme-lead.describe.json');

/** The example org's describe in the REST shape (the sf CLI file wraps it in `result`). */
export function defaultDescribe(): DescribeJson {
  const file = JSON.parse(readFileSync(DEFAULT_DESCRIBE_PATH, 'utf8')) as { result?: DescribeJson } & DescribeJson;
  return file.result ?? file;
}

/** Starts the stand-in on 127.0.0.1 and a free port. */
export async function startSalesforceStandIn(options: StandInOptions = {}): Promise<SalesforceStandIn> {
  const received: ReceivedRequest[] = [];
  const scripted: ScriptedAnswer[] = [];
  const waiters: Array<{ count: number; resolve: () => void }> = [];
  const hanging = new Set<ServerResponse>();
  let tokenFailure: TokenFailure | undefined;
  const describe = options.describe ?? defaultDescribe();
  const records = new Map<string, Record<string, unknown>>((options.records ?? []).map((id) => [id, {}]));
  const state = {
    clientId: options.clientId ?? '3MVG9standInClientId',
    clientSecret: options.clientSecret ?? `standInSecret${randomBytes(6).toString('hex')}`,
    accessToken: options.accessToken ?? `00D5g000004StdIn!AQ${randomBytes(24).toString('base64url')}`,
  };

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const request: ReceivedRequest = { method: req.method ?? 'GET', path: req.url ?? '/', headers: lowerHeaders(req), body: Buffer.concat(chunks).toString('utf8') };
      received.push(request);
      for (const waiter of waiters.filter((w) => received.length >= w.count)) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve();
      }
      const path = request.path.split('?')[0];
      if (/^\/services\/oauth2\/token\/?$/.test(path)) return send(res, tokenAnswer(request, state, tokenFailure, origin()));
      const script = scripted.shift();
      if (script?.hang) {
        hanging.add(res);
        return undefined;
      }
      if (script) return send(res, { status: script.status, headers: script.headers, body: script.json !== undefined ? JSON.stringify(script.json) : (script.text ?? '') });
      return send(res, restAnswer(request, state.accessToken, describe, records));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  const origin = () => `http://127.0.0.1:${port}`;

  return {
    origin: origin(),
    host: '127.0.0.1',
    port,
    received,
    get accessToken() {
      return state.accessToken;
    },
    clientId: state.clientId,
    clientSecret: state.clientSecret,
    describe,
    records,
    answerNext: (answer) => void scripted.push(answer),
    failTokens: (failure) => {
      tokenFailure = failure;
    },
    whenReceived: (count) => (received.length >= count ? Promise.resolve() : new Promise((resolve) => waiters.push({ count, resolve }))),
    close: () =>
      new Promise<void>((resolve) => {
        for (const res of hanging) res.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

interface Answer {
  status: number;
  headers?: Record<string, string>;
  body: string;
}

function send(res: ServerResponse, answer: Answer): void {
  // Headers a real org sends with every REST answer (a session cookie and the API usage).
  const headers: Record<string, string> = {
    date: new Date().toUTCString(),
    'set-cookie': `BrowserId=${randomBytes(12).toString('base64url')}; domain=.salesforce.com; path=/; secure`,
    ...(answer.body !== '' ? { 'content-type': JSON_TYPE } : {}),
    ...answer.headers,
  };
  res.writeHead(answer.status, headers);
  res.end(answer.body);
}

function lowerHeaders(req: IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : (value ?? '');
  return headers;
}

// ---------------------------------------------------------------------------------------------
// Token endpoint: POST /services/oauth2/token, grant_type=client_credentials.

function oauthError(status: number, error: string, description: string): Answer {
  return { status, body: JSON.stringify({ error, error_description: description }) };
}

function tokenAnswer(request: ReceivedRequest, state: { clientId: string; clientSecret: string; accessToken: string }, failure: TokenFailure | undefined, origin: string): Answer {
  if (request.method !== 'POST') return oauthError(400, 'invalid_request', 'must use HTTP POST');
  // The endpoint reads only a form-encoded body; JSON (or anything else) leaves it without a grant.
  if (!/^application\/x-www-form-urlencoded\b/i.test(request.headers['content-type'] ?? '')) return oauthError(400, 'unsupported_grant_type', 'grant type not supported');
  const form = new URLSearchParams(request.body);
  if (form.get('grant_type') !== 'client_credentials') return oauthError(400, 'unsupported_grant_type', 'grant type not supported');
  const basic = /^Basic\s+(\S+)$/i.exec(request.headers.authorization ?? '');
  const [basicId, basicSecret] = basic ? splitOnce(Buffer.from(basic[1], 'base64').toString('utf8'), ':') : [undefined, undefined];
  const clientId = form.get('client_id') || basicId;
  const clientSecret = form.get('client_secret') || basicSecret;
  if (clientId !== state.clientId) return oauthError(400, 'invalid_client_id', 'client identifier invalid');
  if (clientSecret !== state.clientSecret) return oauthError(400, 'invalid_client', 'invalid client credentials');
  if (failure === 'flow-not-enabled') return oauthError(400, 'unsupported_grant_type', 'grant type not supported');
  if (failure === 'no-run-as-user') return oauthError(400, 'invalid_grant', 'no client credentials user enabled');
  const issuedAt = String(Date.now());
  return {
    status: 200,
    body: JSON.stringify({
      access_token: state.accessToken,
      signature: randomBytes(32).toString('base64'),
      scope: 'api',
      instance_url: origin,
      id: `${origin}/id/00D5g000004StdInEAA/0055g00000StdInAAA`,
      token_type: 'Bearer',
      issued_at: issuedAt,
    }),
  };
}

function splitOnce(text: string, separator: string): [string, string | undefined] {
  const at = text.indexOf(separator);
  return at < 0 ? [text, undefined] : [text.slice(0, at), text.slice(at + 1)];
}

// ---------------------------------------------------------------------------------------------
// REST: /services/data/vNN.0/sobjects/<sObject>[/<Id> | /<Field>/<value> | /describe]

type SalesforceError = { message: string; errorCode: string; fields?: string[] };

function errors(status: number, list: SalesforceError[]): Answer {
  return { status, body: JSON.stringify(list) };
}

const NOT_FOUND = { errorCode: 'NOT_FOUND', message: 'The requested resource does not exist' };

function restAnswer(request: ReceivedRequest, token: string, describe: DescribeJson, records: Map<string, Record<string, unknown>>): Answer {
  const auth = /^(?:Bearer|OAuth)\s+(\S+)$/i.exec(request.headers.authorization ?? '');
  if (!auth || auth[1] !== token) return errors(401, [{ message: 'Session expired or invalid', errorCode: 'INVALID_SESSION_ID' }]);
  const [path, query = ''] = request.path.split('?');
  const m = /^\/services\/data\/([^/]+)\/sobjects\/([^/]+)(?:\/(.*))?$/.exec(path);
  if (!m) return errors(404, [NOT_FOUND]);
  const version = /^v(\d+)\.0$/.exec(m[1]);
  if (!version || Number(version[1]) > NEWEST_VERSION) return errors(404, [NOT_FOUND]);
  if (Number(version[1]) <= 30) return { status: 410, body: '' };
  if (m[2].toLowerCase() !== describe.name.toLowerCase()) return errors(404, [NOT_FOUND]);
  const rest = (m[3] ?? '').replace(/\/$/, '');
  const override = /(?:^|&)_HttpMethod=([A-Za-z]+)/.exec(query)?.[1]?.toUpperCase();
  const method = request.method === 'POST' && override ? override : request.method;
  if (rest === 'describe') return method === 'GET' ? { status: 200, body: JSON.stringify(describe) } : methodNotAllowed(method, 'GET,HEAD');
  if (rest === '') return method === 'POST' ? create(request, describe, records) : methodNotAllowed(method, 'GET,HEAD,POST');
  const parts = rest.split('/').map(decodeURIComponent);
  if (parts.length === 1) return method === 'PATCH' ? update(request, parts[0], describe, records) : methodNotAllowed(method, 'GET,HEAD,PATCH,DELETE');
  if (parts.length === 2) return method === 'PATCH' ? upsert(request, parts[0], parts[1], describe, records) : methodNotAllowed(method, 'GET,HEAD,PATCH,DELETE');
  return errors(404, [NOT_FOUND]);
}

function methodNotAllowed(method: string, allowed: string): Answer {
  return errors(405, [{ errorCode: 'METHOD_NOT_ALLOWED', message: `HTTP Method '${method}' not allowed. Allowed are ${allowed}` }]);
}

/** The body as a record, or the 415/400 Salesforce answers first. */
function readRecord(request: ReceivedRequest, sobject: string): { record: Record<string, unknown> } | { refused: Answer } {
  const type = request.headers['content-type'] ?? '';
  if (!/^application\/json\b/i.test(type)) return { refused: errors(415, [{ errorCode: 'UNSUPPORTED_MEDIA_TYPE', message: `MediaType of '${type}' is not supported by this resource` }]) };
  let value: unknown;
  try {
    value = JSON.parse(request.body);
  } catch {
    return { refused: errors(400, [{ errorCode: 'JSON_PARSER_ERROR', message: 'Unexpected character at [line:1, column:1]' }]) };
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) {
    return { refused: errors(400, [{ errorCode: 'JSON_PARSER_ERROR', message: `Cannot deserialize instance of ${sobject} from VALUE_STRING value` }]) };
  }
  return { record: value as Record<string, unknown> };
}

type Field = DescribeJson['fields'][number];

function fieldOf(describe: DescribeJson, key: string): Field | undefined {
  return describe.fields.find((f) => f.name.toLowerCase() === key.toLowerCase());
}

/** Unknown columns, then fields that cannot be set, then value checks and required fields. */
function checkRecord(record: Record<string, unknown>, describe: DescribeJson, operation: 'create' | 'update'): Answer | undefined {
  for (const key of Object.keys(record)) {
    if (key.toLowerCase() === 'id') return errors(400, [{ errorCode: 'INVALID_FIELD', message: 'The Id field should not be specified in the sobject data.' }]);
    if (!fieldOf(describe, key)) return errors(400, [{ errorCode: 'INVALID_FIELD', message: `No such column '${key}' on sobject of type ${describe.name}` }]);
  }
  const locked = Object.keys(record).map((key) => fieldOf(describe, key) as Field).filter((f) => (operation === 'create' ? !f.createable : !f.updateable));
  if (locked.length > 0) {
    const names = locked.map((f) => f.name);
    return errors(400, [{ errorCode: 'INVALID_FIELD_FOR_INSERT_UPDATE', message: `Unable to create/update fields: ${names.join(', ')}. Please check the security settings of this field and verify that it is read/write for your profile or permission set.`, fields: names }]);
  }
  const found: SalesforceError[] = [];
  const present = new Map(Object.entries(record).map(([key, value]) => [(fieldOf(describe, key) as Field).name, value]));
  const missing = describe.fields
    .filter((f) => f.createable && f.nillable === false && f.defaultedOnCreate === false && f.type !== 'boolean')
    .filter((f) => (operation === 'create' ? isBlank(present.get(f.name)) : present.has(f.name) && isBlank(present.get(f.name))))
    .map((f) => f.name);
  if (missing.length > 0) found.push({ errorCode: 'REQUIRED_FIELD_MISSING', message: `Required fields are missing: [${missing.join(', ')}]`, fields: missing });
  for (const [name, value] of present) {
    const field = fieldOf(describe, name) as Field;
    if (typeof value !== 'string' || value === '') continue;
    if (field.length && ['string', 'textarea', 'email', 'phone', 'url', 'picklist'].includes(field.type) && [...value].length > field.length) {
      found.push({ errorCode: 'STRING_TOO_LONG', message: `${name}: data value too large: ${value} (max length=${field.length})`, fields: [name] });
    } else if (field.type === 'email' && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(value)) {
      found.push({ errorCode: 'INVALID_EMAIL_ADDRESS', message: `${field.name}: invalid email address: ${value}`, fields: [name] });
    } else if (field.restrictedPicklist && !(field.picklistValues ?? []).some((p) => p.active !== false && p.value === value)) {
      found.push({ errorCode: 'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST', message: `${field.name}: bad value for restricted picklist field: ${value}`, fields: [name] });
    }
  }
  return found.length > 0 ? errors(400, found) : undefined;
}

function isBlank(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}

let sequence = 0;

function newId(prefix: string): string {
  const fifteen = `${prefix}5g00000${String(++sequence).padStart(5, '0')}`.slice(0, 15);
  return fifteen + idSuffix(fifteen);
}

/** The 18-character Id's case suffix (domain.md §7). */
function idSuffix(id: string): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ012345';
  let suffix = '';
  for (let chunk = 0; chunk < 3; chunk++) {
    let bits = 0;
    for (let i = 0; i < 5; i++) if (/[A-Z]/.test(id[chunk * 5 + i])) bits |= 1 << i;
    suffix += alphabet[bits];
  }
  return suffix;
}

function create(request: ReceivedRequest, describe: DescribeJson, records: Map<string, Record<string, unknown>>): Answer {
  const read = readRecord(request, describe.name);
  if ('refused' in read) return read.refused;
  const { record } = read;
  const refused = checkRecord(record, describe, 'create');
  if (refused) return refused;
  const id = newId(describe.keyPrefix ?? '00Q');
  records.set(id, record);
  return { status: 201, body: JSON.stringify({ id, success: true, errors: [] }) };
}

function update(request: ReceivedRequest, id: string, describe: DescribeJson, records: Map<string, Record<string, unknown>>): Answer {
  // A segment that is not a record Id is read as an external-Id field name (domain.md §10).
  if (!/^[a-zA-Z0-9]{15}(?:[a-zA-Z0-9]{3})?$/.test(id)) return errors(404, [{ errorCode: 'NOT_FOUND', message: `Provided external ID field does not exist or is not accessible: ${id}` }]);
  const existing = [...records.keys()].find((key) => key.slice(0, 15) === id.slice(0, 15));
  if (!existing) return errors(404, [NOT_FOUND]);
  const read = readRecord(request, describe.name);
  if ('refused' in read) return read.refused;
  const { record } = read;
  const refused = checkRecord(record, describe, 'update');
  if (refused) return refused;
  records.set(existing, { ...records.get(existing), ...record });
  return { status: 204, body: '' };
}

function upsert(request: ReceivedRequest, fieldName: string, value: string, describe: DescribeJson, records: Map<string, Record<string, unknown>>): Answer {
  const field = fieldOf(describe, fieldName);
  if (!field || (!field.externalId && field.name !== 'Id')) return errors(404, [{ errorCode: 'NOT_FOUND', message: `Provided external ID field does not exist or is not accessible: ${fieldName}` }]);
  const read = readRecord(request, describe.name);
  if ('refused' in read) return read.refused;
  const { record } = read;
  const match = [...records.entries()].find(([, r]) => r[field.name] === value);
  const refused = checkRecord(record, describe, match ? 'update' : 'create');
  if (refused) return refused;
  if (match) {
    records.set(match[0], { ...match[1], ...record });
    return { status: 200, body: JSON.stringify({ id: match[0], success: true, errors: [], created: false }) };
  }
  const id = newId(describe.keyPrefix ?? '00Q');
  records.set(id, { ...record, [field.name]: value });
  return { status: 201, body: JSON.stringify({ id, success: true, errors: [], created: true }) };
}
