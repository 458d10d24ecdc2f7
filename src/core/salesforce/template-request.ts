/**
 * What the Salesforce rules read from a template (not from a rendered request): the sObject request
 * its URL and method make, the body's keys and literal values with their positions, and the
 * model's answers about them. Shared by the `sf-*` rules; they never keep their own field lists.
 */
import type { Node } from 'jsonc-parser';
import { toJsonStringContent } from '../lint/apply-fixes';
import type { RegionNode, RuleContext } from '../lint/types';
import { closestName } from '../profile/did-you-mean';
import { type LiquidField, type TemplateFile, rangeOf } from '../template/template-file';
import type { OffsetRange, TextEdit } from '../types';
import { toJsonValue } from '../util/file-problem';
import { parseJsonTree } from '../util/json-tree';
import { foldLabel, type SObjectField, type SObjectModel } from './model';
import { parseSobjectUrl, type SobjectUrl, type UrlPart } from './sobject-url';

/** Braze's webhook object sends POST when `request_method` is absent. */
const DEFAULT_METHOD = 'POST';

/**
 * What a Salesforce REST sObject request does, read from the template's URL and method:
 * `create` = POST to the collection (or to `…/<sObject>/Id`, API 37.0+), `update` = PATCH to
 * `…/<sObject>/<Id>`, `upsert` = PATCH to `…/<sObject>/<ExtIdField>/<value>`.
 * https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/dome_sobject_create.htm
 * https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/dome_update_fields.htm
 * https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/dome_upsert.htm
 */
export type SobjectOperation = 'create' | 'update' | 'upsert';

/** A template whose webhook URL is a Salesforce REST sObject URL. */
export interface SobjectRequest {
  url: LiquidField;
  parsed: SobjectUrl;
  /** The sObject segment as written (`Lead`, `lead`, `Contact`…). */
  sobject: string;
  /** True when the sObject is `Lead` in any case. */
  isLead: boolean;
  /** What the product knows of the sObject (built-in or the org's describe); undefined when nothing. */
  model: SObjectModel | undefined;
  /** The method as written, upper-cased; POST when `request_method` is absent. */
  method: string;
  /** Raw range of the `request_method` value token (quotes included), when present. */
  methodRange?: OffsetRange;
  /**
   * The method Salesforce applies: `POST …?_HttpMethod=PATCH` is treated as a PATCH.
   * https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/dome_update_fields.htm
   */
  effectiveMethod: string;
  /** True when the URL carries `_HttpMethod=…` on a POST. */
  methodOverridden: boolean;
  operation: SobjectOperation | undefined;
}

/**
 * The Salesforce sObject request of a template, or undefined when the URL is not a REST sObject
 * URL or the file is not valid JSON (json-syntax reports that; fixes on a broken file are unsafe).
 */
export function toSobjectRequest(file: TemplateFile, context?: Pick<RuleContext, 'salesforce'>): SobjectRequest | undefined {
  // Each Salesforce rule asks; answer once per file and schema.
  const schema = context?.salesforce ?? NO_SCHEMA;
  let bySchema = requestsOf.get(file);
  if (!bySchema) requestsOf.set(file, (bySchema = new WeakMap()));
  if (!bySchema.has(schema)) bySchema.set(schema, readSobjectRequest(file, context));
  return bySchema.get(schema);
}

/** The cache key of a request read without a schema. */
const NO_SCHEMA = {};
const requestsOf = new WeakMap<TemplateFile, WeakMap<object, SobjectRequest | undefined>>();

function readSobjectRequest(file: TemplateFile, context?: Pick<RuleContext, 'salesforce'>): SobjectRequest | undefined {
  if (file.syntaxErrors.length > 0 || !file.url) return undefined;
  const parsed = parseSobjectUrl(file.url.text);
  if (!parsed) return undefined;
  const method = (file.method?.value ?? DEFAULT_METHOD).trim().toUpperCase();
  const override = /[?&]_HttpMethod=([A-Za-z]+)/i.exec(parsed.query?.text ?? '')?.[1]?.toUpperCase();
  const methodOverridden = method === 'POST' && override !== undefined;
  const effectiveMethod = methodOverridden ? (override as string) : method;
  const request: SobjectRequest = {
    url: file.url,
    parsed,
    sobject: parsed.sobject.text,
    isLead: parsed.sobject.text.toLowerCase() === 'lead',
    model: hasLiquid(parsed.sobject.text) ? undefined : context?.salesforce.sobject(parsed.sobject.text),
    method,
    methodRange: file.method?.range,
    effectiveMethod,
    methodOverridden,
    operation: undefined,
  };
  request.operation = toOperation(request);
  return request;
}

function toOperation(request: SobjectRequest): SobjectOperation | undefined {
  const { parsed, effectiveMethod } = request;
  if (effectiveMethod === 'POST') {
    if (parsed.operation === 'collection' || isIdCreateSegment(request)) return 'create';
    return undefined;
  }
  if (effectiveMethod === 'PATCH') {
    if (parsed.operation === 'record') return 'update';
    if (parsed.operation === 'upsert') return 'upsert';
  }
  return undefined;
}

/**
 * `POST …/sobjects/<sObject>/Id` creates a record from API 37.0 on ("Id" as the external-Id field
 * with a null value).
 * https://developer.salesforce.com/docs/platform/api-rest/guide/resources-sobject-upsert-post.html
 */
export function isIdCreateSegment(request: SobjectRequest): boolean {
  const { parsed } = request;
  if (parsed.operation !== 'record' || parsed.recordSegment?.text.toLowerCase() !== 'id') return false;
  const version = parseApiVersion(parsed.apiVersion.text);
  return version.kind !== 'valid' || version.major >= 37;
}

/** A template that writes a record of an sObject the product has a model of. */
export interface RecordWrite {
  request: SobjectRequest;
  model: SObjectModel;
  operation: SobjectOperation;
}

/** The record write a template makes (create, update, upsert of a modelled sObject), or undefined. */
export function toRecordWrite(file: TemplateFile, context: Pick<RuleContext, 'salesforce'>): RecordWrite | undefined {
  const request = toSobjectRequest(file, context);
  if (!request?.model || !request.operation || !sendsRecordData(request)) return undefined;
  return { request, model: request.model, operation: request.operation };
}

/** True when Salesforce reads the body as record data: a POST (create) or a PATCH (update/upsert). */
export function sendsRecordData(request: SobjectRequest): boolean {
  return request.effectiveMethod === 'POST' || request.effectiveMethod === 'PATCH';
}

/**
 * The field a body key names, ignoring case as Salesforce does; a key with surrounding spaces
 * names no field (`" Email"` is not `Email`).
 */
export function fieldOfKey(model: SObjectModel, key: string): SObjectField | undefined {
  return model.field(key);
}

/** Raw-file range of a part of the parsed URL. */
export function urlPartRange(context: RuleContext, request: SobjectRequest, part: { start: number; end: number }): OffsetRange {
  return context.toRaw(request.url, part.start, part.end);
}

/** True when a URL part holds Liquid (its value is only known at send time). */
export function hasLiquid(text: string): boolean {
  return text.includes('{{') || text.includes('{%');
}

/** The version segment of `/services/data/<segment>/`, classified. */
export type ApiVersion =
  | { kind: 'valid'; major: number }
  | { kind: 'liquid' }
  /** `canonical` is the obvious intended spelling (`v60` → `v60.0`), when there is one. */
  | { kind: 'malformed'; canonical?: string; guess?: string };

/**
 * Salesforce only serves `vNN.0`; `v60`, `60.0` or `v60.1` answer 404 NOT_FOUND.
 * https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/dome_versions.htm
 */
export function parseApiVersion(segment: string): ApiVersion {
  if (hasLiquid(segment)) return { kind: 'liquid' };
  const valid = /^v([1-9]\d*)\.0$/.exec(segment);
  if (valid) return { kind: 'valid', major: Number(valid[1]) };
  const obvious = /^[vV]?0*([1-9]\d*)(?:\.0+)?$/.exec(segment);
  if (obvious) return { kind: 'malformed', canonical: `v${obvious[1]}.0` };
  const minor = /^[vV]?0*([1-9]\d*)\.\d+$/.exec(segment);
  if (minor) return { kind: 'malformed', guess: `v${minor[1]}.0` };
  return { kind: 'malformed' };
}

/** One key of the request body, from a JSON key/value body or a raw body that is a JSON object. */
export interface BodyKey {
  key: string;
  /** Raw range of the key token, quotes included (escaped quotes in a raw body). */
  range: OffsetRange;
  /** True when the key holds Liquid: its name is only known at send time. */
  dynamic: boolean;
  /**
   * The value as written. `literal` when it holds no Liquid: then `json` is what Salesforce gets
   * for every profile (a string in a key/value body; any JSON value in a raw body).
   */
  value: { literal: boolean; json: unknown; range: OffsetRange };
  /** Edits that rename the key. */
  rename(name: string): TextEdit[];
  /** Edits that remove the whole member, commas included. */
  remove(): TextEdit[];
}

/** The body's keys and where to point at the body as a whole. */
export interface BodyKeys {
  /** `json` = Braze's JSON key/value pairs; `raw` = a raw-text body that parses as a JSON object. */
  source: 'json' | 'raw';
  keys: BodyKey[];
  /** Raw range of the top-level `"body"` key, quotes included. */
  bodyKeyRange: OffsetRange;
}

/**
 * The body's keys, or undefined when there is no body or a raw-text body is not a JSON object
 * as written (Liquid outside string values, form encoding, …): then nothing is known about them.
 */
export function toBodyKeys(file: TemplateFile, context: Pick<RuleContext, 'toRaw'>): BodyKeys | undefined {
  // Every Salesforce rule reads the keys: build them once per file (the linter's `toRaw` is the
  // same pure mapping for every rule).
  if (!bodyKeysOf.has(file)) bodyKeysOf.set(file, readBodyKeys(file, context));
  return bodyKeysOf.get(file);
}

const bodyKeysOf = new WeakMap<TemplateFile, BodyKeys | undefined>();

function readBodyKeys(file: TemplateFile, context: Pick<RuleContext, 'toRaw'>): BodyKeys | undefined {
  const member = file.members.find((m) => m.key === 'body');
  if (!member) return undefined;
  if (file.bodyMode === 'json' && member.valueNode.type === 'object') {
    return { source: 'json', bodyKeyRange: member.keyRange, keys: toKeys(member.valueNode, (start, end) => ({ start, end }), (text) => JSON.stringify(text)) };
  }
  if (file.bodyMode === 'raw' && file.body[0]) {
    const field = file.body[0];
    const { root, errors } = parseJsonTree(field.text);
    if (errors.length > 0 || root?.type !== 'object') return undefined;
    const toRaw = (start: number, end: number) => context.toRaw(field, start, end);
    return { source: 'raw', bodyKeyRange: member.keyRange, keys: toKeys(root, toRaw, (text) => toJsonStringContent(JSON.stringify(text))) };
  }
  return undefined;
}

/**
 * Keys of a JSON object node whose offsets are mapped by `toRaw`; `encode` turns a key name into
 * the text to write at its place (a JSON string, escaped again inside a raw body).
 */
function toKeys(object: Node, toRaw: (start: number, end: number) => OffsetRange, encode: (text: string) => string): BodyKey[] {
  const properties = (object.children ?? []).filter((p) => p.children?.[0]?.type === 'string' && p.children[1]);
  return properties.map((property, index) => {
    const keyNode = property.children?.[0] as Node;
    const valueNode = property.children?.[1] as Node;
    const key = String(keyNode.value);
    const keyRange = rangeOf(keyNode);
    const range = toRaw(keyRange.start, keyRange.end);
    const valueRange = rangeOf(valueNode);
    const json = toJsonValue(valueNode);
    return {
      key,
      range,
      dynamic: hasLiquid(key),
      value: { literal: !containsLiquid(json), json, range: toRaw(valueRange.start, valueRange.end) },
      rename: (name) => [{ startIndex: range.start, endIndex: range.end, insert: encode(name) }],
      remove: () => {
        const span = memberRemovalSpan(object, properties, index);
        const raw = toRaw(span.start, span.end);
        return [{ startIndex: raw.start, endIndex: raw.end, insert: '' }];
      },
    };
  });
}

/**
 * What to delete to drop one member and keep the object valid: up to the next member (its comma
 * and line break go too), from the previous member's end for the last one, or everything between
 * the braces for the only one.
 */
function memberRemovalSpan(object: Node, properties: Node[], index: number): OffsetRange {
  const own = rangeOf(properties[index]);
  if (properties.length === 1) return { start: object.offset + 1, end: object.offset + object.length - 1 };
  if (index < properties.length - 1) return { start: own.start, end: properties[index + 1].offset };
  return { start: rangeOf(properties[index - 1]).end, end: own.end };
}

/** True when a JSON value holds Liquid in any string (keys included). */
function containsLiquid(value: unknown): boolean {
  if (typeof value === 'string') return hasLiquid(value);
  if (Array.isArray(value)) return value.some(containsLiquid);
  if (value !== null && typeof value === 'object') return Object.entries(value).some(([k, v]) => hasLiquid(k) || containsLiquid(v));
  return false;
}

/** True when another key of the body already is `name` (Salesforce compares names ignoring case). */
export function isKeyTaken(keys: readonly BodyKey[], name: string, except?: BodyKey): boolean {
  return keys.some((k) => k !== except && k.key.toLowerCase() === name.toLowerCase());
}

/** A field a body can set on some operation: the others fail anyway, so they are never suggested. */
function isWritable(field: SObjectField): boolean {
  return field.createable || field.updateable;
}

/**
 * Writable fields whose API name or English/Spanish label equals `key` once case, accents,
 * spaces and punctuation are folded (`correo electrónico` → Email, `first_name` → FirstName).
 * More than one entry means the label is ambiguous (`Estado` is State and Status).
 */
export function writableFieldsLabelled(model: SObjectModel, key: string): SObjectField[] {
  return foldLabel(key) === '' ? [] : model.fieldsLabelled(key).filter(isWritable);
}

const writableLabelsOf = new WeakMap<SObjectModel, string[]>();

/** The writable field whose API name or label is a plausible typo of `key` (did-you-mean). */
export function closestWritableField(model: SObjectModel, key: string): SObjectField | undefined {
  const folded = foldLabel(key);
  if (folded === '') return undefined;
  let candidates = writableLabelsOf.get(model);
  if (!candidates) writableLabelsOf.set(model, (candidates = model.foldedLabels().filter((label) => model.fieldsLabelled(label).some(isWritable))));
  const match = closestName(folded, candidates);
  return match === undefined ? undefined : model.fieldsLabelled(match).find(isWritable);
}

/** A Liquid output inside a URL part, reduced to what a blank check needs. */
export interface PartOutput {
  region: RegionNode;
  /** The expression before the first filter, e.g. `${user_id}` or `lead_id`. */
  subject: string;
  /** True for a quoted literal (`'00Q…'`): never blank. */
  literal: boolean;
  /** The `| default:` argument as written, when there is one. */
  defaultArg?: string;
}

/** Regions of the URL field that lie inside `part`. */
export function regionsIn(context: RuleContext, request: SobjectRequest, part: UrlPart): RegionNode[] {
  return context.regions().filter((r) => r.field === request.url && r.start >= part.start && r.end <= part.end);
}

/** Splits an output region into its subject and `default` argument. */
export function toPartOutput(region: RegionNode): PartOutput {
  const text = region.field.text;
  const inner = text.slice(region.innerStart, region.innerEnd);
  const pipe = firstPipe(inner);
  const subject = (pipe < 0 ? inner : inner.slice(0, pipe)).trim();
  const defaultUse = region.filters.find((f) => f.name === 'default');
  let defaultArg: string | undefined;
  if (defaultUse) {
    const after = text.slice(defaultUse.end, region.innerEnd);
    const arg = /^\s*:\s*('[^']*'|"[^"]*"|[^|\s]+)/.exec(after);
    defaultArg = arg ? arg[1] : '';
  }
  return { region, subject, literal: /^('[^']+'|"[^"]+"|\d+)$/.test(subject), defaultArg };
}

function firstPipe(text: string): number {
  let quote: string | undefined;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quote) {
      if (ch === quote) quote = undefined;
    } else if (ch === "'" || ch === '"') {
      quote = ch;
    } else if (ch === '|') {
      return i;
    }
  }
  return -1;
}
