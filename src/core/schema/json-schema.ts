/**
 * A JSON Schema (draft-07) check for the few keywords the product's own schemas use, reading the
 * schema as data: `schemas/*.json` stay the single copy (VS Code reads the same files for
 * `jsonValidation`) and the bundles carry this reader instead of generated code (ADR 020).
 * It reports what ajv reports with `allErrors` — same errors, same order, same messages — which
 * src/core/schema/json-schema.test.ts checks against ajv itself. A keyword outside this set is
 * ignored here; the same test fails when a schema starts using one.
 */

/** The keywords checked. Annotations (title, description, editor hints) are never checked. */
export const CHECKED_KEYWORDS = ['type', 'enum', 'anyOf', 'minLength', 'maxLength', 'minItems', 'maxItems', 'items', 'required', 'additionalProperties', 'properties'] as const;

/** A schema violation as ajv describes it (without `schemaPath`). */
export interface JsonSchemaError {
  /** JSON Pointer of the offending value (`/body/FirstName`); empty for the root. */
  instancePath: string;
  keyword: string;
  params: Record<string, unknown>;
  message: string;
}

type Schema = Record<string, unknown>;

/** Every violation of `schema` by `value`, in ajv's order; empty when the value conforms. */
export function checkJsonSchema(schema: object, value: unknown): JsonSchemaError[] {
  const errors: JsonSchemaError[] = [];
  check(schema as Schema, value, '', errors);
  return errors;
}

const IS_TYPE: Record<string, (value: unknown) => boolean> = {
  object: (v) => typeof v === 'object' && v !== null && !Array.isArray(v),
  array: (v) => Array.isArray(v),
  string: (v) => typeof v === 'string',
  number: (v) => typeof v === 'number' && Number.isFinite(v),
  integer: (v) => typeof v === 'number' && Number.isInteger(v),
  boolean: (v) => typeof v === 'boolean',
  null: (v) => v === null,
};

/** The keywords that apply to one type only, grouped as ajv evaluates them. */
const TYPE_KEYWORDS: Record<string, readonly string[]> = {
  string: ['maxLength', 'minLength'],
  array: ['maxItems', 'minItems', 'items'],
  object: ['required', 'additionalProperties', 'properties'],
};

/**
 * ajv's order: a type check first unless the schema has one type with keywords of that type (then
 * the type error comes in place of those keywords); the keywords of any type (enum, anyOf); then
 * string, array and object keywords, each only for a value of that type.
 */
function check(schema: Schema, value: unknown, path: string, errors: JsonSchemaError[]): void {
  const types = schema.type === undefined ? [] : Array.isArray(schema.type) ? (schema.type as string[]) : [schema.type as string];
  const typeInGroup = types.length === 1 && (TYPE_KEYWORDS[types[0]] ?? []).some((k) => k in schema);
  if (types.length > 0 && !typeInGroup && !types.some((t) => IS_TYPE[t]?.(value))) errors.push(typeError(schema, path));
  if (Array.isArray(schema.enum) && !schema.enum.some((allowed) => allowed === value)) {
    errors.push({ instancePath: path, keyword: 'enum', params: { allowedValues: schema.enum }, message: 'must be equal to one of the allowed values' });
  }
  if (Array.isArray(schema.anyOf)) checkAnyOf(schema.anyOf as Schema[], value, path, errors);
  for (const type of ['string', 'array', 'object']) {
    if (!TYPE_KEYWORDS[type].some((k) => k in schema)) continue;
    if (IS_TYPE[type](value)) checkOfType(type, schema, value, path, errors);
    else if (typeInGroup && types[0] === type) errors.push(typeError(schema, path));
  }
}

function typeError(schema: Schema, path: string): JsonSchemaError {
  return { instancePath: path, keyword: 'type', params: { type: schema.type }, message: `must be ${String(schema.type)}` };
}

/** The branches in order until one holds; their errors are kept only when none does. */
function checkAnyOf(branches: Schema[], value: unknown, path: string, errors: JsonSchemaError[]): void {
  const before = errors.length;
  for (const branch of branches) {
    const branchStart = errors.length;
    check(branch, value, path, errors);
    if (errors.length === branchStart) {
      errors.length = before;
      return;
    }
  }
  errors.push({ instancePath: path, keyword: 'anyOf', params: {}, message: 'must match a schema in anyOf' });
}

/** The string, array or object keywords, for a value of that type. */
function checkOfType(type: string, schema: Schema, value: unknown, path: string, errors: JsonSchemaError[]): void {
  if (type === 'string') checkString(schema, value as string, path, errors);
  else if (type === 'array') checkArray(schema, value as unknown[], path, errors);
  else checkObject(schema, value as Record<string, unknown>, path, errors);
}

function checkString(schema: Schema, value: string, path: string, errors: JsonSchemaError[]): void {
  // ajv counts Unicode code points, not UTF-16 units.
  const length = [...value].length;
  if (typeof schema.maxLength === 'number' && length > schema.maxLength) errors.push(limit(path, 'maxLength', schema.maxLength, `must NOT have more than ${schema.maxLength} characters`));
  if (typeof schema.minLength === 'number' && length < schema.minLength) errors.push(limit(path, 'minLength', schema.minLength, `must NOT have fewer than ${schema.minLength} characters`));
}

function checkArray(schema: Schema, value: unknown[], path: string, errors: JsonSchemaError[]): void {
  if (typeof schema.maxItems === 'number' && value.length > schema.maxItems) errors.push(limit(path, 'maxItems', schema.maxItems, `must NOT have more than ${schema.maxItems} items`));
  if (typeof schema.minItems === 'number' && value.length < schema.minItems) errors.push(limit(path, 'minItems', schema.minItems, `must NOT have fewer than ${schema.minItems} items`));
  if (Array.isArray(schema.items)) {
    const tuple = schema.items as Schema[];
    for (let i = 0; i < Math.min(value.length, tuple.length); i++) check(tuple[i], value[i], `${path}/${i}`, errors);
  } else if (isSchema(schema.items)) {
    for (let i = 0; i < value.length; i++) check(schema.items, value[i], `${path}/${i}`, errors);
  }
}

function checkObject(schema: Schema, value: Record<string, unknown>, path: string, errors: JsonSchemaError[]): void {
  for (const name of Array.isArray(schema.required) ? (schema.required as string[]) : []) {
    if (value[name] === undefined) errors.push({ instancePath: path, keyword: 'required', params: { missingProperty: name }, message: `must have required property '${name}'` });
  }
  const properties = isSchema(schema.properties) ? (schema.properties as Record<string, Schema>) : {};
  const additional = schema.additionalProperties;
  if (additional !== undefined && additional !== true) {
    for (const key in value) {
      if (Object.hasOwn(properties, key)) continue;
      if (additional === false) errors.push({ instancePath: path, keyword: 'additionalProperties', params: { additionalProperty: key }, message: 'must NOT have additional properties' });
      else if (isSchema(additional)) check(additional, value[key], `${path}/${pointerToken(key)}`, errors);
    }
  }
  for (const [name, sub] of Object.entries(properties)) {
    if (value[name] !== undefined) check(sub, value[name], `${path}/${pointerToken(name)}`, errors);
  }
}

function limit(path: string, keyword: string, bound: number, message: string): JsonSchemaError {
  return { instancePath: path, keyword, params: { limit: bound }, message };
}

function isSchema(value: unknown): value is Schema {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** RFC 6901: `~` and `/` escaped in a pointer segment. */
function pointerToken(key: string): string {
  return key.replace(/~/g, '~0').replace(/\//g, '~1');
}
