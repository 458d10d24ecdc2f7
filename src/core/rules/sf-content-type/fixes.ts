import type { Node } from 'jsonc-parser';
import type { TextEdit } from '../../types';

/**
 * Edits that add members to a JSON object in the file's own layout: one member per line with the
 * neighbours' indentation when the file is laid out that way, inline otherwise. Only text between
 * existing tokens is touched, so the rest of the file keeps its formatting.
 */

/** `"key": value` text for a member; `indent` is the member's own indentation (undefined inline). */
export type MemberText = (indent: string | undefined) => string;

/** Appends a member at the end of `object` (an object node of the file's JSON tree). */
export function appendMemberEdit(text: string, object: Node, member: MemberText): TextEdit {
  const properties = object.children ?? [];
  const last = properties[properties.length - 1];
  if (last) return insertAfterEdit(text, last, member);
  const inner = { start: object.offset + 1, end: object.offset + object.length - 1 };
  if (!isMultiline(text)) return { startIndex: inner.start, endIndex: inner.end, insert: ` ${member(undefined)} ` };
  const base = leadingWhitespace(text, object.offset);
  const indent = base + indentUnit(text);
  return { startIndex: inner.start, endIndex: inner.end, insert: `\n${indent}${member(indent)}\n${base}` };
}

/** Inserts a member right after `property` (a property node), before any comma that follows it. */
export function insertAfterEdit(text: string, property: Node, member: MemberText): TextEdit {
  const end = property.offset + property.length;
  const indent = ownLineIndent(text, property.offset);
  const insert = indent === undefined ? `, ${member(undefined)}` : `,\n${indent}${member(indent)}`;
  return { startIndex: end, endIndex: end, insert };
}

/** A member whose value is an object with one member, laid out like the rest of the file. */
export function nestedObjectMember(text: string, key: string, innerMember: string): MemberText {
  return (indent) =>
    indent === undefined ? `${JSON.stringify(key)}: { ${innerMember} }` : `${JSON.stringify(key)}: {\n${indent}${indentUnit(text)}${innerMember}\n${indent}}`;
}

/** Indentation before `offset` when only whitespace precedes it on its line. */
function ownLineIndent(text: string, offset: number): string | undefined {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const before = text.slice(lineStart, offset);
  return /^[ \t]*$/.test(before) ? before : undefined;
}

/** Leading whitespace of the line that holds `offset`. */
function leadingWhitespace(text: string, offset: number): string {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  return /^[ \t]*/.exec(text.slice(lineStart))?.[0] ?? '';
}

/** One level of indentation: the first indented member line's indentation, or two spaces. */
function indentUnit(text: string): string {
  return /\n([ \t]+)"/.exec(text)?.[1] ?? '  ';
}

function isMultiline(text: string): boolean {
  return /\n[ \t]*"/.test(text);
}
