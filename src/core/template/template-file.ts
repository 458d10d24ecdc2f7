import type { Node } from 'jsonc-parser';
import type { OffsetRange } from '../types';
import { type JsonSyntaxError, parseJsonTree } from '../util/json-tree';
import { computeLineStarts, stripBom } from '../util/positions';
import { type DecodedString, decodeJsonString } from './json-string';

/** Where a Liquid string sits in the webhook object. */
export type FieldKind = 'url' | 'header' | 'body-value' | 'body-raw';

/**
 * One Braze Liquid string of the template (the URL, a header value, a body value or the raw
 * body). Braze renders each of these as its own Liquid scope.
 */
export interface LiquidField {
  /** Stable id: `url`, `header:<name>`, `body:<key>` or `body`. */
  id: string;
  kind: FieldKind;
  /** Header name or body key (decoded), for header and body-value fields. */
  key?: string;
  /** Raw range of the key's string token, quotes included. */
  keyRange?: OffsetRange;
  /** Decoded value (the Liquid source). */
  text: string;
  /** Raw range of the value's string token, quotes included. */
  valueRange: OffsetRange;
  /** Decoded-offset → raw-offset map of `text` (see DecodedString). */
  decoded: DecodedString;
}

/** A JSON member of the template with its raw ranges, for rules about keys and values. */
export interface MemberInfo {
  key: string;
  keyRange: OffsetRange;
  valueNode: Node;
}

/** A parsed `*.braze-webhook.json` file. Parse once, share everywhere. */
export interface TemplateFile {
  /** Raw file text without a leading BOM; every offset points into it. */
  text: string;
  hadBom: boolean;
  root: Node | undefined;
  /** Strict-JSON syntax problems; when non-empty the model is best effort. */
  syntaxErrors: JsonSyntaxError[];
  /** Top-level members in file order. */
  members: MemberInfo[];
  url?: LiquidField;
  method?: { value: string; range: OffsetRange };
  headers: LiquidField[];
  /** `json` = Braze's "JSON Key/Value Pairs"; `raw` = "Raw Text"; `none` = no body. */
  bodyMode: 'json' | 'raw' | 'none';
  body: LiquidField[];
  /** Every Liquid field in order: URL, headers, body. */
  fields: LiquidField[];
  lineStarts: number[];
}

/**
 * Templates larger than this are not checked at all: Braze documents no size limit, but no real
 * webhook comes near it, and checking 50 MB on every keystroke would freeze the editor.
 */
export const MAX_TEMPLATE_CHARS = 2_000_000;

/** Parses a template file once into fields whose Liquid offsets map back to the raw file. */
export function parseTemplateFile(input: string): TemplateFile {
  const text = stripBom(input);
  const { root, errors } = text.length > MAX_TEMPLATE_CHARS ? tooLarge(text) : parseJsonTree(text);
  const file: TemplateFile = {
    text,
    hadBom: text.length !== input.length,
    root,
    syntaxErrors: errors,
    members: [],
    headers: [],
    bodyMode: 'none',
    body: [],
    fields: [],
    lineStarts: computeLineStarts(text),
  };
  if (root?.type !== 'object') return file;
  file.members = objectMembers(root);
  for (const member of file.members) readTopLevelMember(file, member);
  file.fields = [...(file.url ? [file.url] : []), ...file.headers, ...file.body];
  return file;
}

function tooLarge(text: string): ReturnType<typeof parseJsonTree> {
  const mb = (n: number) => (n / 1_000_000).toFixed(1);
  return { root: undefined, errors: [{ message: `The template is ${mb(text.length)} MB; templates over ${mb(MAX_TEMPLATE_CHARS)} MB are not checked`, startIndex: 0, endIndex: 0 }] };
}

function readTopLevelMember(file: TemplateFile, member: MemberInfo): void {
  const { key, valueNode } = member;
  switch (key) {
    case 'url':
      if (valueNode.type === 'string') file.url = toField(file.text, 'url', 'url', valueNode);
      return;
    case 'request_method':
      if (valueNode.type === 'string') {
        file.method = { value: String(valueNode.value), range: rangeOf(valueNode) };
      }
      return;
    case 'request_headers':
      if (valueNode.type !== 'object') return;
      file.headers = objectMembers(valueNode)
        .filter((m) => m.valueNode.type === 'string')
        .map((m) => ({ ...toField(file.text, `header:${m.key}`, 'header', m.valueNode), key: m.key, keyRange: m.keyRange }));
      return;
    case 'body':
      if (valueNode.type === 'string') {
        file.bodyMode = 'raw';
        file.body = [toField(file.text, 'body', 'body-raw', valueNode)];
      } else if (valueNode.type === 'object') {
        file.bodyMode = 'json';
        file.body = objectMembers(valueNode)
          .filter((m) => m.valueNode.type === 'string')
          .map((m) => ({ ...toField(file.text, `body:${m.key}`, 'body-value', m.valueNode), key: m.key, keyRange: m.keyRange }));
      }
      return;
    default:
      return;
  }
}

/** Members of an object node, skipping incomplete ones left by syntax errors. */
export function objectMembers(node: Node): MemberInfo[] {
  const members: MemberInfo[] = [];
  for (const property of node.children ?? []) {
    const [keyNode, valueNode] = property.children ?? [];
    if (!keyNode || !valueNode || keyNode.type !== 'string') continue;
    members.push({ key: String(keyNode.value), keyRange: rangeOf(keyNode), valueNode });
  }
  return members;
}

function toField(text: string, id: string, kind: FieldKind, node: Node): LiquidField {
  const decoded = decodeJsonString(text, node.offset, node.length);
  return { id, kind, text: decoded.text, valueRange: rangeOf(node), decoded };
}

/** Raw range of a JSON node. */
export function rangeOf(node: Node): OffsetRange {
  return { start: node.offset, end: node.offset + node.length };
}

/** A Liquid text that is not inside JSON (a `.liquid` file): offsets map one to one. */
export function plainTextField(text: string, id = 'text'): LiquidField {
  const map = new Uint32Array(text.length + 1);
  for (let i = 0; i <= text.length; i++) map[i] = i;
  return { id, kind: 'body-raw', text, valueRange: { start: 0, end: text.length }, decoded: { text, map } };
}
