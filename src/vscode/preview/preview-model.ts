import {
  type Problem,
  type RenderedRequest,
  type ScenarioName,
  SCENARIOS,
  offsetToLineColumn,
  prettyJson,
} from '../../core';
import type { PreviewMatrixRow, PreviewProblem, PreviewState } from './protocol';

/** Inputs of one preview, already rendered and redacted (pure data; no editor types). */
export interface PreviewInputs {
  templateName: string;
  lineStarts: readonly number[];
  profiles: Array<{ index: number; label: string; builtIn: boolean }>;
  selectedProfile: number;
  scenario: ScenarioName;
  revealed: boolean;
  /** The selected profile's request (redacted unless revealed), or undefined when not renderable. */
  request?: RenderedRequest;
  /** Static problems plus the selected profile's rendered problems. */
  problems: Problem[];
  /** Per profile: its request and its problems, for the matrix. */
  matrix: Array<{ index: number; label: string; request: RenderedRequest; problems: Problem[] }>;
  patchRewritten: boolean;
  notice: string | null;
  strings: Record<string, string>;
}

function toPreviewProblem(problem: Problem, lineStarts: readonly number[]): PreviewProblem {
  const at = offsetToLineColumn(lineStarts, problem.startIndex);
  return { ruleId: problem.ruleId, severity: problem.severity, message: problem.message, line: at.line, column: at.column };
}

/** One matrix row: the worst finding decides the status; aborts show as their own state. */
export function toMatrixRow(entry: PreviewInputs['matrix'][number], strings: Record<string, string>): PreviewMatrixRow {
  const errors = entry.problems.filter((p) => p.severity === 'error').length;
  const warnings = entry.problems.filter((p) => p.severity === 'warning').length;
  const status: PreviewMatrixRow['status'] = errors > 0 ? 'error' : entry.request.aborted ? 'aborted' : warnings > 0 ? 'warning' : 'ok';
  const summary = entry.request.aborted
    ? entry.request.aborted.reason
    : errors + warnings > 0
      ? `${entry.problems.find((p) => p.severity !== 'info')?.message ?? ''}`
      : entry.request.url ? `${entry.request.method} ${entry.request.url}` : strings.status_ok;
  return { index: entry.index, label: entry.label, status, summary };
}

/** The state the webview displays. */
export function buildPreviewState(input: PreviewInputs): PreviewState {
  const request = input.request;
  return {
    templateName: input.templateName,
    profiles: input.profiles,
    selectedProfile: input.selectedProfile,
    scenarios: Object.entries(SCENARIOS).map(([name, info]) => ({ name, description: info.description })),
    scenario: input.scenario,
    revealed: input.revealed,
    subrequests: (request?.subrequests ?? []).map((s) => ({
      fieldId: s.fieldId,
      method: s.method,
      url: s.url,
      headers: s.headers,
      body: s.body,
      response: { status: s.response.status, body: prettyJson(s.response.body), source: s.response.source, dropped: s.response.dropped },
    })),
    request: request && !request.aborted ? { method: request.method, url: request.url, headers: request.headers, body: request.body === null ? null : prettyJson(request.body) } : null,
    aborted: request?.aborted ? request.aborted.reason : null,
    problems: input.problems.map((p) => toPreviewProblem(p, input.lineStarts)),
    matrix: input.matrix.map((m) => toMatrixRow(m, input.strings)),
    brazeObjectNote: input.patchRewritten ? input.strings.patchNote : null,
    notice: input.notice,
    strings: input.strings,
  };
}
