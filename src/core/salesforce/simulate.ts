/**
 * The simulated Salesforce answer to a rendered webhook: the status and body Salesforce's REST API
 * documents for the request, and what Braze then does with it. Pure: a rendered request, the model
 * and the optional mocks in; a plain value out. What it cannot predict (validation rules, duplicate
 * rules, triggers, flows, the record's existence) is said in `caveats`, in the answer's own words
 * (ADR 007).
 * https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/errorcodes.htm
 * https://www.braze.com/docs/user_guide/message_building_by_channel/webhooks/creating_a_webhook/ (retries)
 */
import { type Node, parseTree } from 'jsonc-parser';
import { toEighteenCharId } from '../connected-content/salesforce-id';
import type { MockRule } from '../connected-content/mocks-file';
import type { ScenarioName } from '../connected-content/scenarios';
import { isValidBrazeUrl, matchUrlGlob } from '../connected-content/url';
import { closestName } from '../profile/did-you-mean';
import { redactText } from '../request/redact';
import type { RenderedRequest } from '../request/rendered-request';
import {
  type BodyPosition,
  checkFieldAccess,
  checkFieldValue,
  classifyKey,
  describeConversion,
  ID_IN_BODY_ERROR,
  isRecordIdFormat,
  noSuchColumnError,
  notWritableError,
  type RecordOperation,
  requiredFieldsError,
  restoreIdCase,
  type SalesforceError,
  valueError,
} from './field-checks';
import type { SalesforceSchema, SObjectModel } from './model';
import { parseSobjectUrl, type SobjectUrl } from './sobject-url';
import { parseApiVersion } from './template-request';

/** What part of the request an error comes from, so the editor and `explain` can point at the template. */
export type AnswerCause =
  | { kind: 'body-key'; key: string }
  | { kind: 'body' }
  | { kind: 'url-record' }
  | { kind: 'url-external-id-field' }
  | { kind: 'url-version' }
  | { kind: 'url-sobject' }
  | { kind: 'method' }
  | { kind: 'header'; name: string }
  /** The org itself (a scenario or a mock): no template position. */
  | { kind: 'org' };

/** One error of the answer's body, with where it comes from. */
export interface AnsweredError extends SalesforceError {
  cause: AnswerCause;
}

/** What Braze does with the answer: 2xx delivered; 408, 429 and 5xx retried; other 4xx and 3xx dropped. */
export type BrazeOutcome = 'delivered' | 'retried' | 'dropped';

/** The predicted answer to one profile's webhook. */
export interface SalesforceAnswer {
  status: number;
  /** The response body as Salesforce sends it (JSON text), `''` for none. */
  body: string;
  /** `mock`: a `*.braze-mocks.json` rule matched the webhook URL; `simulated`: predicted from the model. */
  source: 'simulated' | 'mock';
  /** The mock rule or scenario that answered, for display. */
  origin?: string;
  braze: BrazeOutcome;
  /** One sentence: what Salesforce does. */
  summary: string;
  /** One sentence: what Braze does with it. */
  brazeNote: string;
  sobject: string;
  operation?: RecordOperation | 'delete' | 'read';
  /** The error array of the body, each with its cause (empty on success). */
  errors: AnsweredError[];
  /** Strings Salesforce converts to the field's type (`NumberOfEmployees: "250" is converted to the int 250`). */
  conversions: string[];
  /** What the simulation cannot know, always including the org's own logic. */
  caveats: string[];
}

/** Options of `simulateSalesforceAnswer`. */
export interface SimulationOptions {
  salesforce: SalesforceSchema;
  /** Rules of a `*.braze-mocks.json` file: the first that matches the webhook (URL and method) answers instead of the simulation. */
  mocks?: readonly MockRule[];
  scenario?: ScenarioName;
}

/** Always said: the org runs logic the product cannot see. */
export const ORG_LOGIC_CAVEAT =
  "Not predicted: the org's validation rules, duplicate rules, assignment rules, triggers and flows, which can still refuse or change this record.";

/**
 * Standard sObjects a URL commonly names; a name one edit away from these (`Leads`) is a typo that
 * Salesforce answers with 404 NOT_FOUND. Any other name may exist in the org.
 */
const COMMON_SOBJECTS = ['Account', 'Campaign', 'CampaignMember', 'Case', 'Contact', 'ContactPointEmail', 'Event', 'Individual', 'Lead', 'Opportunity', 'Task', 'User'];

/** The answer for one rendered webhook; null when Braze sends nothing (aborted) or the URL is not a Salesforce REST sObject URL. */
export function simulateSalesforceAnswer(request: RenderedRequest, options: SimulationOptions): SalesforceAnswer | null {
  if (request.aborted) return null;
  const url = parseSobjectUrl(request.url);
  if (!url) return null;
  const sobject = url.sobject.text;
  const mock = mockAnswer(request, sobject, options.mocks ?? []);
  if (mock) return mock;
  if (!isValidBrazeUrl(request.url)) return notSent(`Braze cannot send this webhook: it logs "${request.url} is not a valid URL", and Salesforce never sees it.`, sobject);
  const failure = request.problems.find((p) => p.ruleId === RENDER_ERROR);
  if (failure) return notSent(`Braze fails this message while rendering it (${failure.message}), so nothing is sent and Salesforce never sees it.`, sobject);
  return new Simulation(request, url, options).run();
}

/** The renderer's rule id for Liquid that fails at send time: Braze fails the whole message. */
const RENDER_ERROR = 'render-error';

/**
 * A webhook Braze never sends (status 0): a URL it cannot parse (a placeholder host such as
 * `[insert_instance_name]`, logged as "<url> is not a valid URL"), or Liquid that fails while
 * rendering, which fails the message.
 */
function notSent(summary: string, sobject: string): SalesforceAnswer {
  return {
    status: 0,
    body: '',
    source: 'simulated',
    braze: 'dropped',
    summary,
    brazeNote: `Braze does not send or retry it: this ${sobject} is lost.`,
    sobject,
    errors: [],
    conversions: [],
    caveats: [],
  };
}

/** A webhook answered by a user's mock rule: the rule's status and body, Braze's reaction, the errors it scripts. */
function mockAnswer(request: RenderedRequest, sobject: string, rules: readonly MockRule[]): SalesforceAnswer | null {
  const index = rules.findIndex((rule) => (rule.match.method === undefined || rule.match.method === request.method.toUpperCase()) && matchUrlGlob(rule.match.url, request.url));
  if (index < 0) return null;
  const { match, response } = rules[index];
  const body = Object.hasOwn(response, 'json') ? JSON.stringify(response.json) : (response.text ?? '');
  const errors: AnsweredError[] = parseErrorArray(body).map((e) => ({ ...e, cause: { kind: 'org' } }));
  const status = response.status;
  return {
    status,
    body,
    source: 'mock',
    origin: `rule #${index + 1} (${match.method ? `${match.method} ` : ''}${match.url})`,
    braze: brazeOutcome(status),
    summary: errors.length > 0 ? `A mock rule answers ${status} ${errors.map((e) => e.errorCode).join(', ')}.` : `A mock rule answers ${status}.`,
    brazeNote: brazeNote(status, sobject, undefined),
    sobject,
    errors,
    conversions: [],
    caveats: ['This answer comes from your mock rule, not from the simulation.'],
  };
}

/** The error objects of a Salesforce error body (`[{"message", "errorCode", "fields"}]`); empty for anything else. */
export function parseErrorArray(body: string): SalesforceError[] {
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch {
    return [];
  }
  if (!Array.isArray(value)) return [];
  return value
    .filter((e): e is Record<string, unknown> => e !== null && typeof e === 'object' && typeof (e as Record<string, unknown>).errorCode === 'string')
    .map((e) => ({ errorCode: String(e.errorCode), message: typeof e.message === 'string' ? e.message : '', ...(Array.isArray(e.fields) ? { fields: e.fields.map(String) } : {}) }));
}

/** An answer that means the webhook failed: not sent (status 0), or not 2xx. */
export function isErrorAnswer(answer: Pick<SalesforceAnswer, 'status'>): boolean {
  return answer.status < 200 || answer.status >= 300;
}

/** The answer's texts with the request's secrets replaced (`collectSecrets`), as the request itself is. */
export function redactAnswer(answer: SalesforceAnswer, secrets: readonly string[]): SalesforceAnswer {
  if (secrets.length === 0) return answer;
  const safe = (text: string) => redactText(text, secrets);
  return { ...answer, body: safe(answer.body), summary: safe(answer.summary), caveats: answer.caveats.map(safe), conversions: answer.conversions.map(safe) };
}

/** 2xx delivered; 408, 429 and 5xx retried; anything else (3xx, other 4xx) dropped. */
export function brazeOutcome(status: number): BrazeOutcome {
  if (status >= 200 && status < 300) return 'delivered';
  if (status === 408 || status === 429 || status >= 500) return 'retried';
  return 'dropped';
}

/** What Braze does, in one sentence (creating_a_webhook: retries up to 5 times in about 30 minutes, spread over up to 24 h). */
function brazeNote(status: number, sobject: string, operation: SalesforceAnswer['operation']): string {
  const outcome = brazeOutcome(status);
  if (outcome === 'delivered') return 'Braze counts the webhook as delivered.';
  if (outcome === 'retried') {
    const duplicate = operation === 'create' ? ` If the first attempt did reach Salesforce, a retried create makes a duplicate ${sobject}.` : '';
    return `Braze retries ${status} (408, 429 and 5xx: up to 5 times over about 30 minutes, spread over up to 24 hours).${duplicate}`;
  }
  const lost = operation === 'update' ? `this ${sobject} update is lost` : `this ${sobject} is lost`;
  return `Braze does not retry ${status} (only 408, 429 and 5xx are retried): ${lost}.`;
}

class Simulation {
  private readonly caveats: string[] = [ORG_LOGIC_CAVEAT];
  private readonly conversions: string[] = [];
  private readonly sobject: string;
  private readonly model: SObjectModel | undefined;
  private readonly operation: SalesforceAnswer['operation'];

  constructor(
    private readonly request: RenderedRequest,
    private readonly url: SobjectUrl,
    private readonly options: SimulationOptions,
  ) {
    this.model = options.salesforce.sobject(url.sobject.text);
    this.sobject = this.model?.name ?? url.sobject.text;
    this.operation = this.operationOf();
  }

  /** What the method does to the URL: create, update, upsert, read, delete; undefined when Salesforce does not allow it. */
  private operationOf(): SalesforceAnswer['operation'] {
    const method = this.effectiveMethod();
    const kind = this.url.operation;
    const idAlias = kind === 'record' && this.url.recordSegment?.text.toLowerCase() === 'id' && (this.majorVersion() ?? 37) >= 37;
    if (method === 'POST' && (kind === 'collection' || idAlias)) return 'create';
    if (method === 'PATCH' && kind === 'record') return 'update';
    if (method === 'PATCH' && kind === 'upsert') return 'upsert';
    if ((method === 'GET' || method === 'HEAD') && kind !== 'upsert') return 'read';
    if (method === 'DELETE' && kind === 'record') return 'delete';
    return undefined;
  }

  /** `POST …?_HttpMethod=PATCH` is a PATCH (https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/dome_update_fields.htm). */
  private effectiveMethod(): string {
    const override = /[?&]_HttpMethod=([A-Za-z]+)/i.exec(this.url.query?.text ?? '')?.[1]?.toUpperCase();
    return this.request.method === 'POST' && override ? override : this.request.method;
  }

  run(): SalesforceAnswer {
    return (
      this.scenarioOutage() ??
      this.authorization() ??
      this.version() ??
      this.sobjectExists() ??
      this.method() ??
      this.recordInUrl() ??
      this.contentType() ??
      this.body() ??
      this.success()
    );
  }

  private answer(status: number, errors: AnsweredError[], summary: string, extra: Partial<SalesforceAnswer> = {}): SalesforceAnswer {
    const body = extra.body ?? (errors.length > 0 ? JSON.stringify(errors.map(({ cause: _cause, ...e }) => e)) : '');
    return {
      status,
      body,
      source: 'simulated',
      braze: brazeOutcome(status),
      summary,
      brazeNote: brazeNote(status, this.sobject, this.operation),
      sobject: this.sobject,
      operation: this.operation,
      errors,
      conversions: this.conversions,
      caveats: this.caveats,
      ...extra,
    };
  }

  private fail(status: number, error: SalesforceError, cause: AnswerCause, summary: string): SalesforceAnswer {
    return this.answer(status, [{ ...error, cause }], summary);
  }

  /** The `expired-session` and `server-error` scenarios answer every Salesforce API call. */
  private scenarioOutage(): SalesforceAnswer | undefined {
    const origin = this.options.scenario ? `scenario ${this.options.scenario}` : undefined;
    if (this.options.scenario === 'server-error') return this.answer(503, [], 'Salesforce is unavailable (scenario server-error) and answers 503.', { origin });
    if (this.options.scenario === 'expired-session') {
      return { ...this.fail(401, SESSION_ERROR, { kind: 'header', name: 'Authorization' }, 'The access token has expired (scenario expired-session): Salesforce answers 401 INVALID_SESSION_ID.'), origin };
    }
    return undefined;
  }

  /**
   * No `Authorization: Bearer <token>` (missing, empty after a failed token call, or not one
   * word) → 401 INVALID_SESSION_ID "Session expired or invalid" (restforce#284).
   */
  private authorization(): SalesforceAnswer | undefined {
    const value = lastHeader(this.request, 'authorization');
    if (value !== undefined && /^\s*(?:Bearer|OAuth)\s+\S+\s*$/i.test(value)) {
      if (this.request.subrequests.length === 0) {
        this.caveats.push('The access token is written into the template, so it is assumed valid; real tokens expire with the session timeout (commonly 2 hours).');
      }
      return undefined;
    }
    const why = value === undefined ? 'there is no Authorization header' : value.trim() === '' || /^(?:Bearer|OAuth)\s*$/i.test(value.trim()) ? 'the Authorization header carries no token (did the token call fail?)' : 'the Authorization header is not "Bearer <token>"';
    return this.fail(401, SESSION_ERROR, { kind: 'header', name: 'Authorization' }, `Salesforce cannot authenticate the request (${why}) and answers 401 INVALID_SESSION_ID.`);
  }

  /** `vNN.0` only; 7.0–30.0 retired (410); newer than the newest known release: production answers 404. */
  private version(): SalesforceAnswer | undefined {
    const version = parseApiVersion(this.url.apiVersion.text);
    const segment = this.url.apiVersion.text;
    if (version.kind !== 'valid') {
      return this.fail(404, NOT_FOUND_RESOURCE, { kind: 'url-version' }, `"${segment}" is not an API version Salesforce serves (it must read vNN.0): 404 NOT_FOUND.`);
    }
    if (version.major <= 30) {
      this.caveats.push('Salesforce does not document the body of a 410 for a retired version; only the status is predicted.');
      return this.answer(410, [], `API ${segment} is retired (7.0–30.0 are): Salesforce answers 410 GONE.`, { errors: [{ errorCode: 'GONE', message: `API ${segment} is retired`, cause: { kind: 'url-version' } }], body: '' });
    }
    if (version.major > this.options.salesforce.newestApiVersion) {
      this.caveats.push(`A preview sandbox gets the next release (v${this.options.salesforce.newestApiVersion + 1}.0) weeks before production and may answer there.`);
      return this.fail(404, NOT_FOUND_RESOURCE, { kind: 'url-version' }, `API ${segment} is newer than the newest release (v${this.options.salesforce.newestApiVersion}.0): a production org answers 404 NOT_FOUND.`);
    }
    return undefined;
  }

  /** A model, a custom object, or a name that might exist; a typo of a common sObject answers 404. */
  private sobjectExists(): SalesforceAnswer | undefined {
    const name = this.url.sobject.text;
    if (this.model || /__[a-z]+$/i.test(name) || COMMON_SOBJECTS.some((s) => s.toLowerCase() === name.toLowerCase())) {
      if (!this.model) this.caveats.push(`The product has no model of ${name}: its fields are not checked. Give it the org's describe (sf sobject describe --sobject ${name} --json).`);
      return undefined;
    }
    const typo = closestName(name, COMMON_SOBJECTS);
    if (typo) return this.fail(404, NOT_FOUND_RESOURCE, { kind: 'url-sobject' }, `There is no sObject "${name}" (did you mean ${typo}?): Salesforce answers 404 NOT_FOUND.`);
    this.caveats.push(`The product has no model of ${name} and assumes the org has this sObject; give it the org's describe to check it.`);
    return undefined;
  }

  /** A method the URL does not allow: 405 METHOD_NOT_ALLOWED. */
  private method(): SalesforceAnswer | undefined {
    if (this.operation) return undefined;
    const method = this.effectiveMethod();
    const kind = this.url.operation;
    const allowed = kind === 'collection' ? 'GET,HEAD,POST' : 'GET,HEAD,PATCH,DELETE';
    const error = { errorCode: 'METHOD_NOT_ALLOWED', message: `HTTP Method '${method}' not allowed. Allowed are ${allowed}` };
    return this.fail(405, error, { kind: 'method' }, `${method} is not allowed on ${kind === 'collection' ? `…/sobjects/${this.sobject}/` : 'a record URL'}: Salesforce answers 405 METHOD_NOT_ALLOWED.`);
  }

  /**
   * The record Id of an update (or the external-Id field of an upsert). A segment that is not an Id
   * is read as an external-Id field name: 404 NOT_FOUND "Provided external ID field does not exist
   * or is not accessible: user-4711" (domain.md §10).
   */
  private recordInUrl(): SalesforceAnswer | undefined {
    if (this.operation === 'create' || this.operation === 'read') return undefined;
    const segment = this.url.operation === 'upsert' ? (this.url.externalIdField?.text ?? '') : (this.url.recordSegment?.text ?? '');
    if (this.url.operation === 'upsert') {
      const field = this.model?.field(segment);
      const known = field ? field.externalId !== false || field.idLookup === true || !this.model?.fromOrg : !this.model?.fromOrg && /__c$/i.test(segment);
      if (!known && this.model) return this.fail(404, externalIdError(segment), { kind: 'url-external-id-field' }, `${segment} is not an external-Id field of ${this.sobject}: Salesforce answers 404 NOT_FOUND.`);
      this.caveats.push(`The upsert is predicted as a create (no ${this.sobject} has this ${segment}); when one has it, Salesforce updates it instead${this.version46() ? ' and answers 200 with "created": false' : ' and answers 204'}; when several have it, 300 Multiple Choices.`);
      return undefined;
    }
    const id = decodeURIComponent(segment);
    if (!isRecordIdFormat(id)) return this.fail(404, externalIdError(id), { kind: 'url-record' }, `"${id}" in the URL is not a record Id: Salesforce answers 404 NOT_FOUND.`);
    const prefix = (restoreIdCase(id) ?? id).slice(0, 3);
    if (this.model?.keyPrefix && prefix !== this.model.keyPrefix) {
      return this.fail(404, NOT_FOUND_RESOURCE, { kind: 'url-record' }, `"${id}" is not a ${this.sobject} Id (those start with ${this.model.keyPrefix}): Salesforce answers 404 NOT_FOUND.`);
    }
    this.caveats.push(`The ${this.sobject} ${id} is assumed to exist and be visible to the token's user${this.sobject === 'Lead' ? ' and not converted (a converted Lead answers 400 CANNOT_UPDATE_CONVERTED_LEAD)' : ''}.`);
    return undefined;
  }

  /** A body needs a JSON media type: anything else is 415 UNSUPPORTED_MEDIA_TYPE. */
  private contentType(): SalesforceAnswer | undefined {
    if (!this.writes() || (this.request.body ?? '') === '') return undefined;
    const value = lastHeader(this.request, 'content-type');
    if (value === undefined) {
      this.caveats.push('There is no Content-Type header: the answer assumes Braze sends application/json for a JSON body.');
      return undefined;
    }
    if (/^\s*[\w.+-]+\/(?:[\w.-]+\+)?json\s*(?:;|$)/i.test(value)) return undefined;
    const error = { errorCode: 'UNSUPPORTED_MEDIA_TYPE', message: `MediaType of '${value.trim()}' is not supported by this resource` };
    return this.fail(415, error, { kind: 'header', name: 'Content-Type' }, `Content-Type "${value.trim()}" is not JSON: Salesforce answers 415 UNSUPPORTED_MEDIA_TYPE.`);
  }

  /** The record data: parse, then each key in order (deserialization), then writability, then validation. */
  private body(): SalesforceAnswer | undefined {
    if (!this.writes()) return undefined;
    const text = this.request.body ?? '';
    if (text.trim() === '') {
      const error = { errorCode: 'JSON_PARSER_ERROR', message: 'The HTTP entity body is required, but this request has no entity body.' };
      return this.fail(400, error, { kind: 'body' }, 'The request has no body: Salesforce answers 400 JSON_PARSER_ERROR.');
    }
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      const at = positionOf(text, syntaxErrorOffset(text, error));
      this.caveats.push('The parser message of an invalid body is approximate; the position is where the JSON breaks.');
      const found = text[at.offset] === undefined ? 'end of input' : `'${text[at.offset]}'`;
      return this.fail(400, { errorCode: 'JSON_PARSER_ERROR', message: `Unexpected character (${found}) at [line:${at.line}, column:${at.column}]` }, { kind: 'body' }, 'The body is not valid JSON: Salesforce answers 400 JSON_PARSER_ERROR.');
    }
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      const token = Array.isArray(value) ? 'START_ARRAY' : 'VALUE_STRING';
      return this.fail(400, { errorCode: 'JSON_PARSER_ERROR', message: `Cannot deserialize instance of ${this.sobject} from ${token} or request may be missing a required field at [line:1, column:1]` }, { kind: 'body' }, 'The body is not a JSON object: Salesforce answers 400 JSON_PARSER_ERROR.');
    }
    const record = value as Record<string, unknown>;
    if (!this.model) return undefined;
    return this.deserialize(record) ?? this.writable(record) ?? this.validate(record);
  }

  /** Keys in body order: Id, unknown columns, fields newer than the URL's version, values that do not convert. */
  private deserialize(record: Record<string, unknown>): SalesforceAnswer | undefined {
    const model = this.model as SObjectModel;
    const externalField = this.url.operation === 'upsert' ? this.url.externalIdField?.text.toLowerCase() : undefined;
    const version = this.majorVersion();
    for (const [key, value] of Object.entries(record)) {
      const kind = classifyKey(model, key);
      if (kind.kind === 'id') return this.fail(400, ID_IN_BODY_ERROR, { kind: 'body-key', key }, `The body sets ${key}: the Id belongs in the URL, so Salesforce answers 400 INVALID_FIELD.`);
      if (key.toLowerCase() === externalField) {
        return this.fail(400, { errorCode: 'INVALID_FIELD', message: `The ${key} field should not be specified in the sobject data.` }, { kind: 'body-key', key }, `The body repeats the upsert's external-Id field ${key}: Salesforce answers 400 INVALID_FIELD.`);
      }
      if (kind.kind === 'unknown') return this.fail(400, noSuchColumnError(key, model.name), { kind: 'body-key', key }, `${key} is not a ${model.name} field: Salesforce answers 400 INVALID_FIELD.`);
      if (kind.kind === 'assumed-custom') {
        this.noteOnce(`Custom fields (${key}) are assumed to exist: without the org's describe they can't be checked.`);
        continue;
      }
      if (kind.kind !== 'field') continue;
      const access = checkFieldAccess(model, kind.field, this.operation as RecordOperation, version);
      const tooNew = access.find((a) => a.kind === 'too-new');
      if (tooNew) return this.fail(400, noSuchColumnError(key, model.name), { kind: 'body-key', key }, `${kind.field.name} exists from API v${kind.field.since}.0 and the URL asks for ${this.url.apiVersion.text}: Salesforce answers 400 INVALID_FIELD.`);
      const issue = checkFieldValue(model, kind.field, value, this.operation as RecordOperation);
      if (issue?.code === 'JSON_PARSER_ERROR') {
        // The body is parsed into a tree only here, for the position Salesforce's parser reports.
        const text = this.request.body ?? '';
        const error = valueError(kind.field, issue, String(value), valueEnd(parseTree(text, [], { allowTrailingComma: false, disallowComments: true }), key, text));
        return this.fail(400, error, { kind: 'body-key', key }, `${key} does not convert to ${kind.field.type}: Salesforce answers 400 JSON_PARSER_ERROR.`);
      }
      const conversion = describeConversion(kind.field, value);
      if (conversion) this.conversions.push(conversion);
      for (const a of access) if (a.kind === 'feature') this.noteOnce(`${kind.field.name} exists only when the org has ${model.features[a.feature] ?? a.feature}; without it Salesforce answers 400 INVALID_FIELD.`);
    }
    return undefined;
  }

  /** Fields that exist but cannot be set on this operation, all in one INVALID_FIELD_FOR_INSERT_UPDATE. */
  private writable(record: Record<string, unknown>): SalesforceAnswer | undefined {
    const model = this.model as SObjectModel;
    const refused = Object.keys(record).flatMap((key) => {
      const field = model.field(key);
      const issue = field ? checkFieldAccess(model, field, this.operation as RecordOperation, undefined).find((a) => a.kind === 'not-writable') : undefined;
      return issue && field ? [{ key, field, audit: issue.kind === 'not-writable' && issue.audit }] : [];
    });
    if (refused.length === 0) return undefined;
    if (refused.some((r) => r.audit)) this.caveats.push('Audit fields (CreatedDate, CreatedById, LastModifiedDate, LastModifiedById) are accepted on create when the org enabled "Set Audit Fields upon Record Creation" and the user has that permission.');
    const error = notWritableError(refused.map((r) => r.field.name));
    const verb = this.operation === 'update' ? 'updated' : 'set on create';
    return this.fail(400, error, { kind: 'body-key', key: refused[0].key }, `${error.fields?.join(', ')} cannot be ${verb}: Salesforce answers 400 INVALID_FIELD_FOR_INSERT_UPDATE.`);
  }

  /** Required fields, lengths, emails, restricted picklists, reference Ids: every error at once. */
  private validate(record: Record<string, unknown>): SalesforceAnswer | undefined {
    const model = this.model as SObjectModel;
    const errors: AnsweredError[] = [];
    const present = new Map(Object.entries(record).map(([key, value]) => [model.field(key), { key, value }]));
    const missing = model.requiredOnCreate.filter((field) => {
      const entry = present.get(field);
      if (!entry) return this.operation !== 'update';
      return checkFieldValue(model, field, entry.value, this.operation as RecordOperation)?.code === 'REQUIRED_FIELD_MISSING';
    });
    if (missing.length > 0) {
      const keyOf = (name: string) => present.get(model.field(name))?.key;
      const firstKey = missing.map((f) => keyOf(f.name)).find((k) => k !== undefined);
      errors.push({ ...requiredFieldsError(missing.map((f) => f.name)), cause: firstKey ? { kind: 'body-key', key: firstKey } : { kind: 'body' } });
    }
    for (const [field, { key, value }] of present) {
      if (!field) continue;
      const issue = checkFieldValue(model, field, value, this.operation as RecordOperation);
      if (!issue || issue.code === 'REQUIRED_FIELD_MISSING' || issue.code === 'JSON_PARSER_ERROR') continue;
      errors.push({ ...valueError(field, issue, typeof value === 'string' ? value : JSON.stringify(value)), cause: { kind: 'body-key', key } });
    }
    if (errors.length === 0) return undefined;
    this.caveats.push('Salesforce may report only some of these errors at once; fixing one can reveal the next.');
    return this.answer(400, errors, `Salesforce refuses the record: 400 ${[...new Set(errors.map((e) => e.errorCode))].join(', ')}.`);
  }

  /** What a write that passes every check answers (or the duplicate-rule scenario). */
  private success(): SalesforceAnswer {
    const operation = this.operation;
    if (this.options.scenario === 'duplicate-rule' && (operation === 'create' || operation === 'update' || operation === 'upsert')) {
      const body = JSON.stringify([{ duplicateResult: { allowSave: false, duplicateRule: `Standard_${this.sobject}_Duplicate_Rule`, duplicateRuleEntityType: this.sobject, errorMessage: 'Use one of these records?', matchResults: [] }, errorCode: 'DUPLICATES_DETECTED', fields: [], message: 'Use one of these records?' }]);
      const error: AnsweredError = { errorCode: 'DUPLICATES_DETECTED', message: 'Use one of these records?', fields: [], cause: { kind: 'org' } };
      return this.answer(400, [error], `A duplicate rule blocks the save (scenario duplicate-rule): Salesforce answers 400 DUPLICATES_DETECTED.`, { body, origin: 'scenario duplicate-rule' });
    }
    if (operation === 'update') return this.answer(204, [], `Salesforce updates the ${this.sobject} and answers 204 No Content.`);
    if (operation === 'delete') return this.answer(204, [], `Salesforce deletes the ${this.sobject} and answers 204 No Content.`);
    if (operation === 'read') return this.answer(200, [], `Salesforce answers 200 with the requested data (a read: not simulated).`);
    const id = recordId(this.model?.keyPrefix ?? '001', `${this.request.url}\u0000${this.request.body ?? ''}\u0000${this.request.profile?.label ?? ''}`);
    const created: Record<string, unknown> = { id, success: true, errors: [] };
    if (operation === 'upsert' && this.version46()) created.created = true;
    const what = operation === 'upsert' ? `creates the ${this.sobject} (upsert)` : `creates the ${this.sobject}`;
    return this.answer(201, [], `Salesforce ${what} and answers 201 Created with its Id.`, { body: JSON.stringify(created) });
  }

  private writes(): boolean {
    return this.operation === 'create' || this.operation === 'update' || this.operation === 'upsert';
  }

  private majorVersion(): number | undefined {
    const version = parseApiVersion(this.url.apiVersion.text);
    return version.kind === 'valid' ? version.major : undefined;
  }

  /** Upsert answers carry `created` from API 46.0 on (https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/dome_upsert.htm). */
  private version46(): boolean {
    return (this.majorVersion() ?? 0) >= 46;
  }

  private noteOnce(text: string): void {
    if (!this.caveats.includes(text)) this.caveats.push(text);
  }
}

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/**
 * A made-up, well-formed 18-character Id for a created record: the key prefix, a pod-like `5g`,
 * zeros, five characters from a cheap hash of `seed` (the same request gives the same Id), and the
 * case suffix. Not a secret and not unique across orgs: only its shape matters.
 */
function recordId(prefix: string, seed: string): string {
  let hash = 2166136261;
  for (let i = 0; i < seed.length; i++) hash = Math.imul(hash ^ seed.charCodeAt(i), 16777619) >>> 0;
  let sequence = '';
  for (let i = 0; i < 5; i++) {
    sequence += BASE62[hash % 62];
    hash = Math.floor(hash / 62) + Math.imul(hash, 31);
    hash >>>= 0;
  }
  return toEighteenCharId(`${prefix}5g00000${sequence}`);
}

const SESSION_ERROR: SalesforceError = { errorCode: 'INVALID_SESSION_ID', message: 'Session expired or invalid' };
const NOT_FOUND_RESOURCE: SalesforceError = { errorCode: 'NOT_FOUND', message: 'The requested resource does not exist' };

function externalIdError(segment: string): SalesforceError {
  return { errorCode: 'NOT_FOUND', message: `Provided external ID field does not exist or is not accessible: ${segment}` };
}

function lastHeader(request: RenderedRequest, name: string): string | undefined {
  let value: string | undefined;
  for (const [key, headerValue] of request.headers) if (key.trim().toLowerCase() === name) value = headerValue;
  return value;
}

/** 1-based line and column of an offset, with the offset itself. */
function positionOf(text: string, offset: number): BodyPosition & { offset: number } {
  const before = text.slice(0, offset).split('\n');
  return { offset, line: before.length, column: before[before.length - 1].length + 1 };
}

/** Where JSON.parse stopped, from the jsonc-parser tree's first error or the engine's message. */
function syntaxErrorOffset(text: string, error: unknown): number {
  const errors: Array<{ offset: number }> = [];
  parseTree(text, errors as never, { allowTrailingComma: false, disallowComments: true });
  if (errors[0]) return errors[0].offset;
  const position = /position (\d+)/.exec(String((error as Error).message))?.[1];
  return position === undefined ? text.length : Number(position);
}

/** Position just after the value of top-level `key`, where the JSON parser reports a type error. */
function valueEnd(tree: Node | undefined, key: string, text: string): BodyPosition | undefined {
  const property = tree?.children?.find((p) => p.children?.[0]?.value === key);
  const value = property?.children?.[1];
  return value ? positionOf(text, value.offset + value.length) : undefined;
}
