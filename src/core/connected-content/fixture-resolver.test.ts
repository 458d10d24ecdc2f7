import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import mocksSchema from '../../../schemas/braze-mocks.schema.json';
import type { ConnectedContentOptions, ConnectedContentRequest, ConnectedContentResponse } from '../types';
import {
  describeFixtureResponse,
  FIXTURE_SOURCES,
  isScenarioName,
  makeFixtureResolver,
  matchUrlGlob,
  type MockRule,
  parseMocks,
  type ScenarioName,
  SCENARIOS,
  SLOW_DELAY_MS,
} from './index';

const NOW = new Date('2026-03-04T05:06:07.089Z');
const TOKEN_URL = 'https://acme.my.salesforce.com/services/oauth2/token';
const TOKEN_BODY = 'client_id=3MVG9abc&client_secret=s3cr3t&grant_type=client_credentials';
const LEAD_URL = 'https://acme.my.salesforce.com/services/data/v60.0/sobjects/Lead/00QKY000001LyJR2A0';
const EXAMPLE_FILE = join(process.cwd(), 'examples/fixtures/token-invalid-client.braze-mocks.json');

interface RequestInit {
  method?: 'GET' | 'POST';
  body?: string | null;
  headers?: Array<[string, string]>;
  options?: ConnectedContentOptions;
}

function request(url: string, init: RequestInit = {}): ConnectedContentRequest {
  const method = init.method ?? 'POST';
  return { method, url, headers: init.headers ?? [], body: init.body ?? (method === 'POST' ? '' : null), options: init.options ?? {} };
}

function tokenRequest(init: RequestInit = {}, url = TOKEN_URL): ConnectedContentRequest {
  return request(url, { body: TOKEN_BODY, ...init });
}

/** Answers synchronously (the fixture resolver never awaits anything). */
function resolve(req: ConnectedContentRequest, options: Parameters<typeof makeFixtureResolver>[0] = {}): ConnectedContentResponse {
  return makeFixtureResolver({ now: () => NOW, ...options })(req) as ConnectedContentResponse;
}

function rule(url: string, status: number, extra: Partial<MockRule['response']> = {}, method?: 'GET' | 'POST'): MockRule {
  return { match: method ? { url, method } : { url }, response: { status, ...extra } };
}

function oauthError(error: string, description: string): string {
  return JSON.stringify({ error, error_description: description });
}

describe('matchUrlGlob', () => {
  it('matches an exact URL only exactly, query string as written', () => {
    assert.ok(matchUrlGlob('https://api.example.com/v1/x?a=1', 'https://api.example.com/v1/x?a=1'));
    assert.ok(!matchUrlGlob('https://api.example.com/v1/x', 'https://api.example.com/v1/x?a=1'));
    assert.ok(!matchUrlGlob('https://api.example.com/v1/x?a=1', 'https://api.example.com/v1/x?a=2'));
  });

  it('treats . and ? as literal characters', () => {
    assert.ok(!matchUrlGlob('https://a.b/x?y', 'https://aXb/xZy'));
  });

  it('matches * in the host', () => {
    assert.ok(matchUrlGlob('https://*.my.salesforce.com/services/oauth2/token', TOKEN_URL));
    assert.ok(matchUrlGlob('https://*.my.salesforce.com/services/oauth2/token', 'https://acme--uat.sandbox.my.salesforce.com/services/oauth2/token'));
    assert.ok(!matchUrlGlob('https://*.my.salesforce.com/services/oauth2/token', 'https://login.salesforce.com/services/oauth2/token'));
  });

  it('matches * in the path, across / and ., and as an empty run', () => {
    assert.ok(matchUrlGlob('https://acme.my.salesforce.com/services/data/*/sobjects/Lead/*', LEAD_URL));
    assert.ok(matchUrlGlob('https://api.example.com/*', 'https://api.example.com/a/b.json?x=1'));
    assert.ok(matchUrlGlob('https://api.example.com/x*', 'https://api.example.com/x'));
    assert.ok(matchUrlGlob('*', ''));
  });

  it('answers hostile patterns without backtracking (a backtracking matcher would not return before the test timeout)', () => {
    assert.ok(!matchUrlGlob('*a'.repeat(200), `${'a'.repeat(20_000)}b`));
  });
});

describe('makeFixtureResolver', () => {
  describe('user rules', () => {
    it('answers with the first matching rule, json as JSON text', () => {
      const rules = [
        rule('https://api.example.com/*', 200, { json: { first: true } }),
        rule('https://api.example.com/v1/*', 200, { json: { first: false } }),
      ];
      assert.deepEqual(resolve(request('https://api.example.com/v1/x', { method: 'GET' }), { rules }), {
        status: 200,
        body: '{"first":true}',
        source: 'rule #1 (https://api.example.com/*)',
      });
    });

    it('filters by method', () => {
      const rules = [rule('https://api.example.com/x', 201, { text: 'posted' }, 'POST'), rule('https://api.example.com/x', 200, { text: 'got' }, 'GET')];
      assert.equal(resolve(request('https://api.example.com/x', { method: 'GET' }), { rules }).body, 'got');
      assert.equal(resolve(request('https://api.example.com/x', { method: 'POST' }), { rules }).body, 'posted');
    });

    it('passes text, status and delay through', () => {
      const rules = [rule('https://api.example.com/x', 500, { text: 'boom', delay_ms: 2100 })];
      const answer = resolve(request('https://api.example.com/x'), { rules });
      assert.deepEqual([answer.status, answer.body, answer.delayMs], [500, 'boom', 2100]);
    });

    it('answers an empty body when the rule has none', () => {
      assert.equal(resolve(request('https://api.example.com/x'), { rules: [rule('https://api.example.com/x', 204)] }).body, '');
    });

    it('wins over the built-in token endpoint and every scenario', () => {
      const rules = [rule('https://*.my.salesforce.com/services/oauth2/token', 200, { json: { access_token: 'mine' } })];
      for (const scenario of Object.keys(SCENARIOS) as ScenarioName[]) {
        assert.equal(resolve(tokenRequest(), { rules, scenario }).body, '{"access_token":"mine"}', scenario);
      }
    });
  });

  describe('unmatched and invalid URLs', () => {
    it('answers an unmatched call with 404 and an empty body, and explains it', () => {
      const req = request('https://api.example.com/x', { method: 'GET' });
      const answer = resolve(req);
      assert.deepEqual(answer, { status: 404, body: '', source: FIXTURE_SOURCES.unmatched });
      assert.match(describeFixtureResponse(req, answer) ?? '', /^No fixture for GET https:\/\/api\.example\.com\/x: answered 404/);
    });

    it('does not send to a host with a placeholder: status 0, what Braze logs', () => {
      const url = 'https://[insert_instance_name].my.salesforce.com/services/oauth2/token';
      const req = tokenRequest({}, url);
      const answer = resolve(req, { rules: [rule('*', 200, { text: 'never' })] });
      assert.deepEqual(answer, { status: 0, body: '', source: FIXTURE_SOURCES.invalidUrl });
      assert.equal(describeFixtureResponse(req, answer), `Braze would not send this call: it logs "${url} is not a valid URL".`);
    });

    it("hands out no token for a placeholder host (the snippet's MyDomainName): a connection error, as Braze gets it", () => {
      // Issue 11: the preview showed a 200 token for https://MyDomainName.my.salesforce.com.
      for (const url of [
        'https://MyDomainName.my.salesforce.com/services/oauth2/token',
        'https://mydomainname.my.salesforce.com/services/oauth2/token',
        'https://yourInstance.my.salesforce.com/services/oauth2/token',
        'https://your-domain.my.salesforce.com/services/oauth2/token',
        'https://xxx.my.salesforce.com/services/oauth2/token',
        'https://crm.invalid/api',
      ]) {
        const req = tokenRequest({}, url);
        const answer = resolve(req, { rules: [rule('*', 200, { text: 'never' })] });
        assert.deepEqual(answer, { status: 599, body: '', source: FIXTURE_SOURCES.unresolvableHost }, url);
        assert.match(describeFixtureResponse(req, answer) ?? '', /^Braze could not connect: the host .+ is a placeholder that does not resolve \(connection error, 599\)\.$/);
      }
    });

    it('still answers a My Domain really named like a word (acme, mydomain)', () => {
      for (const host of ['acme', 'mydomain']) assert.equal(resolve(tokenRequest({}, `https://${host}.my.salesforce.com/services/oauth2/token`)).status, 200, host);
    });

    it('treats an empty host or a missing scheme as invalid', () => {
      for (const url of ['https://.my.salesforce.com/services/oauth2/token', '', '/services/oauth2/token', 'ftp://example.com/x']) {
        assert.equal(resolve(request(url)).source, FIXTURE_SOURCES.invalidUrl, url);
      }
    });

    it('accepts IPv6 literals and ports', () => {
      assert.equal(resolve(request('https://[::1]:443/x')).source, FIXTURE_SOURCES.unmatched);
    });
  });

  describe('built-in Salesforce token endpoint', () => {
    it('issues a token shaped like Salesforce’s', () => {
      const answer = resolve(tokenRequest());
      assert.equal(answer.status, 200);
      assert.equal(answer.source, 'salesforce-token');
      const token = JSON.parse(answer.body);
      assert.deepEqual(Object.keys(token), ['access_token', 'signature', 'scope', 'instance_url', 'id', 'token_type', 'issued_at']);
      assert.match(token.access_token, /^00D[0-9A-Za-z]{12}![0-9A-Za-z._]{96}$/);
      assert.equal(token.access_token.slice(0, 15), token.id.split('/')[4].slice(0, 15));
      assert.match(token.signature, /^[A-Za-z0-9+/]{43}=$/);
      assert.equal(token.scope, 'api');
      assert.equal(token.instance_url, 'https://acme.my.salesforce.com');
      assert.match(token.id, /^https:\/\/acme\.my\.salesforce\.com\/id\/00D[0-9A-Za-z]{15}\/005[0-9A-Za-z]{15}$/);
      assert.equal(token.token_type, 'Bearer');
      assert.equal(token.issued_at, String(NOW.getTime()));
      assert.match(token.issued_at, /^\d{13}$/);
    });

    it('is deterministic for the same inputs and differs per client_id', () => {
      const first = resolve(tokenRequest());
      assert.deepEqual(resolve(tokenRequest()), first);
      const other = resolve(tokenRequest({ body: TOKEN_BODY.replace('3MVG9abc', '3MVG9xyz') }));
      assert.notEqual(JSON.parse(other.body).access_token, JSON.parse(first.body).access_token);
    });

    it('accepts every My Domain host form', () => {
      for (const host of [
        'acme.my.salesforce.com',
        'acme--uat.sandbox.my.salesforce.com',
        'acme-dev-ed.develop.my.salesforce.com',
        'acme-1234.scratch.my.salesforce.com',
        'acme.demo.my.salesforce.com',
        'acme.patch.my.salesforce.com',
        'acme.trailblaze.my.salesforce.com',
        'ACME.my.salesforce.com',
      ]) {
        const answer = resolve(tokenRequest({}, `https://${host}/services/oauth2/token`));
        assert.equal(answer.status, 200, host);
        assert.equal(JSON.parse(answer.body).instance_url, `https://${host.toLowerCase()}`);
      }
    });

    it('rejects login.salesforce.com and test.salesforce.com with the documented body', () => {
      for (const host of ['login.salesforce.com', 'test.salesforce.com']) {
        const answer = resolve(tokenRequest({}, `https://${host}/services/oauth2/token`));
        assert.equal(answer.status, 400, host);
        assert.equal(answer.body, oauthError('invalid_grant', 'request not supported on this domain'));
      }
    });

    it('rejects instance hosts such as na1.salesforce.com the same way (inferred)', () => {
      const answer = resolve(tokenRequest({}, 'https://na1.salesforce.com/services/oauth2/token'));
      assert.equal(answer.body, oauthError('invalid_grant', 'request not supported on this domain'));
    });

    const errorCases: Array<[string, ConnectedContentRequest, number, string]> = [
      ['GET', tokenRequest({ method: 'GET', body: null }), 400, oauthError('invalid_request', 'must use HTTP POST')],
      ['no grant_type', tokenRequest({ body: 'client_id=a&client_secret=b' }), 400, oauthError('unsupported_grant_type', 'grant type not supported')],
      ['another grant_type', tokenRequest({ body: 'grant_type=password&client_id=a&client_secret=b' }), 400, oauthError('unsupported_grant_type', 'grant type not supported')],
      ['a JSON Content-Type header', tokenRequest({ headers: [['Content-Type', 'application/json']] }), 400, oauthError('unsupported_grant_type', 'grant type not supported')],
      ['a JSON :content_type', tokenRequest({ options: { contentType: 'application/json' } }), 400, oauthError('unsupported_grant_type', 'grant type not supported')],
      [
        'a JSON body',
        tokenRequest({ body: '{"grant_type":"client_credentials","client_id":"a","client_secret":"b"}' }),
        400,
        oauthError('unsupported_grant_type', 'grant type not supported'),
      ],
      ['no client_id', tokenRequest({ body: 'grant_type=client_credentials&client_secret=b' }), 400, oauthError('invalid_client_id', 'client identifier invalid')],
      [
        'the [insert_client_id] placeholder',
        tokenRequest({ body: 'client_id=[insert_client_id]&client_secret=[insert_client_secret]&grant_type=client_credentials' }),
        400,
        oauthError('invalid_client_id', 'client identifier invalid'),
      ],
      ['the YOUR_CLIENT_ID placeholder', tokenRequest({ body: 'client_id=YOUR_CLIENT_ID&client_secret=s3cr3t&grant_type=client_credentials' }), 400, oauthError('invalid_client_id', 'client identifier invalid')],
      ['the <client_id> placeholder', tokenRequest({ body: 'client_id=<client_id>&client_secret=s3cr3t&grant_type=client_credentials' }), 400, oauthError('invalid_client_id', 'client identifier invalid')],
      ['no client_secret', tokenRequest({ body: 'grant_type=client_credentials&client_id=a' }), 400, oauthError('invalid_client', 'invalid client credentials')],
      ['the xxx placeholder secret', tokenRequest({ body: 'grant_type=client_credentials&client_id=a&client_secret=xxx' }), 400, oauthError('invalid_client', 'invalid client credentials')],
      [
        'the [insert_client_secret] placeholder',
        tokenRequest({ body: 'client_id=a&client_secret=[insert_client_secret]&grant_type=client_credentials' }),
        400,
        oauthError('invalid_client', 'invalid client credentials'),
      ],
      [
        'Basic credentials without a secret',
        tokenRequest({ body: 'grant_type=client_credentials', headers: [['Authorization', `Basic ${btoa('a:')}`]] }),
        400,
        oauthError('invalid_client', 'invalid client credentials'),
      ],
    ];
    for (const [name, req, status, body] of errorCases) {
      it(`answers ${name} with ${JSON.parse(body).error}`, () => {
        const answer = resolve(req);
        assert.deepEqual([answer.status, answer.body], [status, body]);
      });
    }

    it('accepts client credentials in an Authorization: Basic header', () => {
      const answer = resolve(tokenRequest({ body: 'grant_type=client_credentials', headers: [['authorization', `Basic ${btoa('3MVG9abc:s3cr3t')}`]] }));
      assert.equal(answer.status, 200);
      assert.equal(JSON.parse(answer.body).access_token, JSON.parse(resolve(tokenRequest()).body).access_token);
    });

    it('accepts a Braze :basic_auth credential', () => {
      assert.equal(resolve(tokenRequest({ body: 'grant_type=client_credentials', options: { basicAuth: 'salesforce' } })).status, 200);
    });

    it('decodes form values (+ and percent escapes)', () => {
      const answer = resolve(tokenRequest({ body: 'grant_type=client%5Fcredentials&client_id=3MVG9abc&client_secret=a%2Bb+c' }));
      assert.equal(answer.status, 200);
    });
  });

  describe('scenarios', () => {
    it('has a one-line description for each, and only real names are scenarios', () => {
      assert.deepEqual(Object.keys(SCENARIOS), ['token-ok', 'invalid-client', 'no-client-credentials-user', 'flow-not-enabled', 'expired-session', 'server-error', 'slow', 'not-json', 'duplicate-rule']);
      for (const info of Object.values(SCENARIOS)) assert.ok(info.description.length > 0 && !info.description.includes('\n'));
      assert.ok(!('toString' in SCENARIOS));
      assert.ok(!isScenarioName('toString'));
      assert.ok(isScenarioName('slow'));
    });

    it('token-ok (the default) issues a token and leaves other Salesforce calls unmatched', () => {
      assert.equal(resolve(tokenRequest(), { scenario: 'token-ok' }).status, 200);
      assert.equal(resolve(request(LEAD_URL, { method: 'GET' })).source, FIXTURE_SOURCES.unmatched);
    });

    it('invalid-client answers a well-formed token request with 400 invalid_client', () => {
      const answer = resolve(tokenRequest(), { scenario: 'invalid-client' });
      assert.deepEqual([answer.status, answer.body], [400, oauthError('invalid_client', 'invalid client credentials')]);
      assert.equal(answer.source, 'salesforce-token (scenario: invalid-client)');
    });

    it('the token-setup failures: no Run As user, and the flow not enabled', () => {
      const noUser = resolve(tokenRequest(), { scenario: 'no-client-credentials-user' });
      assert.deepEqual([noUser.status, noUser.body], [400, oauthError('invalid_grant', 'no client credentials user enabled')]);
      const flow = resolve(tokenRequest(), { scenario: 'flow-not-enabled' });
      assert.deepEqual([flow.status, flow.body], [400, oauthError('unsupported_grant_type', 'grant type not supported')]);
    });

    it('duplicate-rule issues a token (the webhook itself is refused, see the simulation)', () => {
      assert.equal(resolve(tokenRequest(), { scenario: 'duplicate-rule' }).status, 200);
    });

    it('invalid-client keeps the documented error of a malformed request', () => {
      const answer = resolve(tokenRequest({ body: 'grant_type=client_credentials&client_secret=b' }), { scenario: 'invalid-client' });
      assert.equal(answer.body, oauthError('invalid_client_id', 'client identifier invalid'));
    });

    it('expired-session issues a token but answers Salesforce API calls with 401 INVALID_SESSION_ID', () => {
      assert.equal(resolve(tokenRequest(), { scenario: 'expired-session' }).status, 200);
      const answer = resolve(request(LEAD_URL, { method: 'GET' }), { scenario: 'expired-session' });
      assert.deepEqual([answer.status, answer.body], [401, '[{"message":"Session expired or invalid","errorCode":"INVALID_SESSION_ID"}]']);
      assert.equal(resolve(request('https://api.example.com/x'), { scenario: 'expired-session' }).status, 404);
    });

    it('server-error answers 503 from Salesforce', () => {
      assert.equal(resolve(tokenRequest(), { scenario: 'server-error' }).status, 503);
      assert.equal(resolve(request(LEAD_URL, { method: 'GET' }), { scenario: 'server-error' }).status, 503);
      assert.equal(resolve(request('https://api.example.com/x'), { scenario: 'server-error' }).status, 404);
    });

    it('slow delays the token past Braze’s 2 s limit', () => {
      const answer = resolve(tokenRequest(), { scenario: 'slow' });
      assert.equal(answer.status, 200);
      assert.equal(answer.delayMs, SLOW_DELAY_MS);
      assert.ok((answer.delayMs ?? 0) > 2000);
    });

    it('not-json answers 200 with HTML', () => {
      const answer = resolve(tokenRequest(), { scenario: 'not-json' });
      assert.equal(answer.status, 200);
      assert.match(answer.body, /^<!DOCTYPE html>/);
      assert.throws(() => JSON.parse(answer.body));
    });
  });
});

describe('parseMocks', () => {
  it('reads the object form with a scenario', () => {
    const { mocks, problems } = parseMocks(
      JSON.stringify({ scenario: 'slow', rules: [{ match: { url: 'https://x.example/*', method: 'get' }, response: { status: 200, json: { a: 1 }, delay_ms: 10 } }] }),
    );
    assert.deepEqual(problems, []);
    assert.deepEqual(mocks, {
      scenario: 'slow',
      rules: [{ match: { url: 'https://x.example/*', method: 'GET' }, response: { status: 200, json: { a: 1 }, delay_ms: 10 } }],
    });
  });

  it('reads a bare array of rules', () => {
    const { mocks, problems } = parseMocks('[{"match": {"url": "https://x.example/a"}, "response": {"status": 404, "text": ""}}]');
    assert.deepEqual(problems, []);
    assert.deepEqual(mocks.rules, [{ match: { url: 'https://x.example/a' }, response: { status: 404, text: '' } }]);
  });

  it('reports malformed JSON at the error offset', () => {
    const text = '{"rules": [{"match": {"url": "https://x.example/a"} "response": {"status": 200}}]}';
    const { problems } = parseMocks(text);
    assert.equal(problems[0].code, 'json-syntax');
    assert.equal(problems[0].startIndex, text.indexOf('"response"'));
  });

  it('strips a BOM: same offsets as without it', () => {
    const text = '{"rules": [{"match": {"url": "https://x.example/a", "method": "OPTIONS"}, "response": {"status": 200}}]}';
    assert.deepEqual(parseMocks(`\uFEFF${text}`), parseMocks(text));
    assert.equal(text.slice(parseMocks(text).problems[0].startIndex, parseMocks(text).problems[0].endIndex), '"OPTIONS"');
  });

  it('reports unusable rules and keeps the others', () => {
    const text = JSON.stringify([
      { match: { url: 'https://x.example/a' } },
      { match: { url: 'https://x.example/b' }, response: { status: 42 } },
      { match: {}, response: { status: 200 } },
      5,
      { match: { url: 'https://x.example/ok' }, response: { status: 200 } },
    ]);
    const { mocks, problems } = parseMocks(text);
    assert.deepEqual(mocks.rules.map((r) => r.match.url), ['https://x.example/ok']);
    assert.equal(problems.length, 4);
    assert.ok(problems.every((p) => p.severity === 'error' && p.code === 'invalid-rule'));
  });

  it('rejects an unknown scenario, listing the known ones', () => {
    const { mocks, problems } = parseMocks('{"scenario": "timeout", "rules": []}');
    assert.equal(mocks.scenario, undefined);
    assert.equal(problems[0].code, 'unknown-scenario');
    assert.match(problems[0].message, /token-ok, invalid-client/);
  });

  it('warns about unknown keys and json with text', () => {
    const { problems } = parseMocks('{"rules": [{"match": {"url": "https://x.example/a"}, "response": {"status": 200, "json": {}, "text": "x", "body": "?"}}]}');
    assert.deepEqual(problems.map((p) => p.code).sort(), ['json-and-text', 'unknown-key']);
  });

  it('does not throw on deep nesting', () => {
    const { problems } = parseMocks(`{"rules": [{"match": {"url": "x"}, "response": {"status": 200, "json": ${'['.repeat(100_000)}}}]}`);
    assert.equal(problems[0].severity, 'error');
  });
});

describe('schemas/braze-mocks.schema.json', () => {
  const ajv = new Ajv({ allErrors: true, strict: true });
  ajv.addVocabulary(['markdownDescription', 'defaultSnippets', 'enumDescriptions', 'markdownEnumDescriptions']);
  const validate = ajv.compile(mocksSchema);
  const example = JSON.parse(readFileSync(EXAMPLE_FILE, 'utf8'));

  it('compiles with ajv 8 in strict mode and accepts the example fixture', () => {
    assert.ok(validate(example), JSON.stringify(validate.errors));
  });

  it('accepts a bare array of rules, PATCH rules for the webhook itself, and rejects other methods', () => {
    assert.ok(validate(example.rules));
    assert.ok(validate([{ match: { url: 'https://x.example', method: 'PATCH' }, response: { status: 200 } }]));
    assert.equal(validate([{ match: { url: 'https://x.example', method: 'OPTIONS' }, response: { status: 200 } }]), false);
    const { mocks, problems } = parseMocks('[{"match": {"url": "https://x.example/*", "method": "patch"}, "response": {"status": 204}}]');
    assert.deepEqual([problems, mocks.rules[0].match.method], [[], 'PATCH']);
  });

  it('lists the same scenarios as SCENARIOS', () => {
    assert.deepEqual(mocksSchema.definitions.mocksFile.properties.scenario.enum, Object.keys(SCENARIOS));
  });

  it('example fixture: parses cleanly and fails the token call with invalid_client', () => {
    const { mocks, problems } = parseMocks(readFileSync(EXAMPLE_FILE, 'utf8'));
    assert.deepEqual(problems, []);
    const answer = resolve(tokenRequest(), { rules: mocks.rules });
    assert.deepEqual([answer.status, answer.body], [400, oauthError('invalid_client', 'invalid client credentials')]);
  });
});
