import type { Liquid, Template } from 'liquidjs';
import type { LiquidField, TemplateFile } from '../template/template-file';
import type { OffsetRange } from '../types';
import { type BrazeRewrite, rewriteBrazeSyntax, toOriginalRange } from './braze-syntax';
import { sharedBrazeEngine } from './create-braze-engine';
import { MAX_FIELD_CHARS } from './field-limit';
import { PositionedError } from './positioned-error';

/** A Liquid error with a raw-file range. */
export interface LiquidErrorInfo {
  message: string;
  startIndex: number;
  endIndex: number;
}

/** One field, rewritten from Braze syntax and parsed by liquidjs (once). */
export interface CompiledField {
  field: LiquidField;
  rewrite: BrazeRewrite;
  /** Parsed templates; absent when parsing failed. */
  templates?: Template[];
  parseError?: LiquidErrorInfo;
}

export interface CompiledTemplate {
  file: TemplateFile;
  fields: CompiledField[];
}

const compiled = new WeakMap<TemplateFile, CompiledTemplate>();

/** Compiles every Liquid field of a template; cached per parsed file, so lint and render share it. */
export function compileTemplate(file: TemplateFile, engine: Liquid = sharedBrazeEngine()): CompiledTemplate {
  const cached = compiled.get(file);
  if (cached) return cached;
  const result = { file, fields: file.fields.map((field) => compileField(field, engine)) };
  compiled.set(file, result);
  return result;
}

export { MAX_FIELD_CHARS } from './field-limit';

/** Rewrites and parses one field; a parse failure becomes `parseError`, never an exception. */
export function compileField(field: LiquidField, engine: Liquid = sharedBrazeEngine()): CompiledField {
  if (field.text.length > MAX_FIELD_CHARS) {
    const rewrite = { source: '', toOriginal: new Uint32Array(1), references: [], regions: [] };
    const message = `this value is ${field.text.length.toLocaleString('en-US')} characters; values over ${MAX_FIELD_CHARS.toLocaleString('en-US')} are not checked or rendered`;
    return { field, rewrite, parseError: { message, startIndex: field.valueRange.start, endIndex: field.valueRange.start + 1 } };
  }
  const rewrite = rewriteBrazeSyntax(field.text);
  try {
    return { field, rewrite, templates: engine.parse(rewrite.source) };
  } catch (error) {
    return { field, rewrite, parseError: toErrorInfo({ field, rewrite }, error) };
  }
}

/** Raw-file range of a range in a field's liquidjs source. */
export function sourceRangeToRaw(compiledField: Pick<CompiledField, 'field' | 'rewrite'>, start: number, end: number): OffsetRange {
  const original = toOriginalRange(compiledField.rewrite, start, end);
  return decodedRangeToRaw(compiledField.field, original.start, original.end);
}

/** Raw-file range of a range in a field's decoded text. */
export function decodedRangeToRaw(field: LiquidField, start: number, end: number): OffsetRange {
  const { map } = field.decoded;
  const clamp = (n: number) => Math.max(0, Math.min(map.length - 1, n));
  return { start: map[clamp(start)], end: Math.max(map[clamp(end)], map[clamp(start)]) };
}

interface ErrorWithToken {
  message?: string;
  token?: { begin: number; end: number };
  originalError?: unknown;
}

/** Turns a liquidjs (or our own) error into a message and a raw-file range. */
export function toErrorInfo(compiledField: Pick<CompiledField, 'field' | 'rewrite'>, error: unknown): LiquidErrorInfo {
  const err = (error ?? {}) as ErrorWithToken;
  const inner = innermostError(error);
  let range: OffsetRange;
  if (inner instanceof PositionedError) {
    range = sourceRangeToRaw(compiledField, inner.start, inner.end);
  } else if (err.token) {
    const narrowed = narrowToFilterName(compiledField.rewrite.source, err.token, inner);
    range = sourceRangeToRaw(compiledField, narrowed.begin, narrowed.end);
  } else {
    range = compiledField.field.valueRange;
  }
  return { message: cleanMessage(inner), startIndex: range.start, endIndex: range.end };
}

/** liquidjs wraps errors from tags and filters; the innermost one has the useful message. */
export function innermostError(error: unknown): unknown {
  let current = error;
  for (let depth = 0; depth < 10; depth++) {
    const inner = (current as ErrorWithToken | undefined)?.originalError;
    if (!inner || inner === current) break;
    current = inner;
  }
  return current;
}

function cleanMessage(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.replace(/, line:\d+, col:\d+$/, '').replace(/\s+/g, ' ').trim();
}

/** For "undefined filter: x", point at the filter name rather than the whole output. */
function narrowToFilterName(source: string, token: { begin: number; end: number }, error: unknown): { begin: number; end: number } {
  const named = /undefined filter: ([\w-]+)|filter "([\w-]+)" is not supported/.exec(cleanMessage(error));
  const name = named?.[1] ?? named?.[2];
  if (!name) return token;
  const slice = source.slice(token.begin, token.end);
  const match = new RegExp(`\\|\\s*(${name})\\b`).exec(slice);
  if (!match) return token;
  const begin = token.begin + match.index + match[0].length - name.length;
  return { begin, end: begin + name.length };
}
