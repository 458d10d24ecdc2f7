import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildPreviewHtml, escapeHtml, makeNonce } from '../../src/vscode/preview/preview-html';
import { type EdgeProfilesMode, buildPreviewState, toMatrixRow, toneOf } from '../../src/vscode/preview/preview-model';
import { TEST_LOCALIZER } from '../robustness/helpers/preview';
import { isFromWebview } from '../../src/vscode/preview/protocol';
import { type RenderedRequest, buildProfileMatrix } from '../../src/core';

const input = { cspSource: 'vscode-webview://abc', nonce: 'n0nce', scriptUri: 'https://file+.vscode-resource/media/preview.js', styleUri: 'https://file+.vscode-resource/media/preview.css', title: 'Preview <x>', lang: 'es' };

describe('preview HTML (pure)', () => {
  it('has a strict CSP: no default sources, scripts only with the nonce, no inline styles', () => {
    const html = buildPreviewHtml(input);
    const csp = /content="([^"]+)"/.exec(html)?.[1] ?? '';
    assert.match(csp, /default-src 'none'/);
    assert.match(csp, /script-src 'nonce-n0nce'/);
    assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval|\*/);
    assert.match(html, /<script nonce="n0nce" src="https:\/\/file\+\.vscode-resource\/media\/preview\.js"><\/script>/);
    assert.equal((html.match(/<script/g) ?? []).length, 1, 'one script tag only');
  });

  it('escapes every interpolated value', () => {
    const html = buildPreviewHtml({ ...input, title: '</title><script>alert(1)</script>', lang: '"><img src=x onerror=alert(1)>' });
    assert.ok(!html.includes('<script>alert(1)'));
    assert.ok(!html.includes('<img src=x'));
    assert.equal(escapeHtml(`<&>"'`), '&lt;&amp;&gt;&quot;&#39;');
  });

  it('makes a hex nonce from random bytes', () => {
    assert.equal(makeNonce((n) => new Uint8Array(n).fill(255)), 'ff'.repeat(24));
  });

  it('the webview script renders with textContent only (no innerHTML, no eval)', () => {
    const script = readFileSync(join(__dirname, '../../media/preview.js'), 'utf8');
    assert.doesNotMatch(script, /innerHTML|outerHTML|insertAdjacentHTML|document\.write|eval\(|new Function/);
  });
});

describe('preview messages and state (pure)', () => {
  it('accepts only well-formed messages from the webview', () => {
    assert.ok(isFromWebview({ type: 'selectProfile', index: 2 }));
    assert.ok(isFromWebview({ type: 'copy', format: 'curl' }));
    assert.ok(isFromWebview({ type: 'openRule', ruleId: 'sf-unknown-field' }));
    assert.ok(!isFromWebview({ type: 'openRule', ruleId: '../../etc/passwd' }));
    assert.ok(!isFromWebview({ type: 'selectProfile', index: '2' }));
    assert.ok(!isFromWebview({ type: 'copy', format: 'exe' }));
    assert.ok(!isFromWebview({ type: 'runCommand', command: 'rm -rf' }));
    assert.ok(!isFromWebview(null));
  });

  const request: RenderedRequest = {
    method: 'PATCH',
    url: 'https://acme.my.salesforce.com/services/data/v60.0/sobjects/Lead/00QKY000001LyJR2A0',
    headers: [['Content-Type', 'application/json']],
    body: '{"Lead_Stage__c":"<script>"}',
    bodyMode: 'json',
    subrequests: [],
    aborted: null,
    problems: [],
    fields: [],
  };

  const problem = (ruleId: string, severity: 'error' | 'warning' | 'info', startIndex = 0) => ({ ruleId, severity, message: `${ruleId} message`, startIndex, endIndex: startIndex + 1 });
  const ref = (index: number, label: string) => ({ index, label });
  const run = (index: number, label: string, group: 'workspace' | 'builtIn', problems: ReturnType<typeof problem>[], aborted = false) => ({
    profile: ref(index, label),
    group,
    request: { ...request, aborted: aborted ? { reason: 'no Lead Id', fieldId: 'url', range: { start: 0, end: 0 } } : null },
    problems: problems.map((p) => ({ ...p, profile: ref(index, label) })),
  });
  const stateFor = (edgeProfiles: EdgeProfilesMode, selectedProfile = 1) =>
    buildPreviewState({
      templateName: 't.braze-webhook.json',
      lineStarts: [0],
      profiles: [
        { index: 1, label: 'ana', builtIn: false },
        { index: 2, label: 'bob', builtIn: false },
        { index: 3, label: 'ana (built-in)', builtIn: true },
      ],
      selectedProfile,
      scenario: 'token-ok',
      revealed: false,
      request,
      staticProblems: [problem('placeholder', 'error', 5)],
      matrix: buildProfileMatrix([
        run(3, 'ana (built-in)', 'builtIn', [problem('render-too-long', 'warning', 9), problem('render-invalid-json', 'error', 3)]),
        run(1, 'ana', 'workspace', [problem('render-invalid-json', 'error', 3)]),
        run(2, 'bob', 'workspace', [], true),
      ]),
      edgeProfiles,
      patchRewritten: true,
      notice: null,
      localizer: TEST_LOCALIZER,
    });

  it('pretty-prints the body and notes the PATCH rewrite for the webhook object', () => {
    const state = stateFor('collapsed');
    assert.equal(state.request?.body, '{\n  "Lead_Stage__c": "<script>"\n}');
    assert.equal(state.brazeObjectNote, 'PATCH note');
  });

  it("lists the user's profiles first, the built-in ones in their own group, collapsed unless the setting says otherwise", () => {
    const state = stateFor('collapsed');
    assert.deepEqual(state.groups.map((g) => [g.id, g.title, g.open, g.rows.map((r) => r.label)]), [
      ['workspace', 'workspace (2)', true, ['ana', 'bob']],
      ['builtIn', 'builtIn (1)', false, ['ana (built-in)']],
    ]);
    assert.equal(stateFor('expanded').groups[1].open, true);
    assert.deepEqual(stateFor('hidden').groups.map((g) => g.id), ['workspace']);
  });

  it('one row per profile: a status, a tone and a count in words', () => {
    const [mine, builtIn] = stateFor('collapsed').groups;
    assert.deepEqual(mine.rows.map((r) => [r.label, r.tone, r.status, r.count, r.detail]), [
      ['ana', 'error', 'error', '1 problem', null],
      ['bob', 'aborted', 'aborted', '', 'no Lead Id'],
    ]);
    assert.deepEqual(builtIn.rows.map((r) => [r.tone, r.count]), [['error', '2 problems']]);
  });

  it('lists each problem once with its profiles: static and workspace ones as in the editor, built-in-only ones apart', () => {
    const state = stateFor('collapsed');
    assert.deepEqual(state.problems.map((p) => [p.ruleId, p.profiles.map((x) => x.label), p.selected]), [
      ['render-invalid-json', ['ana', 'ana (built-in)'], true],
      ['placeholder', [], true],
    ]);
    assert.equal(state.problemsTitle, 'Problems (2)');
    assert.deepEqual(state.groups[1].findings.map((f) => f.ruleId), ['render-too-long']);
    assert.deepEqual(state.selectedOnly, []);
    assert.deepEqual(stateFor('collapsed', 3).selectedOnly.map((f) => f.ruleId), ['render-too-long']);
  });

  it('shows no matrix for a template that cannot be rendered, and how to add sample users when there are none', () => {
    const base = { templateName: 't', lineStarts: [0], selectedProfile: 1, scenario: 'token-ok' as const, revealed: false, staticProblems: [], matrix: { rows: [], findings: [] }, edgeProfiles: 'collapsed' as const, patchRewritten: false, notice: 'not renderable', localizer: TEST_LOCALIZER };
    assert.deepEqual(buildPreviewState({ ...base, profiles: [{ index: 1, label: 'ana', builtIn: false }] }).groups, []);
    assert.deepEqual(buildPreviewState({ ...base, profiles: [{ index: 1, label: 'edge', builtIn: true }] }).groups.map((g) => [g.id, g.rows.length, g.hint]), [['workspace', 0, 'no profiles']]);
  });

  it('maps every status kind to a tone', () => {
    assert.equal(toneOf({ kind: 'clean' }), 'ok');
    assert.equal(toneOf({ kind: 'aborted', reason: 'r' }), 'aborted');
    assert.equal(toneOf({ kind: 'findings', worst: 'info' }), 'info');
    const row = toMatrixRow({ profile: ref(1, 'a'), group: 'workspace', status: { kind: 'clean' }, counts: { error: 0, warning: 0, info: 0 } }, TEST_LOCALIZER);
    assert.deepEqual(row, { index: 1, label: 'a', tone: 'ok', status: 'clean', detail: null, count: '' });
  });
});
