/**
 * Braze's Liquid dialect, rewritten into text liquidjs understands, with a map back.
 *
 * Braze wraps attribute references in `${…}` (names may hold spaces, dots and non-ASCII) and lets
 * `{{ }}` appear inside tags (`{% if {{custom_attribute.${score}}} > 50 %}`); neither is standard
 * Liquid. https://www.braze.com/docs/user_guide/personalization_and_dynamic_content/liquid/using_liquid/
 * The rewrite keeps a per-character map so liquidjs token offsets land back on the original text.
 */

/** A `${…}` reference as written, with offsets into the original (decoded) text. */
export interface AttributeReference {
  /** Identifier chain before `.${`, e.g. `custom_attribute`; empty for standard attributes. */
  namespace: string;
  /** The text inside `${}` (for custom attributes a dotted path means nested keys). */
  name: string;
  /** Whole reference: from the namespace (if any) to the closing `}`. */
  start: number;
  end: number;
  /** Just the name inside `${}`. */
  nameStart: number;
  nameEnd: number;
}

import { findNestedOutputs, type NestedOutput, planHoists } from './nested-outputs';

/** A `{{ … }}` or `{% … %}` region of the original text. */
export interface LiquidRegion {
  kind: 'output' | 'tag';
  /** Tag name for tags (`if`, `connected_content`, …). */
  name?: string;
  start: number;
  end: number;
}

export interface BrazeRewrite {
  /** Text for liquidjs. */
  source: string;
  /** `toOriginal[i]` = original offset of rewritten offset `i`; one extra entry for the end. */
  toOriginal: Uint32Array;
  references: AttributeReference[];
  regions: LiquidRegion[];
}

/** Internal tag the rewrite uses for `{{content_blocks.${name}}}`. */
export const CONTENT_BLOCK_TAG = 'braze_content_block';

/** Tags whose arguments are Liquid templates of their own: their `{{ }}` must stay. */
const TAGS_KEEPING_OUTPUTS = new Set(['connected_content', 'abort_message']);
/** `{% liquid %}` lines have no room for a hoisted `assign`: nested outputs there are only blanked. */
const TAGS_WITHOUT_HOISTING = new Set(['liquid']);
const RAW_TAGS: Record<string, string> = { raw: 'endraw', comment: 'endcomment' };
/** Branch tags whose nested values are computed before the block's opening tag. */
const BRANCH_OPENERS: Record<string, readonly string[]> = { elsif: ['if', 'unless'], when: ['case'] };
const BLOCK_TAGS = new Set(['if', 'unless', 'case', 'for', 'tablerow', 'capture']);
const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;
const CONTENT_BLOCK_OUTPUT = /^\{\{-?\s*content_blocks\.\$\{([^}]*)\}\s*-?\}\}$/;

class RewriteBuilder {
  private readonly parts: string[] = [];
  private readonly offsets: number[] = [];

  constructor(private readonly original: string) {}

  copy(from: number, to: number): void {
    if (to <= from) return;
    this.parts.push(this.original.slice(from, to));
    for (let i = from; i < to; i++) this.offsets.push(i);
  }

  emit(text: string, origin: number): void {
    this.parts.push(text);
    for (let i = 0; i < text.length; i++) this.offsets.push(origin);
  }

  finish(): { source: string; toOriginal: Uint32Array } {
    const toOriginal = new Uint32Array(this.offsets.length + 1);
    toOriginal.set(this.offsets);
    toOriginal[this.offsets.length] = this.original.length;
    return { source: this.parts.join(''), toOriginal };
  }
}

/** How a region's nested `{{ }}` are treated. */
type NestedMode = 'hoist' | 'blank' | 'keep';

/** Rewrites Braze Liquid into liquidjs Liquid. Pure, never throws. */
export function rewriteBrazeSyntax(text: string): BrazeRewrite {
  const { regions, unclosed } = scanRegions(text);
  const nested = regions.map((region) => findRegionNesting(text, region, unclosed.has(region)));
  const hoistsBefore = planRegionHoists(regions, nested);
  const out = new RewriteBuilder(text);
  const references: AttributeReference[] = [];
  let copiedTo = 0;
  regions.forEach((region, index) => {
    out.copy(copiedTo, region.start);
    for (const hoist of hoistsBefore.get(index) ?? []) emitHoist(text, hoist, isTrimmedLeft(text, region), out, references);
    if (region.kind === 'output' && rewriteContentBlock(text, region, out)) {
      references.push(...findReferences(text, region.start, region.end));
    } else {
      emitRegion(text, region, nested[index], unclosed.has(region), out, references);
    }
    copiedTo = region.end;
  });
  out.copy(copiedTo, text.length);
  references.sort((a, b) => a.start - b.start);
  return { ...out.finish(), references, regions };
}

/** Every `{{ }}` and `{% %}` region in text order (`raw` and `comment` bodies skipped), and which never close. */
function scanRegions(text: string): { regions: LiquidRegion[]; unclosed: Set<LiquidRegion> } {
  const regions: LiquidRegion[] = [];
  const unclosed = new Set<LiquidRegion>();
  let i = text.indexOf('{');
  while (i >= 0 && i < text.length) {
    const next = text[i + 1];
    if (next !== '%' && next !== '{') {
      i = text.indexOf('{', i + 1);
      continue;
    }
    const region = next === '%' ? scanTag(text, i) : scanOutput(text, i);
    regions.push(region);
    if (region.end < 0) {
      region.end = text.length;
      unclosed.add(region);
    }
    let resume = region.end;
    const closer = region.name ? RAW_TAGS[region.name] : undefined;
    if (closer) resume = findEndTag(text, resume, closer);
    i = text.indexOf('{', resume);
  }
  return { regions, unclosed };
}

function scanTag(text: string, start: number): LiquidRegion {
  let p = start + 2;
  if (text[p] === '-') p++;
  while (p < text.length && /\s/.test(text[p])) p++;
  const nameMatch = /^[A-Za-z_]\w*/.exec(text.slice(p, p + 64));
  const end = findRegionEnd(text, start + 2, '%}');
  return { kind: 'tag', name: nameMatch?.[0], start, end };
}

function scanOutput(text: string, start: number): LiquidRegion {
  return { kind: 'output', start, end: findRegionEnd(text, start + 2, '}}') };
}

/**
 * End (exclusive) of a region: the closer, skipping `${…}` and nested `{{ … }}`. In outputs a
 * quoted string is skipped too, as liquidjs's own tokenizer does (`{{ "}}" }}` is one output).
 * -1 when the region never closes.
 */
function findRegionEnd(text: string, from: number, closer: string): number {
  const isOutput = closer === '}}';
  let depth = 0;
  let p = from;
  while (p < text.length) {
    const ch = text[p];
    if (ch === '$' && text[p + 1] === '{') {
      const close = text.indexOf('}', p + 2);
      if (close < 0) return -1;
      p = close + 1;
      continue;
    }
    if (isOutput && (ch === "'" || ch === '"')) {
      const close = text.indexOf(ch, p + 1);
      p = close < 0 ? p + 1 : close + 1;
      continue;
    }
    if (ch === '{' && text[p + 1] === '{') {
      depth++;
      p += 2;
      continue;
    }
    if (depth > 0 && ch === '}' && text[p + 1] === '}') {
      depth--;
      p += 2;
      continue;
    }
    if (text.startsWith(closer, p)) return p + 2;
    p++;
  }
  return -1;
}

function findEndTag(text: string, from: number, closer: string): number {
  const pattern = new RegExp(`\\{%-?\\s*${closer}\\s*-?%\\}`, 'g');
  pattern.lastIndex = from;
  const match = pattern.exec(text);
  return match ? match.index : text.length;
}

/** Where a region's content starts and ends (delimiters and trim markers excluded). */
function contentBounds(text: string, region: LiquidRegion, closed: boolean): { from: number; to: number } {
  const from = Math.min(region.end, region.start + (text[region.start + 2] === '-' ? 3 : 2));
  let to = closed ? region.end - 2 : region.end;
  if (closed && to > from && text[to - 1] === '-') to--;
  return { from, to: Math.max(from, to) };
}

function isTrimmedLeft(text: string, region: LiquidRegion): boolean {
  return text[region.start + 2] === '-';
}

interface RegionNesting {
  mode: NestedMode;
  outputs: NestedOutput[];
}

function findRegionNesting(text: string, region: LiquidRegion, unclosed: boolean): RegionNesting {
  const name = region.kind === 'tag' ? (region.name ?? '') : '';
  if (TAGS_KEEPING_OUTPUTS.has(name) || RAW_TAGS[name]) return { mode: 'keep', outputs: [] };
  const { from, to } = contentBounds(text, region, !unclosed);
  const outputs = findNestedOutputs(text, from, to);
  return { mode: TAGS_WITHOUT_HOISTING.has(name) ? 'blank' : 'hoist', outputs };
}

/**
 * Which hoisted `assign`s go before which region: a region's own, and for `elsif`/`when` the
 * block opener's (the conditions run before any branch body, so the value is the same).
 */
function planRegionHoists(regions: readonly LiquidRegion[], nested: readonly RegionNesting[]): Map<number, NestedOutput[]> {
  const hoistsBefore = new Map<number, NestedOutput[]>();
  const openBlocks: number[] = [];
  let counter = 0;
  const nextIndex = () => counter++;
  regions.forEach((region, index) => {
    const name = region.kind === 'tag' ? (region.name ?? '') : '';
    if (nested[index].mode === 'hoist' && nested[index].outputs.length > 0) {
      const hoists = planHoists(nested[index].outputs, nextIndex);
      if (hoists.length > 0) {
        const target = branchOpener(regions, openBlocks, name) ?? index;
        hoistsBefore.set(target, [...(hoistsBefore.get(target) ?? []), ...hoists]);
      }
    }
    if (BLOCK_TAGS.has(name)) openBlocks.push(index);
    else if (name.startsWith('end') && openBlocks.length > 0 && regions[openBlocks[openBlocks.length - 1]].name === name.slice(3)) openBlocks.pop();
  });
  return hoistsBefore;
}

function branchOpener(regions: readonly LiquidRegion[], openBlocks: readonly number[], name: string): number | undefined {
  const openers = BRANCH_OPENERS[name];
  const innermost = openBlocks[openBlocks.length - 1];
  if (!openers || innermost === undefined) return undefined;
  return openers.includes(regions[innermost].name ?? '') ? innermost : undefined;
}

/** `{% assign __braze_nested_N = expression %}`, mapped onto the nested output it computes. */
function emitHoist(text: string, output: NestedOutput, trimLeft: boolean, out: RewriteBuilder, references: AttributeReference[]): void {
  out.emit(`{%${trimLeft ? '-' : ''} assign ${output.variable} = `, output.start);
  emitSpan(text, output.innerStart, output.innerEnd, output.children, 'hoist', out, references);
  // ` %` sits where the expression ends and `}` on the output's last brace, so ranges map back whole.
  out.emit(' %', output.innerEnd);
  out.emit('}', Math.max(output.start, output.end - 1));
}

/** Copies a region: delimiters as written, content through `emitSpan`. */
function emitRegion(text: string, region: LiquidRegion, nesting: RegionNesting, unclosed: boolean, out: RewriteBuilder, references: AttributeReference[]): void {
  const { from, to } = contentBounds(text, region, !unclosed);
  out.copy(region.start, from);
  emitSpan(text, from, to, nesting.outputs, nesting.mode, out, references);
  out.copy(to, region.end);
}

/**
 * Copies `[from, to)` with every `${…}` turned into an access path (inside quoted strings too) and
 * every nested output replaced by its hoisted variable or blanked (braces become spaces, the
 * expression stays). A stray `{{` or `}}` (an unclosed nested output) is blanked as well.
 */
function emitSpan(
  text: string,
  from: number,
  to: number,
  outputs: readonly NestedOutput[],
  mode: NestedMode,
  out: RewriteBuilder,
  references: AttributeReference[],
): void {
  let next = 0;
  let copiedTo = from;
  let p = from;
  let quote: string | undefined;
  while (p < to) {
    const ch = text[p];
    if (ch === '$' && text[p + 1] === '{') {
      const close = text.indexOf('}', p + 2);
      if (close < 0 || close >= to) break;
      const reference = toReference(text, p, close);
      references.push(reference);
      const dotted = reference.namespace !== '' && text[p - 1] === '.';
      const replaceFrom = dotted ? p - 1 : p;
      out.copy(copiedTo, replaceFrom);
      emitAccessPath(out, reference, replaceFrom, dotted);
      p = copiedTo = close + 1;
      continue;
    }
    if (mode === 'keep') {
      p++;
      continue;
    }
    if (quote) {
      if (ch === quote) quote = undefined;
      p++;
      continue;
    }
    if ((ch === "'" || ch === '"') && text.indexOf(ch, p + 1) >= 0 && text.indexOf(ch, p + 1) < to) {
      quote = ch;
      p++;
      continue;
    }
    const output = outputs[next];
    if (output && p === output.start) {
      out.copy(copiedTo, p);
      if (output.variable && mode === 'hoist') {
        out.emit(output.variable, output.start);
      } else {
        out.emit(' '.repeat(output.innerStart - output.start), output.start);
        emitSpan(text, output.innerStart, output.innerEnd, output.children, mode, out, references);
        out.emit(' '.repeat(output.end - output.innerEnd), output.innerEnd);
      }
      next++;
      p = copiedTo = output.end;
      continue;
    }
    if ((ch === '{' && text[p + 1] === '{') || (ch === '}' && text[p + 1] === '}')) {
      out.copy(copiedTo, p);
      out.emit('  ', p);
      p = copiedTo = p + 2;
      continue;
    }
    p++;
  }
  out.copy(copiedTo, to);
}

function rewriteContentBlock(text: string, region: LiquidRegion, out: RewriteBuilder): boolean {
  const match = CONTENT_BLOCK_OUTPUT.exec(text.slice(region.start, region.end));
  if (!match) return false;
  out.emit(`{% ${CONTENT_BLOCK_TAG} ${JSON.stringify(match[1])} %}`, region.start);
  return true;
}

function toReference(text: string, dollar: number, close: number): AttributeReference {
  let nsStart = dollar;
  if (text[dollar - 1] === '.') {
    let q = dollar - 1;
    while (q > 0 && /[\w.]/.test(text[q - 1])) q--;
    nsStart = q;
  }
  const namespace = nsStart < dollar ? text.slice(nsStart, dollar - 1) : '';
  return {
    namespace,
    name: text.slice(dollar + 2, close),
    start: nsStart,
    end: close + 1,
    nameStart: dollar + 2,
    nameEnd: close,
  };
}

/** Emits `.a.b` / `["zip code"]` (or `a.b` at top level) for the reference's name. */
function emitAccessPath(out: RewriteBuilder, ref: AttributeReference, from: number, dotted: boolean): void {
  const segments = ref.name.trim() === '' ? [ref.name] : ref.name.split('.');
  let cursor = ref.nameStart;
  segments.forEach((segment, index) => {
    const origin = index === 0 ? from : cursor - 1;
    const plain = IDENTIFIER.test(segment);
    if (plain) {
      if (index > 0 || dotted) out.emit('.', origin);
      out.copy(cursor, cursor + segment.length);
    } else {
      out.emit(`[${quote(segment)}]`, Math.min(origin, cursor));
    }
    cursor += segment.length + 1;
  });
}

function quote(segment: string): string {
  return segment.includes("'") ? JSON.stringify(segment) : `'${segment}'`;
}

/** References inside a region that is not otherwise rewritten (content blocks). */
function findReferences(text: string, from: number, to: number): AttributeReference[] {
  const found: AttributeReference[] = [];
  let p = text.indexOf('${', from);
  while (p >= 0 && p < to) {
    const close = text.indexOf('}', p + 2);
    if (close < 0 || close >= to) break;
    found.push(toReference(text, p, close));
    p = text.indexOf('${', close);
  }
  return found;
}

/** Maps a rewritten offset back to the original text. */
export function toOriginalOffset(rewrite: BrazeRewrite, offset: number): number {
  const clamped = Math.max(0, Math.min(rewrite.toOriginal.length - 1, offset));
  return rewrite.toOriginal[clamped];
}

/** Maps a rewritten range back; a non-empty range never collapses. */
export function toOriginalRange(rewrite: BrazeRewrite, start: number, end: number): { start: number; end: number } {
  const s = toOriginalOffset(rewrite, start);
  if (end <= start) return { start: s, end: s };
  return { start: s, end: Math.max(toOriginalOffset(rewrite, end), toOriginalOffset(rewrite, end - 1) + 1) };
}

/** Names of the content blocks a Liquid text includes (`{{content_blocks.${name}}}`). */
export function contentBlockNames(text: string): string[] {
  return [...new Set(rewriteBrazeSyntax(text).references.filter((r) => r.namespace === 'content_blocks').map((r) => r.name))];
}
