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
  const describe: DescribeSObject = {
    name: name.value,
    label: stringOr(memberValue(node, 'label'), name.value),
    fields: readFields(fields, problems),
  };
  const keyPrefix = memberValue(node, 'keyPrefix');
  if (keyPrefix?.type === 'string') describe.keyPrefix = keyPrefix.value;
  const custom = memberValue(node, 'custom');
  if (custom?.type === 'boolean') describe.custom = custom.value;
  const recordTypes = memberValue(node, 'recordTypeInfos');
  if (recordTypes?.type === 'array') describe.recordTypeInfos = readRecordTypes(recordTypes, problems);
  for (const key of ['release', 'keyPrefixes', 'features'] as const) {
    const extra = memberValue(node, key);
    if (extra?.type === 'object') Object.assign(describe, { [key]: toJsonValue(extra) });
  }
  return describe;
}

function readFields(array: Node, problems: ProblemList): DescribeField[] {
  const fields: DescribeField[] = [];
  for (const node of array.children ?? []) {
    const field = readField(node, problems);
    if (field) fields.push(field);
  }
  return fields;
}

function readField(node: Node, problems: ProblemList): DescribeField | undefined {
  const name = node.type === 'object' ? memberValue(node, 'name') : undefined;
  const type = node.type === 'object' ? memberValue(node, 'type') : undefined;
  if (name?.type !== 'string' || name.value === '') {
    problems.report(problemAt(name ?? node, 'invalid-field', 'warning', 'A field without a "name" string: ignored.'));
    return undefined;
  }
  if (type?.type !== 'string' || !FIELD_TYPES.has(type.value as FieldType)) {
    problems.report(problemAt(type ?? node, 'invalid-field', 'warning', `Field ${name.value} has no known "type"; its values are not checked.`));
  }
  const field: DescribeField = {
    name: name.value,
    label: stringOr(memberValue(node, 'label'), name.value),
    type: type?.type === 'string' && FIELD_TYPES.has(type.value as FieldType) ? (type.value as FieldType) : 'anyType',
    length: numberOr(memberValue(node, 'length'), 0),
    // A field missing these flags is treated as Salesforce's defaults for the safest verdict:
    // writable and optional, so the product never invents a refusal the org would not give.
    createable: booleanOr(memberValue(node, 'createable'), true),
    updateable: booleanOr(memberValue(node, 'updateable'), true),
    nillable: booleanOr(memberValue(node, 'nillable'), true),
    defaultedOnCreate: booleanOr(memberValue(node, 'defaultedOnCreate'), false),
    custom: booleanOr(memberValue(node, 'custom'), name.value.endsWith('__c')),
    picklistValues: readPicklist(memberValue(node, 'picklistValues')),
    restrictedPicklist: booleanOr(memberValue(node, 'restrictedPicklist'), false),
    referenceTo: readStrings(memberValue(node, 'referenceTo')),
  };
  for (const key of ['digits', 'precision', 'scale', 'since'] as const) {
    const value = memberValue(node, key);
    if (value?.type === 'number') field[key] = value.value;
  }
  for (const key of ['externalId', 'idLookup', 'audit'] as const) {
    const value = memberValue(node, key);
    if (value?.type === 'boolean') field[key] = value.value;
  }
  for (const key of ['compoundFieldName', 'sinceNote', 'feature', 'description'] as const) {
    const value = memberValue(node, key);
    if (value?.type === 'string') field[key] = value.value;
  }
  const labels = memberValue(node, 'labels');
  if (labels?.type === 'object') field.labels = { en: readStrings(memberValue(labels, 'en')), es: readStrings(memberValue(labels, 'es')) };
  return field;
}

function readPicklist(node: Node | undefined): PicklistValue[] {
  if (node?.type !== 'array') return [];
  const values: PicklistValue[] = [];
  for (const entry of node.children ?? []) {
    const value = entry.type === 'object' ? memberValue(entry, 'value') : undefined;
    if (value?.type !== 'string') continue;
    values.push({
      value: value.value,
      label: stringOr(memberValue(entry, 'label'), value.value),
      active: booleanOr(memberValue(entry, 'active'), true),
      defaultValue: booleanOr(memberValue(entry, 'defaultValue'), false),
    });
  }
  return values;
}

function readRecordTypes(node: Node, problems: ProblemList): RecordTypeInfo[] {
  const types: RecordTypeInfo[] = [];
  for (const entry of node.children ?? []) {
    const id = entry.type === 'object' ? memberValue(entry, 'recordTypeId') : undefined;
    if (id?.type !== 'string') {
      problems.report(problemAt(entry, 'invalid-record-type', 'warning', 'A record type without a "recordTypeId": ignored.'));
      continue;
    }
    const info: RecordTypeInfo = {
      recordTypeId: id.value,
      name: stringOr(memberValue(entry, 'name'), id.value),
      active: booleanOr(memberValue(entry, 'active'), true),
      available: booleanOr(memberValue(entry, 'available'), true),
      defaultRecordTypeMapping: booleanOr(memberValue(entry, 'defaultRecordTypeMapping'), false),
      master: booleanOr(memberValue(entry, 'master'), false),
    };
    const developerName = memberValue(entry, 'developerName');
    if (developerName?.type === 'string') info.developerName = developerName.value;
    types.push(info);
  }
  return types;
}

function readStrings(node: Node | undefined): string[] {
  if (node?.type !== 'array') return [];
  return (node.children ?? []).filter((c) => c.type === 'string').map((c) => String(c.value));
}

function stringOr(node: Node | undefined, fallback: string): string {
  return node?.type === 'string' ? node.value : fallback;
}

function numberOr(node: Node | undefined, fallback: number): number {
  return node?.type === 'number' ? node.value : fallback;
}

function booleanOr(node: Node | undefined, fallback: boolean): boolean {
  return node?.type === 'boolean' ? node.value : fallback;
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
