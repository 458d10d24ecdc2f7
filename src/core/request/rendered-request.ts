import type { ConnectedContentOptions, OffsetRange, Problem, ProfileRef } from '../types';

/** A connected_content call made while rendering, with the (fixture) response it got. */
export interface RenderedSubRequest {
  /** Field that made the call (`header:Authorization`, `url`, `body:Email`, …). */
  fieldId: string;
  method: string;
  url: string;
  headers: Array<[string, string]>;
  body: string | null;
  options: ConnectedContentOptions;
  response: {
    status: number;
    body: string;
    delayMs?: number;
    source?: string;
    /** True when Braze would insert nothing (slower than 2 s, or no valid URL). */
    dropped: boolean;
  };
  /** Raw-file range of the tag. */
  range: OffsetRange;
}

/** A hash or array an output printed (Ruby-style, as Braze prints it), with its field. */
export interface RenderedCollection {
  fieldId: string;
  kind: 'hash' | 'array';
  /** What was printed. */
  text: string;
  /** Number of keys or items. */
  size: number;
}

/** One rendered Liquid field. */
export interface RenderedField {
  fieldId: string;
  value: string;
}

/**
 * The webhook Braze would send for one profile: a plain, serialisable value. Header and body
 * order follow the template.
 */
export interface RenderedRequest {
  method: string;
  url: string;
  headers: Array<[string, string]>;
  /** Body text as sent; `null` when the template has no body. */
  body: string | null;
  bodyMode: 'json' | 'raw' | 'none';
  subrequests: RenderedSubRequest[];
  /** Set when `abort_message` ran (or retries were exhausted): Braze sends nothing. */
  aborted: null | { reason: string; fieldId: string; range: OffsetRange };
  /** Problems found while rendering (render errors, limits, missing attributes). */
  problems: Problem[];
  /** Every field's rendered value, in template order (fields after an abort are absent). */
  fields: RenderedField[];
  /** Hashes and arrays that outputs printed; absent when none did. */
  printedCollections?: RenderedCollection[];
  profile?: ProfileRef;
}
