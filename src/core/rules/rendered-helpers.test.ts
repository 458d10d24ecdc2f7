import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIXED_NOW, GOOD_AUTH, template } from '../../../test/helpers/rule-tester';
import { makeFixtureResolver, type ScenarioName } from '../connected-content';
import { lintRendered } from '../lint/linter';
import type { RuleDefinition } from '../lint/types';
import { rewriteBrazeSyntax } from '../liquid/braze-syntax';
import { parseProfiles } from '../profile';
import { renderProfile } from '../request/render-profile';
import type { RenderedRequest } from '../request/rendered-request';
import { parseTemplateFile } from '../template/template-file';
import type { Problem, TextEdit } from '../types';
import { allRules } from '.';
import { BUILT_IN_SALESFORCE } from '../../../test/helpers/salesforce';
import {
  describeCharacter,
  isJsonMediaType,
  leadOperation,
  quoteRendered,
  renderedBodyJson,
  scanRawJsonTemplate,
  toLineColumn,
} from './rendered-helpers';

const RENDERED_RULES: readonly RuleDefinition[] = allRules.filter((rule) => rule.meta.kind === 'rendered');

const examples = join(__dirname, '../../../examples');
const example = (name: string) => readFileSync(join(examples, name), 'utf8');
const SAMPLE_USERS = example('sample-users.braze-profiles.json');

async function lintText(text: string, profilesText = SAMPLE_USERS, scenario?: ScenarioName): Promise<Problem[]> {
  const file = parseTemplateFile(text);
  const { profiles } = parseProfiles(profilesText);
  const deps = { resolveConnectedContent: makeFixtureResolver({ scenario }), now: () => FIXED_NOW };
  const requests = await Promise.all(profiles.map((p) => renderProfile(file, p, deps)));
  return lintRendered(file, requests, RENDERED_RULES, undefined, BUILT_IN_SALESFORCE);
}

/** Problems as `ruleId severity [highlight] message`, for readable assertions. */
const describe_ = (text: string, problems: Problem[]) => problems.map((p) => `${p.ruleId} ${p.severity} [${text.slice(p.startIndex, p.endIndex)}] ${p.message}`);

function applyEdits(text: string, edits: TextEdit[]): string {
  return [...edits].sort((a, b) => b.startIndex - a.startIndex).reduce((t, e) => t.slice(0, e.startIndex) + e.insert + t.slice(e.endIndex), text);
}

describe('rendered rules on the examples and the sample users', () => {
  it('create-lead: no error or warning; the defaults fill the third user', async () => {
    const text = example('create-lead.braze-webhook.json');
    assert.deepEqual(describe_(text, await lintText(text)), [
      "render-missing-attribute info [${last_name}] ${last_name} has no value for this profile; the output's `default` renders \"Unknown\" instead. [profile user-4711]",
      "render-missing-attribute info [custom_attribute.${company}] custom_attribute.${company} has no value for this profile; the output's `default` renders \"Unknown\" instead. [profile user-4711]",
    ]);
  });

  it('update-lead-to-mql: user-4711 is not a Lead Id', async () => {
    const text = example('update-lead-to-mql.braze-webhook.json');
    const problems = await lintText(text);
    assert.deepEqual(describe_(text, problems), [
      'render-bad-lead-id error [${user_id}] The Lead Id in the URL renders "user-4711" for this profile: 9 characters, but a Salesforce Id has 15 or 18. Salesforce answers 404 NOT_FOUND ("Provided external ID field does not exist or is not accessible: user-4711") and no Lead is updated; Braze does not retry it. Is this attribute really the Lead Id? [profile user-4711]',
    ]);
    // The reference in the URL's Id segment, not the one in the blank guard.
    assert.equal(problems[0].startIndex, text.indexOf('sobjects/Lead/{{${user_id}}}') + 'sobjects/Lead/{{'.length);
  });

  it('update-lead-to-mql with a wrong secret: every user aborts, nothing else', async () => {
    const text = example('update-lead-to-mql.braze-webhook.json');
    const problems = await lintText(text, SAMPLE_USERS, 'invalid-client');
    assert.deepEqual(describe_(text, problems), [
      "render-aborted info [{% abort_message('Salesforce token request failed') %}] The message aborts for this profile: Braze sends nothing and the Message Activity Log shows \"Salesforce token request failed\". [profiles 00QKY000001LyJR2A0, 00QE000000Ft9AhMAJ, user-4711]",
    ]);
  });

  it("the seed recipe: Braze's own troubleshooting error for every user", async () => {
    const text = example('seed-create-lead.braze-webhook.json');
    const problems = (await lintText(text)).filter((p) => p.severity === 'error');
    assert.deepEqual(
      problems.map((p) => [p.ruleId, p.message.replace(/ \[profiles? [^\]]*\]$/, '')]),
      [
        ['render-invalid-url', 'Braze logs "https://[insert_instance_name].my.salesforce.com/services/data/v60.0/sobjects/Lead/ is not a valid URL" for this profile and sends nothing.'],
        ['render-invalid-url', 'connected_content: Braze logs "https://[insert_instance_name].my.salesforce.com/services/oauth2/token is not a valid URL" for this profile, makes no call and the message fails: nothing is sent.'],
      ],
    );
  });

  it('no message quotes the client secret or a token', async () => {
    const text = example('create-lead.braze-webhook.json').replace('"Content-Type": "application/json"', '"Content-Type": "text/plain"');
    for (const scenario of ['token-ok', 'invalid-client', 'slow', 'not-json'] as const) {
      for (const problem of await lintText(text, SAMPLE_USERS, scenario)) {
        assert.ok(!problem.message.includes('EXAMPLE0SECRET0C0FFEE'), problem.message);
        assert.ok(!/!AQ/.test(problem.message), problem.message);
      }
    }
  });
});

/** GOOD_AUTH with a literal secret: the token call succeeds for every profile. */
const AUTH = GOOD_AUTH.replace('{{custom_attribute.${sf_secret}}}', 'EXAMPLE0SECRET');
const HEADERS = { Authorization: AUTH, 'Content-Type': 'application/json' };

describe('suggestions repair what they promise', () => {
  it('json_escape makes the raw body valid JSON for every user', async () => {
    const text = template({ request_headers: HEADERS, body: '{"LastName": "{{${last_name}}}", "Company": "{{custom_attribute.${company} | default: \'x\'}}"}' });
    const [problem] = (await lintText(text)).filter((p) => p.ruleId === 'render-invalid-json');
    assert.ok(problem, 'the second user breaks the JSON');
    const fixed = applyEdits(text, problem.suggest?.[0].edits ?? []);
    assert.ok(fixed.includes("{{custom_attribute.${company} | default: 'x' | json_escape}}"), fixed);
    assert.deepEqual((await lintText(fixed)).filter((p) => p.ruleId === 'render-invalid-json'), []);
  });

  it('default fills LastName and Company, in key/value and raw bodies', async () => {
    for (const body of [{ LastName: '{{${last_name}}}', Company: '{{ custom_attribute.${company} }}' }, '{"LastName": "{{${last_name}}}", "Company": "{{ custom_attribute.${company} }}"}']) {
      let text = template({ request_headers: HEADERS, body });
      const problems = (await lintText(text)).filter((p) => p.ruleId === 'render-required-empty');
      assert.equal(problems.length, 2, describe_(text, problems).join('\n'));
      text = applyEdits(text, problems.flatMap((p) => p.suggest?.[0].edits ?? []));
      assert.ok(text.includes("{{ custom_attribute.${company} | default: 'Unknown' }}"), text);
      assert.deepEqual((await lintText(text)).filter((p) => p.ruleId === 'render-required-empty'), []);
    }
  });

  it('the Lead Id guard aborts for user-4711 instead of sending', async () => {
    const original = example('update-lead-to-mql.braze-webhook.json');
    const [problem] = await lintText(original);
    const text = applyEdits(original, problem.suggest?.[0].edits ?? []);
    assert.deepEqual(describe_(text, await lintText(text)), [
      "render-aborted info [{% abort_message('Not a Salesforce Lead Id') %}] The message aborts for this profile: Braze sends nothing and the Message Activity Log shows \"Not a Salesforce Lead Id\". [profile user-4711]",
    ]);
  });

  it('the blank guard aborts for a user without external_id', async () => {
    const original = template({ url: 'https://acme.my.salesforce.com/services/data/v60.0/sobjects/Lead/{{${user_id}}}', request_method: 'PATCH', request_headers: HEADERS, body: { Status: 'Working' } });
    const users = JSON.stringify([{ email: 'zoe@example.org' }]);
    const [problem] = await lintText(original, users);
    assert.equal(problem.ruleId, 'render-bad-lead-id');
    const text = applyEdits(original, problem.suggest?.[0].edits ?? []);
    // The guard's own reference, then the abort; the URL's reference after it never renders.
    assert.deepEqual((await lintText(text, users)).map((p) => p.ruleId), ['render-missing-attribute', 'render-aborted']);
  });
});

describe('rendered-helpers', () => {
  const request = (body: string | null): RenderedRequest => ({ method: 'POST', url: '', headers: [], body, bodyMode: 'raw', subrequests: [], aborted: null, problems: [], fields: [] });

  it('renderedBodyJson parses once per request and locates errors', () => {
    const ok = request('{"a": 1}');
    assert.equal(renderedBodyJson(ok), renderedBodyJson(ok));
    assert.deepEqual(renderedBodyJson(ok), { kind: 'json', value: { a: 1 } });
    assert.deepEqual(renderedBodyJson(request('  ')), { kind: 'none' });
    assert.deepEqual(renderedBodyJson(request(null)), { kind: 'none' });
    assert.deepEqual(renderedBodyJson(request('{"a": "x\ty"}')), { kind: 'invalid', message: 'Invalid character in string (control characters must be escaped)', offset: 8 });
    assert.deepEqual(renderedBodyJson(request('{"a": 1,}')), { kind: 'invalid', message: 'Property name expected', offset: 8 });
  });

  it('isJsonMediaType', () => {
    for (const yes of ['application/json', 'Application/JSON; charset=utf-8', 'application/vnd.api+json']) assert.ok(isJsonMediaType(yes), yes);
    for (const no of ['text/plain', 'application/x-www-form-urlencoded', 'application/jsonp', '']) assert.ok(!isJsonMediaType(no), no);
  });

  it('leadOperation', () => {
    const at = (method: string, url: string) => leadOperation({ ...request(null), method, url });
    const base = 'https://acme.my.salesforce.com/services/data/v60.0/sobjects/';
    assert.equal(at('POST', `${base}Lead/`), 'create');
    assert.equal(at('POST', `${base}lead`), 'create');
    assert.equal(at('PATCH', `${base}Lead/00QKY000001LyJR2A0`), 'update');
    assert.equal(at('PATCH', `${base}Lead/Braze_Id__c/abc`), 'upsert');
    assert.equal(at('POST', `${base}Lead/?_HttpMethod=PATCH`), undefined);
    assert.equal(at('PATCH', `${base}Lead/`), undefined);
    assert.equal(at('POST', `${base}Contact/`), undefined);
  });

  it('scanRawJsonTemplate skips Liquid, finds top-level members and outputs inside strings', () => {
    const text = '{"A": "{{ x | default: "}" }}", "B": {{ n }}, "C": {"A": 1}, {% if y %}"D": "d"{% endif %}}';
    const scan = scanRawJsonTemplate(text, rewriteBrazeSyntax(text).regions);
    assert.deepEqual(
      scan.members.map((m) => [m.key, text.slice(m.valueStart, m.valueEnd)]),
      [['A', '"{{ x | default: "}" }}"'], ['B', '{{ n }}'], ['C', '{"A": 1}'], ['D', '"d"']],
    );
    assert.deepEqual(scan.outputsInStrings.map((r) => text.slice(r.start, r.end)), ['{{ x | default: "}" }}']);
  });

  it('toLineColumn and describeCharacter', () => {
    assert.deepEqual(toLineColumn('ab\ncd', 4), { line: 2, column: 2 });
    assert.deepEqual(toLineColumn('ab', 0), { line: 1, column: 1 });
    assert.equal(describeCharacter('a"b', 1), '"\\""');
    assert.equal(describeCharacter('a\nb', 1), 'a line break');
    assert.equal(describeCharacter('a\u0001', 1), 'the control character U+0001');
    assert.equal(describeCharacter('ab', 2), 'the end of the body');
  });

  it('quoteRendered redacts the request secrets and caps the length', () => {
    const withSecret: RenderedRequest = { ...request('client_secret=TOPSECRET42&grant_type=client_credentials'), url: 'https://x.example/?a=1' };
    assert.equal(quoteRendered(withSecret, 'body: client_secret=TOPSECRET42'), 'body: client_secret=<redacted>');
    assert.equal(quoteRendered(withSecret, 'abcdef', 4), 'abc…');
  });
});
