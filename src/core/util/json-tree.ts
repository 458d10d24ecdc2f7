import { type Node, type ParseError, parseTree, printParseErrorCode } from 'jsonc-parser';

/** A JSON syntax problem with raw offsets. */
export interface JsonSyntaxError {
  message: string;
  startIndex: number;
  endIndex: number;
}

export interface ParsedJson {
  root: Node | undefined;
  errors: JsonSyntaxError[];
}

/** Deeper documents are refused before parsing: jsonc-parser recurses once per level. */
export const MAX_JSON_DEPTH = 256;

const ERROR_MESSAGES: Record<string, string> = {
  InvalidSymbol: 'Invalid symbol',
  InvalidNumberFormat: 'Invalid number format',
  PropertyNameExpected: 'Property name expected',
  ValueExpected: 'Value expected',
  ColonExpected: 'Colon expected',
  CommaExpected: 'Comma expected',
  CloseBraceExpected: 'Closing brace `}` expected',
  CloseBracketExpected: 'Closing bracket `]` expected',
  EndOfFileExpected: 'End of file expected',
  InvalidCommentToken: 'Comments are not allowed in JSON',
  UnexpectedEndOfComment: 'Unexpected end of comment',
  UnexpectedEndOfString: 'Unterminated string',
  UnexpectedEndOfNumber: 'Unexpected end of number',
  InvalidUnicode: 'Invalid \\u escape',
  InvalidEscapeCharacter: 'Invalid escape character in string',
  InvalidCharacter: 'Invalid character in string (control characters must be escaped)',
};

/** Strict JSON (no comments, no trailing commas) parsed into a tree with offsets. Never throws. */
export function parseJsonTree(text: string): ParsedJson {
  const tooDeep = findExcessiveNesting(text, MAX_JSON_DEPTH);
  if (tooDeep !== undefined) {
    return {
      root: undefined,
      errors: [{ message: `JSON nested deeper than ${MAX_JSON_DEPTH} levels`, startIndex: tooDeep, endIndex: tooDeep + 1 }],
    };
  }
  const raw: ParseError[] = [];
  const root = parseTree(text, raw, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  // Only the first error is reported: what jsonc-parser finds after it is mostly a cascade
  // ("Value expected" after "Property name expected"), as ESLint reports one parse error.
  const errors = raw
    .slice(0, 1)
    .map((e) => ({
      message: ERROR_MESSAGES[printParseErrorCode(e.error)] ?? printParseErrorCode(e.error),
      startIndex: Math.min(e.offset, text.length),
      endIndex: Math.min(text.length, e.offset + Math.max(1, e.length)),
    }));
  if (text.trim() === '') return { root: undefined, errors: [{ message: 'The file is empty', startIndex: 0, endIndex: 0 }] };
  return { root, errors };
}

/** Offset of the first bracket that opens level `limit + 1`, ignoring brackets inside strings. */
function findExcessiveNesting(text: string, limit: number): number | undefined {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (inString) {
      if (ch === 92 /* \ */) i++;
      else if (ch === 34 /* " */) inString = false;
    } else if (ch === 34) {
      inString = true;
    } else if (ch === 123 || ch === 91 /* { [ */) {
      if (++depth > limit) return i;
    } else if (ch === 125 || ch === 93) {
      depth--;
    }
  }
  return undefined;
}
