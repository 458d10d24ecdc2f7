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
const RAW_TAGS: Record<string, string> = { raw: 'endraw', comment: 'endcomment' };
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

/** Rewrites Braze Liquid into liquidjs Liquid. Pure, never throws. */
export function rewriteBrazeSyntax(text: string): BrazeRewrite {
  const out = new RewriteBuilder(text);
  const references: AttributeReference[] = [];
  const regions: LiquidRegion[] = [];
  let i = 0;
  let copiedTo = 0;
  while (i < text.length) {
    const open = text.startsWith('{%', i) ? 'tag' : text.startsWith('{{', i) ? 'output' : undefined;
    if (!open) {
      i++;
      continue;
    }
    out.copy(copiedTo, i);
    const region = open === 'tag' ? scanTag(text, i) : scanOutput(text, i);
    regions.push(region);
    if (region.kind === 'output' && rewriteContentBlock(text, region, out)) {
      references.push(...findReferences(text, region.start, region.end));
    } else {
      const keepOutputs = region.kind === 'output' || TAGS_KEEPING_OUTPUTS.has(region.name ?? '');
      references.push(...rewriteRegion(text, region, keepOutputs, out));
    }
    i = region.end;
    copiedTo = i;
    const closer = region.name ? RAW_TAGS[region.name] : undefined;
    if (closer) {
      const endTag = findEndTag(text, i, closer);
      out.copy(copiedTo, endTag);
      i = copiedTo = endTag;
    }
  }
  out.copy(copiedTo, text.length);
  return { ...out.finish(), references, regions };
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

/** End (exclusive) of a region: the closer, skipping `${…}` and nested `{{ … }}`. */
function findRegionEnd(text: string, from: number, closer: string): number {
  let depth = 0;
  let p = from;
  while (p < text.length) {
    if (text.startsWith('${', p)) {
      const close = text.indexOf('}', p + 2);
      if (close < 0) return text.length;
      p = close + 1;
      continue;
    }
    if (closer === '%}' && text.startsWith('{{', p)) {
      depth++;
      p += 2;
      continue;
    }
    if (depth > 0 && text.startsWith('}}', p)) {
      depth--;
      p += 2;
      continue;
    }
    if (text.startsWith(closer, p)) return p + 2;
    p++;
  }
  return text.length;
}

function findEndTag(text: string, from: number, closer: string): number {
  const pattern = new RegExp(`\\{%-?\\s*${closer}\\s*-?%\\}`, 'g');
  pattern.lastIndex = from;
  const match = pattern.exec(text);
  return match ? match.index : text.length;
}

function rewriteContentBlock(text: string, region: LiquidRegion, out: RewriteBuilder): boolean {
  const match = CONTENT_BLOCK_OUTPUT.exec(text.slice(region.start, region.end));
  if (!match) return false;
  out.emit(`{% ${CONTENT_BLOCK_TAG} ${JSON.stringify(match[1])} %}`, region.start);
  return true;
}

function rewriteRegion(text: string, region: LiquidRegion, keepOutputs: boolean, out: RewriteBuilder): AttributeReference[] {
  const references: AttributeReference[] = [];
  let copiedTo = region.start;
  let p = region.start;
  const contentEnd = region.end;
  while (p < contentEnd) {
    if (text.startsWith('${', p)) {
      const close = text.indexOf('}', p + 2);
      if (close < 0 || close >= contentEnd) break;
      const reference = toReference(text, p, close);
      references.push(reference);
      const dotted = reference.namespace !== '' && text[p - 1] === '.';
      const replaceFrom = dotted ? p - 1 : p;
      out.copy(copiedTo, replaceFrom);
      emitAccessPath(out, reference, replaceFrom, dotted);
      p = copiedTo = close + 1;
      continue;
    }
    const isInnerOpen = !keepOutputs && p > region.start + 1 && text.startsWith('{{', p);
    const isInnerClose = !keepOutputs && text.startsWith('}}', p) && p + 2 < contentEnd;
    if (isInnerOpen || isInnerClose) {
      out.copy(copiedTo, p);
      out.emit('  ', p);
      p = copiedTo = p + 2;
      continue;
    }
    p++;
  }
  out.copy(copiedTo, contentEnd);
  return references;
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
