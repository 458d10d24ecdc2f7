import assert from 'node:assert/strict';
import { DEFAULT_PROFILE, FIXED_NOW, template } from '../../../test/helpers/rule-tester';
import { ACME_DESCRIBE, BUILT_IN_SALESFORCE } from '../../../test/helpers/salesforce';
import { type SalesforceStandIn, startSalesforceStandIn } from '../../../test/helpers/salesforce-stand-in';
import { makeFixtureResolver } from '../connected-content';
import { parseProfiles } from '../profile';
import type { SalesforceSchema } from '../salesforce/model';
import { parseTemplateFile } from '../template/template-file';
import { type Credential, credentialKey } from './credentials';
import { executeDescribeFetch, prepareDescribeFetch } from './describe-fetch';
import type { SendPolicy } from './policy';
import { executeSend, prepareSend, type SendIo, type SendOutcome, type SendSubject } from './send';
import { type FetchFunction, type HttpTransport, makeFetchTransport } from './transport';

/**
 * The send end to end against the local stand-in, through the real `fetch` the adapters hand in:
 * what is contacted, what goes on the wire (exactly), what comes back, and that nothing secret
 * is in the outcome.
 */
describe('test send: plan, live token call, webhook, verdict', function () {
  this.timeout(30_000);
  let org: SalesforceStandIn;
  /** Every URL the transport was asked to contact. */
  let contacted: string[];
  let transport: HttpTransport;
  beforeEach(async () => {
    org = await startSalesforceStandIn({ records: ['00QKY000001LyJR2A0'] });
    contacted = [];
    const real = makeFetchTransport(fetch as unknown as FetchFunction);
    transport = (request, options) => {
      contacted.push(`${request.method} ${request.url}`);
      return real(request, options);
    };
  });
  afterEach(() => org.close());

  const policy = (): SendPolicy => ({ allowedHosts: ['127.0.0.1'], allowLoopback: true });
  const tokenTag = (extra = '') => `{% connected_content ${org.origin}/services/oauth2/token :method post :body client_id=${org.clientId}&client_secret=${org.clientSecret}&grant_type=client_credentials${extra} :save result %}`;
  const recipe = (parts: Parameters<typeof template>[0] = {}) =>
    template({
      url: `${org.origin}/services/data/v60.0/sobjects/Lead/`,
      request_headers: { Authorization: `${tokenTag()}Bearer {{result.access_token}}`, 'Content-Type': 'application/json' },
      body: { LastName: '{{${last_name}}}', Company: '{{custom_attribute.${company}}}', Region__c: 'EMEA' },
      ...parts,
    });
  const subject = (code: string, salesforce: SalesforceSchema = ACME_DESCRIBE): SendSubject => ({
    file: parseTemplateFile(code),
    profile: parseProfiles(JSON.stringify([DEFAULT_PROFILE])).profiles[0],
    deps: { resolveConnectedContent: makeFixtureResolver(), now: () => FIXED_NOW },
    salesforce,
  });
  const io = (more: Partial<SendIo> = {}): SendIo => ({ transport, credentials: new Map(), policy: policy(), ...more });
  /** Prepares and sends; asserts the plan allowed it. */
  const send = async (code: string, more: Partial<SendIo> = {}, salesforce?: SalesforceSchema): Promise<SendOutcome> => {
    const s = subject(code, salesforce);
    const prepared = await prepareSend(s, more.policy ?? policy());
    return executeSend(s, prepared, io(more));
  };
  const secretsIn = (value: unknown) => [org.accessToken, org.clientSecret].filter((secret) => JSON.stringify(value).includes(secret));

  it('plans the token call and the webhook, and contacts nothing while planning', async () => {
    const prepared = await prepareSend(subject(recipe()), { allowedHosts: [], allowLoopback: true });
    assert.deepEqual(prepared.calls.map((c) => `${c.role} ${c.method} ${c.url}`), [`token POST ${org.origin}/services/oauth2/token`, `webhook POST ${org.origin}/services/data/v60.0/sobjects/Lead/`]);
    assert.deepEqual(prepared.hostsNotAllowed, ['127.0.0.1']);
    assert.deepEqual(prepared.refusals, []);
    assert.ok(!JSON.stringify(prepared.preview).includes(org.clientSecret), 'the preview is redacted');
    assert.equal(org.received.length, 0);
  });

  it('sends the token call and the webhook exactly as Braze builds them, and the answer is as predicted', async () => {
    const outcome = await send(recipe());
    assert.equal(outcome.kind, 'answered', JSON.stringify(outcome));
    if (outcome.kind !== 'answered') return;
    assert.equal(outcome.answer.status, 201);
    assert.equal(outcome.verdict.line, 'As predicted: 201 Created.');
    const [token, lead] = org.received;
    assert.deepEqual([org.received.length, token.method, token.path, lead.method, lead.path], [2, 'POST', '/services/oauth2/token', 'POST', '/services/data/v60.0/sobjects/Lead/']);
    assert.equal(token.headers['content-type'], 'application/x-www-form-urlencoded');
    assert.equal(token.body, `client_id=${org.clientId}&client_secret=${org.clientSecret}&grant_type=client_credentials`);
    assert.equal(lead.headers.authorization, `Bearer ${org.accessToken}`);
    assert.equal(lead.headers['content-type'], 'application/json');
    assert.deepEqual(JSON.parse(lead.body), { LastName: 'García', Company: 'Acme', Region__c: 'EMEA' });
    assert.deepEqual(secretsIn(outcome), [], 'the outcome shows no token and no client secret');
    assert.ok(outcome.answer.headers.some(([name, value]) => name === 'set-cookie' && value === '<redacted>'), 'session cookies are redacted');
    assert.equal(outcome.exchanges.find((e) => e.role === 'token')?.response?.status, 200);
  });

  it('sends nothing when a host is not allowed or loopback is off', async () => {
    for (const p of [{ allowedHosts: ['acme.my.salesforce.com'], allowLoopback: true }, { allowedHosts: ['127.0.0.1'], allowLoopback: false }]) {
      const s = subject(recipe());
      const outcome = await executeSend(s, await prepareSend(s, p), io({ policy: p }));
      assert.equal(outcome.kind, 'refused');
    }
    assert.deepEqual(contacted, []);
    assert.equal(org.received.length, 0);
  });

  it('applies :basic_auth from the credentials, and sends nothing when it is missing', async () => {
    const code = recipe({ request_headers: { Authorization: `{% connected_content ${org.origin}/services/oauth2/token :method post :basic_auth sf_client :body grant_type=client_credentials :save result %}Bearer {{result.access_token}}`, 'Content-Type': 'application/json' } });
    const missing = await send(code);
    assert.equal(missing.kind, 'refused');
    assert.deepEqual(missing.kind === 'refused' && missing.refusals.map((r) => r.message), ['The credential :basic_auth sf_client is not set.']);
    assert.equal(org.received.length, 0);
    const credential: Credential = { kind: 'basic', username: org.clientId, password: org.clientSecret };
    const outcome = await send(code, { credentials: new Map([[credentialKey({ option: 'basic_auth', name: 'sf_client' }), credential]]) });
    assert.equal(outcome.kind === 'answered' && outcome.verdict.kind, 'as-predicted', JSON.stringify(outcome));
    assert.equal(org.received[0].headers.authorization, `Basic ${Buffer.from(`${org.clientId}:${org.clientSecret}`).toString('base64')}`);
    assert.deepEqual(secretsIn(outcome), []);
    assert.ok(!JSON.stringify(outcome).includes(Buffer.from(`${org.clientId}:${org.clientSecret}`).toString('base64')));
    assert.equal(outcome.kind === 'answered' && outcome.exchanges[0].request.headers.find(([n]) => n === 'Authorization')?.[1], 'Basic <stored credential "sf_client">');
  });

  it('keeps every other connected_content call on fixtures', async () => {
    const code = recipe({ body: { LastName: '{{${last_name}}}', Company: '{% connected_content https://api.example.com/company?email={{${email_address}}} :save c %}{{c.name | default: "Acme"}}', Region__c: 'EMEA' } });
    const outcome = await send(code);
    assert.equal(outcome.kind, 'answered');
    assert.deepEqual(contacted, [`POST ${org.origin}/services/oauth2/token`, `POST ${org.origin}/services/data/v60.0/sobjects/Lead/`]);
  });

  it('a token call the org refuses: the webhook goes with an empty Bearer and the 401 is as predicted', async () => {
    org.failTokens('no-run-as-user');
    const outcome = await send(recipe());
    assert.equal(outcome.kind, 'answered');
    if (outcome.kind !== 'answered') return;
    assert.equal(outcome.exchanges[0].response?.body, '{"error":"invalid_grant","error_description":"no client credentials user enabled"}');
    assert.equal(outcome.verdict.line, 'As predicted: 401 Unauthorized INVALID_SESSION_ID.');
  });

  it('a template that aborts on a failed token call sends no webhook', async () => {
    org.failTokens('flow-not-enabled');
    const code = recipe({ request_headers: { Authorization: `${tokenTag()}{% if result.access_token == blank %}{% abort_message('token failed') %}{% endif %}Bearer {{result.access_token}}`, 'Content-Type': 'application/json' } });
    const outcome = await send(code);
    assert.equal(outcome.kind, 'aborted');
    assert.deepEqual(org.received.map((r) => r.path), ['/services/oauth2/token']);
  });

  it('an org rule the product cannot see: the verdict says what differs', async () => {
    org.answerNext({ status: 400, json: [{ message: 'Use one of these records?', errorCode: 'DUPLICATES_DETECTED', fields: [] }] });
    const outcome = await send(recipe());
    assert.equal(outcome.kind === 'answered' && outcome.verdict.line, 'Differs from the prediction: status 400 Bad Request, predicted 201 Created; DUPLICATES_DETECTED was not predicted.');
  });

  it("without the org's describe, a required custom field is a difference the real answer shows", async () => {
    const outcome = await send(recipe({ body: { LastName: '{{${last_name}}}', Company: 'Acme' } }), {}, BUILT_IN_SALESFORCE);
    assert.equal(outcome.kind === 'answered' && outcome.verdict.line, 'Differs from the prediction: status 400 Bad Request, predicted 201 Created; REQUIRED_FIELD_MISSING (Region__c) was not predicted.');
  });

  it('does not follow a redirect: the 3xx is the answer, as in Braze', async () => {
    org.answerNext({ status: 302, headers: { location: 'https://elsewhere.example.com/' } });
    const outcome = await send(recipe());
    assert.equal(outcome.kind === 'answered' && outcome.answer.status, 302);
    assert.deepEqual(contacted.map((c) => new URL(c.split(' ')[1]).host), [org.host + ':' + org.port, org.host + ':' + org.port]);
  });

  it('gives up after the timeout, with no retry', async () => {
    org.answerNext({ status: 201, hang: true });
    const outcome = await send(recipe(), { timeouts: { webhookMs: 300 } });
    assert.equal(outcome.kind, 'no-answer');
    assert.equal(outcome.kind === 'no-answer' && outcome.error, 'No answer within 0.3 s.');
    assert.equal(org.received.length, 2, 'sent once');
  });

  it('stops when cancelled', async () => {
    org.answerNext({ status: 201, hang: true });
    const controller = new AbortController();
    void org.whenReceived(2).then(() => controller.abort());
    const outcome = await send(recipe(), { signal: controller.signal });
    assert.equal(outcome.kind, 'cancelled');
    assert.equal(org.received.length, 2);
  });

  it('a cancel before the webhook: only the token call went', async () => {
    const controller = new AbortController();
    const cancelling: HttpTransport = async (request, options) => {
      const answer = await transport(request, options);
      controller.abort();
      return answer;
    };
    const outcome = await send(recipe(), { signal: controller.signal, transport: cancelling });
    assert.equal(outcome.kind, 'cancelled');
    assert.deepEqual(org.received.map((r) => r.path), ['/services/oauth2/token']);
  });

  it('waits for a slow token call inside the render (no render time limit hit)', async () => {
    const slow: HttpTransport = async (request, options) => {
      // Simulated network latency, longer than the engine's 250 ms render limit per field.
      if (request.url.endsWith('/token')) await new Promise((resolve) => setTimeout(resolve, 400));
      return transport(request, options);
    };
    const outcome = await send(recipe(), { transport: slow });
    assert.equal(outcome.kind, 'answered');
    if (outcome.kind !== 'answered') return;
    assert.deepEqual(outcome.request.problems.map((p) => p.message), []);
    assert.equal(outcome.answer.status, 201);
  });

  it("fetches the org's describe with the same token call", async () => {
    const s = subject(recipe());
    const prepared = await prepareDescribeFetch(s, policy());
    assert.deepEqual(prepared.calls.map((c) => `${c.role} ${c.method} ${c.url}`), [`token POST ${org.origin}/services/oauth2/token`, `describe GET ${org.origin}/services/data/v60.0/sobjects/Lead/describe`]);
    const outcome = await executeDescribeFetch(s, prepared, io());
    assert.equal(outcome.kind, 'fetched', JSON.stringify(outcome));
    if (outcome.kind !== 'fetched') return;
    assert.deepEqual([outcome.sobject, outcome.fields], ['Lead', org.describe.fields.length]);
    assert.deepEqual(JSON.parse(outcome.text), org.describe);
    assert.deepEqual(org.received.map((r) => `${r.method} ${r.path} ${r.headers.authorization ?? ''}`), [`POST /services/oauth2/token `, `GET /services/data/v60.0/sobjects/Lead/describe Bearer ${org.accessToken}`]);
    assert.deepEqual(secretsIn(outcome.exchanges), []);
  });

  it('a describe request the org refuses writes nothing and says why', async () => {
    org.failTokens('no-run-as-user');
    const s = subject(recipe());
    const outcome = await executeDescribeFetch(s, await prepareDescribeFetch(s, policy()), io());
    assert.equal(outcome.kind, 'failed');
    assert.equal(outcome.kind === 'failed' && outcome.message, 'No access token (the token call answered 400), so the describe was not requested.');
    assert.deepEqual(org.received.map((r) => r.path), ['/services/oauth2/token']);
  });
});
