// `render` prints every finding `lint` reports for the profile it renders (issue 11): same rules,
// same severities, same positions and messages; exit 1 on an error-level finding.
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { LineColumnProblem } from '../../src/core';
import { REPO, runCli } from '../robustness/helpers/cli';

const PROFILES = 'examples/sample-users.braze-profiles.json';
const USERS = ['00QKY000001LyJR2A0', '00QE000000Ft9AhMAJ', 'user-4711'];

type JsonProblem = LineColumnProblem;

/** `[profile a]` / `[profiles a, b]` at the end of a rendered finding, as lint merges them. */
const PROFILE_SUFFIX = / \[profiles? ([^\]]*)\]$/;

const key = (p: JsonProblem) => `${p.severity} ${p.ruleId} ${p.line}:${p.column}-${p.endLine}:${p.endColumn} ${p.message.replace(PROFILE_SUFFIX, '')}`;

/** What lint reports for one profile: the static findings and the rendered ones that name it. */
function lintFindingsFor(problems: JsonProblem[], user: string): string[] {
  return problems
    .filter((p) => {
      const names = PROFILE_SUFFIX.exec(p.message)?.[1];
      return names === undefined || names.split(', ').includes(user);
    })
    .map(key)
    .sort();
}

describe('render prints the lint findings of each profile (real process)', function () {
  this.timeout(180_000);

  it("update-lead-to-mql for user-4711 shows lint's render-bad-lead-id error and exits 1 (the issue's case)", () => {
    const r = runCli(['render', 'examples/update-lead-to-mql.braze-webhook.json', '--profiles', PROFILES, '--user', 'user-4711']);
    assert.equal(r.code, 1, r.stderr);
    const lint = runCli(['lint', 'examples/update-lead-to-mql.braze-webhook.json', '--profiles', PROFILES, '--format', 'json']);
    const badId = (JSON.parse(lint.stdout)[0].problems as JsonProblem[]).find((p) => p.ruleId === 'render-bad-lead-id' && p.message.includes('user-4711'));
    assert.ok(badId, 'lint reports render-bad-lead-id for user-4711');
    assert.ok(
      r.stdout.includes(`# error render-bad-lead-id (line ${badId.line}, column ${badId.column}): ${badId.message.replace(PROFILE_SUFFIX, '')}`),
      `render does not show lint's finding:\n${r.stdout}`,
    );
  });

  it("a missing last_name with | default: 'Unknown' is reported as rendering \"Unknown\", under a body that says Unknown (the issue's case)", () => {
    const r = runCli(['render', 'examples/create-lead.braze-webhook.json', '--profiles', PROFILES, '--user', 'user-4711']);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /"LastName":"Unknown"/);
    assert.ok(r.stdout.includes("# info render-missing-attribute (line 13, column 20): ${last_name} has no value for this profile; the output's `default` renders \"Unknown\" instead."), r.stdout);
    assert.ok(!r.stdout.includes('renders it as an empty string'), `a message contradicts the body:\n${r.stdout}`);
  });

  it('prints the findings as comments in curl output too', () => {
    const r = runCli(['render', 'examples/update-lead-to-mql.braze-webhook.json', '--profiles', PROFILES, '--user', 'user-4711', '--format', 'curl']);
    assert.equal(r.code, 1, r.stderr);
    assert.match(r.stdout, /^curl -X PATCH /m);
    assert.match(r.stdout, /^# error render-bad-lead-id \(line \d+, column \d+\): /m);
  });

  const templates = readdirSync(join(REPO, 'examples')).filter((f) => f.endsWith('.braze-webhook.json'));
  for (const template of templates) {
    it(`${template}: for every sample user, render --format json has exactly lint's findings, and the exit code follows them`, () => {
      const lint = runCli(['lint', `examples/${template}`, '--profiles', PROFILES, '--format', 'json']);
      assert.ok(lint.code === 0 || lint.code === 1, lint.stderr);
      const lintProblems = JSON.parse(lint.stdout)[0].problems as JsonProblem[];
      const render = runCli(['render', `examples/${template}`, '--profiles', PROFILES, '--format', 'json']);
      assert.ok(render.code === 0 || render.code === 1, render.stderr);
      const entries = JSON.parse(render.stdout) as Array<{ profile: { label: string }; problems: JsonProblem[] }>;
      assert.deepEqual(entries.map((e) => e.profile.label), USERS);
      for (const entry of entries) {
        assert.deepEqual(entry.problems.map(key).sort(), lintFindingsFor(lintProblems, entry.profile.label), `${template}, profile ${entry.profile.label}`);
      }
      const anyError = entries.some((e) => e.problems.some((p) => p.severity === 'error'));
      assert.equal(render.code, anyError ? 1 : 0, 'exit 1 exactly when a finding is an error');
      assert.equal(lint.code, render.code, 'lint and render agree on the exit code');
    });
  }

  it('applies the configuration as lint does (a rule turned off is not shown), but not to the predicted answer', () => {
    const r = runCli(['render', 'examples/update-lead-to-mql.braze-webhook.json', '--profiles', PROFILES, '--user', 'user-4711', '--config', 'test/cli/fixtures/no-lead-id.config.json', '--format', 'json']);
    const [entry] = JSON.parse(r.stdout) as Array<{ problems: JsonProblem[]; response: { status: number; braze: string } }>;
    assert.ok(!entry.problems.some((p) => p.ruleId === 'render-bad-lead-id'));
    // Turning a rule off does not change what Salesforce answers: the PATCH still gets a 404, so the run still fails.
    assert.equal(entry.response.status, 404);
    assert.equal(entry.response.braze, 'dropped');
    assert.equal(r.code, 1, r.stderr);
  });
});
