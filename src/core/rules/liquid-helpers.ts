/**
 * Small pure helpers shared by the Liquid rules: scanning Braze Liquid text without tripping on
 * quoted strings, `${…}` references or nested `{{ }}`, and building edits inside JSON strings.
 * Offsets are decoded offsets into a field's text unless a name says otherwise.
 */
import { toJsonStringContent } from '../lint/apply-fixes';
import type { FilterUse, RegionNode, RuleContext } from '../lint/types';
import type { LiquidField } from '../template/template-file';
import type { TextEdit } from '../types';

/** A half-open range of decoded offsets in one field's text. */
export interface Span {
  start: number;
  end: number;
}

/** An edit replacing decoded `[start, end)` of a field with `insert`, escaped for the JSON string. */
export function toFieldEdit(context: Pick<RuleContext, 'toRaw'>, field: LiquidField, start: number, end: number, insert: string): TextEdit {
  const range = context.toRaw(field, start, end);
  return { startIndex: range.start, endIndex: range.end, insert: toJsonStringContent(insert) };
}

/** The regions of one field, in text order. */
export function regionsOf(context: Pick<RuleContext, 'fieldRegions'>, field: LiquidField): readonly RegionNode[] {
  return context.fieldRegions(field);
}

/** True when the region ends with its own closer (`}}` or `%}`). */
export function isClosed(region: RegionNode): boolean {
  return region.text.length >= 4 && region.text.endsWith(region.kind === 'tag' ? '%}' : '}}');
}

/** `[start, end)` without surrounding whitespace. */
export function trimSpan(text: string, start: number, end: number): Span {
  let s = start;
  let e = end;
  while (s < e && /\s/.test(text[s])) s++;
  while (e > s && /\s/.test(text[e - 1])) e--;
  return { start: s, end: e };
}

/** Index after the quoted string opening at `p` (or `end` when it never closes). */
export function skipQuoted(text: string, p: number, end: number): number {
  const close = text.indexOf(text[p], p + 1);
  return close < 0 || close >= end ? end : close + 1;
}

/** Index after the `${…}` reference opening at `p` (or `end` when it never closes). */
export function referenceEnd(text: string, p: number, end: number): number {
  const close = text.indexOf('}', p + 2);
  return close < 0 || close >= end ? end : close + 1;
}

/** Index after the `{{ … }}` opening at `p`, skipping `${…}` and quoted strings. */
export function nestedOutputEnd(text: string, p: number, end: number): number {
  let q = p + 2;
  while (q < end) {
    if (text[q] === "'" || text[q] === '"') q = skipQuoted(text, q, end);
    else if (text.startsWith('${', q)) q = referenceEnd(text, q, end);
    else if (text.startsWith('}}', q)) return q + 2;
    else q++;
  }
  return end;
}

/** Index after the bracket closing the `open` at `p`, with nesting, quotes and references skipped. */
function matchingClose(text: string, p: number, end: number, open: string, close: string): number {
  let depth = 0;
  let q = p;
  while (q < end) {
    const ch = text[q];
    if (ch === "'" || ch === '"') {
      q = skipQuoted(text, q, end);
      continue;
    }
    if (text.startsWith('${', q)) {
      q = referenceEnd(text, q, end);
      continue;
    }
    if (ch === open) depth++;
    else if (ch === close && --depth === 0) return q + 1;
    q++;
  }
  return end;
}

/**
 * Offsets of the characters of `[start, end)` that are at the top level: not inside a quoted
 * string, a `${…}` reference, a nested `{{ }}`, `[ ]` or `( )`.
 */
export function* topLevelPositions(text: string, start: number, end: number): Generator<number> {
  let p = start;
  while (p < end) {
    const ch = text[p];
    if (ch === "'" || ch === '"') p = skipQuoted(text, p, end);
    else if (text.startsWith('${', p)) p = referenceEnd(text, p, end);
    else if (text.startsWith('{{', p)) p = nestedOutputEnd(text, p, end);
    else if (ch === '[') p = matchingClose(text, p, end, '[', ']');
    else if (ch === '(') p = matchingClose(text, p, end, '(', ')');
    else {
      yield p;
      p++;
    }
  }
}

/** Offset of the first top-level filter pipe `|` (never `||`), or -1. */
export function firstPipe(text: string, start: number, end: number): number {
  for (const p of topLevelPositions(text, start, end)) {
    if (text[p] === '|' && text[p + 1] !== '|' && text[p - 1] !== '|') return p;
  }
  return -1;
}

/** Offset where a tag's arguments start (after `{%`, the trim marker and the tag name). */
export function tagArgsStart(region: RegionNode): number {
  const text = region.field.text;
  let p = region.innerStart;
  while (p < region.innerEnd && /\s/.test(text[p])) p++;
  while (p < region.innerEnd && /\w/.test(text[p])) p++;
  return p;
}

/** The value an output prints, before its first filter, trimmed; undefined when empty. */
export function outputOperand(region: RegionNode): Span | undefined {
  if (region.kind !== 'output') return undefined;
  const text = region.field.text;
  const pipe = firstPipe(text, region.innerStart, region.innerEnd);
  const span = trimSpan(text, region.innerStart, pipe < 0 ? region.innerEnd : pipe);
  return span.end > span.start ? span : undefined;
}

const LITERAL = /^(?:(['"])[\s\S]*\1|-?\d[\d.]*|true|false|nil|null|blank|empty|\(.*\))$/;

/**
 * True when an expression depends on the user or the send: an attribute reference or a variable.
 * Literals (strings, numbers, `true`, ranges) and content blocks are not.
 */
export function isPersonalised(expression: string): boolean {
  const trimmed = expression.trim();
  if (trimmed === '' || LITERAL.test(trimmed)) return false;
  return !/^content_blocks\.\$\{/.test(trimmed);
}

/** Offset just after the last non-space character of `[start, end)` (or `start`). */
export function lastNonSpace(text: string, start: number, end: number): number {
  let e = end;
  while (e > start && /\s/.test(text[e - 1])) e--;
  return e;
}

const SINGLE_CURLY = '\u2018\u2019\u201a\u201b';
const DOUBLE_CURLY = '\u201c\u201d\u201e\u201f';

/** A typographic quote where Liquid needs a straight one. */
export interface CurlyQuote {
  index: number;
  char: string;
  straight: "'" | '"';
}

/**
 * Curly quotes used as Liquid string delimiters in `[start, end)`. A curly apostrophe *inside* a
 * straight-quoted string is content, not a delimiter, and is left alone; `${…}` names are skipped.
 */
export function findCurlyQuotes(text: string, start: number, end: number): CurlyQuote[] {
  const found: CurlyQuote[] = [];
  const curlyOf = (ch: string): CurlyQuote['straight'] | undefined => (SINGLE_CURLY.includes(ch) ? "'" : DOUBLE_CURLY.includes(ch) ? '"' : undefined);
  let p = start;
  while (p < end) {
    const ch = text[p];
    if (text.startsWith('${', p)) {
      p = referenceEnd(text, p, end);
      continue;
    }
    if (ch === "'" || ch === '"') {
      const close = text.indexOf(ch, p + 1);
      if (close >= 0 && close < end) {
        p = close + 1;
        continue;
      }
      // Opened straight, closed curly: `'Unknown’`.
      const family = ch === "'" ? SINGLE_CURLY : DOUBLE_CURLY;
      let q = p + 1;
      while (q < end && !family.includes(text[q])) q++;
      if (q < end) found.push({ index: q, char: text[q], straight: ch });
      p = q + 1;
      continue;
    }
    const straight = curlyOf(ch);
    if (!straight) {
      p++;
      continue;
    }
    found.push({ index: p, char: ch, straight });
    const closers = (straight === "'" ? SINGLE_CURLY : DOUBLE_CURLY) + straight;
    let q = p + 1;
    while (q < end && !closers.includes(text[q])) q++;
    if (q < end && text[q] !== straight) found.push({ index: q, char: text[q], straight });
    p = q + 1;
  }
  return found;
}

/** Tags whose arguments are conditions, case values or loop iterables (Braze: no filters there). */
export const CONDITION_TAGS = new Set(['if', 'elsif', 'unless', 'case', 'when', 'for', 'tablerow']);

/** Tags whose arguments are not Liquid expressions (their text is checked by other rules). */
const OPAQUE_TAGS = new Set(['connected_content', 'abort_message', 'comment', 'raw', 'liquid', 'braze_content_block']);

const CONDITION_SEPARATOR = /\s*(?:==|!=|<>|<=|>=|<|>)\s*|\s+(?:contains|and|or)\s+/y;
const WHEN_SEPARATOR = /\s*,\s*|\s+or\s+/y;
const LOOP_IN = /\s+in\s+/y;
const LOOP_PARAMETER = /\s+(?:(?:limit|offset|cols)\s*:|reversed\b)/y;

/** A filter where Braze allows none: in a condition, case value, loop iterable or `[]` index. */
export interface MisplacedFilter {
  kind: 'condition' | 'index';
  /** The expression with its filters, to move into an `assign`. */
  expression: Span;
  /** What a variable would replace (the expression, or the nested `{{ }}` around it). */
  replace: Span;
  /** From the first `|` to the end of the expression: what the problem highlights. */
  chain: Span;
  filters: FilterUse[];
}

/** Every misplaced filter chain of a region (Braze allows filters only in `assign` and output). */
export function findMisplacedFilters(region: RegionNode): MisplacedFilter[] {
  if (region.kind === 'tag' && OPAQUE_TAGS.has(region.name ?? '')) return [];
  const text = region.field.text;
  const found: MisplacedFilter[] = [];
  const add = (kind: MisplacedFilter['kind'], operand: Span) => {
    let expression = operand;
    if (text.startsWith('{{', operand.start) && nestedOutputEnd(text, operand.start, operand.end) === operand.end && text.startsWith('}}', operand.end - 2)) {
      const innerStart = operand.start + (text[operand.start + 2] === '-' ? 3 : 2);
      const innerEnd = operand.end - (text[operand.end - 3] === '-' ? 3 : 2);
      expression = trimSpan(text, innerStart, innerEnd);
    }
    const pipe = firstPipe(text, expression.start, expression.end);
    if (pipe < 0) return;
    const filters = region.filters.filter((f) => f.start > pipe && f.end <= expression.end);
    if (filters.length === 0) return;
    found.push({ kind, expression, replace: operand, chain: { start: pipe, end: expression.end }, filters });
  };
  if (region.kind === 'tag' && CONDITION_TAGS.has(region.name ?? '')) {
    for (const operand of conditionOperands(region)) add('condition', operand);
  }
  for (const span of bracketContents(text, region.innerStart, region.innerEnd)) add('index', trimSpan(text, span.start, span.end));
  return found.sort((a, b) => a.chain.start - b.chain.start);
}

/** The operands of a condition tag that may carry filters. */
function conditionOperands(region: RegionNode): Span[] {
  const text = region.field.text;
  const args = trimSpan(text, tagArgsStart(region), region.innerEnd);
  switch (region.name) {
    case 'case':
      return [args];
    case 'when':
      return splitTopLevel(text, args, WHEN_SEPARATOR);
    case 'for':
    case 'tablerow': {
      const inAt = matchTopLevel(text, args, LOOP_IN);
      if (!inAt) return [];
      const rest = { start: inAt.end, end: args.end };
      const parameter = matchTopLevel(text, rest, LOOP_PARAMETER);
      return [trimSpan(text, rest.start, parameter ? parameter.start : rest.end)];
    }
    default:
      return splitTopLevel(text, args, CONDITION_SEPARATOR);
  }
}

function matchTopLevel(text: string, span: Span, pattern: RegExp): Span | undefined {
  for (const p of topLevelPositions(text, span.start, span.end)) {
    pattern.lastIndex = p;
    const match = pattern.exec(text);
    if (match && match[0].length > 0 && p + match[0].length <= span.end) return { start: p, end: p + match[0].length };
  }
  return undefined;
}

function splitTopLevel(text: string, span: Span, separator: RegExp): Span[] {
  const parts: Span[] = [];
  let partStart = span.start;
  let rest: Span = span;
  for (let match = matchTopLevel(text, rest, separator); match; match = matchTopLevel(text, rest, separator)) {
    parts.push(trimSpan(text, partStart, match.start));
    partStart = match.end;
    rest = { start: match.end, end: span.end };
  }
  parts.push(trimSpan(text, partStart, span.end));
  return parts.filter((part) => part.end > part.start);
}

/** Contents of every `[ … ]` in `[start, end)`, nested ones included; quotes and references skipped. */
function bracketContents(text: string, start: number, end: number): Span[] {
  const spans: Span[] = [];
  const open: number[] = [];
  let p = start;
  while (p < end) {
    const ch = text[p];
    if (ch === "'" || ch === '"') {
      p = skipQuoted(text, p, end);
      continue;
    }
    if (text.startsWith('${', p)) {
      p = referenceEnd(text, p, end);
      continue;
    }
    if (ch === '[') open.push(p + 1);
    else if (ch === ']' && open.length > 0) spans.push({ start: open.pop() as number, end: p });
    p++;
  }
  return spans;
}

const BLOCK_TAGS = new Set(['if', 'unless', 'case', 'for', 'tablerow', 'capture', 'comment', 'raw']);

/** Names of the blocks still open just before `regions[index]`, innermost last. */
export function openBlocksBefore(regions: readonly RegionNode[], index: number): string[] {
  const stack: string[] = [];
  for (let i = 0; i < index; i++) {
    const name = regions[i].kind === 'tag' ? regions[i].name : undefined;
    if (!name) continue;
    if (BLOCK_TAGS.has(name)) stack.push(name);
    else if (name.startsWith('end') && stack[stack.length - 1] === name.slice(3)) stack.pop();
  }
  return stack;
}

/** True when `name` opens a block that an `end<name>` tag closes. */
export function isBlockTag(name: string): boolean {
  return BLOCK_TAGS.has(name);
}

/**
 * The opening tag of the block `regions[index]` belongs to (e.g. the `if` of an `elsif`), or
 * undefined when it is not inside one of `names`.
 */
export function findBlockOpener(regions: readonly RegionNode[], index: number, names: readonly string[]): RegionNode | undefined {
  let depth = 0;
  for (let i = index - 1; i >= 0; i--) {
    const name = regions[i].kind === 'tag' ? regions[i].name : undefined;
    if (!name) continue;
    if (name.startsWith('end') && BLOCK_TAGS.has(name.slice(3))) depth++;
    else if (BLOCK_TAGS.has(name)) {
      if (depth === 0) return names.includes(name) ? regions[i] : undefined;
      depth--;
    }
  }
  return undefined;
}
