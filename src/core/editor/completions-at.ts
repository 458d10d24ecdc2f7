import { getLocation } from 'jsonc-parser';
import { BRAZE_FILTER_SUPPORT } from '../liquid/filters/support';
import { KNOWN_CC_OPTIONS } from '../liquid/connected-content-args';
import { NAMESPACES, STANDARD_ATTRIBUTES } from '../profile';
import type { SalesforceSchema, SObjectField } from '../salesforce/model';
import { parseSobjectUrl } from '../salesforce/sobject-url';
import type { TemplateFile } from '../template/template-file';
import { type EditorDocs, NO_EDITOR_DOCS } from './docs';
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
  /** Order among the candidates (compared as text); by label when absent. */
  sortText?: string;
}

/** Where the cursor is, for snippets: a whole file, a header or body member, or a string value. */
export type SnippetContext = 'file' | 'headers' | 'body' | 'string' | undefined;

export interface CompletionContext {
  /** Custom attribute keys seen in the sample profiles. */
  customAttributeKeys?: readonly string[];
  /** The Salesforce model of the run (built-in Lead, org describes), for body keys. */
  salesforce?: SalesforceSchema;
  /** The details of filters and options (data/editor-docs.json); without them, names only. */
  docs?: EditorDocs;
}

/** Completion candidates at a raw offset of a template. */
export function completionsAt(file: TemplateFile, offset: number, context: CompletionContext = {}): CompletionCandidate[] {
  const field = fieldAt(file, offset) ?? fieldEndingAt(file, offset);
  if (field) return completionsInString(field, offset, context);
  return completionsForKeys(file, offset, context);
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
    const docs = (context.docs ?? NO_EDITOR_DOCS).filters;
    return Object.keys(BRAZE_FILTER_SUPPORT).map((name) => ({
      label: name,
      kind: 'filter' as const,
      detail: docs[name]?.signature,
      documentation: docs[name]?.description,
      insertText: name,
      replaceStart: rawAt(start),
      replaceEnd: offset,
    }));
  }
  const option = /\{%-?\s*connected_content\b[^%]*\s:([a-z_]*)$/.exec(before);
  if (option) {
    const start = at - option[1].length;
    const docs = (context.docs ?? NO_EDITOR_DOCS).connectedContentOptions;
    return KNOWN_CC_OPTIONS.map((name) => ({
      label: `:${name}`,
      kind: 'option' as const,
      detail: docs[name]?.signature,
      documentation: docs[name]?.description,
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

/**
 * Field API names as body keys, from the model of the template's sObject (Lead while the URL is not
 * an sObject URL yet): fields the request can set, required ones first, each with type and length.
 * A new key is inserted as the snippet `"Name": "$1"`; renaming an existing key inserts the name.
 */
function completionsForKeys(file: TemplateFile, offset: number, context: CompletionContext): CompletionCandidate[] {
  const location = getLocation(file.text, offset);
  if (!location.isAtPropertyKey || location.path.length !== 2 || location.path[0] !== 'body') return [];
  const url = file.url ? parseSobjectUrl(file.url.text) : undefined;
  const model = context.salesforce?.sobject(url ? url.sobject.text : 'Lead');
  if (!model) return [];
  const node = location.previousNode;
  // jsonc-parser reports the key being typed as a `property` node covering the key token (quotes included).
  const inString = node?.type === 'string' || node?.type === 'property';
  const replaceStart = inString ? node.offset : offset;
  const replaceEnd = inString ? node.offset + node.length : offset;
  const renaming = /^\s*:/.test(file.text.slice(replaceEnd));
  const present = new Set(file.body.map((f) => (f.key ?? '').toLowerCase()));
  const updating = /^\s*patch\s*$/i.test(file.method?.value ?? '') || url?.operation === 'record' || url?.operation === 'upsert';
  const settable = model.fields.filter((f) => (updating ? f.updateable : f.createable) && !present.has(f.name.toLowerCase()));
  return settable.map((f) => ({
    label: f.name,
    kind: 'field' as const,
    detail: `${model.name}.${f.name} · ${typeDetail(f)}${f.requiredOnCreate && !updating ? ' · required on create' : ''}`,
    documentation: f.description ?? f.label,
    insertText: renaming ? JSON.stringify(f.name) : `${JSON.stringify(f.name)}: "$1"`,
    snippet: !renaming,
    replaceStart,
    replaceEnd: Math.max(replaceStart, replaceEnd),
    sortText: `${f.requiredOnCreate && !updating ? 0 : 1}${f.name}`,
  }));
}

function typeDetail(field: SObjectField): string {
  if (field.length) return `${field.type}(${field.length})`;
  if (field.digits) return `${field.type}(${field.digits} digits)`;
  return field.type;
}
