import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  lintTemplate,
  makeFixtureResolver,
  parseMocks,
  parseProfiles,
  parseTemplateFile,
  type RuleDefinition,
} from '../../src/core';
import { describeRun, REPO, runCli, runCliAsync } from './helpers/cli';
import { computePreview } from './helpers/preview';
import { everyRule } from './helpers/rules';
import { createWorkspace, removeWorkspace } from './helpers/workspace';
import { type SalesforceStandIn, startSalesforceStandIn } from '../helpers/salesforce-stand-in';
import { BUILT_IN_SALESFORCE } from '../helpers/salesforce';

/**
 * Secret canaries: unique values planted where credentials live — a client_secret in a template,
 * tokens in a connected_content fixture, Basic/Bearer credentials — must appear in no output
 * unless reveal is explicitly requested. A canary is searched by a random 12-hex-digit core, so a
 * truncated or partly quoted secret counts as a leak too.
 */
function canary(label: string): { value: string; core: string } {
  const core = randomBytes(6).toString('hex');
  return { value: `${label}${core}Zz`, core };
}

const SECRETS = {
  formSecret: canary('formsecret'),
  jsonSecret: canary('jsonsecret'),
  querySecret: canary('querysecret'),
  basic: canary('basiccred'),
  bearer: canary('bearertok'),
  accessToken: canary('accesstok'),
  refreshToken: canary('refreshtok'),
  apiToken: canary('apitok'),
  placeholderSecret: canary('phsecret'),
  typoSecret: canary('typosecret'),
  sessionBearer: sessionCanary(),
  sessionInBody: sessionCanary(),
  bodyPassword: canary('bodypassword'),
  rawBodySecret: canary('rawsecret'),
  urlPassword: canary('urlpassword'),
  apiKeyHeader: canary('apikeyhdr'),
};
type SecretName = keyof typeof SECRETS;

/** A canary shaped like a Salesforce session id / access token: `00D…` org id, `!`, token. */
function sessionCanary(): { value: string; core: string } {
  const core = randomBytes(6).toString('hex');
  return { value: `00D5g00000Py0i0!AQ${core}Zz.canary_session_token_tail`, core };
}

const LEAD_URL = 'https://acme.my.salesforce.com/services/data/v60.0/sobjects/Lead/';
const TOKEN_URL = 'https://acme.my.salesforce.com/services/oauth2/token';
const BODY = { LastName: '{{${last_name} | default: "Unknown"}}', Company: '{{custom_attribute.${company} | default: "Unknown"}}' };

/** Templates, each with the canaries it holds (directly, or through the fixtures). */
const TEMPLATES: Array<{ name: string; secrets: SecretName[]; value: unknown }> = [
  {
    name: 'token-call',
    secrets: ['formSecret', 'accessToken', 'refreshToken', 'apiToken'],
    value: {
      url: LEAD_URL,
      request_method: 'POST',
      request_headers: {
        Authorization: `{% connected_content ${TOKEN_URL} :method post :body client_id=3MVG9canaryclient&client_secret=${SECRETS.formSecret.value}&grant_type=client_credentials :cache_max_age 900 :save result %}{% if result.access_token == blank %}{% abort_message('token request failed') %}{% endif %}Bearer {{result.access_token}}`,
        'X-Api-Key': '{% connected_content https://api.example.com/session :save session %}{{session.token}}',
        'Content-Type': 'application/json',
      },
      body: BODY,
    },
  },
  {
    name: 'literal-credentials',
    secrets: ['basic', 'bearer', 'jsonSecret', 'querySecret'],
    value: {
      url: `${LEAD_URL}?access_token=${SECRETS.querySecret.value}`,
      request_method: 'POST',
      request_headers: {
        Authorization: `Basic ${SECRETS.basic.value}`,
        'X-Auth-Token': `{% connected_content ${TOKEN_URL} :method post :content_type application/json :body {"grant_type":"client_credentials","client_id":"a","client_secret":"${SECRETS.jsonSecret.value}"} :save t %}Bearer ${SECRETS.bearer.value}`,
        'Content-Type': 'application/json',
      },
      body: BODY,
    },
  },
  {
    name: 'placeholder-host',
    secrets: ['placeholderSecret'],
    value: {
      url: LEAD_URL,
      request_headers: {
        Authorization: `{% connected_content https://[insert_instance_name].my.salesforce.com/services/oauth2/token?grant_type=client_credentials&client_id=a&client_secret=${SECRETS.placeholderSecret.value} :method post :save r %}Bearer {{r.access_token}}`,
        'Content-Type': 'application/json',
      },
      body: BODY,
    },
  },
  {
    name: 'body-typo',
    secrets: ['typoSecret'],
    value: {
      url: LEAD_URL,
      request_headers: {
        Authorization: `{% connected_content ${TOKEN_URL} :method post :body client_id=a&grant_type=client_credentials client_secret=${SECRETS.typoSecret.value} :save r %}Bearer {{r.access_token}}`,
        'Content-Type': 'application/json',
      },
      body: BODY,
    },
  },
];

TEMPLATES.push(
  {
    // Issue 11: a literal session token, a password in the key/value body, a URL password, an API key header.
    name: 'literal-session-and-passwords',
    secrets: ['sessionBearer', 'sessionInBody', 'bodyPassword', 'urlPassword', 'apiKeyHeader'],
    value: {
      url: `https://integration:${SECRETS.urlPassword.value}@acme.my.salesforce.com/services/apexrest/leads`,
      request_method: 'POST',
      request_headers: {
        Authorization: `Bearer ${SECRETS.sessionBearer.value}`,
        'X-Api-Key': SECRETS.apiKeyHeader.value,
        'Content-Type': 'application/json',
      },
      body: { ...BODY, password: SECRETS.bodyPassword.value, Description: `pasted ${SECRETS.sessionInBody.value} by mistake` },
    },
  },
  {
    name: 'raw-form-body',
    secrets: ['rawBodySecret'],
    value: {
      url: 'https://acme.my.salesforce.com/services/oauth2/token',
      request_method: 'POST',
      request_headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: `grant_type=client_credentials&client_id=3MVG9canaryclient&client_secret=${SECRETS.rawBodySecret.value}`,
    },
  },
);

/** Fixtures: the token endpoint and an API session issue canary tokens. */
const MOCKS = {
  rules: [
    {
      match: { url: `${TOKEN_URL}`, method: 'POST' },
      response: { status: 200, json: { access_token: SECRETS.accessToken.value, refresh_token: SECRETS.refreshToken.value, instance_url: 'https://acme.my.salesforce.com', token_type: 'Bearer', issued_at: '1767225600000' } },
    },
    { match: { url: 'https://api.example.com/session' }, response: { status: 200, json: { token: SECRETS.apiToken.value, expires_in: 3600 } } },
  ],
};

/** Names of the canaries found in `text`. */
function leaked(text: string, names: readonly SecretName[] = Object.keys(SECRETS) as SecretName[]): SecretName[] {
  return names.filter((name) => text.includes(SECRETS[name].core));
}

describe('robustness: secret canaries never leak unless revealed', function () {
  this.timeout(60_000);
  let dir: string;
  let rules: RuleDefinition[];
  const profilesPath = join(REPO, 'examples/sample-users.braze-profiles.json');
  let mocksPath: string;

  before(async () => {
    rules = await everyRule();
    dir = createWorkspace('canaries');
    mocksPath = join(dir, 'canary.braze-mocks.json');
    writeFileSync(mocksPath, JSON.stringify(MOCKS, null, 2));
    for (const t of TEMPLATES) writeFileSync(join(dir, `${t.name}.braze-webhook.json`), JSON.stringify(t.value, null, 2));
  });
  after(() => removeWorkspace(dir));

  it('the canaries are really in the inputs and in the unredacted render (so the tests can fail)', () => {
    const inputs = [readFileSync(mocksPath, 'utf8'), ...TEMPLATES.map((t) => JSON.stringify(t.value))].join('\n');
    assert.deepEqual(leaked(inputs).sort(), (Object.keys(SECRETS) as SecretName[]).sort());
    const run = runCli(['render', join(dir, 'token-call.braze-webhook.json'), '--profiles', profilesPath, '--mocks', mocksPath, '--reveal-secrets']);
    // Exit 1 is lint's verdict on the api.example.com call (placeholder); the render itself is whole.
    assert.ok(run.code === 0 || run.code === 1, describeRun(run));
    assert.deepEqual(leaked(run.stdout).sort(), ['accessToken', 'apiToken', 'formSecret', 'refreshToken']);
    const literal = runCli(['render', join(dir, 'literal-session-and-passwords.braze-webhook.json'), '--profiles', profilesPath, '--reveal-secrets']);
    assert.ok(literal.code === 0 || literal.code === 1, describeRun(literal));
    assert.deepEqual(leaked(literal.stdout).sort(), ['apiKeyHeader', 'bodyPassword', 'sessionBearer', 'sessionInBody', 'urlPassword']);
  });

  for (const template of TEMPLATES) {
    describe(`template "${template.name}" (${template.secrets.join(', ')})`, () => {
      for (const format of ['http', 'curl', 'json']) {
        it(`render --format ${format}`, () => {
          const run = runCli(['render', join(dir, `${template.name}.braze-webhook.json`), '--profiles', profilesPath, '--mocks', mocksPath, '--format', format]);
          assert.ok(run.code === 0 || run.code === 1, describeRun(run));
          assert.deepEqual(leaked(run.stdout + run.stderr), [], `leaked in render --format ${format}:\n${run.stdout}${run.stderr}`);
        });
      }
      for (const format of ['text', 'json', 'sarif']) {
        it(`lint --format ${format}`, () => {
          const run = runCli(['lint', join(dir, `${template.name}.braze-webhook.json`), '--profiles', profilesPath, '--mocks', mocksPath, '--format', format]);
          assert.ok(run.code === 0 || run.code === 1, describeRun(run));
          assert.deepEqual(leaked(run.stdout + run.stderr), [], `leaked in lint --format ${format}:\n${run.stdout}${run.stderr}`);
        });
      }
      it('lint with every rule (messages and suggestions) and the preview model', async () => {
        const file = parseTemplateFile(JSON.stringify(template.value, null, 2));
        const profiles = parseProfiles(readFileSync(profilesPath, 'utf8')).profiles;
        const deps = { resolveConnectedContent: makeFixtureResolver({ rules: parseMocks(JSON.stringify(MOCKS)).mocks.rules }) };
        const { problems } = await lintTemplate(file, { rules, profiles, deps, salesforce: BUILT_IN_SALESFORCE });
        const messages = problems.flatMap((p) => [`${p.ruleId}: ${p.message}`, ...(p.suggest ?? []).map((s) => `${p.ruleId} suggestion: ${s.message}`)]);
        assert.deepEqual(messages.filter((m) => leaked(m).length > 0), [], 'problem messages quote a secret');
        const preview = await computePreview(file, profiles, deps, { rules });
        const shown = JSON.stringify(preview.state) + preview.copies.join('\n');
        assert.deepEqual(leaked(shown), [], `leaked in the preview:\n${shown}`);
      });
    });
  }

  it('the preview reveals only when asked', async () => {
    const file = parseTemplateFile(JSON.stringify(TEMPLATES[0].value));
    const profiles = parseProfiles(readFileSync(profilesPath, 'utf8')).profiles;
    const deps = { resolveConnectedContent: makeFixtureResolver({ rules: parseMocks(JSON.stringify(MOCKS)).mocks.rules }) };
    const revealed = await computePreview(file, profiles, deps, { rules, revealed: true });
    assert.deepEqual(leaked(JSON.stringify(revealed.state)).sort(), ['accessToken', 'apiToken', 'formSecret', 'refreshToken']);
    // The matrix and the problems (every profile) stay redacted even when the selected request is revealed.
    assert.deepEqual(leaked(JSON.stringify([revealed.state.groups, revealed.state.problems, revealed.state.selectedOnly])), []);
  });
});

/**
 * A test send handles real secrets: the client secret (in the template, or a `:basic_auth`
 * credential from the environment), an `:auth_credentials` header, and the access token the org
 * issues. None may reach any output of `send`, in any format; the stand-in's record shows they
 * really went on the wire (so the test can fail).
 */
describe('robustness: secret canaries never leak from a test send', function () {
  this.timeout(60_000);
  const LIVE = {
    clientSecret: canary('orgsecret'),
    accessToken: canary('livetoken'),
    headerCredential: canary('hdrcred'),
  };
  type LiveName = keyof typeof LIVE;
  const leakedLive = (text: string) => (Object.keys(LIVE) as LiveName[]).filter((name) => text.includes(LIVE[name].core));
  let org: SalesforceStandIn;
  let dir: string;
  const env = () => ({
    BRAZE_WEBHOOK_BASIC_AUTH_SF_CLIENT: `${org.clientId}:${LIVE.clientSecret.value}`,
    BRAZE_WEBHOOK_AUTH_CREDENTIALS_SF_HEADERS: JSON.stringify({ 'X-Org-Key': LIVE.headerCredential.value }),
  });
  const templates = () => {
    const tokenUrl = `${org.origin}/services/oauth2/token`;
    const lead = (authorization: string) => ({
      url: `${org.origin}/services/data/v60.0/sobjects/Lead/`,
      request_method: 'POST',
      request_headers: { Authorization: authorization, 'Content-Type': 'application/json' },
      body: { LastName: 'Lovelace', Company: 'Acme', Region__c: 'EMEA' },
    });
    return {
      'literal-secret': lead(`{% connected_content ${tokenUrl} :method post :body client_id=${org.clientId}&client_secret=${LIVE.clientSecret.value}&grant_type=client_credentials :save r %}Bearer {{r.access_token}}`),
      'basic-auth': lead(`{% connected_content ${tokenUrl} :method post :basic_auth sf_client :body grant_type=client_credentials :save r %}Bearer {{r.access_token}}`),
      'auth-credentials': lead(`{% connected_content ${tokenUrl} :method post :auth_credentials sf_headers :body client_id=${org.clientId}&client_secret=${LIVE.clientSecret.value}&grant_type=client_credentials :save r %}Bearer {{r.access_token}}`),
    };
  };

  before(async () => {
    org = await startSalesforceStandIn({ clientSecret: LIVE.clientSecret.value, accessToken: LIVE.accessToken.value });
    dir = createWorkspace('send-canaries');
    for (const [name, value] of Object.entries(templates())) writeFileSync(join(dir, `${name}.braze-webhook.json`), JSON.stringify(value, null, 2));
  });
  after(async () => {
    await org.close();
    removeWorkspace(dir);
  });

  for (const name of ['literal-secret', 'basic-auth', 'auth-credentials']) {
    for (const format of ['http', 'curl', 'json']) {
      it(`send ${name} --format ${format}`, async () => {
        const before = org.received.length;
        const args = ['send', join(dir, `${name}.braze-webhook.json`), '--allow-host', '127.0.0.1', '--allow-loopback', '--yes', '--format', format, '--describe', join(REPO, 'examples/acme-lead.describe.json')];
        const run = await runCliAsync(args, { env: env() });
        assert.equal(run.code, 0, describeRun(run));
        const wire = JSON.stringify(org.received.slice(before));
        assert.ok(wire.includes(LIVE.accessToken.core), 'the real token went on the wire');
        assert.ok(wire.includes(LIVE.clientSecret.core) || wire.includes(Buffer.from(`${org.clientId}:${LIVE.clientSecret.value}`).toString('base64')), 'the secret went on the wire');
        if (name === 'auth-credentials') assert.ok(wire.includes(LIVE.headerCredential.core), 'the credential header went on the wire');
        assert.deepEqual(leakedLive(run.stdout + run.stderr), [], `leaked in send --format ${format}:\n${run.stdout}${run.stderr}`);
      });
    }
  }

  it('an answer that echoes the token back is redacted too', async () => {
    org.answerNext({ status: 400, json: [{ errorCode: 'INVALID_FIELD', message: `echo of the request: Bearer ${LIVE.accessToken.value}`, fields: [] }], headers: { 'x-echo-token': LIVE.accessToken.value } });
    const run = await runCliAsync(['send', join(dir, 'literal-secret.braze-webhook.json'), '--allow-host', '127.0.0.1', '--allow-loopback', '--yes'], { env: env() });
    assert.equal(run.code, 1, describeRun(run));
    assert.match(run.stdout, /echo of the request: Bearer <redacted>/);
    assert.deepEqual(leakedLive(run.stdout + run.stderr), []);
  });
});
