import type { CompiledField } from '../../liquid/compile';
import { sharedBrazeEngine } from '../../liquid/create-braze-engine';
import type { RegionNode, ReportedSuggestion, RuleContext, RuleDefinition } from '../../lint/types';
import { closestName } from '../../profile';
import type { Severity } from '../../types';
import { docsUrl } from '../docs-url';
import { findCurlyQuotes, findMisplacedFilters, isBlockTag, openBlocksBefore, regionsOf, type Span, toFieldEdit } from '../liquid-helpers';
import texts from './texts.json';

/**
 * Braze tags the preview engine does not implement: valid in Braze, so only a warning that the
 * field cannot be checked or previewed. Catalog tags are documented on
 * https://www.braze.com/docs/user_guide/personalization_and_dynamic_content/liquid/faq/ and the
 * catalogs pages.
 */
const BRAZE_TAGS_NOT_PREVIEWED = new Set(['catalog_items', 'catalog_selection_items']);

/** Tags that only make sense inside a block, with the blocks they belong to. */
const BRANCH_TAGS: Record<string, string> = {
  else: '`{% if %}`, `{% unless %}`, `{% case %}` or `{% for %}`',
  elsif: '`{% if %}` or `{% unless %}`',
  when: '`{% case %}`',
};

/** How each tag is written, for "malformed tag" messages. */
const TAG_USAGE: Record<string, string> = {
  assign: '`{% assign name = value %}`',
  capture: '`{% capture name %}…{% endcapture %}`',
  case: "`{% case value %}{% when 'a' %}…{% endcase %}`",
  cycle: "`{% cycle 'a', 'b' %}`",
  decrement: '`{% decrement name %}`',
  echo: '`{% echo value %}`',
  elsif: '`{% elsif condition %}`',
  for: '`{% for item in list %}…{% endfor %}`',
  if: '`{% if condition %}…{% endif %}`',
  include: '`{{content_blocks.${name}}}` (Braze has no file snippets)',
  increment: '`{% increment name %}`',
  render: '`{{content_blocks.${name}}}` (Braze has no file snippets)',
  tablerow: '`{% tablerow item in list %}…{% endtablerow %}`',
  unless: '`{% unless condition %}…{% endunless %}`',
  when: "`{% when 'a' %}`",
};

/** Internal or unsupported liquidjs tags never offered as a did-you-mean. */
const HIDDEN_TAGS = new Set(['#', 'block', 'layout', 'include', 'braze_content_block']);

/**
 * Liquid that does not parse, reported at the offending token (through JSON escapes) with a
 * human message. Braze renders each webhook field with Liquid; a field that does not parse
 * cannot be sent as intended.
 * https://www.braze.com/docs/user_guide/personalization_and_dynamic_content/liquid/using_liquid/
 *
 * Parse errors another rule explains better are left to it: unknown filters (unsupported-filter),
 * filters in conditions (filter-in-condition) and curly quotes (curly-quotes).
 */
export const LiquidSyntax: RuleDefinition = {
  meta: {
    id: 'liquid-syntax',
    docs: { recommended: true, url: docsUrl('liquid-syntax') },
    severity: 'error',
    kind: 'static',
    schema: {},
    hasSuggestions: true,
    texts,
  },
  create(context) {
    return {
      Field(compiled) {
        const regions = regionsOf(context, compiled.field);
        const stolen = reportUnclosedReferences(context, compiled, regions);
        const error = compiled.parseError;
        if (!error || (stolen !== undefined && error.startIndex >= stolen)) return;
        const explained = explainParseError(context, compiled, regions);
        if (explained) context.report(explained);
      },
    };
  },
};

type Explained = Parameters<RuleContext['report']>[0];

/**
 * Reports every `${` whose closing `}` is missing. Returns the raw start of the first region where
 * a reference "stole" a brace of `}}`: the parse error from there on is a consequence, not a
 * second problem.
 */
function reportUnclosedReferences(context: RuleContext, compiled: CompiledField, regions: readonly RegionNode[]): number | undefined {
  const { field } = compiled;
  const text = field.text;
  let firstStolen: number | undefined;
  for (const region of regions) {
    for (let p = text.indexOf('${', region.start); p >= 0 && p < region.end; p = text.indexOf('${', p + 2)) {
      const close = text.indexOf('}', p + 2);
      const stole = close >= 0 && text[close + 1] === '}' && text[close + 2] !== '}' && insideOutput(text, region, p);
      if (close >= 0 && !stole) continue;
      const nameEnd = close >= 0 ? close : region.end;
      const pipe = text.indexOf('|', p + 2);
      let insertAt = pipe >= 0 && pipe < nameEnd ? pipe : nameEnd;
      while (insertAt > p + 2 && /\s/.test(text[insertAt - 1])) insertAt--;
      // What the author sees: the whole `{{ … }}` when a brace was stolen, else the bare `${name`.
      const shown = stole ? { start: text.lastIndexOf('{{', p), end: close + 2 } : { start: p, end: insertAt };
      const written = text.slice(shown.start, shown.end);
      const expected = `${text.slice(shown.start, insertAt)}}${text.slice(insertAt, shown.end)}`;
      const range = context.toRaw(field, shown.start, shown.end);
      const suggestion: ReportedSuggestion = { messageId: 'insertBrace', data: { expected }, edits: [toFieldEdit(context, field, insertAt, insertAt, '}')] };
      context.report({ messageId: stole ? 'stolenBrace' : 'unclosedReference', data: { written, expected }, startIndex: range.start, endIndex: range.end, suggest: [suggestion] });
      if (stole && firstStolen === undefined) firstStolen = context.toRaw(field, region.start, region.end).start;
    }
  }
  return firstStolen;
}

/** True when `p` is in an output, or in a `{{ }}` nested in a tag. */
function insideOutput(text: string, region: RegionNode, p: number): boolean {
  if (region.kind === 'output') return true;
  const open = text.lastIndexOf('{{', p);
  return open > region.start && text.lastIndexOf('}}', p) < open;
}

/** Turns the field's parse error into a message at the offending token, or nothing when another rule owns it. */
function explainParseError(context: RuleContext, compiled: CompiledField, regions: readonly RegionNode[]): Explained | undefined {
  const error = compiled.parseError;
  if (!error) return undefined;
  const { field } = compiled;
  const text = field.text;
  const message = error.message;
  if (/^undefined filter|is not supported by Braze/.test(message)) return undefined;

  const index = regions.findIndex((region) => {
    const raw = context.toRaw(field, region.start, region.end);
    return error.startIndex >= raw.start && (error.startIndex < raw.end || (error.startIndex === raw.end && error.endIndex === raw.end));
  });
  const region = index >= 0 ? regions[index] : undefined;
  if (region && (findMisplacedFilters(region).length > 0 || findCurlyQuotes(text, region.innerStart, region.innerEnd).length > 0)) return undefined;

  const at = (span: Span, messageId: string, data?: Record<string, string>, extra?: Partial<Explained>): Explained => {
    const raw = context.toRaw(field, span.start, span.end);
    return { messageId, data, startIndex: raw.start, endIndex: raw.end, ...extra };
  };
  const errorRange = { startIndex: error.startIndex, endIndex: error.endIndex };
  const atError = (messageId: string, data?: Record<string, string>): Explained =>
    error.endIndex > error.startIndex || !region ? { messageId, data, ...errorRange } : at(region, messageId, data);
  const opener = (r: RegionNode): Span => ({ start: r.start, end: r.innerStart });

  if (/^output .* not closed$/s.test(message) && region) return at(opener(region), 'unclosedOutput');
  if (/^tag "\{%.*" not closed$/s.test(message) && region) return at(opener(region), 'unclosedTagDelimiter');
  if (/^raw .* not closed$/s.test(message)) {
    const raw = [...regions].reverse().find((r) => r.name === 'raw' && context.toRaw(field, r.start, r.end).start <= error.startIndex);
    return raw ? at(raw, 'unclosedBlock', { tag: 'raw' }) : atError('unclosedBlock', { tag: 'raw' });
  }
  if (/^tag \{%.*%\} not closed$/s.test(message) && region?.name) return at(region, 'unclosedBlock', { tag: region.name });

  const notFound = /^tag "(\w+)" not found$/.exec(message);
  if (notFound && region) return explainUnknownTag(context, compiled, regions, index, notFound[1], at);

  if (/^illegal tag syntax, tag name expected$/.test(message)) return atError('emptyTag');
  if (/^invalid value expression: ""$/.test(message) && region?.kind === 'output') return at(region, 'emptyOutput');
  if (region?.kind === 'tag' && region.name && /^(illegal tag:|expected variable name|expected "="|empty candidates|illegal file path|invalid value expression: ""$)/.test(message)) {
    return at(region, 'malformedTag', { tag: region.name, usage: TAG_USAGE[region.name] ?? "the tag's documented form" });
  }
  if (/^\[ not closed$/.test(message) && region) {
    const bracket = text.lastIndexOf('[', region.innerEnd - 1);
    return bracket >= region.start ? at({ start: bracket, end: bracket + 1 }, 'unclosedBracket') : at(region, 'unclosedBracket');
  }
  if (/^expected ":" after filter name$/.test(message)) return atError('filterColon');
  if (/^expected filter name$/.test(message)) return atError('missingFilterName');
  if (/^invalid range syntax$/.test(message)) return atError('badRange');
  if (/^unexpected elsif after else$/.test(message)) {
    const elsif = region ? elsifAfterElse(regions, index) : undefined;
    return elsif ? at(elsif, 'elsifAfterElse') : atError('elsifAfterElse');
  }
  if (/^(expected "\|" before filter|unexpected (token|character))/.test(message) && error.endIndex > error.startIndex) {
    return { messageId: 'unexpectedText', data: { text: context.file.text.slice(error.startIndex, error.endIndex).trim() }, ...errorRange };
  }
  return atError('parseError', { message });
}

function explainUnknownTag(
  context: RuleContext,
  compiled: CompiledField,
  regions: readonly RegionNode[],
  index: number,
  name: string,
  at: (span: Span, messageId: string, data?: Record<string, string>, extra?: Partial<Explained>) => Explained,
): Explained {
  const region = regions[index];
  if (BRAZE_TAGS_NOT_PREVIEWED.has(name)) return at(region, 'brazeTagNotPreviewed', { name }, { severity: 'warning' satisfies Severity });
  if (name.startsWith('end') && isBlockTag(name.slice(3))) {
    const open = openBlocksBefore(regions, index).pop();
    return open ? at(region, 'mismatchedEnd', { found: name, open }) : at(region, 'strayEnd', { found: name, open: name.slice(3) });
  }
  if (name in BRANCH_TAGS) return at(region, 'strayBranch', { found: name, parents: BRANCH_TAGS[name] });
  const text = compiled.field.text;
  const nameStart = text.indexOf(name, region.innerStart);
  const nameSpan = { start: nameStart, end: nameStart + name.length };
  const suggestion = closestName(name, knownTagNames());
  if (!suggestion) return at(nameSpan, 'unknownTag', { name });
  return at(nameSpan, 'unknownTagDidYouMean', { name, suggestion }, {
    suggest: [{ messageId: 'renameTag', data: { suggestion }, edits: [toFieldEdit(context, compiled.field, nameSpan.start, nameSpan.end, suggestion)] }],
  });
}

/** The first `{% elsif %}` after an `{% else %}` of the block opened at `regions[index]`. */
function elsifAfterElse(regions: readonly RegionNode[], index: number): RegionNode | undefined {
  let depth = 0;
  let sawElse = false;
  for (let i = index + 1; i < regions.length; i++) {
    const name = regions[i].kind === 'tag' ? (regions[i].name ?? '') : '';
    if (isBlockTag(name)) depth++;
    else if (name.startsWith('end') && isBlockTag(name.slice(3))) {
      if (depth-- === 0) return undefined;
    } else if (depth === 0 && name === 'else') sawElse = true;
    else if (depth === 0 && name === 'elsif' && sawElse) return regions[i];
  }
  return undefined;
}

let tagNames: string[] | undefined;

/** Tags a template may use: the engine's, block branches and end tags, and Braze-only tags. */
function knownTagNames(): string[] {
  if (!tagNames) {
    const engineTags = Object.keys(sharedBrazeEngine().tags).filter((name) => !HIDDEN_TAGS.has(name));
    const endTags = engineTags.filter(isBlockTag).map((name) => `end${name}`);
    tagNames = [...engineTags, ...Object.keys(BRANCH_TAGS), ...endTags, ...BRAZE_TAGS_NOT_PREVIEWED];
  }
  return tagNames;
}
