/**
 * Shared reading of `connected_content` calls and URLs for the connected_content and OAuth
 * rules. Every offset here is a DECODED offset into a field's text (`LiquidField.text`); rules
 * turn them into raw-file offsets with `context.toRaw`.
 * Braze's syntax: https://www.braze.com/docs/user_guide/personalization_and_dynamic_content/connected_content/making_an_api_call/
 */
import type { CcOption } from '../liquid/connected-content-args';
import { DEFAULT_SAVE_VARIABLE } from '../liquid/tags/connected-content';
import type { ConnectedContentNode, RegionNode, RuleContext } from '../lint/types';
import { NAMESPACES } from '../profile';
import type { LiquidField } from '../template/template-file';

export { DEFAULT_SAVE_VARIABLE };

/** A piece of a field's decoded text. */
export interface TextSpan {
  text: string;
  /** Decoded offsets into the field text, end exclusive. */
  start: number;
  end: number;
}

/** The Salesforce OAuth token endpoint path, whatever the host (Liquid and placeholders allowed). */
const TOKEN_URL = /^[^?#]*\/services\/oauth2\/token\/?(?:[?#]|$)/i;

/** Whether a URL as written points at a Salesforce token endpoint (`…/services/oauth2/token`). */
export function isTokenUrl(url: string): boolean {
  return TOKEN_URL.test(url.trim());
}

/** Whether a connected_content call fetches a Salesforce OAuth token. */
export function isTokenCall(node: ConnectedContentNode): boolean {
  return isTokenUrl(node.args.url.text);
}

/**
 * The first option called `name` (without the colon), in any case: `:Method` is
 * cc-unknown-option's to rename, and the other rules must not add a second `:method` meanwhile.
 */
export function ccOption(node: ConnectedContentNode, name: string): CcOption | undefined {
  return node.args.options.find((o) => o.name.toLowerCase() === name);
}

/** Decoded span of an option's value. */
export function optionValue(node: ConnectedContentNode, option: CcOption): TextSpan {
  return { text: option.value.text, start: node.argsStart + option.value.start, end: node.argsStart + option.value.end };
}

/** Decoded span of a whole option (`:name value`). */
export function optionSpan(node: ConnectedContentNode, option: CcOption): TextSpan {
  const start = node.argsStart + option.start;
  const end = node.argsStart + option.end;
  return { text: node.field.text.slice(start, end), start, end };
}

/** Decoded span of the call's URL. */
export function ccUrl(node: ConnectedContentNode): TextSpan {
  return { text: node.args.url.text, start: node.argsStart + node.args.url.start, end: node.argsStart + node.args.url.end };
}

/** Decoded offset just after the last argument (URL or option), where a new option can go. */
export function argsEnd(node: ConnectedContentNode): number {
  const ends = [node.args.url.end, ...node.args.options.map((o) => o.end)];
  return node.argsStart + Math.max(...ends);
}

/** The `:save` name as written, when it is a literal identifier. */
export function saveName(node: ConnectedContentNode): string | undefined {
  const value = ccOption(node, 'save')?.value.text.trim();
  return value && /^[A-Za-z_]\w*$/.test(value) ? value : undefined;
}

/** The variable Braze stores the response in: the `:save` name, or `connected` without one. */
export function savedVariable(node: ConnectedContentNode): string | undefined {
  const option = ccOption(node, 'save');
  if (!option) return DEFAULT_SAVE_VARIABLE;
  return saveName(node);
}

/** Whether text holds Liquid (`{{ }}` or `{% %}`). */
export function hasLiquid(text: string): boolean {
  return /\{\{|\{%/.test(text);
}

/** Decoded ranges of the `{{ … }}` and `{% … %}` spans between `from` and `to`. */
export function liquidSpans(text: string, from = 0, to = text.length): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  let p = from;
  while (p < to - 1) {
    const open = text.startsWith('{{', p) ? '}}' : text.startsWith('{%', p) ? '%}' : undefined;
    if (!open) {
      p++;
      continue;
    }
    const end = findCloser(text, p + 2, to, open);
    spans.push([p, end]);
    p = end;
  }
  return spans;
}

/** End (exclusive) of a Liquid span whose closer is `closer`, skipping `${…}` and nested `{{ }}`. */
function findCloser(text: string, from: number, to: number, closer: string): number {
  let p = from;
  while (p < to) {
    if (text.startsWith('${', p)) {
      const close = text.indexOf('}', p + 2);
      p = close < 0 || close >= to ? to : close + 1;
      continue;
    }
    if (closer === '%}' && text.startsWith('{{', p)) {
      p = findCloser(text, p + 2, to, '}}');
      continue;
    }
    if (text.startsWith(closer, p)) return p + 2;
    p++;
  }
  return to;
}

/** Whether decoded offset `p` lies inside one of `spans`. */
function inSpans(spans: ReadonlyArray<[number, number]>, p: number): boolean {
  return spans.some(([s, e]) => p >= s && p < e);
}

/** One `name=value` pair of a form body or a query string. */
export interface FormParam {
  /** The pair as written. */
  pair: TextSpan;
  name: TextSpan;
  /** Empty span right after the name when there is no `=`. */
  value: TextSpan;
  hasEquals: boolean;
}

/** Splits `k1=v1&k2=v2` (outside Liquid) into pairs; offsets are relative to `base`. */
export function splitForm(text: string, base: number): FormParam[] {
  const spans = liquidSpans(text);
  const params: FormParam[] = [];
  let pairStart = 0;
  const push = (pairEnd: number) => {
    if (pairEnd > pairStart) {
      let eq = -1;
      for (let p = pairStart; p < pairEnd; p++) {
        if (text[p] === '=' && !inSpans(spans, p)) {
          eq = p;
          break;
        }
      }
      const nameEnd = eq < 0 ? pairEnd : eq;
      const valueStart = eq < 0 ? pairEnd : eq + 1;
      params.push({
        pair: { text: text.slice(pairStart, pairEnd), start: base + pairStart, end: base + pairEnd },
        name: { text: text.slice(pairStart, nameEnd), start: base + pairStart, end: base + nameEnd },
        value: { text: text.slice(valueStart, pairEnd), start: base + valueStart, end: base + pairEnd },
        hasEquals: eq >= 0,
      });
    }
  };
  for (let p = 0; p < text.length; p++) {
    if (text[p] === '&' && !inSpans(spans, p)) {
      push(p);
      pairStart = p + 1;
    }
  }
  push(text.length);
  return params;
}

/** Whitespace runs of `text` outside Liquid, as spans relative to `base`. */
export function whitespaceOutsideLiquid(text: string, base: number): TextSpan[] {
  const spans = liquidSpans(text);
  const runs: TextSpan[] = [];
  for (const match of text.matchAll(/\s+/g)) {
    const start = match.index ?? 0;
    if (inSpans(spans, start)) continue;
    runs.push({ text: match[0], start: base + start, end: base + start + match[0].length });
  }
  return runs;
}

/** The `:body` of a call, read as a form body. */
export interface CcBody {
  option: CcOption;
  /** The body value as written. */
  value: TextSpan;
  /** Parsed `k=v&…` pairs (empty for JSON or opaque bodies). */
  params: FormParam[];
  /** The body is only Liquid (`{{postbody}}`): its pairs cannot be read statically. */
  opaque: boolean;
  /** The body is a JSON object or array written inline. */
  json: boolean;
}

/** The call's `:body` with its form pairs (raw values and decoded offsets), if it has one. */
export function tokenBodyParams(node: ConnectedContentNode): CcBody | undefined {
  const option = ccOption(node, 'body');
  if (!option) return undefined;
  const value = optionValue(node, option);
  const trimmed = value.text.trim();
  const json = /^[[{]/.test(trimmed) && !/^\{[{%]/.test(trimmed);
  const literal = stripLiquid(value.text);
  const opaque = !json && trimmed !== '' && !literal.includes('=');
  const params = json || opaque ? [] : splitForm(value.text, value.start);
  return { option, value, params, opaque, json };
}

/** `text` with its Liquid spans removed. */
export function stripLiquid(text: string): string {
  let out = '';
  let last = 0;
  for (const [s, e] of liquidSpans(text)) {
    out += text.slice(last, s);
    last = e;
  }
  return out + text.slice(last);
}

/** Literal (non-Liquid) runs of a span, for edits that must not touch Liquid. */
export function literalRuns(span: TextSpan): TextSpan[] {
  const runs: TextSpan[] = [];
  let last = 0;
  const push = (s: number, e: number) => {
    if (e > s) runs.push({ text: span.text.slice(s, e), start: span.start + s, end: span.start + e });
  };
  for (const [s, e] of liquidSpans(span.text)) {
    push(last, s);
    last = e;
  }
  push(last, span.text.length);
  return runs;
}

/** The regions of one field, in order (grouped once per file by the linter). */
export function fieldRegions(context: Pick<RuleContext, 'fieldRegions'>, field: LiquidField): readonly RegionNode[] {
  return context.fieldRegions(field);
}

/** The field's regions other than the connected_content tag itself. */
export function otherRegions(context: Pick<RuleContext, 'fieldRegions'>, node: ConnectedContentNode): RegionNode[] {
  return context.fieldRegions(node.field).filter((r) => r !== node.region);
}

/** Human name of a field for messages: `the URL`, `header "Authorization"`, `body key "Email"`. */
export function describeField(field: LiquidField): string {
  switch (field.kind) {
    case 'url':
      return 'the webhook URL';
    case 'header':
      return `header "${field.key ?? ''}"`;
    case 'body-value':
      return `body key "${field.key ?? ''}"`;
    case 'body-raw':
      return 'the raw body';
  }
}

/** A variable read in a field: `result.access_token`, `result['id']`, `result`. */
export interface VariableUse {
  /** The root variable name. */
  root: string;
  /** First property after the root (`access_token`), if any. */
  property?: string;
  /** The whole path as written. */
  path: string;
  /** Whether the root is followed by `.x` or `[…]`. */
  member: boolean;
  start: number;
  end: number;
  /** The region the use sits in. */
  region: RegionNode;
}

/** Tags whose arguments are not Liquid expressions. */
const NON_EXPRESSION_TAGS = new Set(['raw', 'endraw', 'comment', 'endcomment', 'abort_message']);

/** Liquid words that look like variables but are not. */
const LIQUID_WORDS = new Set(['and', 'or', 'contains', 'in', 'blank', 'empty', 'nil', 'null', 'true', 'false', 'else', 'reversed', 'limit', 'offset', 'with', 'as', 'by']);

/** Names that are Braze namespaces or Liquid built-ins, never connected_content variables. */
export const NOT_CC_VARIABLES: ReadonlySet<string> = new Set([...NAMESPACES.map((n) => n.name), 'content_blocks', 'forloop', 'tablerowloop']);

/**
 * Every variable read in a field's Liquid: outputs, tag arguments, and the `{{ }}` nested in
 * connected_content arguments. Quoted strings, `${…}` references and filter names are skipped.
 */
export function variableUses(regions: readonly RegionNode[]): VariableUse[] {
  const uses: VariableUse[] = [];
  for (const region of regions) {
    if (region.kind === 'tag' && NON_EXPRESSION_TAGS.has(region.name ?? '')) continue;
    const { text } = region.field;
    if (region.kind === 'tag' && region.name === 'connected_content') {
      for (const [s, e] of liquidSpans(text, region.innerStart, region.innerEnd)) {
        if (text.startsWith('{{', s)) uses.push(...expressionUses(region, s + 2, Math.max(s + 2, e - 2)));
      }
      continue;
    }
    let from = region.innerStart;
    if (region.kind === 'tag') {
      const name = /^\s*[A-Za-z_]\w*/.exec(text.slice(from, region.innerEnd));
      from += name ? name[0].length : 0;
    }
    uses.push(...expressionUses(region, from, region.innerEnd));
  }
  return uses;
}

function expressionUses(region: RegionNode, from: number, to: number): VariableUse[] {
  const { text } = region.field;
  const uses: VariableUse[] = [];
  let p = from;
  let afterPipe = false;
  while (p < to) {
    const ch = text[p];
    if (ch === '"' || ch === "'") {
      const close = text.indexOf(ch, p + 1);
      p = close < 0 || close >= to ? to : close + 1;
      continue;
    }
    if (text.startsWith('${', p)) {
      const close = text.indexOf('}', p + 2);
      p = close < 0 || close >= to ? to : close + 1;
      continue;
    }
    if (ch === '|') {
      afterPipe = true;
      p++;
      continue;
    }
    const match = /^[A-Za-z_][\w-]*/.exec(text.slice(p, Math.min(to, p + 200)));
    const previous = text[p - 1] ?? '';
    if (!match || /[\w.$]/.test(previous)) {
      p += match ? match[0].length : 1;
      continue;
    }
    const root = match[0];
    const isFilter = afterPipe;
    afterPipe = false;
    const path = /^(?:\s*\.\s*[A-Za-z_][\w-]*|\s*\[[^\]]*\])*/.exec(text.slice(p + root.length, Math.min(to, p + 400)))?.[0] ?? '';
    const end = p + root.length + path.length;
    const followedByColon = /^\s*:/.test(text.slice(end, end + 3));
    if (!isFilter && !followedByColon && !LIQUID_WORDS.has(root) && text[end] !== '.' && !text.startsWith('.${', p + root.length)) {
      const property = /^\s*(?:\.\s*([A-Za-z_][\w-]*)|\[\s*['"]([^'"]*)['"]\s*\])/.exec(path);
      uses.push({ root, property: property?.[1] ?? property?.[2], path: text.slice(p, end), member: path !== '', start: p, end, region });
    }
    p = end;
  }
  return uses;
}

/** Names a field defines itself: `assign`, `capture`, `for … in`, `increment`, connected_content `:save`. */
export function localNames(regions: readonly RegionNode[], ccNodes: readonly ConnectedContentNode[]): Set<string> {
  const names = new Set<string>();
  for (const region of regions) {
    if (region.kind !== 'tag') continue;
    const inner = region.field.text.slice(region.innerStart, region.innerEnd);
    const defined = /^\s*(?:assign|capture|increment|decrement)\s+([A-Za-z_][\w-]*)/.exec(inner) ?? /^\s*(?:for|tablerow)\s+([A-Za-z_][\w-]*)\s+in\b/.exec(inner);
    if (defined) names.add(defined[1]);
  }
  for (const node of ccNodes) {
    const saved = savedVariable(node);
    if (saved) names.add(saved);
  }
  return names;
}

/** Text of a field outside its Liquid regions, as spans. */
export function literalSegments(regions: readonly RegionNode[], field: LiquidField): TextSpan[] {
  const segments: TextSpan[] = [];
  let last = 0;
  for (const region of regions) {
    if (region.start > last) segments.push({ text: field.text.slice(last, region.start), start: last, end: region.start });
    last = Math.max(last, region.end);
  }
  if (last < field.text.length) segments.push({ text: field.text.slice(last), start: last, end: field.text.length });
  return segments;
}

/** An absolute URL split into the parts the rules look at (decoded offsets). */
export interface UrlInfo {
  /** The URL from its scheme to its end. */
  url: TextSpan;
  /** Scheme with `://`, e.g. `http://`. */
  scheme: TextSpan;
  /** `user:pass@`, when present. */
  userinfo?: TextSpan;
  host: TextSpan;
  /** `:8443`, colon included, when present. */
  port?: TextSpan;
  /** Text after `?` up to `#` or the end. */
  query?: TextSpan;
}

/** Splits the URL written at `start`…`end` of `text`; undefined when it does not start with `scheme://`. */
export function parseUrl(text: string, start: number, end: number): UrlInfo | undefined {
  const scheme = /^[A-Za-z][A-Za-z0-9+.-]*:\/\//.exec(text.slice(start, end));
  if (!scheme) return undefined;
  const spans = liquidSpans(text, start, end);
  const authorityStart = start + scheme[0].length;
  let authorityEnd = authorityStart;
  while (authorityEnd < end && !('/?#'.includes(text[authorityEnd]) && !inSpans(spans, authorityEnd))) authorityEnd++;
  let at = -1;
  for (let p = authorityStart; p < authorityEnd; p++) if (text[p] === '@' && !inSpans(spans, p)) at = p;
  const hostStart = at < 0 ? authorityStart : at + 1;
  const portMatch = /:(\d*)$/.exec(text.slice(hostStart, authorityEnd));
  const hostEnd = portMatch && !text.slice(hostStart, authorityEnd).startsWith('[') ? authorityEnd - portMatch[0].length : authorityEnd;
  const info: UrlInfo = {
    url: { text: text.slice(start, end), start, end },
    scheme: { text: scheme[0], start, end: authorityStart },
    host: { text: text.slice(hostStart, hostEnd), start: hostStart, end: hostEnd },
  };
  if (at >= 0) info.userinfo = { text: text.slice(authorityStart, at + 1), start: authorityStart, end: at + 1 };
  if (hostEnd < authorityEnd) info.port = { text: text.slice(hostEnd, authorityEnd), start: hostEnd, end: authorityEnd };
  let q = authorityEnd;
  while (q < end && !(text[q] === '?' && !inSpans(spans, q))) q++;
  if (q < end) {
    let h = q + 1;
    while (h < end && !(text[h] === '#' && !inSpans(spans, h))) h++;
    info.query = { text: text.slice(q + 1, h), start: q + 1, end: h };
  }
  return info;
}

/** The connected_content call's URL, parsed. */
export function ccUrlInfo(node: ConnectedContentNode): UrlInfo | undefined {
  const url = ccUrl(node);
  return parseUrl(node.field.text, url.start, url.end);
}

/**
 * The URLs written literally in the webhook URL field: each literal segment that starts (after
 * spaces) with `scheme://`, e.g. after a leading `{% if … %}{% abort_message %}{% endif %}`
 * guard. A URL ends where the literal text ends in whitespace, or at the field's end.
 */
export function webhookUrls(regions: readonly RegionNode[], field: LiquidField): UrlInfo[] {
  const urls: UrlInfo[] = [];
  const tags = regions.filter((r) => r.kind === 'tag');
  for (const segment of literalSegments(tags, field)) {
    const lead = /^\s*/.exec(segment.text)?.[0].length ?? 0;
    const start = segment.start + lead;
    let end = segment.end;
    while (end > start && /\s/.test(field.text[end - 1])) end--;
    const info = parseUrl(field.text, start, end);
    if (info) urls.push(info);
  }
  return urls;
}

/** Whether a host is literal: no Liquid, no placeholder brackets, not empty. */
export function isLiteralHost(host: string): boolean {
  return host !== '' && !hasLiquid(host) && !/[[\]{}<>]/.test(host);
}
