/**
 * The argument syntax of `{% connected_content URL :option value … %}`, parsed once.
 * https://www.braze.com/docs/user_guide/personalization_and_dynamic_content/connected_content/making_an_api_call/
 * Options are `:name value` pairs separated by whitespace; values may hold Liquid (`{{ }}`) and
 * `:headers` holds a JSON object, so braces are balanced before a value ends.
 */

/** Every option Braze documents for connected_content. */
export const KNOWN_CC_OPTIONS = [
  'auth_credentials',
  'basic_auth',
  'body',
  'cache_max_age',
  'content_type',
  'headers',
  'method',
  'no_cache',
  'retry',
  'save',
] as const;

/** Options that take no value. */
export const FLAG_CC_OPTIONS = new Set(['no_cache', 'retry']);

/** A piece of the argument text; offsets are relative to the start of the arguments. */
export interface ArgSpan {
  text: string;
  start: number;
  end: number;
}

export interface CcOption {
  /** Option name without the colon; empty for stray text that is not an option. */
  name: string;
  /** `:name`, or the stray text. */
  nameSpan: ArgSpan;
  /** Value text, trimmed; empty span for flags. */
  value: ArgSpan;
  /** Whole option, `:name value`. */
  start: number;
  end: number;
}

export interface CcArgs {
  url: ArgSpan;
  options: CcOption[];
}

/** Parses connected_content arguments. Pure and total: odd input yields stray options. */
export function parseConnectedContentArgs(args: string): CcArgs {
  let p = skipSpace(args, 0);
  const urlEnd = scanValueEnd(args, p, true);
  const url = { text: args.slice(p, urlEnd), start: p, end: urlEnd };
  const options: CcOption[] = [];
  p = skipSpace(args, urlEnd);
  while (p < args.length) {
    const option = args[p] === ':' ? readOption(args, p) : readStray(args, p);
    options.push(option);
    p = skipSpace(args, option.end);
  }
  return { url, options };
}

function readOption(args: string, start: number): CcOption {
  const nameMatch = /^:([A-Za-z_]\w*)/.exec(args.slice(start, start + 80));
  const nameEnd = start + (nameMatch ? nameMatch[0].length : 1);
  const name = nameMatch ? nameMatch[1] : '';
  const valueStart = skipSpace(args, nameEnd);
  const valueEnd = FLAG_CC_OPTIONS.has(name) && startsOption(args, valueStart) ? valueStart : scanValueEnd(args, valueStart, false);
  const trimmedEnd = trimEnd(args, valueStart, valueEnd);
  return {
    name,
    nameSpan: { text: args.slice(start, nameEnd), start, end: nameEnd },
    value: { text: args.slice(valueStart, trimmedEnd), start: valueStart, end: trimmedEnd },
    start,
    end: Math.max(nameEnd, trimmedEnd),
  };
}

function readStray(args: string, start: number): CcOption {
  const end = scanValueEnd(args, start, true);
  const span = { text: args.slice(start, end), start, end };
  return { name: '', nameSpan: span, value: { text: '', start: end, end }, start, end };
}

/**
 * End of a value: for the URL, the first whitespace outside `{{ }}`/`{% %}`; for option values,
 * the first whitespace that is followed by `:name` outside braces and strings.
 */
function scanValueEnd(args: string, from: number, stopAtSpace: boolean): number {
  let depth = 0;
  let quote: string | undefined;
  for (let p = from; p < args.length; p++) {
    const ch = args[p];
    if (quote) {
      if (ch === '\\') p++;
      else if (ch === quote) quote = undefined;
      continue;
    }
    if (ch === '"' && depth > 0) quote = ch;
    else if (ch === '{') depth++;
    else if (ch === '}') depth = Math.max(0, depth - 1);
    else if (depth === 0 && /\s/.test(ch)) {
      if (stopAtSpace) return p;
      const next = skipSpace(args, p);
      if (startsOption(args, next)) return p;
    }
  }
  return args.length;
}

function startsOption(args: string, p: number): boolean {
  return args[p] === ':' && /[A-Za-z_]/.test(args[p + 1] ?? '');
}

function skipSpace(args: string, p: number): number {
  while (p < args.length && /\s/.test(args[p])) p++;
  return p;
}

function trimEnd(args: string, start: number, end: number): number {
  while (end > start && /\s/.test(args[end - 1])) end--;
  return end;
}
