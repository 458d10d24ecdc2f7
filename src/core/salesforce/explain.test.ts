import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_PROFILE, FIXED_NOW, GOOD_AUTH, template } from '../../../test/helpers/rule-tester';
import { BUILT_IN_SALESFORCE } from '../../../test/helpers/salesforce';
import { makeFixtureResolver, type ScenarioName } from '../connected-content';
import { parseProfiles } from '../profile';
import { parseTemplateFile } from '../template/template-file';
import { explainSalesforceError, findErrors } from './explain';

const examples = join(__dirname, '../../../examples');
const SAMPLE_USERS = parseProfiles(readFileSync(join(examples, 'sample-users.braze-profiles.json'), 'utf8')).profiles;

async function explain(code: string, input: string, users = SAMPLE_USERS, scenario?: ScenarioName) {
  const file = parseTemplateFile(code);
  const deps = { resolveConnectedContent: makeFixtureResolver({ scenario }), now: () => FIXED_NOW };
  const explanation = await explainSalesforceError(file, input, { salesforce: BUILT_IN_SALESFORCE, profiles: users, deps, scenario });
  const where = (i: number) => explanation.errors[i].locations.map((l) => code.slice(l.range.start, l.range.end));
  return { explanation, where };
}

describe('findErrors: the error body in what users paste', () => {
  it('reads a bare error array, and a Braze log line around it with its status', () => {
    const body = '[{"message":"Required fields are missing: [Company]","errorCode":"REQUIRED_FIELD_MISSING","fields":["Company"]}]';
    assert.deepEqual(findErrors(body), { status: undefined, errors: [{ errorCode: 'REQUIRED_FIELD_MISSING', message: 'Required fields are missing: [Company]', fields: ['Company'] }] });
    const line = `2026-03-01 12:00:01 Webhook https://acme.my.salesforce.com/services/data/v60.0/sobjects/Lead/ failed with status 400: ${body} (not retried)`;
    assert.equal(findErrors(line).status, 400);
    assert.equal(findErrors(line).errors[0].errorCode, 'REQUIRED_FIELD_MISSING');
    assert.equal(findErrors(`HTTP/1.1 404 Not Found\n\n[{"errorCode":"NOT_FOUND","message":"x"}]`).status, 404);
  });

  it('reads a single error object and a token-endpoint error', () => {
    assert.equal(findErrors('{"errorCode":"UNABLE_TO_LOCK_ROW","message":"unable to obtain exclusive access to this record"}').errors[0].errorCode, 'UNABLE_TO_LOCK_ROW');
    assert.deepEqual(findErrors('token: {"error":"invalid_grant","error_description":"no client credentials user enabled"}').errors, [{ errorCode: 'invalid_grant', message: 'no client credentials user enabled' }]);
  });

  it('finds nothing in text without an error body', () => {
    assert.deepEqual(findErrors('Webhook sent: 201 Created {"id":"00Q…","success":true}').errors, []);
    assert.deepEqual(findErrors('[1, 2] {not json').errors, []);
  });
});

describe('explainSalesforceError: back to the template', () => {
  it('the user-4711 404: the record Id in the URL, reproduced by that profile only, with the fix', async () => {
    const code = readFileSync(join(examples, 'update-lead-to-mql.braze-webhook.json'), 'utf8');
    const { explanation, where } = await explain(code, '[{"errorCode":"NOT_FOUND","message":"Provided external ID field does not exist or is not accessible: user-4711"}]');
    assert.deepEqual(where(0), ['{{${user_id}}}']);
    assert.deepEqual(explanation.errors[0].reproducedBy.map((p) => p.label), ['user-4711']);
    assert.match(explanation.errors[0].fix ?? '', /Abort the message/);
  });

  it('fields name body keys (any case); "No such column" names the key', async () => {
    const auth = GOOD_AUTH.replace('{{custom_attribute.${sf_secret}}}', 'EXAMPLE0SECRET');
    const code = template({ request_headers: { Authorization: auth, 'Content-Type': 'application/json' }, body: { lastname: '{{${last_name}}}', empresa: 'Acme' } });
    const { where } = await explain(code, '[{"message":"Required fields are missing: [LastName]","errorCode":"REQUIRED_FIELD_MISSING","fields":["LastName"]}]');
    assert.deepEqual(where(0), ['"lastname"']);
    const unknown = await explain(code, `[{"message":"No such column 'empresa' on sobject of type Lead","errorCode":"INVALID_FIELD"}]`);
    assert.deepEqual(unknown.where(0), ['"empresa"']);
    assert.deepEqual(unknown.explanation.errors[0].reproducedBy.map((p) => p.index), [1, 2, 3], 'every sample user sends empresa');
  });

  it('a type error points at the literal value, or at the fields of that type', async () => {
    const literal = await explain(template({ body: { LastName: 'x', Company: 'y', NumberOfEmployees: 'lots' } }), '[{"message":"Cannot deserialize instance of int from VALUE_STRING value lots or request may be missing a required field at [line:1, column:58]","errorCode":"JSON_PARSER_ERROR"}]');
    assert.deepEqual(literal.where(0), ['"lots"']);
    const typed = await explain(template({ body: { LastName: 'x', Company: 'y', NumberOfEmployees: '{{custom_attribute.${employees}}}' } }), '[{"message":"Cannot deserialize instance of int from VALUE_STRING value many or request may be missing a required field","errorCode":"JSON_PARSER_ERROR"}]');
    assert.deepEqual(typed.where(0), ['"{{custom_attribute.${employees}}}"']);
  });

  it('INVALID_SESSION_ID and token errors point at the Authorization header; a token error is reproduced by the scenario that gives it', async () => {
    const unguarded = GOOD_AUTH.replace(/\{% if result\.access_token == blank %\}.*?\{% endif %\}/, '');
    const code = template({ request_headers: { Authorization: unguarded, 'Content-Type': 'application/json' } });
    const session = await explain(code, '[{"message":"Session expired or invalid","errorCode":"INVALID_SESSION_ID"}]', [parseProfiles(JSON.stringify([DEFAULT_PROFILE])).profiles[0]], 'no-client-credentials-user');
    assert.deepEqual(session.where(0), [JSON.stringify(unguarded).replace(/\\\\/g, '\\\\')]);
    assert.equal(session.explanation.errors[0].reproducedBy.length, 1);
    const token = await explain(code, '{"error":"invalid_grant","error_description":"no client credentials user enabled"}', [parseProfiles(JSON.stringify([DEFAULT_PROFILE])).profiles[0]], 'no-client-credentials-user');
    assert.equal(token.explanation.errors[0].reproducedBy.length, 1);
    assert.match(token.explanation.errors[0].fix ?? '', /Run As user/);
  });

  it('an error from the org (a duplicate rule) has no place in the template, and a known fix', async () => {
    const { explanation } = await explain(template(), '[{"errorCode":"DUPLICATES_DETECTED","message":"Use one of these records?","fields":[]}]');
    assert.deepEqual(explanation.errors[0].locations, []);
    assert.deepEqual(explanation.errors[0].reproducedBy, []);
    assert.match(explanation.errors[0].fix ?? '', /allowSave=true/);
  });

  it('says so when the text holds no error', async () => {
    const { explanation } = await explain(template(), 'all good');
    assert.match(explanation.problem ?? '', /No Salesforce error found/);
  });
});
