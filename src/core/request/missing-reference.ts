import type { AttributeReference, LiquidRegion } from '../liquid/braze-syntax';

/**
 * What Braze renders for a `${…}` reference the profile has no value for, by where it is written.
 * The renderer's problem and the `render-missing-attribute` rule both say it with these texts, so
 * the message under a rendered body matches the body (issue 11: a `default` that supplied the
 * value must not be reported as "rendered as an empty string").
 * https://www.braze.com/docs/user_guide/personalization_and_dynamic_content/liquid/setting_default_values/
 */
export const MISSING_REFERENCE_MESSAGES = {
  missing: '{{reference}} has no value for this profile; Braze renders it as an empty string.',
  missingWithDefault: "{{reference}} has no value for this profile; the output's `default` renders {{value}} instead.",
  missingWithEmptyDefault: "{{reference}} has no value for this profile; the output's `default` is empty too, so Braze renders an empty string.",
  missingBeforeFilters: "{{reference}} has no value for this profile; the output's filters (`{{filters}}`) decide what is rendered from the empty value.",
  missingInTag: '{{reference}} has no value for this profile; in this tag it is blank (nil).',
} as const;

export type MissingReferenceMessageId = keyof typeof MISSING_REFERENCE_MESSAGES;

/** How a missing reference renders: a message id of MISSING_REFERENCE_MESSAGES and its data. */
export interface MissingReferenceOutcome {
  messageId: MissingReferenceMessageId;
  data: Record<string, string>;
}

/**
 * Filters that turn an empty (or nil) value into an empty string, so a `default` after them still
 * applies (Shopify Liquid filter semantics, as liquidjs implements them).
 */
const EMPTY_PRESERVING_FILTERS = new Set([
  'capitalize',
  'downcase',
  'escape',
  'escape_once',
  'json_escape',
  'lstrip',
  'newline_to_br',
  'remove',
  'remove_first',
  'replace',
  'replace_first',
  'rstrip',
  'strip',
  'strip_html',
  'strip_newlines',
  'truncate',
  'truncatewords',
  'upcase',
  'url_encode',
  'url_escape',
  'url_param_escape',
]);

/** Liquid literals that are empty themselves as a `default` argument. */
const EMPTY_LITERALS = /^(?:''|""|nil|null|empty|blank)$/;

/**
 * Where `reference` (decoded offsets into `text`, a field's text) sits among the field's Liquid
 * `regions`, and what Braze renders for it when the profile has no value: in a tag it is nil; in
 * an output it is an empty string unless the output's `default` filter supplies a value. A `{{ }}`
 * written inside a tag's arguments (connected_content, abort_message) is an output of its own.
 */
export function classifyMissingReference(text: string, regions: readonly LiquidRegion[], reference: AttributeReference): MissingReferenceOutcome {
  const name = describeReference(reference);
  const region = regions.find((r) => r.start <= reference.start && reference.end <= r.end);
  const output = region?.kind === 'output' ? { start: region.start, end: region.end } : region ? nestedOutput(text, region, reference) : undefined;
  if (!output) return region ? { messageId: 'missingInTag', data: { reference: name } } : { messageId: 'missing', data: { reference: name } };
  const inner = text.slice(output.start, output.end).replace(/^\{\{-?/, '').replace(/-?\}\}$/, '');
  const subjectStart = output.start + (text.slice(output.start, output.end).match(/^\{\{-?/)?.[0].length ?? 2);
  // The reference is the output's subject only when nothing but spaces comes before it.
  if (text.slice(subjectStart, reference.start).trim() !== '') return { messageId: 'missing', data: { reference: name } };
  const filters = splitFilters(inner.slice(reference.end - subjectStart));
  const defaultAt = filters.findIndex((f) => f.name === 'default');
  if (defaultAt < 0) {
    const changing = filters.filter((f) => !EMPTY_PRESERVING_FILTERS.has(f.name));
    return changing.length === 0 ? { messageId: 'missing', data: { reference: name } } : { messageId: 'missingBeforeFilters', data: { reference: name, filters: changing.map((f) => f.name).join(' | ') } };
  }
  const before = filters.slice(0, defaultAt).filter((f) => !EMPTY_PRESERVING_FILTERS.has(f.name));
  if (before.length > 0) return { messageId: 'missingBeforeFilters', data: { reference: name, filters: before.map((f) => f.name).join(' | ') } };
  const argument = filters[defaultAt].argument.trim();
  if (argument === '' || EMPTY_LITERALS.test(argument)) return { messageId: 'missingWithEmptyDefault', data: { reference: name } };
  return { messageId: 'missingWithDefault', data: { reference: name, value: describeDefault(argument) } };
}

/** Fills a message of MISSING_REFERENCE_MESSAGES. */
export function formatMissingReference(outcome: MissingReferenceOutcome): string {
  return MISSING_REFERENCE_MESSAGES[outcome.messageId].replace(/\{\{(\w+)\}\}/g, (whole, key: string) => outcome.data[key] ?? whole);
}

/** How a reference reads in messages: `${first_name}` or `custom_attribute.${company}`. */
export function describeReference(reference: AttributeReference): string {
  return reference.namespace ? `${reference.namespace}.\${${reference.name}}` : `\${${reference.name}}`;
}

/** A quoted default as the string it renders (`"Unknown"`); anything else as written. */
function describeDefault(argument: string): string {
  const quoted = /^(['"])([\s\S]*)\1$/.exec(argument);
  return quoted ? JSON.stringify(quoted[2]) : `\`${argument}\``;
}

/** The `{{ … }}` inside a tag's arguments that holds the reference, if any. */
function nestedOutput(text: string, region: LiquidRegion, reference: AttributeReference): { start: number; end: number } | undefined {
  const open = text.lastIndexOf('{{', reference.start);
  if (open < region.start) return undefined;
  const closeBefore = text.indexOf('}}', open + 2);
  // A `}}` between the `{{` and the reference (other than the `${…}` brace) closes that output.
  if (closeBefore >= 0 && closeBefore + 2 <= reference.start) return undefined;
  const close = text.indexOf('}}', reference.end);
  return close < 0 || close + 2 > region.end ? undefined : { start: open, end: close + 2 };
}

interface FilterCall {
  name: string;
  /** The text after `name:`, as written. */
  argument: string;
}

/** `| upcase | default: 'a|b'` → filters with their arguments; pipes inside quotes are text. */
function splitFilters(text: string): FilterCall[] {
  const parts: string[] = [];
  let current = '';
  let quote = '';
  for (const ch of text) {
    if (quote) {
      if (ch === quote) quote = '';
    } else if (ch === '"' || ch === "'") {
      quote = ch;
    } else if (ch === '|') {
      parts.push(current);
      current = '';
      continue;
    }
    current += ch;
  }
  parts.push(current);
  return parts.slice(1).map((part) => {
    const match = /^\s*([A-Za-z_][\w-]*)\s*(?::([\s\S]*))?$/.exec(part);
    return { name: match?.[1] ?? part.trim(), argument: match?.[2] ?? '' };
  });
}
