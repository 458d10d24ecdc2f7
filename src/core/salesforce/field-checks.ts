/**
 * What Salesforce does with one body key and its value, decided once for the lint rules (static and
 * rendered) and for the simulated answer: the same functions build the finding and the error body,
 * so the editor and the answer can never disagree. Error texts are the ones Salesforce's REST API
 * returns (https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/errorcodes.htm,
 * public bodies cited per check); where Salesforce's exact wording is not documented, the closest
 * public body is used and docs/decisions/007-simulated-salesforce-answer.md says so.
 */
import { CONVERTS } from './conversions';
import type { SObjectField, SObjectModel } from './model';
import { toEighteenCharId } from '../connected-content/salesforce-id';

/** What the request does to the record. */
export type RecordOperation = 'create' | 'update' | 'upsert';

/** One entry of Salesforce's REST error array: `[{"message", "errorCode", "fields"}]`. */
export interface SalesforceError {
  message: string;
  errorCode: string;
  fields?: string[];
}

/** How a body key relates to the model. */
export type KeyKind =
  /** A field of the model. */
  | { kind: 'field'; field: SObjectField }
  /** `Id` (any case): never in the body. */
  | { kind: 'id' }
  /** sObject JSON metadata (`attributes`): Salesforce ignores it. */
  | { kind: 'metadata' }
  /** A `…__c`/`…__s` name the built-in model cannot check: assumed to exist. */
  | { kind: 'assumed-custom' }
  /** Not a field: 400 INVALID_FIELD. */
  | { kind: 'unknown' };

/** Suffixes of custom API names (`__c` fields, `__s` geolocation parts). */
const CUSTOM_SUFFIX = /__[cs]$/i;

/** sObject JSON may carry `"attributes": {"type": "Lead"}`; Salesforce reads it as metadata, not a field. */
const METADATA_KEYS = new Set(['attributes']);

/** What a body key is for this model. Only an org describe knows the custom fields. */
export function classifyKey(model: SObjectModel, key: string): KeyKind {
  if (key.trim().toLowerCase() === 'id' && key === key.trim()) return { kind: 'id' };
  const field = model.field(key);
  if (field) return { kind: 'field', field };
  if (METADATA_KEYS.has(key)) return { kind: 'metadata' };
  if (!model.fromOrg && CUSTOM_SUFFIX.test(key)) return { kind: 'assumed-custom' };
  return { kind: 'unknown' };
}

/** Why a field cannot be sent in this request (or, for `feature`, what it depends on). */
export type AccessIssue =
  /** The field did not exist yet in the URL's API version: 400 INVALID_FIELD. */
  | { kind: 'too-new'; since: number; version: number }
  /** Salesforce refuses to set it on this operation: 400 INVALID_FIELD_FOR_INSERT_UPDATE. `audit` fields need a permission. */
  | { kind: 'not-writable'; operation: RecordOperation; audit: boolean }
  /** It exists only when the org has a feature (built-in model only): a note, never a refusal. */
  | { kind: 'feature'; feature: string };

/**
 * Whether this request may set the field. `version` is the URL's major API version, when known.
 * An upsert may create the record, so it needs Create (and Update for an existing record).
 */
export function checkFieldAccess(model: SObjectModel, field: SObjectField, operation: RecordOperation, version: number | undefined): AccessIssue[] {
  const issues: AccessIssue[] = [];
  if (field.since !== undefined && version !== undefined && version < field.since) issues.push({ kind: 'too-new', since: field.since, version });
  const writable = operation === 'update' ? field.updateable : field.createable;
  if (!writable) issues.push({ kind: 'not-writable', operation, audit: field.audit === true });
  if (field.feature && !model.fromOrg) issues.push({ kind: 'feature', feature: field.feature });
  return issues;
}

/** What is wrong with the value Salesforce gets for a field. */
export type ValueIssue =
  /** The JSON value does not convert to the field's type: 400 JSON_PARSER_ERROR. */
  | { code: 'JSON_PARSER_ERROR'; javaType: string; token: string }
  | { code: 'STRING_TOO_LONG'; length: number; max: number }
  | { code: 'INVALID_EMAIL_ADDRESS'; reason: string }
  | { code: 'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST'; allowed: string[] }
  /** A reference that is not a 15/18-character Id of one of `expected` (key prefixes). */
  | { code: 'MALFORMED_ID'; expected: string[]; reason: 'format' | 'prefix' }
  /** A record type Id the org's describe does not offer. */
  | { code: 'INVALID_CROSS_REFERENCE_KEY'; available: string[] }
  /** A required field set to nothing. */
  | { code: 'REQUIRED_FIELD_MISSING' };

/** Field types Salesforce counts characters of (STRING_TOO_LONG). */
const TEXT_TYPES = new Set<SObjectField['type']>(['string', 'textarea', 'email', 'phone', 'url', 'picklist', 'multipicklist', 'combobox', 'encryptedstring']);

/**
 * The checks Salesforce runs on one value, in its order: first the JSON deserialization (a string
 * that does not convert fails the whole request with JSON_PARSER_ERROR), then the record's
 * validation. `null`, `""` and blanks are "no value" (Salesforce stores `""` as null). Returns the
 * first problem: the one Salesforce reports for this field.
 */
export function checkFieldValue(model: SObjectModel, field: SObjectField, value: unknown, operation: RecordOperation): ValueIssue | undefined {
  const conversion = convertValue(field, value);
  if (!conversion.ok) return { code: 'JSON_PARSER_ERROR', javaType: conversion.javaType, token: conversion.token };
  const text = conversion.text;
  if (text === undefined || text.trim() === '') {
    return field.requiredOnCreate && (operation !== 'update' || value !== undefined) ? { code: 'REQUIRED_FIELD_MISSING' } : undefined;
  }
  if (TEXT_TYPES.has(field.type) && field.length > 0 && [...text].length > field.length) return { code: 'STRING_TOO_LONG', length: [...text].length, max: field.length };
  if (field.type === 'email') {
    const reason = emailProblem(text.trim());
    if (reason) return { code: 'INVALID_EMAIL_ADDRESS', reason };
  }
  if ((field.type === 'picklist' || field.type === 'multipicklist') && field.restrictedPicklist) {
    const allowed = field.picklistValues.filter((v) => v.active).map((v) => v.value);
    const values = field.type === 'multipicklist' ? text.split(';') : [text];
    if (allowed.length > 0 && values.some((v) => !allowed.includes(v))) return { code: 'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST', allowed };
  }
  if (field.type === 'reference') {
    const expected = field.referenceTo.map((name) => model.keyPrefixes[name]).filter((p): p is string => p !== undefined);
    const id = text.trim();
    if (!isRecordIdFormat(id)) return { code: 'MALFORMED_ID', expected, reason: 'format' };
    if (expected.length > 0 && expected.length === field.referenceTo.length && !expected.includes(id.slice(0, 3))) return { code: 'MALFORMED_ID', expected, reason: 'prefix' };
    if (field.name === 'RecordTypeId' && model.recordTypes) {
      const available = model.recordTypes.filter((t) => t.active && t.available);
      if (!available.some((t) => sameId(t.recordTypeId, id))) return { code: 'INVALID_CROSS_REFERENCE_KEY', available: available.map((t) => `${t.name} (${t.recordTypeId})`) };
    }
  }
  return undefined;
}

/** A value on its way into a field: the text Salesforce stores, or why it does not convert. */
type Conversion = { ok: true; text: string | undefined; converted?: string } | { ok: false; javaType: string; token: string };

/** Names Salesforce's JSON parser gives the field types in "Cannot deserialize instance of <type>". */
const JAVA_TYPES: Partial<Record<SObjectField['type'], string>> = {
  int: 'int',
  long: 'long',
  double: 'double',
  currency: 'double',
  percent: 'double',
  boolean: 'boolean',
  date: 'date',
  datetime: 'datetime',
  time: 'time',
};

const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
const INTEGER = /^[+-]?\d+$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATETIME = /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;
const TIME = /^\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?Z?$/;

/**
 * How Salesforce's JSON parser reads a value for a field. Braze's key/value body sends every value
 * as a JSON string; Salesforce converts a string of digits to an int or currency, `true`/`false`
 * to a boolean and ISO 8601 text to a date or datetime, and fails with JSON_PARSER_ERROR
 * ("Cannot deserialize instance of int from VALUE_STRING value lots …", mautic/mautic#3048,
 * restforce/restforce#897) for anything else. An empty string is no value.
 */
export function convertValue(field: SObjectField, value: unknown): Conversion {
  if (value === null || value === undefined) return { ok: true, text: undefined };
  const javaType = JAVA_TYPES[field.type];
  if (typeof value === 'object') return { ok: false, javaType: javaType ?? 'String', token: Array.isArray(value) ? 'START_ARRAY' : 'START_OBJECT' };
  if (!javaType) return { ok: true, text: String(value) };
  if (typeof value === 'number') {
    return field.type === 'int' && !Number.isInteger(value) ? { ok: false, javaType, token: `VALUE_NUMBER_FLOAT value ${value}` } : { ok: true, text: String(value) };
  }
  if (typeof value === 'boolean') return field.type === 'boolean' ? { ok: true, text: String(value) } : { ok: false, javaType, token: `VALUE_${String(value).toUpperCase()}` };
  const text = String(value);
  if (text.trim() === '') return { ok: true, text: '' };
  const fits = {
    int: INTEGER.test(text),
    long: INTEGER.test(text),
    double: NUMBER.test(text),
    boolean: /^(?:true|false)$/i.test(text),
    date: DATE.test(text),
    datetime: DATETIME.test(text),
    time: TIME.test(text),
  }[javaType];
  return fits ? { ok: true, text, converted: javaType } : { ok: false, javaType, token: `VALUE_STRING value ${text}` };
}

/** A note for the answer: what Salesforce makes of a string for a typed field (`"250" → 250 (int)`). */
export function describeConversion(field: SObjectField, value: unknown): string | undefined {
  if (typeof value !== 'string' || value.trim() === '') return undefined;
  const conversion = convertValue(field, value);
  return conversion.ok && conversion.converted ? `${field.name}: "${value}" is converted to the ${field.type} ${conversion.converted === 'boolean' ? value.toLowerCase() : value}` : undefined;
}

/** 15 or 18 letters and digits, and for 18 a suffix that can describe the case of the first 15. */
export function isRecordIdFormat(id: string): boolean {
  if (!/^[A-Za-z0-9]{15}(?:[A-Za-z0-5]{3})?$/.test(id)) return false;
  return id.length === 15 || restoreIdCase(id) !== undefined;
}

const SUFFIX_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ012345';

/**
 * The 18-character Id with its first 15 characters in the case its suffix encodes (Salesforce
 * treats 18-character Ids case-insensitively that way, domain.md §7); undefined when the suffix
 * cannot describe them (it marks a digit as upper case).
 */
export function restoreIdCase(id: string): string | undefined {
  if (id.length !== 18) return undefined;
  let out = '';
  for (let chunk = 0; chunk < 3; chunk++) {
    const bits = SUFFIX_ALPHABET.indexOf(id[15 + chunk].toUpperCase());
    if (bits < 0) return undefined;
    for (let i = 0; i < 5; i++) {
      const ch = id[chunk * 5 + i];
      const upper = (bits >> i) & 1;
      if (upper && !/[A-Za-z]/.test(ch)) return undefined;
      out += upper ? ch.toUpperCase() : ch.toLowerCase();
    }
  }
  return toEighteenCharId(out);
}

/** True when two Ids name the same record (15 vs 18 characters, case of an 18-character Id). */
function sameId(a: string, b: string): boolean {
  const canonical = (id: string) => (id.length === 18 ? (restoreIdCase(id) ?? id).slice(0, 15) : id);
  return canonical(a) === canonical(b);
}

const LOCAL_PART = /^[^\s@"(),:;<>[\]\\]+$/;
const DOMAIN_LABEL = /^[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?$/u;

/** Why `address` is not an email address Salesforce accepts; undefined when it is one (or empty). */
export function emailProblem(address: string): string | undefined {
  if (address === '') return undefined;
  if (/\s/.test(address)) return 'it contains whitespace';
  const at = address.split('@');
  if (at.length === 1) return 'there is no "@"';
  if (at.length > 2) return 'there is more than one "@"';
  const [local, domain] = at;
  if (local === '') return 'nothing before the "@"';
  if (domain === '') return 'nothing after the "@"';
  if (!LOCAL_PART.test(local) || local.startsWith('.') || local.endsWith('.') || local.includes('..')) return 'the part before the "@" has characters an address cannot hold';
  const labels = domain.split('.');
  if (labels.length < 2) return 'the domain has no "."';
  if (!labels.every((label) => DOMAIN_LABEL.test(label))) return 'the domain is not a host name';
  if (!/^\p{L}{2,}$/u.test(labels[labels.length - 1])) return 'the domain does not end in a top-level domain';
  return undefined;
}

/** Where in the rendered body a value sits, for JSON_PARSER_ERROR's `at [line:L, column:C]`. */
export interface BodyPosition {
  line: number;
  column: number;
}

/** The error Salesforce answers for a value issue (`value` as sent, quoted in some messages). */
export function valueError(field: SObjectField, issue: ValueIssue, value: string, at?: BodyPosition): SalesforceError {
  const fields = [field.name];
  switch (issue.code) {
    case 'JSON_PARSER_ERROR':
      return { errorCode: issue.code, message: `Cannot deserialize instance of ${issue.javaType} from ${issue.token} or request may be missing a required field${at ? ` at [line:${at.line}, column:${at.column}]` : ''}` };
    case 'STRING_TOO_LONG':
      // "<Label>: data value too large: <value> (max length=N)" (CoderDojo/community-platform#762, b2c-crm-sync#181).
      return { errorCode: issue.code, message: `${field.label}: data value too large: ${value} (max length=${issue.max})`, fields };
    case 'INVALID_EMAIL_ADDRESS':
      return { errorCode: issue.code, message: `${field.label}: invalid email address: ${value}`, fields };
    case 'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST':
      return { errorCode: issue.code, message: `${field.label}: bad value for restricted picklist field: ${value}`, fields };
    case 'MALFORMED_ID':
      return { errorCode: issue.code, message: `${field.label}: id value of incorrect type: ${value}`, fields };
    case 'INVALID_CROSS_REFERENCE_KEY':
      return { errorCode: issue.code, message: `${field.label}: this ID value isn't valid for the user: ${value}`, fields };
    case 'REQUIRED_FIELD_MISSING':
      return requiredFieldsError([field.name]);
  }
}

/** `Required fields are missing: [LastName, Company]`, one error for every missing field. */
export function requiredFieldsError(names: string[]): SalesforceError {
  return { errorCode: 'REQUIRED_FIELD_MISSING', message: `Required fields are missing: [${names.join(', ')}]`, fields: names };
}

/** INVALID_FIELD for a key that names no field (or a field newer than the URL's version). */
export function noSuchColumnError(key: string, sobject: string): SalesforceError {
  return { errorCode: 'INVALID_FIELD', message: `No such column '${key}' on sobject of type ${sobject}` };
}

/** INVALID_FIELD for `Id` in the body (https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/dome_sobject_create.htm). */
export const ID_IN_BODY_ERROR: SalesforceError = { errorCode: 'INVALID_FIELD', message: 'The Id field should not be specified in the sobject data.' };

/**
 * INVALID_FIELD_FOR_INSERT_UPDATE for fields that exist but cannot be set, all in one error
 * ("Unable to create/update fields: IsDeleted, CreatedDate. Please check the security settings …",
 * verbb/formie#1981, b2c-crm-sync#272).
 */
export function notWritableError(names: string[]): SalesforceError {
  return {
    errorCode: 'INVALID_FIELD_FOR_INSERT_UPDATE',
    message: `Unable to create/update fields: ${names.join(', ')}. Please check the security settings of this field and verify that it is read/write for your profile or permission set.`,
    fields: names,
  };
}

/** One sentence on a value issue for a lint message, without the rendered value itself. */
export function explainValueIssue(field: SObjectField, issue: ValueIssue): string {
  switch (issue.code) {
    case 'JSON_PARSER_ERROR':
      return `${field.name} is ${article(field.type)} ${field.type} field and this does not convert to one: Salesforce answers 400 JSON_PARSER_ERROR ("Cannot deserialize instance of ${issue.javaType} from ${issue.token.split(' value ')[0]} …")${CONVERTS[field.type] ? `; it converts ${CONVERTS[field.type]}` : ''}`;
    case 'STRING_TOO_LONG':
      return `${field.name} holds at most ${issue.max} characters and this is ${issue.length}: Salesforce answers 400 STRING_TOO_LONG ("${field.label}: data value too large: … (max length=${issue.max})")`;
    case 'INVALID_EMAIL_ADDRESS':
      return `${field.name} is not an email address (${issue.reason}): Salesforce answers 400 INVALID_EMAIL_ADDRESS`;
    case 'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST':
      return `${field.name} is a restricted picklist and this is not one of its active values (${issue.allowed.slice(0, 8).join(', ')}${issue.allowed.length > 8 ? ', …' : ''}): Salesforce answers 400 INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST`;
    case 'MALFORMED_ID':
      return issue.reason === 'format'
        ? `${field.name} takes a 15- or 18-character record Id and this is not one: Salesforce answers 400 MALFORMED_ID`
        : `${field.name} takes an Id starting with ${issue.expected.join(' or ')} and this one does not: Salesforce answers 400 MALFORMED_ID`;
    case 'INVALID_CROSS_REFERENCE_KEY':
      return `${field.name} is not one of the record types your org offers (${issue.available.join(', ')}): Salesforce answers 400 INVALID_CROSS_REFERENCE_KEY`;
    case 'REQUIRED_FIELD_MISSING':
      return `${field.name} is required and this is empty: Salesforce answers 400 REQUIRED_FIELD_MISSING ("Required fields are missing: [${field.name}]")`;
  }
}


function article(word: string): string {
  return /^[aeiou]/i.test(word) ? 'an' : 'a';
}
