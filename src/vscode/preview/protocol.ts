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

/** Salesforce's predicted answer to the selected profile's webhook, as the "Salesforce answer" section shows it. */
export interface PreviewAnswer {
  status: number;
  /** "201 Created", "400 Bad Request"; localized "dropped" for a webhook Braze never sends (status 0). */
  statusLine: string;
  tone: 'ok' | 'error';
  /** Pretty-printed JSON, or '' for no body. */
  body: string;
  /** `mock`: a rule of the workspace's `*.braze-mocks.json` answered instead of the simulation. */
  source: 'simulated' | 'mock';
  /** Localized: "simulated", "mock rule #1 (POST https://…)". */
  sourceLabel: string;
  /** What Salesforce does, one sentence. */
  summary: string;
  braze: 'delivered' | 'retried' | 'dropped';
  /** Localized outcome word. */
  brazeLabel: string;
  /** What Braze does with it, one sentence (a retried create may duplicate; a dropped one is lost). */
  brazeNote: string;
  /** Strings Salesforce converts to the field's type. */
  conversions: string[];
  /** What this answer cannot know besides the org's own logic (that is `limits`). */
  caveats: string[];
  /** One line, always shown: the org's validation rules, duplicate rules, triggers, flows and assignment cannot be predicted. */
  limits: string;
  /** The longer sentence behind `limits` (its tooltip). */
  limitsDetail: string;
  /** The sObject's model is the built-in one (custom fields unknown) or missing: say so; the panel offers the describe how-to. */
  modelNote: string | null;
}

/** A problem listed once, with the sample profiles that trigger it. */
export interface PreviewFinding extends PreviewProblem {
  /** Profiles that trigger it; empty for a static problem, which holds for every profile. */
  profiles: Array<{ index: number; label: string; builtIn: boolean }>;
  /** It applies to the selected profile (static problems always do). */
  selected: boolean;
}

/** How a status looks; the words come localized in `PreviewMatrixRow.status`. */
export type PreviewTone = 'ok' | 'info' | 'warning' | 'error' | 'aborted';

/** One row per profile: its status and how many problems it has. */
export interface PreviewMatrixRow {
  index: number;
  label: string;
  tone: PreviewTone;
  /** Localized status, e.g. "ok", "error", "aborted". */
  status: string;
  /** More about the status (an abort reason), or null. */
  detail: string | null;
  /** Localized count, e.g. "1 problem", "3 problems", or "" for none. */
  count: string;
}

/** The user's own profiles, or the built-in edge cases. */
export interface PreviewMatrixGroup {
  id: 'workspace' | 'builtIn';
  /** Localized, with the number of profiles. */
  title: string;
  /** Shown expanded (the built-in group is collapsed unless the setting says otherwise). */
  open: boolean;
  rows: PreviewMatrixRow[];
  /** Problems only this group's profiles trigger (built-in group only; the others are in `problems`). */
  findings: PreviewFinding[];
  /** Shown when the group has no rows (how to add sample users), or null. */
  hint: string | null;
  /** "1 of 3 profiles get an error answer from Salesforce", or null when none does. */
  answerErrors: string | null;
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
  /** Salesforce's predicted answer to the selected profile's webhook, or null (see `noAnswer`). */
  answer: PreviewAnswer | null;
  /** Why there is no answer (aborted, not a Salesforce sObject URL), or null. */
  noAnswer: string | null;
  /**
   * Static problems and every problem one of the user's own profiles triggers, each once: the
   * same list, and the same count, as the editor's diagnostics.
   */
  problems: PreviewFinding[];
  /** Localized heading with the count, e.g. "Problems (2)". */
  problemsTitle: string;
  /** Problems of the selected built-in profile that none of the user's profiles has. */
  selectedOnly: PreviewFinding[];
  /** The user's profiles first, then the built-in edge cases (absent when hidden by the setting). */
  groups: PreviewMatrixGroup[];
  /** PATCH cannot be a Braze webhook object; the copy offers `POST …?_HttpMethod=PATCH`. */
  brazeObjectNote: string | null;
  /** A template that cannot be rendered (syntax error), shown instead of a request. */
  notice: string | null;
  /** UI strings, localized by the extension. */
  strings: Record<string, string>;
}

/** The panel shows a state, a failure while computing one (never swallowed), or that it has no template. */
export type ToWebview =
  | { type: 'state'; state: PreviewState }
  | { type: 'failure'; templateName: string; message: string; strings: Record<string, string> }
  | { type: 'idle'; message: string };

export type CopyFormat = 'curl' | 'http' | 'braze';

export type FromWebview =
  | { type: 'ready' }
  | { type: 'selectProfile'; index: number }
  | { type: 'selectScenario'; name: string }
  | { type: 'toggleReveal' }
  | { type: 'copy'; format: CopyFormat }
  | { type: 'openDocument' }
  | { type: 'revealProblem'; line: number; column: number }
  | { type: 'openRule'; ruleId: string }
  /** The answer's "what it cannot predict" link, or the built-in model's "add your org's describe". */
  | { type: 'describeHowTo' };

/** Narrows an unknown message from the webview; anything else is ignored. */
export function isFromWebview(message: unknown): message is FromWebview {
  if (!message || typeof message !== 'object') return false;
  const m = message as Record<string, unknown>;
  switch (m.type) {
    case 'ready':
    case 'toggleReveal':
    case 'openDocument':
    case 'describeHowTo':
      return true;
    case 'selectProfile':
      return typeof m.index === 'number' && Number.isInteger(m.index);
    case 'selectScenario':
      return typeof m.name === 'string';
    case 'copy':
      return m.format === 'curl' || m.format === 'http' || m.format === 'braze';
    case 'revealProblem':
      return typeof m.line === 'number' && typeof m.column === 'number';
    case 'openRule':
      return typeof m.ruleId === 'string' && /^[a-z][a-z0-9-]*$/.test(m.ruleId);
    default:
      return false;
  }
}
