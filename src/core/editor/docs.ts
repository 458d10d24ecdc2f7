/**
 * The texts of hovers and completion details: filters, connected_content options, Braze tags and
 * standard headers. They are data, shipped as data/editor-docs.json and handed to `hoverAt` and
 * `completionsAt` by the caller (ADR 020): prose that no lint verdict needs stays out of the code
 * bundle the extension loads on activation. Sources are cited in the file's `$comment`.
 */
export interface EditorDocs {
  /** One line of reference per filter Braze supports (see BRAZE_FILTER_SUPPORT), by name. */
  filters: Record<string, FilterDoc>;
  /** By option name, without the colon. */
  connectedContentOptions: Record<string, { signature: string; description: string }>;
  /** By tag name. */
  tags: Record<string, string>;
  /** By lower-case header name. */
  headers: Record<string, string>;
}

/** A filter's usage, what it does, and where the preview may differ from Braze. */
export interface FilterDoc {
  /** Usage as written in a template, e.g. `'msg' | hmac_sha256_hex: key`. */
  signature: string;
  /** One sentence. */
  description: string;
  /** Where the preview may differ from Braze, when known. */
  fidelity?: string;
}

/** No texts: what hovers and completion show before (or without) the shipped file. */
export const NO_EDITOR_DOCS: EditorDocs = { filters: {}, connectedContentOptions: {}, tags: {}, headers: {} };

/**
 * The editor texts from the parsed JSON of data/editor-docs.json. A table that is missing or not
 * an object is left empty, so a damaged file costs hover texts, never a crash.
 */
export function toEditorDocs(json: unknown): EditorDocs {
  const root = isRecord(json) ? json : {};
  const table = <T>(key: keyof EditorDocs): Record<string, T> => (isRecord(root[key]) ? (root[key] as Record<string, T>) : {});
  return { filters: table('filters'), connectedContentOptions: table('connectedContentOptions'), tags: table('tags'), headers: table('headers') };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
