import { getLocation } from 'jsonc-parser';
import { BRAZE_FILTER_DOCS } from '../liquid/filters';
import { KNOWN_CC_OPTIONS } from '../liquid/connected-content-args';
import { NAMESPACES, STANDARD_ATTRIBUTES } from '../profile';
import { LEAD_FIELDS } from '../salesforce/lead-fields';
import type { TemplateFile } from '../template/template-file';
import { CC_OPTION_DOCS } from './docs';
import { fieldAt, rawToDecoded } from './locate';

/** A completion candidate; `insertText` is snippet syntax when `snippet` is set. */
export interface CompletionCandidate {
  label: string;
  kind: 'attribute' | 'namespace' | 'filter' | 'option' | 'field' | 'snippet';
  detail?: string;
  documentation?: string;
  insertText: string;
  snippet?: boolean;
  /** Raw range the insert replaces (the partial word typed so far). */
  replaceStart: number;
  replaceEnd: number;
}

/** Where the cursor is, for snippets: a whole file, a header or body member, or a string value. */
export type SnippetContext = 'file' | 'headers' | 'body' | 'string' | undefined;

export interface CompletionContext {
  /** Custom attribute keys seen in the sample profiles. */
  customAttributeKeys?: readonly string[];
}

/** Completion candidates at a raw offset of a template. */
export function completionsAt(file: TemplateFile, offset: number, context: CompletionContext = {}): CompletionCandidate[] {
  const field = fieldAt(file, offset) ?? fieldEndingAt(file, offset);
  if (field) return completionsInString(field, offset, context);
  return completionsForKeys(file, offset);
}

/** The snippet context at an offset, from the JSON structure around it. */
export function snippetContextAt(file: TemplateFile, offset: number): SnippetContext {
  if (file.text.trim() === '') return 'file';
  const location = getLocation(file.text, offset);
  const path = location.path;
  if (location.isAtPropertyKey && path.length === 2 && path[0] === 'request_headers') return 'headers';
  if (location.isAtPropertyKey && path.length === 2 && path[0] === 'body') return 'body';
  if (!location.isAtPropertyKey && location.previousNode?.type === 'string') return 'string';
  return undefined;
}

function fieldEndingAt(file: TemplateFile, offset: number) {
  return file.fields.find((f) => offset === f.valueRange.end - 1);
}

function completionsInString(field: NonNullable<ReturnType<typeof fieldAt>>, offset: number, context: CompletionContext): CompletionCandidate[] {
  const at = rawToDecoded(field, offset);
  const before = field.text.slice(0, at);
  const rawAt = (decoded: number) => field.decoded.map[decoded];
  const attribute = /(?:^|[^.\w])\$\{([^}\s]*)$/.exec(before);
  if (attribute) {
    const start = at - attribute[1].length;
    return STANDARD_ATTRIBUTES.map((a) => ({
      label: a.tag,
      kind: 'attribute' as const,
      detail: `\${${a.tag}}`,
      documentation: `${a.description} (export field \`${a.exportField}\`)`,
      insertText: `${a.tag}}`,
      replaceStart: rawAt(start),
      replaceEnd: offset,
    }));
  }
  const custom = /custom_attribute\.\$\{([^}]*)$/.exec(before);
  if (custom) {
    const start = at - custom[1].length;
    return (context.customAttributeKeys ?? []).map((key) => ({
      label: key,
      kind: 'attribute' as const,
      detail: `custom_attribute.\${${key}}`,
      documentation: 'Seen in the sample profiles.',
      insertText: `${key}}`,
      replaceStart: rawAt(start),
      replaceEnd: offset,
    }));
  }
  const namespace = /\{\{\s*([a-z_]*)$/.exec(before);
  if (namespace && namespace[1].length > 0) {
    const start = at - namespace[1].length;
    return NAMESPACES.filter((n) => n.inWebhooks && !n.legacy).map((n) => ({
      label: n.name,
      kind: 'namespace' as const,
      detail: `${n.name}.\${…}`,
      documentation: n.description,
      insertText: `${n.name}.\\\${$1}`,
      snippet: true,
      replaceStart: rawAt(start),
      replaceEnd: offset,
    }));
  }
  const filter = /\|\s*([a-z_0-9]*)$/.exec(before);
  if (filter && isInsideLiquid(before)) {
    const start = at - filter[1].length;
    return Object.entries(BRAZE_FILTER_DOCS).map(([name, doc]) => ({
      label: name,
      kind: 'filter' as const,
      detail: doc.signature,
      documentation: doc.description,
      insertText: name,
      replaceStart: rawAt(start),
      replaceEnd: offset,
    }));
  }
  const option = /\{%-?\s*connected_content\b[^%]*\s:([a-z_]*)$/.exec(before);
  if (option) {
    const start = at - option[1].length;
    return KNOWN_CC_OPTIONS.map((name) => ({
      label: `:${name}`,
      kind: 'option' as const,
      detail: CC_OPTION_DOCS[name]?.signature,
      documentation: CC_OPTION_DOCS[name]?.description,
      insertText: name,
      replaceStart: rawAt(start),
      replaceEnd: offset,
    }));
  }
  return [];
}

/** True when the text ends inside an open `{{ … ` or `{% … `. */
function isInsideLiquid(before: string): boolean {
  const open = Math.max(before.lastIndexOf('{{'), before.lastIndexOf('{%'));
  const close = Math.max(before.lastIndexOf('}}'), before.lastIndexOf('%}'));
  return open > close;
}

function completionsForKeys(file: TemplateFile, offset: number): CompletionCandidate[] {
  const location = getLocation(file.text, offset);
  if (!location.isAtPropertyKey || location.path.length !== 2 || location.path[0] !== 'body') return [];
  const node = location.previousNode;
  const replaceStart = node?.type === 'string' ? node.offset + 1 : offset;
  const replaceEnd = node?.type === 'string' ? node.offset + node.length - 1 : offset;
  const present = new Set(file.body.map((f) => (f.key ?? '').toLowerCase()));
  return LEAD_FIELDS.filter((f) => !f.readOnly && !present.has(f.name.toLowerCase())).map((f) => ({
    label: f.name,
    kind: 'field' as const,
    detail: `Lead.${f.name} · ${f.type}${f.maxLength ? ` · max ${f.maxLength}` : ''}${f.requiredOnCreate ? ' · required on create' : ''}`,
    documentation: f.description,
    insertText: f.name,
    replaceStart,
    replaceEnd: Math.max(replaceStart, replaceEnd),
  }));
}
