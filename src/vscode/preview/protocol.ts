/**
 * Messages between the preview webview (media/preview.js) and the extension. The webview only
 * displays these values; it never runs Liquid and never sees an unredacted secret unless the
 * user asked to reveal.
 */

/** A problem as the preview lists it (1-based positions). */
export interface PreviewProblem {
  ruleId: string;
  severity: 'error' | 'warning' | 'info';
  message: string;
  line: number;
  column: number;
}

export interface PreviewHttpMessage {
  method: string;
  url: string;
  headers: Array<[string, string]>;
  /** Pretty-printed when it is JSON. */
  body: string | null;
}

export interface PreviewSubRequest extends PreviewHttpMessage {
  fieldId: string;
  response: { status: number; body: string; source?: string; dropped: boolean };
}

export interface PreviewMatrixRow {
  index: number;
  label: string;
  status: 'ok' | 'aborted' | 'warning' | 'error';
  summary: string;
}

/** Everything the panel shows. */
export interface PreviewState {
  templateName: string;
  profiles: Array<{ index: number; label: string; builtIn: boolean }>;
  selectedProfile: number;
  scenarios: Array<{ name: string; description: string }>;
  scenario: string;
  revealed: boolean;
  subrequests: PreviewSubRequest[];
  request: PreviewHttpMessage | null;
  aborted: string | null;
  problems: PreviewProblem[];
  matrix: PreviewMatrixRow[];
  /** PATCH cannot be a Braze webhook object; the copy offers `POST …?_HttpMethod=PATCH`. */
  brazeObjectNote: string | null;
  /** A template that cannot be rendered (syntax error), shown instead of a request. */
  notice: string | null;
  /** UI strings, localized by the extension. */
  strings: Record<string, string>;
}

export type ToWebview = { type: 'state'; state: PreviewState };

export type CopyFormat = 'curl' | 'http' | 'braze';

export type FromWebview =
  | { type: 'ready' }
  | { type: 'selectProfile'; index: number }
  | { type: 'selectScenario'; name: string }
  | { type: 'toggleReveal' }
  | { type: 'copy'; format: CopyFormat }
  | { type: 'openDocument' }
  | { type: 'revealProblem'; line: number; column: number };

/** Narrows an unknown message from the webview; anything else is ignored. */
export function isFromWebview(message: unknown): message is FromWebview {
  if (!message || typeof message !== 'object') return false;
  const m = message as Record<string, unknown>;
  switch (m.type) {
    case 'ready':
    case 'toggleReveal':
    case 'openDocument':
      return true;
    case 'selectProfile':
      return typeof m.index === 'number' && Number.isInteger(m.index);
    case 'selectScenario':
      return typeof m.name === 'string';
    case 'copy':
      return m.format === 'curl' || m.format === 'http' || m.format === 'braze';
    case 'revealProblem':
      return typeof m.line === 'number' && typeof m.column === 'number';
    default:
      return false;
  }
}
