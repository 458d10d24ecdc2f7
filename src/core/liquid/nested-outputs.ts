/**
 * `{{ … }}` written inside another Liquid region: a tag argument (`{% if {{list | size}} == 1 %}`)
 * or a filter argument (`{{a | plus: {{balance}} }}`). Braze evaluates the nested output first and
 * uses its value. Without filters the braces can simply be blanked (`{{balance}}` reads `balance`);
 * with filters the value must be computed first, so the rewrite hoists it into an internal
 * `assign` placed before the region (before the block's opening tag for `elsif`/`when`, whose
 * conditions are evaluated before any branch body runs).
 * https://www.braze.com/docs/user_guide/personalization_and_dynamic_content/liquid/using_liquid/
 * https://www.braze.com/docs/user_guide/personalization_and_dynamic_content/liquid/filters/
 */

/** One `{{ … }}` nested in a region, with offsets into the original text. */
export interface NestedOutput {
  /** The `{{` and just after the `}}`. */
  start: number;
  end: number;
  /** The expression between the delimiters (and `-` trim markers). */
  innerStart: number;
  innerEnd: number;
  /** True when the expression has a top-level filter: its value must be computed first. */
  filtered: boolean;
  /** Outputs nested in this one's expression. */
  children: NestedOutput[];
  /** Name of the internal variable holding the hoisted value; set for hoisted outputs. */
  variable?: string;
}

/** Prefix of the internal variables; templates never see them (they hold values Braze computes inline). */
export const NESTED_VARIABLE_PREFIX = '__braze_nested_';

/**
 * The nested outputs of `[from, to)`, outermost first. Quoted strings and `${…}` references are
 * skipped; an unclosed `{{` is not a nested output.
 */
export function findNestedOutputs(text: string, from: number, to: number): NestedOutput[] {
  const found: NestedOutput[] = [];
  let p = from;
  while (p < to) {
    const skipped = skipOpaque(text, p, to);
    if (skipped !== undefined) {
      p = skipped;
    } else if (text[p] === '{' && text[p + 1] === '{') {
      const end = matchingOutputEnd(text, p, to);
      if (end < 0) {
        p += 2;
        continue;
      }
      found.push(toNested(text, p, end));
      p = end;
    } else {
      p++;
    }
  }
  return found;
}

function toNested(text: string, start: number, end: number): NestedOutput {
  const innerStart = start + (text[start + 2] === '-' ? 3 : 2);
  const innerEnd = Math.max(innerStart, end - (text[end - 3] === '-' ? 3 : 2));
  return {
    start,
    end,
    innerStart,
    innerEnd,
    filtered: hasTopLevelPipe(text, innerStart, innerEnd),
    children: findNestedOutputs(text, innerStart, innerEnd),
  };
}

/** End (exclusive) of the `{{ … }}` opening at `start`, or -1 when it does not close before `to`. */
function matchingOutputEnd(text: string, start: number, to: number): number {
  let depth = 0;
  let p = start;
  while (p < to) {
    const ch = text[p];
    const skipped = skipOpaque(text, p, to);
    if (skipped !== undefined) {
      p = skipped;
    } else if (ch === '{' && text[p + 1] === '{') {
      depth++;
      p += 2;
    } else if (ch === '}' && text[p + 1] === '}') {
      depth--;
      p += 2;
      if (depth === 0) return p;
    } else {
      p++;
    }
  }
  return -1;
}

/** True when `[from, to)` pipes into a filter outside quotes, references and nested outputs. */
function hasTopLevelPipe(text: string, from: number, to: number): boolean {
  let p = from;
  while (p < to) {
    const ch = text[p];
    const skipped = skipOpaque(text, p, to);
    if (skipped !== undefined) p = skipped;
    else if (ch === '{' && text[p + 1] === '{') {
      const end = matchingOutputEnd(text, p, to);
      p = end < 0 ? p + 2 : end;
    } else if (ch === '|' && text[p + 1] !== '|' && text[p - 1] !== '|') return true;
    else p++;
  }
  return false;
}

/** Where scanning resumes after a `${…}` reference or a quoted string at `p`; undefined elsewhere. */
function skipOpaque(text: string, p: number, to: number): number | undefined {
  const ch = text[p];
  if (ch === '$' && text[p + 1] === '{') return skipReference(text, p, to);
  if (ch === "'" || ch === '"') return skipQuoted(text, p, to);
  return undefined;
}

function skipReference(text: string, p: number, to: number): number {
  const close = text.indexOf('}', p + 2);
  return close < 0 || close >= to ? p + 2 : close + 1;
}

/** After a quoted string; an unterminated quote is an ordinary character. */
function skipQuoted(text: string, p: number, to: number): number {
  const close = text.indexOf(text[p], p + 1);
  return close < 0 || close >= to ? p + 1 : close + 1;
}

/**
 * Names every filtered output (at any depth) and returns them in the order their `assign`s must
 * run: an output's own filtered children come before it.
 */
export function planHoists(outputs: readonly NestedOutput[], nextIndex: () => number): NestedOutput[] {
  const order: NestedOutput[] = [];
  const visit = (output: NestedOutput) => {
    for (const child of output.children) visit(child);
    if (output.filtered) {
      output.variable = `${NESTED_VARIABLE_PREFIX}${nextIndex()}`;
      order.push(output);
    }
  };
  for (const output of outputs) visit(output);
  return order;
}
