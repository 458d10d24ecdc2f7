import {
  type Dependencies,
  type LintConfig,
  type MockRule,
  type SalesforceAnswer,
  type MatrixFinding,
  type MatrixRow,
  type Problem,
  type ProfileGroup,
  type ProfileMatrix,
  type Profile,
  type ProfileRun,
  type ProfileStatus,
  type RenderedRequest,
  type RuleDefinition,
  type SalesforceSchema,
  type ScenarioName,
  type TemplateFile,
  SCENARIOS,
  allRules,
  assertNever,
  buildProfileMatrix,
  collectSecrets,
  isErrorAnswer,
  isErrorStatus,
  lintRenderedPerProfile,
  lintStatic,
  offsetToLineColumn,
  ORG_LOGIC_CAVEAT,
  prettyJson,
  redactAnswer,
  redactRequest,
  renderProfile,
  type simulateSalesforceAnswer,
  statusFromAnswer,
  statusLine,
  toBrazeWebhookObject,
} from '../../core';
import type { PreviewAnswer, PreviewFinding, PreviewMatrixGroup, PreviewMatrixRow, PreviewProblem, PreviewState, PreviewTone } from './protocol';

/** Where the built-in edge profiles go (`brazeWebhook.preview.edgeProfiles`). */
export type EdgeProfilesMode = 'collapsed' | 'expanded' | 'hidden';

/** Words the model needs, localized by the adapter (plural forms included). */
export interface PreviewLocalizer {
  /** Fixed UI strings for the webview. */
  strings: Record<string, string>;
  /** "1 problem", "3 problems". */
  problemCount(n: number): string;
  /** "Your sample profiles (3)", "Built-in edge cases (11)". */
  groupTitle(group: ProfileGroup, n: number): string;
  /** "Problems (2)". */
  problemsTitle(n: number): string;
  /** How to add sample users, shown when the workspace has none. */
  noProfilesHint: string;
  /** A row's status in words. */
  status(status: ProfileStatus): string;
  /** "1 of 3 profiles get an error answer", or null when none does. */
  answerErrors(n: number, total: number): string | null;
  /** Why a renderable request has no Salesforce answer. */
  noAnswer(reason: 'aborted' | 'not-sobject'): string;
  /** The answer's source: "simulated", "mock rule #1 (…)". */
  answerSource(answer: SalesforceAnswer): string;
  /** "delivered", "retried", "dropped". */
  brazeOutcome(outcome: SalesforceAnswer['braze']): string;
  /** One line: what the simulation cannot predict (the org's own logic). */
  answerLimits: string;
  /** The model of the answer's sObject is the built-in one (or there is none): say so, with the describe how-to. */
  modelNote(sobject: string, builtIn: boolean): string;
}

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
  /** Salesforce's predicted answer to it (redacted as it is); null: none; undefined: not simulated. */
  answer?: SalesforceAnswer | null;
  /** Where the model of the answer's sObject comes from: the org's describe, the built-in data, or nowhere. */
  answerModel?: 'org' | 'built-in' | 'none';
  /** Static problems: they hold for every profile. */
  staticProblems: Problem[];
  /** Rows and findings over every profile rendered. */
  matrix: ProfileMatrix;
  edgeProfiles: EdgeProfilesMode;
  patchRewritten: boolean;
  notice: string | null;
  localizer: PreviewLocalizer;
}

function toPreviewProblem(problem: Problem, lineStarts: readonly number[]): PreviewProblem {
  const at = offsetToLineColumn(lineStarts, problem.startIndex);
  return { ruleId: problem.ruleId, severity: problem.severity, message: problem.message, line: at.line, column: at.column };
}

function toFinding(finding: MatrixFinding, lineStarts: readonly number[], selected: number, builtIn: ReadonlySet<number>): PreviewFinding {
  return {
    ...toPreviewProblem(finding.problem, lineStarts),
    profiles: finding.profiles.map((p) => ({ index: p.index, label: p.label, builtIn: builtIn.has(p.index) })),
    selected: finding.profiles.some((p) => p.index === selected),
  };
}

export function toneOf(status: ProfileStatus): PreviewTone {
  switch (status.kind) {
    case 'clean':
      return 'ok';
    case 'aborted':
      return 'aborted';
    case 'findings':
      return status.worst;
    case 'answered':
      return isErrorStatus(status) ? 'error' : (status.worst ?? 'ok');
    default:
      return assertNever(status);
  }
}

/** One matrix row: status in words and colour, the count of its own problems. */
export function toMatrixRow(row: MatrixRow, localizer: PreviewLocalizer): PreviewMatrixRow {
  const problems = row.counts.error + row.counts.warning + row.counts.info;
  return {
    index: row.profile.index,
    label: row.profile.label,
    tone: toneOf(row.status),
    status: localizer.status(row.status),
    detail: row.status.kind === 'aborted' ? row.status.reason : row.status.kind === 'answered' ? row.status.note : null,
    count: problems > 0 ? localizer.problemCount(problems) : '',
  };
}

function builtInIndexes(matrix: ProfileMatrix): Set<number> {
  return new Set(matrix.rows.filter((r) => r.group === 'builtIn').map((r) => r.profile.index));
}

/**
 * The user's group (with how to add sample users when there are none) and the built-in group
 * unless hidden. Nothing when the template could not be rendered: there are no rows to show.
 */
function toGroups(input: PreviewInputs): PreviewMatrixGroup[] {
  const { matrix, localizer } = input;
  const hasOwn = input.profiles.some((p) => !p.builtIn);
  if (matrix.rows.length === 0) return hasOwn ? [] : [{ id: 'workspace', title: localizer.groupTitle('workspace', 0), open: true, rows: [], findings: [], hint: localizer.noProfilesHint, answerErrors: null }];
  const rowsOf = (group: ProfileGroup) => matrix.rows.filter((r) => r.group === group).map((r) => toMatrixRow(r, localizer));
  const workspace = rowsOf('workspace');
  const groups: PreviewMatrixGroup[] = [
    {
      id: 'workspace',
      title: localizer.groupTitle('workspace', workspace.length),
      open: true,
      rows: workspace,
      findings: [],
      hint: hasOwn ? null : localizer.noProfilesHint,
      answerErrors: answerErrorsOf(matrix, 'workspace', localizer),
    },
  ];
  const builtIn = rowsOf('builtIn');
  if (input.edgeProfiles !== 'hidden' && builtIn.length > 0) {
    const findings = matrix.findings.filter((f) => !f.affectsWorkspace).map((f) => toFinding(f, input.lineStarts, input.selectedProfile, builtInIndexes(input.matrix)));
    groups.push({
      id: 'builtIn',
      title: localizer.groupTitle('builtIn', builtIn.length),
      open: input.edgeProfiles === 'expanded',
      rows: builtIn,
      findings,
      hint: null,
      answerErrors: answerErrorsOf(matrix, 'builtIn', localizer),
    });
  }
  return groups;
}

/** How many of a group's profiles get an error answer from Salesforce, in words (null for none). */
function answerErrorsOf(matrix: ProfileMatrix, group: ProfileGroup, localizer: PreviewLocalizer): string | null {
  const rows = matrix.rows.filter((r) => r.group === group);
  const failing = rows.filter((r) => isErrorStatus(r.status)).length;
  return failing > 0 ? localizer.answerErrors(failing, rows.length) : null;
}

/**
 * The "Salesforce answer" section for the selected profile: the answer (status, body, source, what
 * Braze does), what it cannot predict in one line, and whether the sObject's model is only the
 * built-in one; or why there is none. Null for both when the request could not be rendered.
 */
function toAnswerSection(input: PreviewInputs): Pick<PreviewState, 'answer' | 'noAnswer'> {
  const { request, answer, localizer } = input;
  if (!request || answer === undefined) return { answer: null, noAnswer: null };
  if (answer === null) return { answer: null, noAnswer: localizer.noAnswer(request.aborted ? 'aborted' : 'not-sobject') };
  const model = input.answerModel;
  const modelNote = answer.source === 'simulated' && model !== 'org' ? localizer.modelNote(answer.sobject, model === 'built-in') : null;
  const section: PreviewAnswer = {
    status: answer.status,
    statusLine: answer.status === 0 ? (localizer.strings.notSent ?? statusLine(0)) : statusLine(answer.status),
    tone: isErrorAnswer(answer) ? 'error' : 'ok',
    body: answer.body === '' ? '' : prettyJson(answer.body),
    source: answer.source,
    sourceLabel: localizer.answerSource(answer),
    summary: answer.summary,
    braze: answer.braze,
    brazeLabel: localizer.brazeOutcome(answer.braze),
    brazeNote: answer.brazeNote,
    conversions: answer.conversions,
    caveats: answer.caveats.filter((c) => c !== ORG_LOGIC_CAVEAT),
    limits: localizer.answerLimits,
    limitsDetail: ORG_LOGIC_CAVEAT,
    modelNote,
  };
  return { answer: section, noAnswer: null };
}

/** The state the webview displays. */
export function buildPreviewState(input: PreviewInputs): PreviewState {
  const request = input.request;
  const { lineStarts, selectedProfile, localizer } = input;
  const builtIn = builtInIndexes(input.matrix);
  const staticFindings: PreviewFinding[] = input.staticProblems.map((p) => ({ ...toPreviewProblem(p, lineStarts), profiles: [], selected: true }));
  const workspaceFindings = input.matrix.findings.filter((f) => f.affectsWorkspace).map((f) => toFinding(f, lineStarts, selectedProfile, builtIn));
  const problems = [...staticFindings, ...workspaceFindings].sort((a, b) => a.line - b.line || a.column - b.column);
  return {
    templateName: input.templateName,
    profiles: input.profiles,
    selectedProfile,
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
    ...toAnswerSection(input),
    problems,
    problemsTitle: localizer.problemsTitle(problems.length),
    selectedOnly: input.matrix.findings.filter((f) => !f.affectsWorkspace && f.profiles.some((p) => p.index === selectedProfile)).map((f) => toFinding(f, lineStarts, selectedProfile, builtIn)),
    groups: toGroups(input),
    brazeObjectNote: input.patchRewritten ? localizer.strings.patchNote : null,
    notice: input.notice,
    strings: localizer.strings,
  };
}

/** What one preview needs: the parsed template, the profiles in display order, the selection. */
export interface PreviewComputation {
  templateName: string;
  file: TemplateFile;
  /** The user's profiles, then the built-in ones (`builtIn`), each with a distinct label. */
  profiles: ReadonlyArray<{ profile: Profile; builtIn: boolean }>;
  selectedProfile: number;
  deps: Dependencies;
  config?: LintConfig;
  /** The Salesforce model the rules read (built-in Lead, org describes; ADR 008); also simulates each profile's answer. */
  salesforce?: SalesforceSchema;
  /** The workspace's mock rules: one matching the webhook answers instead of the simulation. */
  mocks?: readonly MockRule[];
  /**
   * The core's `simulateSalesforceAnswer`, injected: the extension loads it from a bundle of its own
   * (ADR 018). Without it (or without `salesforce`) nothing is simulated.
   */
  simulate?: typeof simulateSalesforceAnswer;
  scenario: ScenarioName;
  revealed: boolean;
  edgeProfiles: EdgeProfilesMode;
  /** Shown instead of a request when the template cannot be rendered. */
  notRenderable: string;
  localizer: PreviewLocalizer;
  /** The rules to run; every registered rule by default. */
  rules?: readonly RuleDefinition[];
}

export interface ComputedPreview {
  state: PreviewState;
  /** The selected profile's request (redacted unless revealed), or undefined when not renderable. */
  request?: RenderedRequest;
  /** Static problems plus the rendered ones of the selected profile (messages name no profile). */
  problems: Problem[];
  /** Salesforce's predicted answer for the selected profile (redacted as `request`); null: none; undefined: no model given. */
  answer?: SalesforceAnswer | null;
  /** Position of the selected profile in `profiles`. */
  selected: number;
}

/**
 * Renders the template once per profile, lints each request, and builds the state the panel
 * shows: pure (I/O comes in through `deps`), shared by the extension and the robustness tests.
 * Only the selected request is ever revealed; the matrix works on redacted requests.
 */
export async function computePreview(input: PreviewComputation): Promise<ComputedPreview> {
  const { file, profiles } = input;
  const found = profiles.findIndex((p) => p.profile.index === input.selectedProfile);
  const selected = found >= 0 ? found : 0;
  const rules = input.rules ?? allRules;
  const staticProblems = lintStatic(file, rules, input.config, input.salesforce);
  const renderable = file.syntaxErrors.length === 0 && file.url !== undefined;
  const requests: RenderedRequest[] = [];
  if (renderable) for (const { profile } of profiles) requests.push(await renderProfile(file, profile, input.deps));
  const perProfile = lintRenderedPerProfile(file, requests, rules, input.config, input.salesforce);
  const { salesforce, simulate } = input;
  const simulated = salesforce && simulate ? requests.map((request) => simulate(request, { salesforce, mocks: input.mocks, scenario: input.scenario })) : undefined;
  const answers = simulated ?? [];
  // Answers are redacted as their requests are: always in the matrix, unless revealed for the selected one.
  const redacted = (i: number, reveal: boolean) => {
    const answer = answers[i];
    return answer ? redactAnswer(answer, reveal ? [] : collectSecrets(requests[i])) : answer;
  };
  const runs = requests.map((request, i): ProfileRun => ({
    profile: profiles[i].profile.ref,
    group: profiles[i].builtIn ? 'builtIn' : 'workspace',
    request: redactRequest(request),
    problems: perProfile[i],
    ...(simulated ? { answer: redacted(i, false) } : {}),
  }));
  const request = renderable && requests[selected] ? redactRequest(requests[selected], { reveal: input.revealed }) : undefined;
  const answer = request && simulated ? redacted(selected, input.revealed) : undefined;
  const model = answer ? salesforce?.sobject(answer.sobject) : undefined;
  const state = buildPreviewState({
    templateName: input.templateName,
    lineStarts: file.lineStarts,
    profiles: profiles.map((p) => ({ index: p.profile.index, label: p.profile.ref.label, builtIn: p.builtIn })),
    selectedProfile: profiles[selected]?.profile.index ?? input.selectedProfile,
    scenario: input.scenario,
    revealed: input.revealed,
    request,
    answer,
    answerModel: model ? (model.fromOrg ? 'org' : 'built-in') : 'none',
    staticProblems,
    matrix: buildProfileMatrix(runs, statusFromAnswer),
    edgeProfiles: input.edgeProfiles,
    patchRewritten: toBrazeWebhookObject(file).patchRewritten,
    notice: renderable ? null : input.notRenderable,
    localizer: input.localizer,
  });
  return { state, request, answer, problems: [...staticProblems, ...(perProfile[selected] ?? [])], selected };
}
