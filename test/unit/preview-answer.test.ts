// The preview's "Salesforce answer" section and the matrix's answer column, computed as the panel
// computes them (preview-model's computePreview, the real renderer and simulation; the words come
// from the test localizer). The panel itself is covered by test/vscode/salesforce-answer.test.ts.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Profile, type SalesforceSchema, makeFixtureResolver, parseMocks, parseProfiles, parseTemplateFile, simulateSalesforceAnswer } from '../../src/core';
import { computePreview } from '../../src/vscode/preview/preview-model';
import { ACME_DESCRIBE, BUILT_IN_SALESFORCE } from '../helpers/salesforce';
import { TEST_LOCALIZER } from '../robustness/helpers/preview';

const examples = join(__dirname, '..', '..', 'examples');
const read = (name: string) => readFileSync(join(examples, name), 'utf8');
const users: Profile[] = parseProfiles(read('sample-users.braze-profiles.json')).profiles;

async function preview(code: string, options: { selected?: number; salesforce?: SalesforceSchema | null; mocks?: string; revealed?: boolean } = {}) {
  const mocks = options.mocks ? parseMocks(options.mocks).mocks.rules : [];
  return computePreview({
    templateName: 't.braze-webhook.json',
    file: parseTemplateFile(code),
    profiles: users.map((profile) => ({ profile, builtIn: false })),
    selectedProfile: options.selected ?? 1,
    deps: { resolveConnectedContent: makeFixtureResolver({ rules: mocks }) },
    salesforce: options.salesforce === null ? undefined : (options.salesforce ?? BUILT_IN_SALESFORCE),
    mocks,
    simulate: simulateSalesforceAnswer,
    scenario: 'token-ok',
    revealed: options.revealed === true,
    edgeProfiles: 'hidden',
    notRenderable: 'not renderable',
    localizer: TEST_LOCALIZER,
  });
}

describe("preview: Salesforce's answer and the matrix's answer column", () => {
  it('shows the simulated answer of the chosen profile, what Braze does, the limits, and that the Lead model is the built-in one', async () => {
    const { state, answer } = await preview(read('create-lead.braze-webhook.json'));
    assert.equal(answer?.status, 201);
    assert.equal(state.answer?.statusLine, '201 Created');
    assert.equal(state.answer?.tone, 'ok');
    assert.match(state.answer?.body ?? '', /^\{\n {2}"id": "00Q/);
    assert.equal(state.answer?.source, 'simulated');
    assert.equal(state.answer?.braze, 'delivered');
    assert.equal(state.answer?.limits, 'limits');
    assert.match(state.answer?.limitsDetail ?? '', /validation rules, duplicate rules/);
    assert.ok(!state.answer?.caveats.some((c) => /validation rules/.test(c)), 'the org-logic caveat is the one-line limits, not repeated');
    assert.equal(state.answer?.modelNote, 'built-in Lead model');
    assert.equal(state.noAnswer, null);
    // The third user has an info finding: the row's colour is the worst finding's, the text the answer's.
    assert.deepEqual(state.groups[0].rows.map((r) => [r.status, r.tone]), [['201', 'ok'], ['201', 'ok'], ['201', 'info']]);
    assert.equal(state.groups[0].answerErrors, null);
  });

  it("with the org's describe the model note goes, and its required field makes every row an error answer", async () => {
    const { state } = await preview(read('create-lead.braze-webhook.json'), { salesforce: ACME_DESCRIBE });
    assert.equal(state.answer?.modelNote, null);
    assert.equal(state.answer?.statusLine, '400 Bad Request');
    assert.equal(state.answer?.tone, 'error');
    assert.equal(state.answer?.braze, 'dropped');
    assert.match(state.answer?.brazeNote ?? '', /this Lead is lost/);
    assert.deepEqual(state.groups[0].rows.map((r) => r.tone), ['error', 'error', 'error']);
    assert.ok(state.groups[0].rows.every((r) => r.status.startsWith('400 REQUIRED_FIELD_MISSING') && /lost/.test(r.detail ?? '')), JSON.stringify(state.groups[0].rows));
    assert.equal(state.groups[0].answerErrors, '3/3 error answers');
  });

  it("a mock rule matching the webhook answers instead of the simulation, and the section says it is the mock's", async () => {
    const mocks = JSON.stringify({ rules: [{ match: { url: 'https://acme.my.salesforce.com/services/data/*/sobjects/Lead/' }, response: { status: 503, json: [{ message: 'busy', errorCode: 'SERVER_UNAVAILABLE' }] } }] });
    const { state } = await preview(read('create-lead.braze-webhook.json'), { mocks });
    assert.equal(state.answer?.source, 'mock');
    assert.equal(state.answer?.braze, 'retried');
    assert.match(state.answer?.brazeNote ?? '', /retries 503/);
    assert.equal(state.answer?.modelNote, null, 'a mock does not depend on the model');
    assert.deepEqual(state.groups[0].rows.map((r) => r.status), ['503 SERVER_UNAVAILABLE', '503 SERVER_UNAVAILABLE', '503 SERVER_UNAVAILABLE']);
  });

  it('says why there is no answer: an aborted message, or a URL that is not a Salesforce sObject URL', async () => {
    const aborts = JSON.stringify({ url: 'https://acme.my.salesforce.com/services/data/v60.0/sobjects/Lead/', request_method: 'POST', request_headers: { 'Content-Type': 'application/json' }, body: { LastName: "{% abort_message('no lead today') %}" } });
    const aborted = await preview(aborts);
    assert.equal(aborted.state.answer, null);
    assert.equal(aborted.state.noAnswer, 'no answer: aborted');
    assert.deepEqual(aborted.state.groups[0].rows.map((r) => r.tone), ['aborted', 'aborted', 'aborted']);
    const other = JSON.stringify({ url: 'https://hooks.example.com/lead', request_method: 'POST', request_headers: { 'Content-Type': 'application/json' }, body: { name: '{{${first_name}}}' } });
    const { state } = await preview(other);
    assert.equal(state.answer, null);
    assert.equal(state.noAnswer, 'no answer: not-sobject');
    assert.deepEqual(state.groups[0].rows.map((r) => r.status), ['clean', 'clean', 'clean'], 'rows without an answer keep the findings status');
  });

  it('without a model nothing is simulated (no section, no reason)', async () => {
    const { state, answer } = await preview(read('create-lead.braze-webhook.json'), { salesforce: null });
    assert.equal(answer, undefined);
    assert.equal(state.answer, null);
    assert.equal(state.noAnswer, null);
  });
});
