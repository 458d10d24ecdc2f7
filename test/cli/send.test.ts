import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type SalesforceStandIn, startSalesforceStandIn } from '../helpers/salesforce-stand-in';
import { type CliRun, describeRun, REPO, runCliAsync } from '../robustness/helpers/cli';

/**
 * `braze-webhook send` as the real process users run, against the local Salesforce stand-in: it
 * refuses before reading anything without --yes and --allow-host, contacts only allowed hosts,
 * sends exactly what render shows (with the real token), and prints the real answer, the
 * predicted one and the verdict.
 */
describe('CLI send (real process, local Salesforce stand-in)', function () {
  this.timeout(60_000);
  let org: SalesforceStandIn;
  let dir: string;
  let templatePath: string;
  let profilesPath: string;
  const describePath = join(REPO, 'examples/acme-lead.describe.json');

  const write = (name: string, value: unknown) => {
    const path = join(dir, name);
    writeFileSync(path, `${JSON.stringify(value, null, 2)}\n`);
    return path;
  };
  const tokenTag = (auth: string) => `{% connected_content ${org.origin}/services/oauth2/token :method post ${auth} :save result %}`;
  const webhook = (auth = `:body client_id=${org.clientId}&client_secret=${org.clientSecret}&grant_type=client_credentials`, body: Record<string, string> = { LastName: '{{${last_name}}}', Company: '{{custom_attribute.${company}}}', Region__c: 'EMEA' }) => ({
    url: `${org.origin}/services/data/v60.0/sobjects/Lead/`,
    request_method: 'POST',
    request_headers: { Authorization: `${tokenTag(auth)}Bearer {{result.access_token}}`, 'Content-Type': 'application/json' },
    body,
  });
  const allowed = () => ['--allow-host', '127.0.0.1', '--allow-loopback', '--yes'];
  const send = (args: string[], env: Record<string, string> = {}): Promise<CliRun> => runCliAsync(['send', ...args], { env });
  const leaks = (run: CliRun) => [org.accessToken, org.clientSecret].filter((secret) => (run.stdout + run.stderr).includes(secret));

  beforeEach(async () => {
    org = await startSalesforceStandIn();
    dir = mkdtempSync(join(tmpdir(), 'bw-send-'));
    templatePath = write('create-lead.braze-webhook.json', webhook());
    profilesPath = write('users.braze-profiles.json', [
      { external_id: 'user-1', first_name: 'Ada', last_name: 'Lovelace', email: 'ada@example.com', custom_attributes: { company: 'Analytical Engines' } },
      { external_id: 'user-2', last_name: 'Hopper', custom_attributes: { company: 'Navy' } },
    ]);
  });
  afterEach(async () => {
    await org.close();
    rmSync(dir, { recursive: true, force: true });
  });

  describe('refuses before reading or sending anything', () => {
    const cases: Array<[string, (t: string) => string[], string]> = [
      ['no flag', (t) => [t], 'missing --yes and --allow-host HOST'],
      ['no --allow-host', (t) => [t, '--yes'], 'missing --allow-host HOST'],
      ['no --yes', (t) => [t, '--allow-host', '127.0.0.1', '--allow-loopback'], 'missing --yes'],
      ['a template that does not exist, and no flag', () => ['does-not-exist.braze-webhook.json', '--user', 'x'], 'missing --yes and --allow-host HOST'],
    ];
    for (const [title, args, missing] of cases) {
      it(`${title}: exit 2, names each missing flag`, async () => {
        const run = await send(args(templatePath));
        assert.equal(run.code, 2, describeRun(run));
        assert.match(run.stderr, new RegExp(`^braze-webhook: send: nothing was sent: ${missing}\\. `));
        assert.equal(run.stdout, '');
        assert.equal(org.received.length, 0);
      });
    }

    it('a host not allowed: exit 2, names the host and the flag', async () => {
      const run = await send([templatePath, '--profiles', profilesPath, '--user', 'user-1', '--allow-host', 'acme.my.salesforce.com', '--allow-loopback', '--yes']);
      assert.equal(run.code, 2, describeRun(run));
      assert.match(run.stderr, /127\.0\.0\.1 is not allowed: pass --allow-host 127\.0\.0\.1 to send to it/);
      assert.equal(org.received.length, 0);
    });

    it('plain http to the loopback address without --allow-loopback: exit 2, names the switch', async () => {
      const run = await send([templatePath, '--profiles', profilesPath, '--user', 'user-1', '--allow-host', '127.0.0.1', '--yes']);
      assert.equal(run.code, 2, describeRun(run));
      assert.match(run.stderr, /127\.0\.0\.1 is the loopback address.*--allow-loopback/);
      assert.equal(org.received.length, 0);
    });

    it('several users without --user: one profile at a time, no batch sends', async () => {
      const run = await send([templatePath, '--profiles', profilesPath, ...allowed()]);
      assert.equal(run.code, 2, describeRun(run));
      assert.match(run.stderr, /send sends one profile at a time: pass --user ID \(2 users/);
      assert.equal(org.received.length, 0);
    });

    it('a :basic_auth credential without its environment variable: exit 2, names the variable, never a value', async () => {
      const basic = write('basic.braze-webhook.json', webhook(':basic_auth sf-client :body grant_type=client_credentials'));
      const run = await send([basic, '--profiles', profilesPath, '--user', 'user-1', ...allowed()]);
      assert.equal(run.code, 2, describeRun(run));
      assert.match(run.stderr, /:basic_auth sf-client: set BRAZE_WEBHOOK_BASIC_AUTH_SF_CLIENT to <user name>:<password>/);
      const malformed = await send([basic, '--profiles', profilesPath, '--user', 'user-1', ...allowed()], { BRAZE_WEBHOOK_BASIC_AUTH_SF_CLIENT: 'malformedcanary7f3a' });
      assert.equal(malformed.code, 2);
      assert.match(malformed.stderr, /BRAZE_WEBHOOK_BASIC_AUTH_SF_CLIENT is not <user name>:<password>/);
      assert.ok(!malformed.stderr.includes('malformedcanary7f3a'));
      assert.equal(org.received.length, 0);
    });
  });

  it('sends the token call and the webhook, prints them as render does with the real and the predicted answer: exit 0', async () => {
    const run = await send([templatePath, '--profiles', profilesPath, '--user', 'user-1', '--describe', describePath, ...allowed()]);
    assert.equal(run.code, 0, describeRun(run));
    assert.deepEqual(org.received.map((r) => `${r.method} ${r.path}`), ['POST /services/oauth2/token', 'POST /services/data/v60.0/sobjects/Lead/']);
    assert.equal(org.received[0].headers['content-type'], 'application/x-www-form-urlencoded');
    assert.equal(org.received[0].body, `client_id=${org.clientId}&client_secret=${org.clientSecret}&grant_type=client_credentials`);
    assert.equal(org.received[1].headers.authorization, `Bearer ${org.accessToken}`);
    assert.equal(org.received[1].body, '{"LastName":"Lovelace","Company":"Analytical Engines","Region__c":"EMEA"}');
    assert.match(run.stdout, /^### connected_content in header:Authorization \(sent\)$/m);
    assert.match(run.stdout, /^### Webhook request · Profile 1: user-1\nPOST http:\/\/127\.0\.0\.1:\d+\/services\/data\/v60\.0\/sobjects\/Lead\/\nAuthorization: Bearer <redacted>\nContent-Type: application\/json\n\n\{"LastName":"Lovelace"/m);
    assert.match(run.stdout, /^### Salesforce answer \(simulated, not sent\)\n# ← 201 Created$/m);
    assert.match(run.stdout, /^### Salesforce answer \(real, from 127\.0\.0\.1:\d+ in \d+ ms\)\n# ← 201 Created$/m);
    assert.match(run.stdout, /^# set-cookie: <redacted>$/m);
    assert.match(run.stdout, /^### Verdict\n# As predicted: 201 Created\.$/m);
    assert.deepEqual(leaks(run), []);
  });

  it('an error answer: exit 1, with what differs from the prediction', async () => {
    org.answerNext({ status: 400, json: [{ message: 'Use one of these records?', errorCode: 'DUPLICATES_DETECTED', fields: [] }] });
    const run = await send([templatePath, '--profiles', profilesPath, '--user', 'user-1', '--describe', describePath, ...allowed()]);
    assert.equal(run.code, 1, describeRun(run));
    assert.match(run.stdout, /^# Differs from the prediction: status 400 Bad Request, predicted 201 Created; DUPLICATES_DETECTED was not predicted\.$/m);
    assert.equal(org.received.length, 2, 'no retry');
  });

  it('--format json: the render entry plus what was sent, the answer, the prediction and the verdict', async () => {
    const run = await send([templatePath, '--profiles', profilesPath, '--user', 'user-2', '--describe', describePath, '--format', 'json', ...allowed()]);
    assert.equal(run.code, 0, describeRun(run));
    const [entry] = JSON.parse(run.stdout) as Array<{ profile: { external_id: string }; request: { headers: Record<string, string> }; sent: { outcome: string; response: { status: number; headers: Record<string, string> }; predicted: { status: number }; verdict: { kind: string; line: string }; exchanges: Array<{ role: string; response: { status: number; body: string } }> } }>;
    assert.equal(entry.profile.external_id, 'user-2');
    assert.equal(entry.request.headers.Authorization, 'Bearer <redacted>');
    assert.deepEqual([entry.sent.outcome, entry.sent.response.status, entry.sent.predicted.status, entry.sent.verdict.kind], ['answered', 201, 201, 'as-predicted']);
    assert.deepEqual(entry.sent.exchanges.map((e) => `${e.role} ${e.response.status}`), ['token 200', 'webhook 201']);
    assert.match(entry.sent.exchanges[0].response.body, /"access_token":"<redacted>"/);
    assert.deepEqual(leaks(run), []);
  });

  it(':basic_auth from BRAZE_WEBHOOK_BASIC_AUTH_<NAME>: sent as HTTP Basic, never printed', async () => {
    const basic = write('basic.braze-webhook.json', webhook(':basic_auth sf-client :body grant_type=client_credentials'));
    const run = await send([basic, '--profiles', profilesPath, '--user', 'user-1', '--describe', describePath, ...allowed()], { BRAZE_WEBHOOK_BASIC_AUTH_SF_CLIENT: `${org.clientId}:${org.clientSecret}` });
    assert.equal(run.code, 0, describeRun(run));
    const encoded = Buffer.from(`${org.clientId}:${org.clientSecret}`).toString('base64');
    assert.equal(org.received[0].headers.authorization, `Basic ${encoded}`);
    assert.equal(org.received[0].body, 'grant_type=client_credentials');
    assert.match(run.stdout, /^Authorization: Basic <stored credential "sf-client">$/m);
    assert.deepEqual(leaks(run), []);
    assert.ok(!run.stdout.includes(encoded));
  });

  it('--timeout: no answer in time is exit 1, sent once', async () => {
    org.answerNext({ status: 201, hang: true });
    const run = await send([templatePath, '--profiles', profilesPath, '--user', 'user-1', '--timeout', '0.5', ...allowed()]);
    assert.equal(run.code, 1, describeRun(run));
    assert.match(run.stdout, /^# No answer: No answer within 0\.5 s\.$/m);
    assert.equal(org.received.length, 2);
  });
});
