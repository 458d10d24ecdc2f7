/**
 * Explains a real failure: the Salesforce error body a user copies from Braze's Message Activity
 * Log (or the whole log line around it), mapped back to the template text that produced each
 * error, with the sample profiles whose simulated answer has the same error and the fix when one
 * is known. The same causes the simulated answer uses (ADR 007).
 */
import type { MockRule } from '../connected-content/mocks-file';
import type { ScenarioName } from '../connected-content/scenarios';
import { decodedRangeToRaw } from '../liquid/compile';
import type { Profile } from '../profile';
import { renderProfile } from '../request/render-profile';
import type { RenderedRequest } from '../request/rendered-request';
import type { LiquidField, TemplateFile } from '../template/template-file';
import type { Dependencies, OffsetRange, ProfileRef } from '../types';
import type { SalesforceError } from './field-checks';
import type { SalesforceSchema } from './model';
import { type SalesforceAnswer, simulateSalesforceAnswer } from './simulate';
import { parseSobjectUrl } from './sobject-url';
import { type BodyKey, toBodyKeys } from './template-request';

/** A place in the template an error comes from. */
export interface ExplainedLocation {
  /** Raw-file range. */
  range: OffsetRange;
  /** What is there, for the listing (`body key "NumberOfEmployees"`). */
  what: string;
}

/** One error of the pasted body, explained. */
export interface ExplainedError {
  error: SalesforceError;
  /** What the code means, one sentence. */
  meaning: string;
  locations: ExplainedLocation[];
  /** What to change, when the product knows. */
  fix?: string;
  /** Sample profiles whose predicted answer carries the same error code (and, when it names fields, one of them). */
  reproducedBy: ProfileRef[];
}

/** What `explainSalesforceError` found in the text. */
export interface Explanation {
  /** The HTTP status the text mentions, when it does. */
  status?: number;
  errors: ExplainedError[];
  /** Why nothing could be explained (no error body in the text), when so. */
  problem?: string;
}

/** What explaining needs besides the template and the pasted text. */
export interface ExplainOptions {
  salesforce: SalesforceSchema;
  /** Sample profiles to find the ones that reproduce each error; none = no reproduction. */
  profiles?: readonly Profile[];
  deps?: Dependencies;
  mocks?: readonly MockRule[];
  scenario?: ScenarioName;
}

/** What each code means and how to fix it, from Salesforce's error-code list and the token flow's errors. */
const KNOWN: Record<string, { meaning: string; fix?: string }> = {
  REQUIRED_FIELD_MISSING: { meaning: 'A field the object requires was missing or empty.', fix: 'Send the field on every create: add `| default: …` to its value, or abort the message when the attribute is blank.' },
  INVALID_FIELD: {
    meaning: 'A key of the body is not a field of the object in this API version (or is the Id).',
    fix: "Use the field's API name (Setup → Object Manager → Fields & Relationships; custom fields end in __c), raise the API version for a newer field, and keep the Id in the URL.",
  },
  INVALID_FIELD_FOR_INSERT_UPDATE: {
    meaning: 'The fields exist but this request may not set them.',
    fix: "Remove them from the body: Salesforce sets them itself, or the token's user lacks edit access to them (check its profile or permission sets).",
  },
  STRING_TOO_LONG: { meaning: 'A value is longer than the field holds.', fix: "Cut the value to the field's length (`| truncate: N, ''`)." },
  INVALID_EMAIL_ADDRESS: { meaning: 'An email field got something that is not an address.', fix: 'Send an address, or leave the field out when the attribute is not one.' },
  JSON_PARSER_ERROR: {
    meaning: "Salesforce could not read the body: invalid JSON, or a string that does not convert to the field's type (Braze sends every value as a string).",
    fix: 'Send what the type accepts: digits for numbers, true/false for checkboxes, YYYY-MM-DD for dates; escape values with `| json_escape` in a raw body.',
  },
  INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST: { meaning: "A restricted picklist got a value that is not one of its active values.", fix: "Send one of the field's active values (Setup → Object Manager → the field), or map the attribute's values to them." },
  MALFORMED_ID: { meaning: 'A reference field got something that is not an Id of the right object.', fix: "Send the record's 15- or 18-character Id (a User 005… or Queue 00G… for OwnerId, a RecordType 012… for RecordTypeId)." },
  INVALID_CROSS_REFERENCE_KEY: { meaning: "An Id points at a record that does not exist or that the token's user cannot see (for RecordTypeId: a record type not available to the user).", fix: "Check the Id in the org and the token's user's access to it." },
  NOT_FOUND: {
    meaning: 'Salesforce found no such resource: a record segment in the URL that is not an Id, an unknown sObject, or an API version the org does not have.',
    fix: 'Abort the message when the Id attribute is not a record Id; check the sObject name and the API version (vNN.0, no newer than the org\'s release).',
  },
  INVALID_SESSION_ID: { meaning: 'The request carried no valid access token.', fix: "Guard the header with `{% if result.access_token == blank %}{% abort_message(…) %}{% endif %}` and check the token call (host, connected app, secret)." },
  METHOD_NOT_ALLOWED: { meaning: 'The method is not allowed on this URL.', fix: 'POST to …/sobjects/Lead/ creates; PATCH to …/sobjects/Lead/<Id> updates.' },
  UNSUPPORTED_MEDIA_TYPE: { meaning: 'The body was not sent as JSON.', fix: 'Set the header "Content-Type": "application/json".' },
  DUPLICATES_DETECTED: { meaning: 'A duplicate rule of the org blocked the save.', fix: 'Update the existing record instead (upsert by an external Id), or make the rule alert only and send Sforce-Duplicate-Rule-Header: allowSave=true.' },
  UNABLE_TO_LOCK_ROW: { meaning: 'Another process held the record.', fix: 'Braze does not retry a 400: send the update later (a Canvas delay), or avoid writing the same record at once.' },
  CANNOT_UPDATE_CONVERTED_LEAD: { meaning: 'The Lead was converted and can no longer be updated.', fix: 'Update the Contact it became instead, or skip converted Leads.' },
  FIELD_CUSTOM_VALIDATION_EXCEPTION: { meaning: "A validation rule of the org refused the record; the message is the rule's.", fix: "Send values the rule accepts; the product cannot predict the org's validation rules." },
  REQUEST_LIMIT_EXCEEDED: { meaning: "The org's daily API request limit is used up.", fix: 'Send fewer requests (cache the token with :cache_max_age, batch updates) or raise the limit.' },
  invalid_grant: { meaning: 'The token endpoint refused the grant: wrong host, no Run As user for the client credentials flow, or bad credentials.', fix: "Use the org's My Domain host; set a Run As user on the connected app's client credentials flow." },
  invalid_client: { meaning: 'The token endpoint did not accept the client credentials.', fix: "Check the consumer secret (store it as a Braze credential), and that the connected app allows the client credentials flow." },
  invalid_client_id: { meaning: 'The token endpoint does not know the consumer key.', fix: 'Copy the consumer key from the connected app.' },
  unsupported_grant_type: { meaning: 'The token endpoint refused the grant type: the client credentials flow is not enabled, or the body was not form-encoded.', fix: 'Enable the Client Credentials Flow on the connected app and send the token body form-encoded (no :content_type application/json).' },
};

/**
 * Explains the Salesforce errors in `input` (an error body, or a log line containing one) for this
 * template: where each comes from, what fixes it, and which sample profiles reproduce it.
 */
export async function explainSalesforceError(file: TemplateFile, input: string, options: ExplainOptions): Promise<Explanation> {
  const found = findErrors(input);
  if (found.errors.length === 0) {
    return { status: found.status, errors: [], problem: 'No Salesforce error found: paste the response body ([{"message", "errorCode", "fields"}]) or the Braze Message Activity Log line that contains it.' };
  }
  const answers = await predictedAnswers(file, options);
  const errors = found.errors.map((error) => ({
    error,
    meaning: KNOWN[error.errorCode]?.meaning ?? 'An error code the product does not know; Salesforce lists them at https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/errorcodes.htm.',
    locations: locate(file, error, options.salesforce),
    fix: KNOWN[error.errorCode]?.fix,
    reproducedBy: answers.filter((predicted) => reproduces(predicted, error)).map(({ profile }) => profile),
  }));
  return { status: found.status, errors };
}

/**
 * The error objects in a pasted text: the first JSON array of `{errorCode}` objects, a single such
 * object, or a token error `{"error", "error_description"}`; the status from "status 400",
 * "400 Bad Request" or an HTTP status line, when present.
 */
export function findErrors(input: string): { status?: number; errors: SalesforceError[] } {
  const status = /\b(?:status(?:\s*code)?\s*[:=]?\s*|HTTP\/[\d.]+\s+)([1-5]\d\d)\b/i.exec(input)?.[1] ?? /\b([1-5]\d\d)\s+[A-Z][a-z]+(?:\s[A-Z][a-z]+)*\b/.exec(input)?.[1];
  for (let start = 0; start < input.length; start++) {
    const ch = input[start];
    if (ch !== '[' && ch !== '{') continue;
    const end = matchingBracket(input, start);
    if (end < 0) continue;
    const errors = toErrors(input.slice(start, end + 1));
    if (errors.length > 0) return { status: status ? Number(status) : undefined, errors };
  }
  return { status: status ? Number(status) : undefined, errors: [] };
}

/** Index of the bracket closing the one at `start`, skipping JSON strings; -1 when unbalanced. */
function matchingBracket(text: string, start: number): number {
  let depth = 0;
  let inString = false;
  for (let i = start; i < text.length; i++) {
    const ch = text[i];
    if (inString) {
      if (ch === '\\') i++;
      else if (ch === '"') inString = false;
    } else if (ch === '"') inString = true;
    else if (ch === '[' || ch === '{') depth++;
    else if (ch === ']' || ch === '}') {
      depth--;
      if (depth === 0) return i;
    }
  }
  return -1;
}

function toErrors(json: string): SalesforceError[] {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return [];
  }
  const list = Array.isArray(value) ? value : [value];
  const errors: SalesforceError[] = [];
  for (const entry of list) {
    if (entry === null || typeof entry !== 'object') continue;
    const e = entry as Record<string, unknown>;
    if (typeof e.errorCode === 'string') {
      errors.push({ errorCode: e.errorCode, message: typeof e.message === 'string' ? e.message : '', ...(Array.isArray(e.fields) ? { fields: e.fields.map(String) } : {}) });
    } else if (typeof e.error === 'string' && !Array.isArray(value)) {
      errors.push({ errorCode: e.error, message: typeof e.error_description === 'string' ? e.error_description : '' });
    }
  }
  return errors;
}

/** One profile's rendered request and predicted answer. */
interface Predicted {
  profile: ProfileRef;
  request: RenderedRequest;
  answer: SalesforceAnswer | null;
}

/** Each profile's predicted answer, for "reproduced by". */
async function predictedAnswers(file: TemplateFile, options: ExplainOptions): Promise<Predicted[]> {
  if (!options.deps || !options.profiles?.length || file.syntaxErrors.length > 0 || !file.url) return [];
  const answers: Predicted[] = [];
  for (const profile of options.profiles) {
    const request = await renderProfile(file, profile, options.deps);
    answers.push({ profile: profile.ref, request, answer: simulateSalesforceAnswer(request, { salesforce: options.salesforce, mocks: options.mocks, scenario: options.scenario }) });
  }
  return answers;
}

/**
 * Same code, and when the real error names fields, at least one of them (any case). A token
 * error (`invalid_grant`, …) is reproduced when the profile's token call gets it.
 */
function reproduces({ request, answer }: Predicted, error: SalesforceError): boolean {
  if (/^[a-z_]+$/.test(error.errorCode)) return request.subrequests.some((sub) => sub.response.body.includes(`"error":"${error.errorCode}"`));
  return (answer?.errors ?? []).some((e) => {
    if (e.errorCode !== error.errorCode) return false;
    if (!error.fields?.length) return true;
    const named = new Set((e.fields ?? []).map((f) => f.toLowerCase()));
    return error.fields.some((f) => named.has(f.toLowerCase()));
  });
}

/** Where in the template the error points: body keys for fields, URL parts, headers, the method. */
function locate(file: TemplateFile, error: SalesforceError, salesforce: SalesforceSchema): ExplainedLocation[] {
  const keys = toBodyKeys(file, { toRaw: decodedRangeToRaw })?.keys ?? [];
  const keyLocation = (name: string): ExplainedLocation[] => {
    const key = keys.find((k) => k.key === name) ?? keys.find((k) => k.key.toLowerCase() === name.toLowerCase());
    return key ? [{ range: key.range, what: `body key "${key.key}"` }] : [];
  };
  const fromFields = (error.fields ?? []).flatMap(keyLocation);
  if (fromFields.length > 0) return fromFields;
  const header = (name: string): ExplainedLocation[] => {
    const field = file.headers.find((h) => h.key?.trim().toLowerCase() === name.toLowerCase());
    return field ? [{ range: field.valueRange, what: `header ${field.key}` }] : memberKey(file, 'request_headers', `the headers (no ${name})`);
  };
  switch (error.errorCode) {
    case 'INVALID_FIELD': {
      const column = /No such column '([^']+)'/.exec(error.message)?.[1];
      if (column) return keyLocation(column);
      if (/\bId field should not be specified/.test(error.message)) return keyLocation('Id');
      const field = /The (\S+) field should not be specified/.exec(error.message)?.[1];
      return field ? keyLocation(field) : memberKey(file, 'body', 'the body');
    }
    case 'JSON_PARSER_ERROR':
      return jsonParserLocation(file, error, keys, salesforce);
    case 'NOT_FOUND':
      return urlLocation(file, error);
    case 'INVALID_SESSION_ID':
    case 'invalid_grant':
    case 'invalid_client':
    case 'invalid_client_id':
    case 'unsupported_grant_type':
      return header('Authorization');
    case 'UNSUPPORTED_MEDIA_TYPE':
      return header('Content-Type');
    case 'METHOD_NOT_ALLOWED':
      return file.method ? [{ range: file.method.range, what: 'request_method' }] : memberKey(file, 'url', 'the URL (no request_method: POST)');
    case 'REQUIRED_FIELD_MISSING':
      return memberKey(file, 'body', 'the body (the field is not sent)');
    default:
      return [];
  }
}

function memberKey(file: TemplateFile, key: string, what: string): ExplainedLocation[] {
  const member = file.members.find((m) => m.key === key);
  return member ? [{ range: member.keyRange, what }] : [];
}

/** A type error names the value (`from VALUE_STRING value lots`): the key whose literal is it, else the keys of a field of that type. */
function jsonParserLocation(file: TemplateFile, error: SalesforceError, keys: readonly BodyKey[], salesforce: SalesforceSchema): ExplainedLocation[] {
  const match = /Cannot deserialize instance of (\w+) from VALUE_\w+ value (.*?) or request may be missing/.exec(error.message);
  if (!match) return memberKey(file, 'body', 'the body (not valid JSON)');
  const [, javaType, value] = match;
  const literal = keys.find((k) => k.value.literal && String(k.value.json) === value);
  if (literal) return [{ range: literal.value.range, what: `the value of "${literal.key}"` }];
  const url = file.url ? parseSobjectUrl(file.url.text) : undefined;
  const model = url ? salesforce.sobject(url.sobject.text) : undefined;
  const types: Record<string, string[]> = { int: ['int'], long: ['long'], double: ['double', 'currency', 'percent'], boolean: ['boolean'], date: ['date'], datetime: ['datetime'], time: ['time'] };
  const candidates = keys.filter((k) => (types[javaType] ?? []).includes(model?.field(k.key)?.type ?? ''));
  return candidates.map((k) => ({ range: k.value.range, what: `the value of "${k.key}" (${javaType})` }));
}

/** A NOT_FOUND: the record segment it quotes, else the version and sObject of the URL. */
function urlLocation(file: TemplateFile, error: SalesforceError): ExplainedLocation[] {
  const url = file.url;
  const parsed = url ? parseSobjectUrl(url.text) : undefined;
  if (!url || !parsed) return [];
  const at = (part: { start: number; end: number }, what: string): ExplainedLocation => ({ range: rawRange(url, part.start, part.end), what });
  if (/Provided external ID field/.test(error.message)) {
    const part = parsed.externalIdField && error.message.endsWith(`: ${parsed.externalIdField.text}`) ? parsed.externalIdField : parsed.recordSegment;
    return part ? [at(part, parsed.operation === 'upsert' && part === parsed.externalIdField ? 'the external-Id field in the URL' : 'the record Id in the URL')] : [at(parsed.sobject, 'the URL (no record Id: the Id rendered empty?)')];
  }
  return [at(parsed.apiVersion, 'the API version in the URL'), at(parsed.sobject, 'the sObject in the URL'), ...(parsed.recordSegment ? [at(parsed.recordSegment, 'the record Id in the URL')] : [])];
}

function rawRange(field: LiquidField, start: number, end: number): OffsetRange {
  return decodedRangeToRaw(field, start, end);
}
