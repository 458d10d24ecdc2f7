import { findNodeAtLocation, type Node } from 'jsonc-parser';
import templateSchema from '../../../schemas/braze-webhook.schema.json';
import { rangeOf, type TemplateFile } from '../template/template-file';
import type { OffsetRange } from '../types';
import { type JsonSchemaError, checkJsonSchema } from './json-schema';

/** A schema violation at a JSON node. */
export interface SchemaViolation {
  message: string;
  range: OffsetRange;
}

/** Validates the parsed template against the template schema; positions point at the offending node. */
export function validateTemplateSchema(file: TemplateFile): SchemaViolation[] {
  if (!file.root) return [];
  return checkJsonSchema(templateSchema, toPlainValue(file.root)).map((error) => ({ message: describeError(error), range: rangeForError(file.root as Node, error) }));
}

/** The JSON value of a node, keeping the first of duplicate keys out of the way of ajv. */
function toPlainValue(node: Node): unknown {
  switch (node.type) {
    case 'object':
      return Object.fromEntries((node.children ?? []).filter((p) => p.children?.length === 2).map((p) => [String(p.children?.[0].value), toPlainValue(p.children?.[1] as Node)]));
    case 'array':
      return (node.children ?? []).map(toPlainValue);
    default:
      return node.value;
  }
}

function pathOf(error: JsonSchemaError): string[] {
  return error.instancePath.split('/').slice(1).map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

function rangeForError(root: Node, error: JsonSchemaError): OffsetRange {
  const path = pathOf(error);
  const node = findNodeAtLocation(root, path) ?? root;
  if (error.keyword === 'additionalProperties') {
    const extra = String((error.params as { additionalProperty: string }).additionalProperty);
    const property = node.children?.find((p) => p.children?.[0]?.value === extra);
    if (property?.children?.[0]) return rangeOf(property.children[0]);
  }
  if (error.keyword === 'required' && node.type === 'object') return { start: node.offset, end: node.offset + 1 };
  return rangeOf(node);
}

function describeError(error: JsonSchemaError): string {
  const where = error.instancePath ? `"${pathOf(error).join('.')}"` : 'The template';
  switch (error.keyword) {
    case 'required':
      return `${where} is missing the required "${(error.params as { missingProperty: string }).missingProperty}" property.`;
    case 'additionalProperties':
      return `${where} has an unknown property "${(error.params as { additionalProperty: string }).additionalProperty}"; Braze's webhook object has url, request_method, request_headers and body.`;
    case 'enum':
      return `${where} must be one of ${(error.params as { allowedValues: unknown[] }).allowedValues.join(', ')}.`;
    case 'type':
      return `${where} must be ${describeType((error.params as { type: string | string[] }).type)}.`;
    case 'minLength':
      return `${where} must not be empty.`;
    default:
      return `${where} ${error.message ?? 'is invalid'}.`;
  }
}

function describeType(type: string | string[]): string {
  const names: Record<string, string> = { object: 'an object', string: 'a string', array: 'an array', number: 'a number', boolean: 'true or false' };
  return (Array.isArray(type) ? type : [type]).map((t) => names[t] ?? t).join(' or ');
}
