/**
 * Contracts shared by every part of the core. Offsets are always 0-based indices into the raw
 * file text *without* a leading BOM, end exclusive, so the CLI and the editor agree.
 */

/** Severity of a problem, lowest to highest impact on the send. */
export type Severity = 'info' | 'warning' | 'error';

/** A half-open range of raw-file offsets: `start` included, `end` excluded. */
export interface OffsetRange {
  start: number;
  end: number;
}

/** One text edit against the original raw file text. */
export interface TextEdit {
  startIndex: number;
  endIndex: number;
  insert: string;
}

/** A safe, automatic fix: applying every edit keeps the file valid and changes only the finding. */
export interface Fix {
  edits: TextEdit[];
}

/** A choice that needs a human (e.g. which default value to use). */
export interface Suggestion {
  message: string;
  edits: TextEdit[];
}

/** Identifies the sample profile a rendered-request problem came from. */
export interface ProfileRef {
  /** 1-based position in the profile list. */
  index: number;
  external_id?: string;
  /** Human label: external_id, email, braze_id or "#index". */
  label: string;
}

/** A finding, from lint or from rendering. */
export interface Problem {
  ruleId: string;
  severity: Severity;
  message: string;
  startIndex: number;
  endIndex: number;
  profile?: ProfileRef;
  fix?: Fix;
  suggest?: Suggestion[];
}

/** A request that a `{% connected_content %}` tag would send. */
export interface ConnectedContentRequest {
  /** `GET` by default; Braze documents only GET and POST, other values are passed as written. */
  method: string;
  url: string;
  /** Request headers in the order Braze would set them. */
  headers: Array<[string, string]>;
  /** Encoded body as it would go on the wire, or null for GET. */
  body: string | null;
  /** The options as written in the tag, for display and lint. */
  options: ConnectedContentOptions;
}

/** Parsed options of one `connected_content` call (values are rendered text). */
export interface ConnectedContentOptions {
  method?: string;
  body?: string;
  contentType?: string;
  headers?: Record<string, string>;
  save?: string;
  cacheMaxAge?: number;
  noCache?: boolean;
  retry?: boolean;
  basicAuth?: string;
  authCredentials?: string;
}

/** What the resolver answers; `json` is parsed when the body is JSON. */
export interface ConnectedContentResponse {
  status: number;
  /** Raw response body text. */
  body: string;
  /** Simulated latency; above 2000 ms Braze inserts nothing. */
  delayMs?: number;
  /** Name of the fixture rule or built-in endpoint that answered, for display. */
  source?: string;
}

/** Resolves a connected_content call. The default is the fixture resolver: it never sends. */
export type ConnectedContentResolver = (
  request: ConnectedContentRequest,
) => ConnectedContentResponse | Promise<ConnectedContentResponse>;

/**
 * Everything the core needs from the outside world. Adapters build this; the core never does I/O
 * on its own.
 */
export interface Dependencies {
  resolveConnectedContent: ConnectedContentResolver;
  /** Reads `content_blocks/<name>.liquid`; undefined when the block does not exist. */
  readContentBlock?: (name: string) => string | undefined;
  /** The send time. Braze treats `'now'` as UTC. */
  now?: () => Date;
}
