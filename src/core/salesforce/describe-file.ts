import type { Node } from 'jsonc-parser';
import { createProblemList, type FileProblem, memberValue, type ProblemList, problemAt, toJsonValue } from '../util/file-problem';
import { parseJsonTree } from '../util/json-tree';
import { stripBom } from '../util/positions';
import { createSalesforceSchema, type DescribeField, type DescribeSObject, type FieldType, type PicklistValue, type RecordTypeInfo, type SalesforceSchema } from './model';

/** What `parseDescribe` returns: the describe (undefined when unusable) and the problems, with raw offsets. */
export interface ParsedDescribe {
  describe?: DescribeSObject;
  problems: FileProblem[];
}

const FIELD_TYPES = new Set<FieldType>([
  'id', 'string', 'textarea', 'email', 'phone', 'url', 'picklist', 'multipicklist', 'combobox', 'boolean', 'int', 'long', 'double',
  'currency', 'percent', 'date', 'datetime', 'time', 'reference', 'address', 'location', 'encryptedstring', 'base64', 'anyType',
]);

/**
 * Reads an sObject describe: the JSON of `GET /services/data/vXX.X/sobjects/<sObject>/describe`
 * (https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/resources_sobject_describe.htm),
 * or the output of `sf sobject describe --sobject <sObject> --json`, which wraps it in
 * `{"status": 0, "result": …}`. Never throws; offsets are into the text without a BOM. A file
 * that cannot be used gives error problems and no describe, so callers keep the built-in model.
 */
export function parseDescribe(text: string): ParsedDescribe {
  const { root, errors } = parseJsonTree(stripBom(text));
  const problems = createProblemList();
  for (const error of errors) problems.report({ code: 'json-syntax', severity: 'error', ...error });
  if (!root || errors.length > 0) return { problems: problems.finish() };
  const node = unwrapCliOutput(root, problems);
  const describe = node ? readSObject(node, problems) : undefined;
  return { describe, problems: problems.finish() };
}

/** The describe inside `sf … --json` output, or the root itself; undefined (with a problem) when neither. */
function unwrapCliOutput(root: Node, problems: ProblemList): Node | undefined {
  if (root.type !== 'object') {
    problems.report(problemAt(root, 'not-describe', 'error', `Expected the JSON of an sObject describe (an object with "name" and "fields"), not a ${root.type}.`));
    return undefined;
  }
  const status = memberValue(root, 'status');
  const result = memberValue(root, 'result');
  if (status === undefined || memberValue(root, 'fields')) return root;
  if (status.value !== 0 || result === undefined) {
    const message = memberValue(root, 'message')?.value;
    problems.report(problemAt(status, 'cli-failed', 'error', `This is the output of an sf command that failed (status ${String(status.value)})${typeof message === 'string' ? `: ${message}` : ''}. Run it again once it succeeds.`));
    return undefined;
  }
  return result;
}

function readSObject(node: Node, problems: ProblemList): DescribeSObject | undefined {
  if (node.type !== 'object') {
    problems.report(problemAt(node, 'not-describe', 'error', `"result" must be the describe object, not a ${node.type}.`));
    return undefined;
  }
  if (memberValue(node, 'sobjects')) {
    problems.report(problemAt(node, 'not-describe', 'error', 'This is the list of all sObjects (GET …/sobjects/), not the describe of one. Use GET …/sobjects/Lead/describe or `sf sobject describe --sobject Lead --json`.'));
    return undefined;
  }
  const name = memberValue(node, 'name');
  const fields = memberValue(node, 'fields');
  if (name?.type !== 'string' || name.value === '') {
    problems.report(problemAt(name ?? node, 'not-describe', 'error', 'An sObject describe has a "name" (e.g. "Lead"); this file has none.'));
    return undefined;
  }
  if (fields?.type !== 'array') {
    problems.report(problemAt(fields ?? node, 'not-describe', 'error', 'An sObject describe has a "fields" array; this file has none.'));
    return undefined;
  }
  // Positions matter for what makes the file unusable (above) and for a field that is skipped;
  // the rest is read from the plain value.
  const value = toJsonValue(node) as Record<string, unknown>;
  const describe: DescribeSObject = { name: name.value, label: text(value.label) ?? name.value, fields: [] };
  (value.fields as unknown[]).forEach((raw, i) => {
    const field = toField(raw);
    const at = (fields.children ?? [])[i];
    if (!field) problems.report(problemAt(at, 'invalid-field', 'warning', 'A field without a "name" string: ignored.'));
    else if (field.type === 'anyType' && (raw as Record<string, unknown>).type !== 'anyType') problems.report(problemAt(at, 'invalid-field', 'warning', `Field ${field.name} has no known "type"; its values are not checked.`));
    if (field) describe.fields.push(field);
  });
  if (text(value.keyPrefix)) describe.keyPrefix = text(value.keyPrefix);
  if (typeof value.custom === 'boolean') describe.custom = value.custom;
  if (Array.isArray(value.recordTypeInfos)) describe.recordTypeInfos = value.recordTypeInfos.flatMap(toRecordType);
  for (const key of ['release', 'keyPrefixes', 'features'] as const) {
    if (isRecord(value[key])) Object.assign(describe, { [key]: value[key] });
  }
  return describe;
}

/**
 * A describe field from its plain JSON value; undefined without a name. A field missing a flag
 * gets Salesforce's default for the safest verdict: writable and optional, so the product never
 * invents a refusal the org would not give.
 */
function toField(raw: unknown): DescribeField | undefined {
  if (!isRecord(raw) || !text(raw.name)) return undefined;
  const name = raw.name as string;
  const flag = (key: string, fallback: boolean) => (typeof raw[key] === 'boolean' ? (raw[key] as boolean) : fallback);
  const field: DescribeField = {
    name,
    label: text(raw.label) ?? name,
    type: FIELD_TYPES.has(raw.type as FieldType) ? (raw.type as FieldType) : 'anyType',
    length: typeof raw.length === 'number' ? raw.length : 0,
    createable: flag('createable', true),
    updateable: flag('updateable', true),
    nillable: flag('nillable', true),
    defaultedOnCreate: flag('defaultedOnCreate', false),
    custom: flag('custom', name.endsWith('__c')),
    picklistValues: Array.isArray(raw.picklistValues) ? raw.picklistValues.flatMap(toPicklistValue) : [],
    restrictedPicklist: flag('restrictedPicklist', false),
    referenceTo: strings(raw.referenceTo),
  };
  for (const key of ['digits', 'precision', 'scale', 'since'] as const) if (typeof raw[key] === 'number') field[key] = raw[key] as number;
  for (const key of ['externalId', 'idLookup', 'audit'] as const) if (typeof raw[key] === 'boolean') field[key] = raw[key] as boolean;
  for (const key of ['compoundFieldName', 'sinceNote', 'feature', 'description'] as const) if (text(raw[key])) field[key] = raw[key] as string;
  if (isRecord(raw.labels)) field.labels = { en: strings(raw.labels.en), es: strings(raw.labels.es) };
  return field;
}

function toPicklistValue(raw: unknown): PicklistValue[] {
  if (!isRecord(raw) || typeof raw.value !== 'string') return [];
  return [{ value: raw.value, label: text(raw.label) ?? raw.value, active: raw.active !== false, defaultValue: raw.defaultValue === true }];
}

function toRecordType(raw: unknown): RecordTypeInfo[] {
  if (!isRecord(raw) || !text(raw.recordTypeId)) return [];
  const id = raw.recordTypeId as string;
  const info: RecordTypeInfo = { recordTypeId: id, name: text(raw.name) ?? id, active: raw.active !== false, available: raw.available !== false, defaultRecordTypeMapping: raw.defaultRecordTypeMapping === true, master: raw.master === true };
  if (text(raw.developerName)) info.developerName = raw.developerName as string;
  return [info];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

/** A describe file of the user's org, as an adapter read it. */
export interface DescribeFileInput {
  /** How to name the file in messages (workspace-relative path). */
  file: string;
  text: string;
}

/** A describe-file problem, with the file it is in. */
export interface DescribeFileProblem extends FileProblem {
  file: string;
}

/** What `loadSalesforceSchema` returns. */
export interface LoadedSalesforceSchema {
  schema: SalesforceSchema;
  /** Problems of the org describe files (a file with an error is left out; the built-in model stays). */
  problems: DescribeFileProblem[];
  /** The org describe files used, with the sObject each describes (its `name`). */
  used: Array<{ file: string; sobject: string }>;
}

/**
 * The schema of one run, built from what the adapter read: the built-in models (the parsed JSON of
 * `data/salesforce/*.json`, which the adapter bundles or reads from the extension folder) and the
 * org's describe files. A describe file that cannot be used is reported and skipped, so the
 * built-in model of its sObject stays in force.
 */
export function loadSalesforceSchema(input: { builtIn?: readonly unknown[]; org?: readonly DescribeFileInput[] }): LoadedSalesforceSchema {
  const problems: DescribeFileProblem[] = [];
  const builtIn: DescribeSObject[] = [];
  for (const json of input.builtIn ?? []) {
    const parsed = parseDescribe(JSON.stringify(json));
    if (parsed.describe) builtIn.push(parsed.describe);
    else problems.push(...parsed.problems.map((p) => ({ ...p, file: '(built-in model)' })));
  }
  const org: Array<{ describe: DescribeSObject; file: string }> = [];
  for (const { file, text } of input.org ?? []) {
    const parsed = parseDescribe(text);
    problems.push(...parsed.problems.map((p) => ({ ...p, file })));
    if (parsed.describe) org.push({ describe: parsed.describe, file });
  }
  return { schema: createSalesforceSchema({ builtIn, org }), problems, used: org.map(({ file, describe }) => ({ file, sobject: describe.name })) };
}
