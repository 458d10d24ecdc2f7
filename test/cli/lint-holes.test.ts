// Issue 11, "Lint and CLI holes": templates that got "no problems" (exit 0) although Salesforce
// rejects them or they leak a credential, linted as a user would, through dist/cli.js.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeRun, runCli } from '../robustness/helpers/cli';

const LEAD_URL = 'https://acme.my.salesforce.com/services/data/v60.0/sobjects/Lead/';
const GOOD_AUTH =
  "{% connected_content https://acme.my.salesforce.com/services/oauth2/token :method post :body grant_type=client_credentials :basic_auth salesforce_connected_app :cache_max_age 900 :save token %}{% if token.access_token == blank %}{% abort_message('Salesforce token request failed') %}{% endif %}Bearer {{token.access_token}}";
const BODY = { LastName: "{{${last_name} | default: 'Unknown'}}", Company: "{{custom_attribute.${company} | default: 'Unknown'}}" };

interface JsonProblem {
  ruleId: string;
  severity: string;
  message: string;
}

describe('CLI: lint holes of issue 11 (real process)', function () {
  this.timeout(120_000);
  let tmp: string;
  before(() => {
    tmp = mkdtempSync(join(tmpdir(), 'bw-holes-'));
  });
  after(() => rmSync(tmp, { recursive: true, force: true }));

  function lint(name: string, template: unknown): { code: number | null; problems: JsonProblem[]; stdout: string } {
    const path = join(tmp, `${name}.braze-webhook.json`);
    writeFileSync(path, JSON.stringify(template, null, 2));
    const r = runCli(['lint', path, '--format', 'json']);
    assert.ok(r.code === 0 || r.code === 1, describeRun(r));
    return { code: r.code, problems: (JSON.parse(r.stdout) as Array<{ problems: JsonProblem[] }>)[0].problems, stdout: r.stdout };
  }

  it('a POST to the Lead sObject with no Authorization header at all: an error, exit 1', () => {
    for (const method of ['POST', 'PATCH']) {
      const { code, problems } = lint(`no-auth-${method}`, { url: method === 'POST' ? LEAD_URL : `${LEAD_URL}{{\${user_id}}}`, request_method: method, request_headers: { 'Content-Type': 'application/json' }, body: BODY });
      assert.equal(code, 1, method);
      const missing = problems.find((p) => p.ruleId === 'oauth-header-missing');
      assert.equal(missing?.severity, 'error', JSON.stringify(problems));
      assert.match(missing.message, /401 INVALID_SESSION_ID/);
    }
  });

  it('"Authorization": "Bearer 00D…!AQ…" (a literal session token): reported, and the token is quoted nowhere', () => {
    const token = '00D5g00000Py0i0!AQ4AQH0dYHxrVxB.gO7rQ6Z8mA3pIiTb_FakeButShapedLikeOne';
    const { problems, stdout } = lint('literal-session', { url: LEAD_URL, request_method: 'POST', request_headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' }, body: BODY });
    assert.ok(problems.some((p) => p.ruleId === 'hardcoded-secret' && /session id or access token/.test(p.message)), JSON.stringify(problems));
    assert.ok(!stdout.includes('AQ4AQH0dYHxrVxB'), 'the token is quoted in the output');
  });

  it('a literal password in the body and basic credentials in the URL are reported', () => {
    const { problems } = lint('passwords', {
      url: 'https://integration:hunter2hunter2@acme.my.salesforce.com/services/apexrest/leads',
      request_method: 'POST',
      request_headers: { Authorization: GOOD_AUTH, 'Content-Type': 'application/json' },
      body: { ...BODY, password: 'correct-horse-battery' },
    });
    assert.ok(problems.some((p) => p.ruleId === 'hardcoded-secret' && /literal password/.test(p.message)), JSON.stringify(problems));
    assert.ok(problems.some((p) => p.ruleId === 'secret-in-url'), JSON.stringify(problems));
    assert.ok(!JSON.stringify(problems).includes('hunter2') && !JSON.stringify(problems).includes('correct-horse'));
  });

  it('placeholders of every common form are errors: MyDomainName (the snippet default), YOUR_CLIENT_ID, <client_id>, xxx, yourInstance', () => {
    const auth = (host: string, body: string) => `{% connected_content https://${host}.my.salesforce.com/services/oauth2/token :method post :body ${body} :cache_max_age 900 :save token %}{% if token.access_token == blank %}{% abort_message('no token') %}{% endif %}Bearer {{token.access_token}}`;
    const cases: Array<[string, unknown, string]> = [
      ['my-domain-default', { url: 'https://MyDomainName.my.salesforce.com/services/data/v60.0/sobjects/Lead/', request_method: 'POST', request_headers: { Authorization: GOOD_AUTH.replace('acme', 'MyDomainName'), 'Content-Type': 'application/json' }, body: BODY }, 'MyDomainName'],
      ['your-client-id', { url: LEAD_URL, request_method: 'POST', request_headers: { Authorization: auth('acme', 'client_id=YOUR_CLIENT_ID&client_secret={{custom_attribute.${s}}}&grant_type=client_credentials'), 'Content-Type': 'application/json' }, body: BODY }, 'YOUR_CLIENT_ID'],
      ['angle-client-id', { url: LEAD_URL, request_method: 'POST', request_headers: { Authorization: auth('acme', 'client_id=<client_id>&client_secret={{custom_attribute.${s}}}&grant_type=client_credentials'), 'Content-Type': 'application/json' }, body: BODY }, '<client_id>'],
      ['xxx-secret', { url: LEAD_URL, request_method: 'POST', request_headers: { Authorization: auth('acme', 'client_id=3MVG9abc&client_secret=xxx&grant_type=client_credentials'), 'Content-Type': 'application/json' }, body: BODY }, 'xxx'],
      ['your-instance', { url: 'https://yourInstance.salesforce.com/services/data/v60.0/sobjects/Lead/', request_method: 'POST', request_headers: { Authorization: GOOD_AUTH, 'Content-Type': 'application/json' }, body: BODY }, 'yourInstance'],
    ];
    for (const [name, template, placeholder] of cases) {
      const { code, problems } = lint(name, template);
      assert.equal(code, 1, name);
      assert.ok(problems.some((p) => p.ruleId === 'placeholder' && p.severity === 'error' && p.message.includes(placeholder)), `${name}: ${JSON.stringify(problems)}`);
    }
  });

  it('render: no 200 token for host MyDomainName; the call fails as Braze would experience it (connection error 599), exit 1', () => {
    const path = join(tmp, 'snippet-default.braze-webhook.json');
    writeFileSync(path, JSON.stringify({ url: LEAD_URL, request_method: 'POST', request_headers: { Authorization: GOOD_AUTH.replace('acme', 'MyDomainName'), 'Content-Type': 'application/json' }, body: BODY }, null, 2));
    const json = runCli(['render', path, '--format', 'json']);
    assert.equal(json.code, 1, describeRun(json));
    const [entry] = JSON.parse(json.stdout) as Array<{ subrequests: Array<{ url: string; response: { status: number } }>; aborted: { reason: string } | null; problems: JsonProblem[] }>;
    assert.equal(entry.subrequests[0].url, 'https://MyDomainName.my.salesforce.com/services/oauth2/token');
    assert.equal(entry.subrequests[0].response.status, 599);
    assert.deepEqual(entry.aborted, { reason: 'Salesforce token request failed' }, 'the guard aborts: no token came back');
    assert.ok(entry.problems.some((p) => p.ruleId === 'render-invalid-url' && /placeholder/.test(p.message)), JSON.stringify(entry.problems));
    const http = runCli(['render', path]);
    assert.match(http.stdout, /^# ← 599 from unresolvable-host/m);
    assert.ok(!/^# ← 200/m.test(http.stdout), http.stdout);
  });

  it('a bidi override in the URL is reported with the character named, and never reaches the terminal raw', () => {
    const path = join(tmp, 'bidi.braze-webhook.json');
    writeFileSync(path, JSON.stringify({ url: `https://acme.my.salesforce.com\u202Emoc.live//:sptth/services/data/v60.0/sobjects/Lead/`, request_method: 'POST', request_headers: { Authorization: GOOD_AUTH, 'Content-Type': 'application/json' }, body: BODY }, null, 2));
    const json = runCli(['lint', path, '--format', 'json']);
    const problems = (JSON.parse(json.stdout) as Array<{ problems: JsonProblem[] }>)[0].problems;
    const hidden = problems.find((p) => p.ruleId === 'invisible-character');
    assert.equal(hidden?.severity, 'warning', JSON.stringify(problems));
    assert.match(hidden.message, /^U\+202E RIGHT-TO-LEFT OVERRIDE is hidden in the URL/);
    const text = runCli(['render', path]);
    assert.ok(!text.stdout.includes('\u202E') && !text.stderr.includes('\u202E'), 'a raw U+202E reached the terminal');
    assert.ok(text.stdout.includes('\\u202e'), 'shown as a visible escape');
    const fixed = runCli(['lint', path, '--fix', '--format', 'json']);
    assert.ok(!(JSON.parse(fixed.stdout) as Array<{ problems: JsonProblem[] }>)[0].problems.some((p) => p.ruleId === 'invisible-character'), 'the fix removes it');
  });
});
