import assert from 'node:assert/strict';
import {
  applyFixes,
  buildProfileMatrix,
  lintRenderedPerProfile,
  type Dependencies,
  emptyProfile,
  type LintConfig,
  lintTemplate,
  makeFixtureResolver,
  parseConfig,
  parseMocks,
  parseProfiles,
  parseTemplateFile,
  type Problem,
  type Profile,
  redactRequest,
  type RenderedRequest,
  renderProfile,
  type RuleDefinition,
  type ScenarioName,
  stripBom,
  toCurl,
  toHttpDocument,
  toLineColumnProblem,
  toRenderJson,
} from '../../../src/core';
import { buildPreviewState } from '../../../src/vscode/preview/preview-model';
import { TEST_LOCALIZER } from './preview';

/** A fixed send time, so runs are reproducible. */
export const FIXED_NOW = new Date('2026-03-01T12:00:00Z');

const SEVERITIES = new Set(['error', 'warning', 'info']);

/** Anything with a message and a raw range (Problem, FileProblem). */
interface Ranged {
  message: string;
  startIndex: number;
  endIndex: number;
  severity?: string;
}

function checkRange(start: number, end: number, length: number, what: string): void {
  assert.ok(Number.isInteger(start) && Number.isInteger(end), `${what}: non-integer range [${start}, ${end})`);
  assert.ok(start >= 0 && start <= end && end <= length, `${what}: range [${start}, ${end}) is not inside the file (length ${length})`);
}

/** A problem is usable by every adapter: known severity, a message, a range inside the file. */
export function checkProblem(problem: Ranged & { ruleId?: string; code?: string }, length: number, where: string): void {
  const what = `${where} ${problem.ruleId ?? problem.code ?? '?'} "${String(problem.message).slice(0, 120)}"`;
  assert.ok(typeof (problem.ruleId ?? problem.code) === 'string' && (problem.ruleId ?? problem.code)!.length > 0, `${what}: no rule id`);
  assert.ok(SEVERITIES.has(String(problem.severity)), `${what}: severity ${String(problem.severity)}`);
  assert.ok(typeof problem.message === 'string' && problem.message.trim().length > 0, `${what}: empty message`);
  checkRange(problem.startIndex, problem.endIndex, length, what);
  const full = problem as Partial<Problem>;
  for (const edit of full.fix?.edits ?? []) {
    checkRange(edit.startIndex, edit.endIndex, length, `${what} fix`);
    assert.equal(typeof edit.insert, 'string', `${what}: fix insert`);
  }
  for (const suggestion of full.suggest ?? []) {
    assert.ok(typeof suggestion.message === 'string' && suggestion.message.length > 0, `${what}: suggestion without message`);
    for (const edit of suggestion.edits) checkRange(edit.startIndex, edit.endIndex, length, `${what} suggestion`);
  }
}

/** Inputs of one run through the whole pipeline. */
export interface PipelineInput {
  /** Template file text as read from disk (may have a BOM, CRLF, anything). */
  template: string;
  /** Profiles file text; without it the template renders for one empty profile. */
  profiles?: string;
  mocks?: string;
  /** `braze-webhook.config.json` text; applied when it has no problems. */
  config?: string;
  scenario?: ScenarioName;
  /** Content blocks by name. */
  blocks?: Record<string, string>;
}

/** What the pipeline produced, for further assertions. */
export interface PipelineOutput {
  problems: Problem[];
  requests: RenderedRequest[];
  /** Every text an adapter would show: formats, preview state, problems. */
  outputs: string[];
}

/** At most this many profiles are rendered per case: the point is odd values, not volume. */
const MAX_PROFILES_RENDERED = 3;

/**
 * parse → lint (every rule, static and rendered) → render → redact → every output format and the
 * preview model → safe fixes. Throws (an assertion) when any step throws or any problem, from any
 * file, is not a usable problem with a range inside its file.
 */
export async function runPipeline(input: PipelineInput, rules: readonly RuleDefinition[]): Promise<PipelineOutput> {
  const file = parseTemplateFile(input.template);
  assert.equal(file.text, stripBom(input.template));
  const length = file.text.length;

  let profiles: Profile[] = [emptyProfile()];
  if (input.profiles !== undefined) {
    const parsed = parseProfiles(input.profiles);
    for (const p of parsed.problems) checkProblem(p, stripBom(input.profiles).length, 'profiles');
    for (const p of parsed.profiles) checkRange(p.range.start, p.range.end, stripBom(input.profiles).length, `profile #${p.index}`);
    if (parsed.profiles.length > 0) profiles = parsed.profiles.slice(0, MAX_PROFILES_RENDERED);
  }
  let mockRules;
  let mockScenario: ScenarioName | undefined;
  if (input.mocks !== undefined) {
    const parsed = parseMocks(input.mocks);
    for (const p of parsed.problems) checkProblem(p, stripBom(input.mocks).length, 'mocks');
    mockRules = parsed.mocks.rules;
    mockScenario = parsed.mocks.scenario;
  }
  let config: LintConfig | undefined;
  if (input.config !== undefined) {
    const parsed = parseConfig(input.config, rules.map((r) => r.meta.id));
    for (const p of parsed.problems) checkProblem({ ...p, ruleId: 'config', severity: 'error' }, stripBom(input.config).length, 'config');
    if (parsed.problems.length === 0) config = parsed.config;
  }
  const deps: Dependencies = {
    resolveConnectedContent: makeFixtureResolver({ rules: mockRules, scenario: input.scenario ?? mockScenario, now: () => FIXED_NOW }),
    readContentBlock: (name) => input.blocks?.[name],
    now: () => FIXED_NOW,
  };

  const { problems, requests: linted } = await lintTemplate(file, { rules, config, profiles, deps });
  for (const p of problems) checkProblem(p, length, 'lint');
  if (file.syntaxErrors.length > 0 && rules.some((r) => r.meta.id === 'json-syntax')) {
    assert.ok(problems.some((p) => p.ruleId === 'json-syntax'), 'a file with JSON syntax errors has no json-syntax problem');
  }

  // lint renders only valid files; the preview and `render` render whatever has a url.
  const requests = linted.length > 0 || !file.url ? linted : [await renderProfile(file, profiles[0], deps)];
  const outputs: string[] = [];
  for (const request of requests) {
    for (const p of request.problems) checkProblem(p, length, 'render');
    for (const sub of request.subrequests) checkRange(sub.range.start, sub.range.end, length, `subrequest ${sub.fieldId}`);
    if (request.aborted) checkRange(request.aborted.range.start, request.aborted.range.end, length, 'abort');
    const shown = redactRequest(request);
    const json = toRenderJson(shown, file.lineStarts);
    for (const p of json.problems) assert.ok(p.line >= 1 && p.column >= 1 && p.line <= file.lineStarts.length, `line/column out of the file: ${JSON.stringify(p)}`);
    outputs.push(toHttpDocument(shown, 'fuzz'), toCurl(shown), JSON.stringify(json));
  }
  const perProfile = lintRenderedPerProfile(file, requests, rules, config);
  const preview = buildPreviewState({
    templateName: 'fuzz.braze-webhook.json',
    lineStarts: file.lineStarts,
    profiles: profiles.map((p) => ({ index: p.index, label: p.ref.label, builtIn: false })),
    selectedProfile: profiles[0].index,
    scenario: input.scenario ?? 'token-ok',
    revealed: false,
    request: requests[0] ? redactRequest(requests[0]) : undefined,
    staticProblems: problems,
    matrix: buildProfileMatrix(requests.map((r, i) => ({ profile: r.profile ?? { index: i + 1, label: `#${i + 1}` }, group: 'workspace', request: redactRequest(r), problems: perProfile[i] }))),
    edgeProfiles: 'collapsed',
    patchRewritten: false,
    notice: null,
    localizer: TEST_LOCALIZER,
  });
  outputs.push(JSON.stringify(preview));
  outputs.push(...problems.map((p) => JSON.stringify(toLineColumnProblem(p, file.lineStarts))));

  // Safe fixes keep a valid file valid (what `--fix` and "Fix all" rely on).
  const fixed = applyFixes(file.text, problems);
  if (file.syntaxErrors.length === 0 && fixed.applied.length > 0) {
    const after = parseTemplateFile(fixed.text);
    assert.deepEqual(after.syntaxErrors, [], `applying the fixes of ${fixed.applied.map((p) => p.ruleId).join(', ')} broke the JSON:\n${fixed.text}`);
  }
  return { problems, requests, outputs };
}
