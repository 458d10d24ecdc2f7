import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeFixtureResolver } from '../connected-content';
import { BUILTIN_EDGE_PROFILES, parseProfiles, withDistinctLabels } from '../profile';
import { renderProfile } from '../request/render-profile';
import { allRules } from '../rules';
import { parseTemplateFile } from '../template/template-file';
import { lintRendered, lintRenderedPerProfile } from './linter';
import { BUILT_IN_SALESFORCE } from '../../../test/helpers/salesforce';
import { simulateSalesforceAnswer } from '../salesforce/simulate';
import { buildProfileMatrix, isErrorStatus, type ProfileRun, statusFromAnswer, statusFromFindings } from './profile-matrix';

const examples = join(__dirname, '..', '..', '..', 'examples');
const read = (name: string) => readFileSync(join(examples, name), 'utf8');

/** The preview's situation: the example users (workspace) and the built-in edge profiles. */
async function runsFor(templateName: string): Promise<{ runs: ProfileRun[]; workspaceProblems: ReturnType<typeof lintRendered> }> {
  const file = parseTemplateFile(read(templateName));
  const users = parseProfiles(read('sample-users.braze-profiles.json')).profiles;
  const edge = withDistinctLabels(
    parseProfiles(JSON.stringify(BUILTIN_EDGE_PROFILES)).profiles.map((p) => ({ ...p, index: users.length + p.index, ref: { ...p.ref, index: users.length + p.index } })),
    users.map((u) => u.ref.label),
    'built-in',
  );
  const deps = { resolveConnectedContent: makeFixtureResolver() };
  const requests = [];
  for (const profile of [...edge, ...users]) requests.push(await renderProfile(file, profile, deps));
  const perProfile = lintRenderedPerProfile(file, requests, allRules);
  const runs = requests.map((request, i): ProfileRun => ({ profile: request.profile!, group: i < edge.length ? 'builtIn' : 'workspace', request, problems: perProfile[i] }));
  const userRequests = requests.slice(edge.length);
  return { runs, workspaceProblems: lintRendered(file, userRequests, allRules) };
}

describe('profile matrix', () => {
  it("lists the user's profiles first, then the built-in ones, one row each with distinct labels", async () => {
    const { runs } = await runsFor('update-lead-to-mql.braze-webhook.json');
    const matrix = buildProfileMatrix(runs);
    assert.deepEqual(matrix.rows.slice(0, 3).map((r) => [r.group, r.profile.label]), [
      ['workspace', '00QKY000001LyJR2A0'],
      ['workspace', '00QE000000Ft9AhMAJ'],
      ['workspace', 'user-4711'],
    ]);
    assert.equal(matrix.rows.length, 3 + BUILTIN_EDGE_PROFILES.length);
    assert.ok(matrix.rows.slice(3).every((r) => r.group === 'builtIn'));
    const labels = matrix.rows.map((r) => r.profile.label);
    assert.equal(new Set(labels).size, labels.length);
  });

  it('lists each finding once with the profiles it affects, and the workspace ones are exactly what the editor reports', async () => {
    const { runs, workspaceProblems } = await runsFor('update-lead-to-mql.braze-webhook.json');
    const matrix = buildProfileMatrix(runs);
    const keys = matrix.findings.map((f) => `${f.problem.ruleId}@${f.problem.startIndex}:${f.problem.message}`);
    assert.equal(new Set(keys).size, keys.length, 'a finding is listed twice');
    for (const finding of matrix.findings) assert.ok(!/\[profiles? /.test(finding.problem.message), `profile names in the message: ${finding.problem.message}`);
    const forWorkspace = matrix.findings.filter((f) => f.affectsWorkspace);
    assert.equal(forWorkspace.length, workspaceProblems.length);
    // user-4711 is not a Lead Id: the update URL is flagged for that user only among the user's own.
    const badId = matrix.findings.find((f) => f.problem.ruleId === 'render-bad-lead-id' && f.profiles.some((p) => p.label === 'user-4711'));
    assert.ok(badId, JSON.stringify(matrix.findings.map((f) => [f.problem.ruleId, f.profiles.map((p) => p.label)])));
    assert.ok(badId.affectsWorkspace);
  });

  it('gives each row a status and counts from its own findings', async () => {
    const { runs } = await runsFor('create-lead.braze-webhook.json');
    const matrix = buildProfileMatrix(runs);
    for (const row of matrix.rows) {
      const run = runs.find((r) => r.profile.index === row.profile.index)!;
      assert.equal(row.counts.error + row.counts.warning + row.counts.info, run.problems.length);
      assert.deepEqual(row.status, statusFromFindings(run));
    }
    const noLastName = matrix.rows.find((r) => r.profile.label === 'edge-no-last-name');
    assert.ok(noLastName && noLastName.status.kind !== 'clean', 'the profile without a last name has no finding');
  });

  it('takes the status from a pluggable source', async () => {
    const { runs } = await runsFor('create-lead.braze-webhook.json');
    const matrix = buildProfileMatrix(runs, (run) => ({ kind: 'aborted', reason: `stub for ${run.profile.label}` }));
    assert.ok(matrix.rows.every((r) => r.status.kind === 'aborted' && r.status.reason === `stub for ${r.profile.label}`));
  });

  it('statusFromFindings: an error outranks an abort, an abort outranks a warning', () => {
    const base = { profile: { index: 1, label: 'a' }, group: 'workspace' as const };
    const request = (aborted: boolean) => ({ aborted: aborted ? { reason: 'no id', fieldId: 'url', range: { start: 0, end: 0 } } : null }) as unknown as ProfileRun['request'];
    const problem = (severity: 'error' | 'warning') => ({ ruleId: 'r', severity, message: 'm', startIndex: 0, endIndex: 1 });
    assert.deepEqual(statusFromFindings({ ...base, request: request(true), problems: [problem('error')] }), { kind: 'findings', worst: 'error' });
    assert.deepEqual(statusFromFindings({ ...base, request: request(true), problems: [problem('warning')] }), { kind: 'aborted', reason: 'no id' });
    assert.deepEqual(statusFromFindings({ ...base, request: request(false), problems: [problem('warning')] }), { kind: 'findings', worst: 'warning' });
    assert.deepEqual(statusFromFindings({ ...base, request: request(false), problems: [] }), { kind: 'clean' });
  });

  it("statusFromAnswer: a row with a predicted answer shows its status, codes and Braze's reaction; one without keeps the findings", async () => {
    const { runs } = await runsFor('update-lead-to-mql.braze-webhook.json');
    const answered = runs.map((run) => ({ ...run, answer: simulateSalesforceAnswer(run.request, { salesforce: BUILT_IN_SALESFORCE }) }));
    const rows = buildProfileMatrix(answered, statusFromAnswer).rows.filter((r) => r.group === 'workspace');
    const byLabel = new Map(rows.map((r) => [r.profile.label, r.status]));
    const ok = byLabel.get('00QKY000001LyJR2A0');
    const notAnId = byLabel.get('user-4711');
    assert.ok(ok?.kind === 'answered' && ok.status === 204 && ok.braze === 'delivered' && ok.errorCodes.length === 0, JSON.stringify(ok));
    assert.ok(notAnId?.kind === 'answered' && notAnId.status === 404 && notAnId.braze === 'dropped', JSON.stringify(notAnId));
    assert.deepEqual(notAnId.errorCodes, ['NOT_FOUND']);
    assert.match(notAnId.note, /this Lead update is lost/);
    assert.equal(isErrorStatus(notAnId), true);
    assert.equal(isErrorStatus(ok), false);
    // null: no answer (aborted, not a Salesforce URL); absent: not simulated. Both keep the findings' status.
    const withoutAnswer = { ...runs[0], answer: null };
    assert.deepEqual(statusFromAnswer(withoutAnswer), statusFromFindings(withoutAnswer));
    const notSimulated = runs[0];
    assert.deepEqual(statusFromAnswer(notSimulated), statusFromFindings(notSimulated));
  });
});
