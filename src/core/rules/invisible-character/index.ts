import type { RuleContext, RuleDefinition } from '../../lint/types';
import { decodeJsonString } from '../../template/json-string';
import { objectMembers, type MemberInfo, type TemplateFile } from '../../template/template-file';
import type { TextEdit } from '../../types';
import { docsUrl } from '../docs-url';
import { describeField } from '../oauth-helpers';
import texts from './texts.json';

/** Invisible format characters (Unicode general category Cf): bidi controls, zero-width characters, tags… */
const FORMAT_CHARACTER = /\p{Cf}/gu;

/**
 * Characters that write text as it is meant inside a value: joiners in scripts and emoji
 * sequences (U+200C, U+200D) and the direction marks of mixed right-to-left text (U+200E, U+200F).
 * In a URL, a header or a name they are still reported.
 */
const TEXT_SHAPING = new Set([0x200c, 0x200d, 0x200e, 0x200f]);

/** U+1F3F4 WAVING BLACK FLAG starts an emoji tag sequence (🏴 + tags + U+E007F, e.g. England). */
const TAG_SEQUENCE_BASE = 0x1f3f4;

/** Names of the format characters people meet, from the Unicode Character Database. */
const NAMES: Record<number, string> = {
  0x00ad: 'SOFT HYPHEN',
  0x061c: 'ARABIC LETTER MARK',
  0x180e: 'MONGOLIAN VOWEL SEPARATOR',
  0x200b: 'ZERO WIDTH SPACE',
  0x200c: 'ZERO WIDTH NON-JOINER',
  0x200d: 'ZERO WIDTH JOINER',
  0x200e: 'LEFT-TO-RIGHT MARK',
  0x200f: 'RIGHT-TO-LEFT MARK',
  0x202a: 'LEFT-TO-RIGHT EMBEDDING',
  0x202b: 'RIGHT-TO-LEFT EMBEDDING',
  0x202c: 'POP DIRECTIONAL FORMATTING',
  0x202d: 'LEFT-TO-RIGHT OVERRIDE',
  0x202e: 'RIGHT-TO-LEFT OVERRIDE',
  0x2060: 'WORD JOINER',
  0x2061: 'FUNCTION APPLICATION',
  0x2062: 'INVISIBLE TIMES',
  0x2063: 'INVISIBLE SEPARATOR',
  0x2064: 'INVISIBLE PLUS',
  0x2066: 'LEFT-TO-RIGHT ISOLATE',
  0x2067: 'RIGHT-TO-LEFT ISOLATE',
  0x2068: 'FIRST STRONG ISOLATE',
  0x2069: 'POP DIRECTIONAL ISOLATE',
  0xfeff: 'ZERO WIDTH NO-BREAK SPACE',
  0xfff9: 'INTERLINEAR ANNOTATION ANCHOR',
  0xfffa: 'INTERLINEAR ANNOTATION SEPARATOR',
  0xfffb: 'INTERLINEAR ANNOTATION TERMINATOR',
  0xe0001: 'LANGUAGE TAG',
  0xe007f: 'CANCEL TAG',
};

/** `U+202E RIGHT-TO-LEFT OVERRIDE`; tag characters name the ASCII letter they hide. */
export function describeCharacter(codePoint: number): string {
  const hex = codePoint.toString(16).toUpperCase().padStart(4, '0');
  const tagged = codePoint >= 0xe0020 && codePoint <= 0xe007e ? tagName(codePoint - 0xe0000) : undefined;
  return `U+${hex} ${NAMES[codePoint] ?? tagged ?? 'FORMAT CHARACTER'}`;
}

function tagName(ascii: number): string {
  const ch = String.fromCharCode(ascii);
  if (/[A-Z]/.test(ch)) return `TAG LATIN CAPITAL LETTER ${ch}`;
  if (/[a-z]/.test(ch)) return `TAG LATIN SMALL LETTER ${ch.toUpperCase()}`;
  if (/[0-9]/.test(ch)) return `TAG DIGIT ${['ZERO', 'ONE', 'TWO', 'THREE', 'FOUR', 'FIVE', 'SIX', 'SEVEN', 'EIGHT', 'NINE'][ascii - 48]}`;
  return ascii === 0x20 ? 'TAG SPACE' : 'TAG CHARACTER';
}

/**
 * Invisible format characters — bidi overrides, embeddings and isolates (U+202A–U+202E,
 * U+2066–U+2069), zero-width characters (U+200B–U+200D, U+2060, U+FEFF inside text), the soft
 * hyphen, tag characters and the other Cf characters — are sent as written but not seen: a
 * right-to-left override can make a URL read as another host (the "Trojan Source" technique,
 * CVE-2021-42574, https://trojansource.codes), a zero-width space makes a header or field name
 * one Salesforce does not know, tag characters carry hidden text. Reported in URLs, header names
 * and values, body keys and the raw body; in body values (what Salesforce stores) too, except the
 * characters that shape text there (joiners in scripts and emoji, direction marks in
 * right-to-left text, an emoji flag's tags). The fix removes the character.
 * Unicode general category Cf: https://www.unicode.org/reports/tr44/#General_Category_Values
 */
export const InvisibleCharacter: RuleDefinition = {
  meta: {
    id: 'invisible-character',
    docs: {
      recommended: true,
      url: docsUrl('invisible-character'),
    },
    severity: 'warning',
    kind: 'static',
    schema: {},
    fixable: true,
    texts,
  },
  create(context) {
    return {
      Field({ field }) {
        const allowShaping = field.kind === 'body-value';
        for (const { index, length, codePoint } of formatCharacters(field.text, allowShaping)) {
          const range = context.toRaw(field, index, index + length);
          const char = describeCharacter(codePoint);
          const messageId = field.kind === 'url' ? 'url' : field.kind === 'header' ? 'header' : field.kind === 'body-value' ? 'bodyValue' : 'rawBody';
          context.report({ messageId, data: { char, where: describeField(field) }, startIndex: range.start, endIndex: range.end, fix: [removal(range.start, range.end)] });
        }
      },
      TemplateFile(file) {
        for (const [member, messageId] of [['request_headers', 'headerName'], ['body', 'bodyKey']] as const) {
          const object = file.members.find((m) => m.key === member)?.valueNode;
          if (object?.type !== 'object') continue;
          for (const key of objectMembers(object)) reportKey(context, file, key, messageId);
        }
      },
    };
  },
};

/** The format characters of a text with their offsets and lengths (a tag character is two units). */
function formatCharacters(text: string, allowShaping: boolean): Array<{ index: number; length: number; codePoint: number }> {
  const found: Array<{ index: number; length: number; codePoint: number }> = [];
  for (const match of text.matchAll(FORMAT_CHARACTER)) {
    const index = match.index ?? 0;
    const codePoint = match[0].codePointAt(0) ?? 0;
    if (allowShaping && (TEXT_SHAPING.has(codePoint) || inTagSequence(text, index))) continue;
    found.push({ index, length: match[0].length, codePoint });
  }
  return found;
}

/** Whether the tag character at `index` belongs to an emoji tag sequence (🏴 then tags). */
function inTagSequence(text: string, index: number): boolean {
  let p = index;
  while (p >= 2) {
    const before = text.codePointAt(p - 2) ?? 0;
    if (before >= 0xe0020 && before <= 0xe007f) p -= 2;
    else break;
  }
  const codePoint = text.codePointAt(index) ?? 0;
  return codePoint >= 0xe0020 && codePoint <= 0xe007f && p >= 2 && text.codePointAt(p - 2) === TAG_SEQUENCE_BASE;
}

/** A header or body key: reported at the character inside the key's JSON string. */
function reportKey(context: RuleContext, file: TemplateFile, key: MemberInfo, messageId: 'headerName' | 'bodyKey'): void {
  const decoded = decodeJsonString(file.text, key.keyRange.start, key.keyRange.end - key.keyRange.start);
  const visible = decoded.text.replace(FORMAT_CHARACTER, '');
  for (const { index, length, codePoint } of formatCharacters(decoded.text, false)) {
    const start = decoded.map[index];
    const end = decoded.map[index + length];
    context.report({ messageId, data: { char: describeCharacter(codePoint), name: visible }, startIndex: start, endIndex: end, fix: [removal(start, end)] });
  }
}

function removal(start: number, end: number): TextEdit {
  return { startIndex: start, endIndex: end, insert: '' };
}
