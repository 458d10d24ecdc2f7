import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/** The Salesforce side of the CLI (org describes), as the real bundled process. */
const repo = resolve(__dirname, '../..');
const cli = join(repo, 'dist/cli.js');
const ACME = join(repo, 'examples/acme-lead.describe.json');

function run(args: string[], cwd = repo, input?: string): { code: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [cli, ...args], { cwd, encoding: 'utf8', timeout: 60_000, input });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A create template with the given body, Content-Type and a cached token (so only the body matters). */
function createTemplate(body: Record<string, string>): string {
  return `${JSON.stringify(
    {
      url: 'https://acme.my.salesforce.com/services/data/v60.0/sobjects/Lead/',
      request_method: 'POST',
      request_headers: {
        Authorization:
          "{% connected_content https://acme.my.salesforce.com/services/oauth2/token :method post :body client_id=abc&client_secret=xyz&grant_type=client_credentials :cache_max_age 900 :save result %}{% if result.access_token == blank %}{% abort_message('token failed') %}{% endif %}Bearer {{result.access_token}}",
        'Content-Type': 'application/json',
      },
      body,
    },
    null,
    2,
  )}\n`;
}

describe('CLI: Salesforce org describes (real process)', function () {
  let tmp: string;
  before(() => {
    const build = spawnSync(process.execPath, ['esbuild.mjs'], { cwd: repo, encoding: 'utf8' });
    assert.equal(build.status, 0, build.stderr);
    tmp = mkdtempSync(join(tmpdir(), 'bw-sf-'));
    writeFileSync(join(tmp, 'create.braze-webhook.json'), createTemplate({ LastName: '{{${last_name}}}', Company: 'Acme', Segment__c: 'B2B' }));
  });
  after(() => rmSync(tmp, { recursive: true, force: true }));

  it('without a describe, custom fields are assumed to exist', () => {
    const r = run(['lint', 'create.braze-webhook.json', '--format', 'json'], tmp);
    const ids = JSON.parse(r.stdout)[0].problems.map((p: { ruleId: string }) => p.ruleId);
    assert.ok(!ids.includes('sf-unknown-field'), r.stdout);
    assert.ok(!ids.includes('sf-required-fields'), r.stdout);
  });

  it('--describe: unknown custom fields and the org’s required custom fields become findings', () => {
    const r = run(['lint', 'create.braze-webhook.json', '--describe', ACME, '--format', 'json'], tmp);
    assert.equal(r.stderr, '');
    const problems = JSON.parse(r.stdout)[0].problems as Array<{ ruleId: string; message: string }>;
    assert.ok(problems.some((p) => p.ruleId === 'sf-unknown-field' && /"Segment__c" is not in your org's Lead describe/.test(p.message)), r.stdout);
    assert.ok(problems.some((p) => p.ruleId === 'sf-required-fields' && /Region__c, which your org requires/.test(p.message)), r.stdout);
  });

  it('reads salesforce.describe from braze-webhook.config.json, relative to it; --describe wins for the same sObject', () => {
    const dir = mkdtempSync(join(tmp, 'cfg-'));
    copyFileSync(join(tmp, 'create.braze-webhook.json'), join(dir, 'create.braze-webhook.json'));
    copyFileSync(ACME, join(dir, 'lead.describe.json'));
    writeFileSync(join(dir, 'braze-webhook.config.json'), JSON.stringify({ salesforce: { describe: { Lead: 'lead.describe.json' } } }));
    const fromConfig = run(['lint', 'create.braze-webhook.json', '--format', 'json'], dir);
    assert.match(fromConfig.stdout, /not in your org's Lead describe \(lead\.describe\.json\)/);
    const other = join(dir, 'other.describe.json');
    writeFileSync(other, JSON.stringify({ name: 'Lead', fields: [{ name: 'LastName', type: 'string', length: 80, createable: true, updateable: true, nillable: false, defaultedOnCreate: false }, { name: 'Company', type: 'string', length: 255, createable: true, updateable: true, nillable: false, defaultedOnCreate: false }, { name: 'Segment__c', type: 'string', length: 40, createable: true, updateable: true, nillable: true, defaultedOnCreate: false }] }));
    const flagWins = run(['lint', 'create.braze-webhook.json', '--describe', 'other.describe.json', '--format', 'json'], dir);
    assert.deepEqual(JSON.parse(flagWins.stdout)[0].problems.filter((p: { ruleId: string }) => p.ruleId.startsWith('sf-')), []);
  });

  it('a describe that is not valid JSON: a clear problem at its position, and the built-in model is used', () => {
    const bad = join(tmp, 'bad.describe.json');
    writeFileSync(bad, '{\n  "name": "Lead",\n  "fields": [\n    {"name": "LastName",}\n  ]\n}\n');
    const r = run(['lint', 'create.braze-webhook.json', '--describe', 'bad.describe.json', '--format', 'json'], tmp);
    assert.match(r.stderr, /bad\.describe\.json:4:25: error: .*The file is not used; the built-in model stays in force\./);
    const problems = JSON.parse(r.stdout)[0].problems as Array<{ ruleId: string }>;
    assert.ok(!problems.some((p) => p.ruleId === 'sf-unknown-field'), 'built-in model: custom fields assumed');
  });

  it('a describe file that does not exist is an input error (exit 2)', () => {
    const r = run(['lint', 'create.braze-webhook.json', '--describe', 'missing.json'], tmp);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /missing\.json/);
  });

  it('render takes --describe too, and lists it in its help', () => {
    const r = run(['render', 'create.braze-webhook.json', '--describe', ACME, '--format', 'json'], tmp);
    const [entry] = JSON.parse(r.stdout);
    assert.ok(entry.problems.some((p: { message: string }) => /Region__c, which your org requires/.test(p.message)), r.stdout);
    assert.match(run(['render', '--help']).stdout, /--describe FILE…/);
    assert.match(run(['lint', '--help']).stdout, /--describe FILE…/);
  });

  describe('render: the predicted answer', () => {
    const users = join(repo, 'examples/sample-users.braze-profiles.json');

    it('the issue: update-lead-to-mql for user-4711 exits 1, with the finding and the 404 answer', () => {
      const r = run(['render', 'examples/update-lead-to-mql.braze-webhook.json', '--profiles', users, '--user', 'user-4711', '--format', 'json']);
      assert.equal(r.code, 1, r.stderr);
      const [entry] = JSON.parse(r.stdout);
      assert.ok(entry.problems.some((p: { ruleId: string; severity: string }) => p.ruleId === 'render-bad-lead-id' && p.severity === 'error'));
      assert.deepEqual(
        { status: entry.response.status, source: entry.response.source, braze: entry.response.braze, body: JSON.parse(entry.response.body) },
        { status: 404, source: 'simulated', braze: 'dropped', body: [{ errorCode: 'NOT_FOUND', message: 'Provided external ID field does not exist or is not accessible: user-4711' }] },
      );
      assert.ok(entry.response.caveats.some((c: string) => /validation rules/.test(c)));
    });

    it('a Lead created for every sample user: 201 per profile, exit 0', () => {
      const r = run(['render', 'examples/create-lead.braze-webhook.json', '--profiles', users, '--format', 'json']);
      assert.equal(r.code, 0, r.stderr);
      const entries = JSON.parse(r.stdout) as Array<{ response: { status: number; body: string; braze: string } }>;
      assert.deepEqual(entries.map((e) => [e.response.status, e.response.braze]), [[201, 'delivered'], [201, 'delivered'], [201, 'delivered']]);
      assert.match(JSON.parse(entries[0].response.body).id, /^00Q[A-Za-z0-9]{15}$/);
    });

    it('http and curl: the answer as a comment block after the request; null when aborted', () => {
      const http = run(['render', 'examples/create-lead.braze-webhook.json', '--user', '1']);
      assert.match(http.stdout, /### Webhook request[\s\S]*### Salesforce answer \(simulated, not sent\)\n# ← 201 Created\n# {3}\{/);
      assert.match(http.stdout, /^# Braze: delivered\./m);
      const curl = run(['render', 'examples/create-lead.braze-webhook.json', '--user', '1', '--format', 'curl']);
      assert.match(curl.stdout, /^curl -X POST[\s\S]*^# ← 201 Created$/m);
      const aborted = run(['render', 'examples/create-lead.braze-webhook.json', '--user', '1', '--scenario', 'invalid-client', '--format', 'json']);
      assert.equal(JSON.parse(aborted.stdout)[0].response, null);
    });

    it('a mock that matches the sObject URL answers instead (source "mock"); a 503 is retried', () => {
      const mocks = join(tmp, 'sf.braze-mocks.json');
      writeFileSync(mocks, JSON.stringify({ rules: [{ match: { url: 'https://acme.my.salesforce.com/services/data/*/sobjects/Lead/*', method: 'POST' }, response: { status: 503 } }] }));
      const r = run(['render', 'examples/create-lead.braze-webhook.json', '--user', '1', '--mocks', mocks, '--format', 'json']);
      const [entry] = JSON.parse(r.stdout);
      assert.deepEqual([entry.response.status, entry.response.source, entry.response.braze], [503, 'mock', 'retried']);
      assert.equal(r.code, 1);
    });
  });

  describe('explain', () => {
    const users = join(repo, 'examples/sample-users.braze-profiles.json');
    const body = '[{"errorCode":"NOT_FOUND","message":"Provided external ID field does not exist or is not accessible: user-4711"}]';

    it('maps a pasted Braze log line to the template position, with the fix and the profile that reproduces it', () => {
      const log = join(tmp, 'activity.log');
      writeFileSync(log, `2026-03-01T12:00:00Z Webhook failed, status 404: ${body}\n`);
      const r = run(['explain', 'examples/update-lead-to-mql.braze-webhook.json', '--error', log, '--profiles', users]);
      assert.equal(r.code, 0, r.stderr);
      assert.match(r.stdout, /^404 from Salesforce: 1 error$/m);
      assert.match(r.stdout, /at examples\/update-lead-to-mql\.braze-webhook\.json:5:\d+ \(the record Id in the URL\)/);
      assert.match(r.stdout, /reproduced by: profile 3 \(user-4711\)/);
      assert.match(r.stdout, /fix: /);
    });

    it('reads the body from standard input with --error -, and prints JSON', () => {
      const r = run(['explain', 'examples/update-lead-to-mql.braze-webhook.json', '--error', '-', '--profiles', users, '--format', 'json'], repo, body);
      assert.equal(r.code, 0, r.stderr);
      const out = JSON.parse(r.stdout);
      assert.deepEqual(out.errors[0].reproducedBy, [{ index: 3, label: 'user-4711' }]);
      assert.equal(out.errors[0].locations[0].line, 5);
    });

    it('exit 2 when the input holds no error, and when --error is missing', () => {
      const none = run(['explain', 'examples/create-lead.braze-webhook.json', '--error', '-'], repo, 'everything is fine');
      assert.equal(none.code, 2);
      assert.match(none.stderr, /No Salesforce error found/);
      assert.equal(run(['explain', 'examples/create-lead.braze-webhook.json']).code, 2);
      assert.match(run(['--help']).stdout, /braze-webhook explain TEMPLATE --error FILE\|-/);
    });
  });
});
