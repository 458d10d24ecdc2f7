/**
 * Pure helpers shared by the rendered-request rules (`render-*`): reading the rendered body once
 * per request, finding the template text that produced a body value, and phrasing rendered text
 * safely (secrets redacted, length capped).
 */
import { toJsonStringContent } from '../lint/apply-fixes';
import type { RegionNode, RuleContext } from '../lint/types';
import type { LiquidRegion } from '../liquid/braze-syntax';
import type { CompiledField } from '../liquid/compile';
import { collectSecrets, redactText } from '../request/redact';
import type { RenderedRequest } from '../request/rendered-request';
import { checkFieldValue, type RecordOperation, type ValueIssue } from '../salesforce/field-checks';
import type { SObjectField, SObjectModel } from '../salesforce/model';
import { parseSobjectUrl, type SobjectUrl, writeOperation } from '../salesforce/sobject-url';
import { hasLiquid, toBodyKeys } from '../salesforce/template-request';
import type { LiquidField } from '../template/template-file';
import type { OffsetRange, TextEdit } from '../types';
import { parseJsonTree } from '../util/json-tree';

/** The rendered body read as JSON: absent (no body or only whitespace), a value, or a syntax error. */
export type RenderedBodyJson =
  | { kind: 'none' }
  | { kind: 'json'; value: unknown }
  | { kind: 'invalid'; message: string; offset: number };

const parsedBodies = new WeakMap<RenderedRequest, RenderedBodyJson>();

/** Parses `request.body` as strict JSON once per request (cached with the request). */
export function renderedBodyJson(request: RenderedRequest): RenderedBodyJson {
  let parsed = parsedBodies.get(request);
  if (!parsed) {
    parsed = parseBody(request.body);
    parsedBodies.set(request, parsed);
  }
  return parsed;
}

function parseBody(body: string | null): RenderedBodyJson {
  if (body === null || body.trim() === '') return { kind: 'none' };
  try {
    return { kind: 'json', value: JSON.parse(body) as unknown };
  } catch (error) {
    // JSON.parse decides validity; jsonc-parser (strict mode) says where, with a readable reason.
    const located = parseJsonTree(body).errors[0];
    if (located) {
      const offset = Math.min(located.startIndex, body.length);
      const control = body[offset] === '"' ? controlCharacterInString(body, offset) : undefined;
      // jsonc-parser calls a string with a raw line break "unterminated" at its opening quote;
      // the line break is what to fix, so point there.
      if (control !== undefined) return { kind: 'invalid', message: CONTROL_CHARACTER_MESSAGE, offset: control };
      return { kind: 'invalid', message: located.message, offset };
    }
    const position = /position (\d+)/.exec(String((error as Error).message))?.[1];
    return { kind: 'invalid', message: 'Invalid JSON', offset: position === undefined ? body.length : Number(position) };
  }
}

const CONTROL_CHARACTER_MESSAGE = 'Invalid character in string (control characters must be escaped)';

/** Offset of the first unescaped control character in the string opening at `quote`, if any. */
function controlCharacterInString(text: string, quote: number): number | undefined {
  for (let i = quote + 1; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 92 /* \ */) i++;
    else if (code === 34 /* " */) return undefined;
    else if (code < 0x20) return i;
  }
  return undefined;
}

/** The rendered body's top-level object, when the body is a JSON object. */
export function renderedBodyObject(request: RenderedRequest): Record<string, unknown> | undefined {
  const parsed = renderedBodyJson(request);
  if (parsed.kind !== 'json' || parsed.value === null || typeof parsed.value !== 'object' || Array.isArray(parsed.value)) return undefined;
  return parsed.value as Record<string, unknown>;
}

/** One member of a rendered record body whose value the template's Liquid produced. */
export interface RenderedRecordValue {
  /** The key as sent. */
  key: string;
  /** The value as sent (a string in a key/value body; any JSON in a raw body). */
  value: unknown;
  field: SObjectField;
  model: SObjectModel;
  operation: RecordOperation;
  /** Where the template writes the value. */
  location: BodyValueLocation;
  /** What Salesforce refuses in the value (the shared check, run once for every rule), if anything. */
  issue: ValueIssue | undefined;
}

/**
 * The members of a create/update/upsert body, as rendered for one profile, that name a field of a
 * known sObject and whose value is produced by Liquid. A value written without Liquid is the same
 * for every profile: the static rules check it (`sf-field-value`, `sf-required-fields`), so it is
 * left out here, unless the body is a raw text the static rules cannot read as JSON. Empty when the
 * message aborted, the URL is not an sObject URL with a model, or the body is not a JSON object.
 */
export function renderedRecordValues(context: RuleContext, request: RenderedRequest): RenderedRecordValue[] {
  // Five rules ask for every profile: compute once per request (and schema).
  const cached = recordValuesOf.get(request);
  if (cached?.salesforce === context.salesforce) return cached.values;
  const values = readRecordValues(context, request);
  recordValuesOf.set(request, { salesforce: context.salesforce, values });
  return values;
}

const recordValuesOf = new WeakMap<RenderedRequest, { salesforce: RuleContext['salesforce']; values: RenderedRecordValue[] }>();

function readRecordValues(context: RuleContext, request: RenderedRequest): RenderedRecordValue[] {
  if (request.aborted) return [];
  const url = parseSobjectUrl(request.url);
  const operation = url ? writeOperation(request.method, url) : undefined;
  const model = url && operation ? context.salesforce.sobject(url.sobject.text) : undefined;
  const body = model ? renderedBodyObject(request) : undefined;
  if (!model || !operation || !body) return [];
  const staticallyReadable = toBodyKeys(context.file, context) !== undefined;
  const values: RenderedRecordValue[] = [];
  for (const [key, value] of Object.entries(body)) {
    const field = model.field(key);
    const location = field ? findBodyValue(context, key) : undefined;
    if (!field || !location) continue;
    if (staticallyReadable && !hasLiquid(location.field.text.slice(location.start, location.end))) continue;
    values.push({ key, value, field, model, operation, location, issue: checkFieldValue(model, field, value, operation) });
  }
  return values;
}

/** Value of the last header with this name (case-insensitive), as rendered. */
export function renderedHeader(request: RenderedRequest, name: string): string | undefined {
  const lower = name.toLowerCase();
  let value: string | undefined;
  for (const [key, headerValue] of request.headers) if (key.trim().toLowerCase() === lower) value = headerValue;
  return value;
}

/** `application/json`, `application/json; charset=utf-8`, `application/vnd.x+json`. */
export function isJsonMediaType(contentType: string): boolean {
  return /^\s*[\w.+-]+\/(?:[\w.-]+\+)?json\s*(?:;|$)/i.test(contentType);
}

/** The rendered value of a field, or undefined when it did not render (error or abort before it). */
export function renderedField(request: RenderedRequest, fieldId: string): string | undefined {
  return request.fields.find((f) => f.fieldId === fieldId)?.value;
}

/** The rendered URL as a Salesforce REST sObject URL for Lead; undefined for anything else. */
export function renderedLeadUrl(request: RenderedRequest): SobjectUrl | undefined {
  const parsed = parseSobjectUrl(request.url);
  return parsed && parsed.sobject.text.toLowerCase() === 'lead' ? parsed : undefined;
}

/**
 * What the request does to a Lead: `create` (POST to the collection), `update` (a record Id, or
 * POST with `?_HttpMethod=PATCH`), `upsert` (`…/Lead/Field__c/value`); undefined when the URL is
 * not a Lead sObject URL.
 * https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/dome_sobject_create.htm
 */
export function leadOperation(request: RenderedRequest): 'create' | 'update' | 'upsert' | undefined {
  const url = renderedLeadUrl(request);
  if (!url) return undefined;
  if (url.operation === 'upsert') return 'upsert';
  if (url.operation === 'record') return 'update';
  const patchOverride = /[?&]_HttpMethod=PATCH(?:&|$)/i.test(url.query?.text ?? '');
  return request.method === 'POST' && !patchOverride ? 'create' : undefined;
}

/** Where a top-level body member's value is written in the template. */
export interface BodyValueLocation {
  field: LiquidField;
  /** Decoded offsets of the value inside `field.text`. */
  start: number;
  end: number;
  /** Raw range to highlight: the JSON string token in key/value mode, the value text in raw mode. */
  range: OffsetRange;
  /** The key as written in the template. */
  key: string;
}

/**
 * Finds the template text of the top-level body member `key` (exact key first, then ignoring
 * case, as Salesforce matches field names). Key/value bodies point at the member's value;
 * raw bodies are scanned as JSON with the Liquid regions skipped.
 */
export function findBodyValue(context: RuleContext, key: string): BodyValueLocation | undefined {
  const { file } = context;
  if (file.bodyMode === 'json') {
    const field = file.body.find((f) => f.key === key) ?? file.body.find((f) => f.key?.toLowerCase() === key.toLowerCase());
    if (!field) return undefined;
    return { field, start: 0, end: field.text.length, range: field.valueRange, key: field.key ?? key };
  }
  if (file.bodyMode !== 'raw') return undefined;
  const compiled = compiledField(context, 'body');
  if (!compiled) return undefined;
  const members = scanRawJsonTemplate(compiled.field.text, compiled.rewrite.regions).members;
  const member = members.find((m) => m.key === key) ?? members.find((m) => m.key.toLowerCase() === key.toLowerCase());
  if (!member) return undefined;
  const range = context.toRaw(compiled.field, member.valueStart, member.valueEnd);
  return { field: compiled.field, start: member.valueStart, end: member.valueEnd, range, key: member.key };
}

/** The compiled field with this id. */
export function compiledField(context: RuleContext, fieldId: string): CompiledField | undefined {
  return context.compiled.fields.find((f) => f.field.id === fieldId);
}

/** A top-level member of a raw JSON body template (decoded offsets). */
export interface RawJsonMember {
  key: string;
  keyStart: number;
  keyEnd: number;
  valueStart: number;
  valueEnd: number;
}

/** What a Liquid-aware scan of a raw JSON body template finds. */
export interface RawJsonScan {
  members: RawJsonMember[];
  /** Output regions (`{{ }}`) written inside a JSON string literal. */
  outputsInStrings: LiquidRegion[];
}

/**
 * Scans a raw-text body template as JSON, treating every Liquid region as opaque (a `"` inside
 * `{{ x | default: "a" }}` does not end a string). Best effort: never throws.
 */
export function scanRawJsonTemplate(text: string, regions: readonly LiquidRegion[]): RawJsonScan {
  const regionAt = new Map(regions.map((r) => [r.start, r]));
  const members: RawJsonMember[] = [];
  const outputsInStrings: LiquidRegion[] = [];
  let depth = 0;
  let pendingKey: { key: string; keyStart: number; keyEnd: number } | undefined;
  let expectValue: { key: string; keyStart: number; keyEnd: number } | undefined;
  let lastString: { start: number; end: number } | undefined;
  /** The member whose value is being read; `tokenEnd` is the end of its last JSON token or output. */
  let valueOpen: { member: RawJsonMember; depth: number; tokenEnd: number } | undefined;
  const closeValue = () => {
    if (!valueOpen) return;
    valueOpen.member.valueEnd = valueOpen.tokenEnd;
    members.push(valueOpen.member);
    valueOpen = undefined;
  };
  const markEnd = (end: number) => {
    if (valueOpen) valueOpen.tokenEnd = end;
  };
  let i = 0;
  while (i < text.length) {
    const region = regionAt.get(i);
    if (region) {
      if (expectValue) startValue(i);
      // A tag after the value (`{% endif %}`) is not part of it; an output is.
      if (region.kind === 'output') markEnd(region.end);
      i = region.end;
      continue;
    }
    const ch = text[i];
    if (/\s/.test(ch)) {
      i++;
      continue;
    }
    if (expectValue) startValue(i);
    if (ch === '"') {
      const end = scanString(i);
      lastString = { start: i, end };
      if (depth === 1 && !valueOpen) {
        pendingKey = { key: decodeKey(text.slice(i, end)), keyStart: i, keyEnd: end };
      }
      markEnd(end);
      i = end;
      continue;
    }
    if (ch === ':' && pendingKey && lastString?.start === pendingKey.keyStart) {
      expectValue = pendingKey;
      pendingKey = undefined;
      i++;
      continue;
    }
    pendingKey = undefined;
    const closesValue = valueOpen !== undefined && depth === valueOpen.depth && (ch === ',' || ch === '}' || ch === ']');
    if (closesValue) closeValue();
    else markEnd(i + 1);
    if (ch === '{' || ch === '[') depth++;
    if (ch === '}' || ch === ']') depth--;
    i++;
  }
  closeValue();
  return { members, outputsInStrings };

  function startValue(at: number): void {
    if (!expectValue) return;
    valueOpen = { member: { ...expectValue, valueStart: at, valueEnd: at }, depth, tokenEnd: at };
    expectValue = undefined;
  }

  /** End (exclusive) of the JSON string opening at `start`, skipping Liquid regions inside it. */
  function scanString(start: number): number {
    let p = start + 1;
    while (p < text.length) {
      const inner = regionAt.get(p);
      if (inner) {
        if (inner.kind === 'output') outputsInStrings.push(inner);
        p = inner.end;
        continue;
      }
      if (text[p] === '\\') {
        p += 2;
        continue;
      }
      if (text[p] === '"') return p + 1;
      p++;
    }
    return text.length;
  }
}

function decodeKey(token: string): string {
  try {
    return String(JSON.parse(token));
  } catch {
    return token.slice(1, -1);
  }
}

/** The output regions (`{{ }}`) of a field that lie inside a decoded range, in order. */
export function outputsWithin(context: RuleContext, field: LiquidField, start: number, end: number): RegionNode[] {
  return context.fieldRegions(field).filter((r) => r.kind === 'output' && r.start >= start && r.end <= end);
}

/**
 * An edit that appends `filterText` (e.g. ` | json_escape`) to an output, right after its last
 * non-blank character before `}}`, JSON-escaped for the string it sits in.
 */
export function appendToOutput(context: RuleContext, region: RegionNode, filterText: string): TextEdit {
  let at = region.innerEnd;
  while (at > region.innerStart && /\s/.test(region.field.text[at - 1])) at--;
  const raw = context.toRaw(region.field, at, at);
  return { startIndex: raw.start, endIndex: raw.start, insert: toJsonStringContent(filterText) };
}

/** 1-based line and column of an offset in a text (lines end at `\n`). */
export function toLineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text[i] === '\n') {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

/** How a character reads in a message: `"x"`, `a line break`, `the end of the body`. */
export function describeCharacter(text: string, offset: number): string {
  if (offset >= text.length) return 'the end of the body';
  const ch = String.fromCodePoint(text.codePointAt(offset) ?? 0);
  if (ch === '\n' || ch === '\r') return 'a line break';
  if (ch === '\t') return 'a tab';
  const code = ch.charCodeAt(0);
  if (code < 0x20 || code === 0x7f) return `the control character U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
  return JSON.stringify(ch);
}

const secretsOf = new WeakMap<RenderedRequest, string[]>();

/**
 * Makes rendered text safe to quote in a message: every secret of the request (client secrets,
 * tokens, credentials) is replaced by `<redacted>`, and long text is cut to `max` characters.
 */
export function quoteRendered(request: RenderedRequest, text: string, max = 120): string {
  let secrets = secretsOf.get(request);
  if (!secrets) {
    secrets = collectSecrets(request);
    secretsOf.set(request, secrets);
  }
  const safe = redactText(text, secrets);
  const chars = [...safe];
  return chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : safe;
}
