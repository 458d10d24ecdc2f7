import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildPreviewHtml, escapeHtml, makeNonce } from '../../src/vscode/preview/preview-html';
import { buildPreviewState, toMatrixRow } from '../../src/vscode/preview/preview-model';
import { isFromWebview } from '../../src/vscode/preview/protocol';
import type { RenderedRequest } from '../../src/core';

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

  it('pretty-prints the body and notes the PATCH rewrite for the webhook object', () => {
    const state = buildPreviewState({
      templateName: 't.braze-webhook.json',
      lineStarts: [0],
      profiles: [{ index: 1, label: 'a', builtIn: false }],
      selectedProfile: 1,
      scenario: 'token-ok',
      revealed: false,
      request,
      problems: [],
      matrix: [{ index: 1, label: 'a', request, problems: [] }],
      patchRewritten: true,
      notice: null,
      strings: { patchNote: 'PATCH note', status_ok: 'ok' },
    });
    assert.equal(state.request?.body, '{\n  "Lead_Stage__c": "<script>"\n}');
    assert.equal(state.brazeObjectNote, 'PATCH note');
    assert.equal(state.matrix[0].status, 'ok');
  });

  it('marks matrix rows by their worst finding, aborts separately', () => {
    const row = (problems: Array<{ severity: 'error' | 'warning' | 'info' }>, aborted = false) =>
      toMatrixRow({ index: 1, label: 'a', request: { ...request, aborted: aborted ? { reason: 'r', fieldId: 'url', range: { start: 0, end: 0 } } : null }, problems: problems.map((p) => ({ ruleId: 'x', message: 'm', startIndex: 0, endIndex: 0, ...p })) }, {});
    assert.equal(row([{ severity: 'error' }]).status, 'error');
    assert.equal(row([{ severity: 'warning' }]).status, 'warning');
    assert.equal(row([{ severity: 'info' }]).status, 'ok');
    assert.equal(row([], true).status, 'aborted');
    assert.equal(row([], true).summary, 'r');
  });
});
