import { statusLine as statusText } from '../request/formats';
import { parseErrorArray, type SalesforceAnswer } from '../salesforce/simulate';
import type { SalesforceError } from '../salesforce/field-checks';

/** The real answer, reduced to what the verdict compares. */
export interface RealAnswer {
  status: number;
  body: string;
}

/**
 * How the real answer compares with the simulated one: `as-predicted`, `differs` (each difference
 * listed), or `unpredicted` when the product made no prediction (not a Salesforce sObject URL).
 */
export interface Verdict {
  kind: 'as-predicted' | 'differs' | 'unpredicted';
  /** One line: "As predicted: 201 Created." or "Differs from the prediction: …". */
  line: string;
  differences: string[];
  /** Facts that do not make a difference but are worth saying (only some of the predicted errors came back). */
  notes: string[];
}

/**
 * Compares Salesforce's real answer with `simulateSalesforceAnswer`'s prediction for the same
 * request. Compared: the status; for errors, each `errorCode` and its `fields` (order and case do
 * not matter); for a create, `success` and the Id's key prefix. Not compared: messages (their
 * wording is not documented and differs between orgs), Ids and timestamps. Salesforce may stop at
 * the first of several errors, so an answer with some of the predicted errors (and no others)
 * is as predicted, with a note (https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/errorcodes.htm).
 */
export function compareWithPrediction(real: RealAnswer, predicted: SalesforceAnswer | null): Verdict {
  if (!predicted) {
    return { kind: 'unpredicted', line: `Not predicted (the URL is not a Salesforce REST sObject URL): Salesforce answered ${statusText(real.status)}.`, differences: [], notes: [] };
  }
  const differences: string[] = [];
  const notes: string[] = [];
  if (real.status !== predicted.status) differences.push(`status ${statusText(real.status)}, predicted ${statusText(predicted.status)}`);
  const realErrors = parseErrorArray(real.body);
  const predictedErrors = predicted.errors.filter((e) => e.errorCode !== 'GONE');
  if (realErrors.length > 0 || predictedErrors.length > 0) compareErrors(realErrors, predictedErrors, differences, notes);
  if (real.status === 201 && predicted.status === 201) compareCreated(real.body, predicted.body, differences);
  const summary = summarize(real);
  if (differences.length === 0) return { kind: 'as-predicted', line: `As predicted: ${summary}.`, differences, notes };
  return { kind: 'differs', line: `Differs from the prediction: ${differences.join('; ')}.`, differences, notes };
}

function compareErrors(real: SalesforceError[], predicted: SalesforceError[], differences: string[], notes: string[]): void {
  const predictedCodes = new Set(predicted.map((e) => e.errorCode));
  const unexpected = real.filter((e) => !predictedCodes.has(e.errorCode));
  for (const error of unexpected) differences.push(`${error.errorCode}${fieldList(error.fields)} was not predicted`);
  const realCodes = new Set(real.map((e) => e.errorCode));
  const missing = predicted.filter((e) => !realCodes.has(e.errorCode));
  const matched = predicted.length - missing.length;
  if (missing.length > 0) {
    // Some predicted errors came back and nothing else: Salesforce reports what it checked first.
    if (matched > 0 && unexpected.length === 0) notes.push(`Salesforce reported ${matched} of the ${predicted.length} predicted errors; fixing those may reveal ${missing.map((e) => e.errorCode).join(', ')}.`);
    else for (const error of missing) differences.push(`${error.errorCode}${fieldList(error.fields)} was predicted but not answered`);
  }
  for (const error of real) {
    const expected = predicted.find((e) => e.errorCode === error.errorCode);
    if (!expected || sameFields(error.fields, expected.fields)) continue;
    differences.push(`${error.errorCode} for ${listOrNone(error.fields)}, predicted for ${listOrNone(expected.fields)}`);
  }
}

function sameFields(a: string[] | undefined, b: string[] | undefined): boolean {
  const norm = (list: string[] | undefined) => [...new Set((list ?? []).map((f) => f.toLowerCase()))].sort().join(',');
  return norm(a) === norm(b);
}

function compareCreated(realBody: string, predictedBody: string, differences: string[]): void {
  const real = parseObject(realBody);
  const predicted = parseObject(predictedBody);
  if (!real) {
    differences.push('the 201 answer is not the documented {"id", "success", "errors"} object');
    return;
  }
  if (real.success !== true) differences.push(`"success" is ${JSON.stringify(real.success)}, predicted true`);
  const prefix = (value: unknown) => (typeof value === 'string' ? value.slice(0, 3) : undefined);
  if (prefix(real.id) !== prefix(predicted?.id)) differences.push(`the new Id starts with ${prefix(real.id) ?? '(none)'}, predicted ${prefix(predicted?.id)}`);
  if (predicted && 'created' in predicted && real.created !== predicted.created) differences.push(`"created" is ${JSON.stringify(real.created)}, predicted ${JSON.stringify(predicted.created)}`);
}

function parseObject(text: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** `201 Created`, `400 Bad Request REQUIRED_FIELD_MISSING (Company)`. */
function summarize(real: RealAnswer): string {
  const errors = parseErrorArray(real.body);
  if (errors.length === 0) return statusText(real.status);
  return `${statusText(real.status)} ${errors.map((e) => `${e.errorCode}${fieldList(e.fields)}`).join(', ')}`;
}

function fieldList(fields: string[] | undefined): string {
  return fields && fields.length > 0 ? ` (${fields.join(', ')})` : '';
}

function listOrNone(fields: string[] | undefined): string {
  return fields && fields.length > 0 ? `[${fields.join(', ')}]` : 'no field';
}
