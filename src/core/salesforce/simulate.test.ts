import assert from 'node:assert/strict';
import { DEFAULT_PROFILE, FIXED_NOW, GOOD_AUTH, template } from '../../../test/helpers/rule-tester';
import { ACME_DESCRIBE, BUILT_IN_SALESFORCE } from '../../../test/helpers/salesforce';
import { makeFixtureResolver, parseMocks, type ScenarioName } from '../connected-content';
import { toEighteenCharId } from '../connected-content/salesforce-id';
import { parseProfiles } from '../profile';
import { renderProfile } from '../request/render-profile';
import { parseTemplateFile } from '../template/template-file';
import type { SalesforceSchema } from './model';
import { ORG_LOGIC_CAVEAT, type SalesforceAnswer, simulateSalesforceAnswer } from './simulate';

const BASE = 'https://acme.my.salesforce.com/services/data/v60.0/sobjects/';

interface Setup {
  profile?: Record<string, unknown>;
  scenario?: ScenarioName;
  salesforce?: SalesforceSchema;
  mocks?: string;
}

/** Renders the template for one profile with the fixture resolver, then predicts Salesforce's answer. */
async function answer(code: string, setup: Setup = {}): Promise<SalesforceAnswer | null> {
  const { profiles } = parseProfiles(JSON.stringify([setup.profile ?? DEFAULT_PROFILE]));
  const mocks = setup.mocks ? parseMocks(setup.mocks).mocks.rules : [];
  const deps = { resolveConnectedContent: makeFixtureResolver({ scenario: setup.scenario, rules: mocks }), now: () => FIXED_NOW };
  const request = await renderProfile(parseTemplateFile(code), profiles[0], deps);
  return simulateSalesforceAnswer(request, { salesforce: setup.salesforce ?? BUILT_IN_SALESFORCE, scenario: setup.scenario, mocks });
}

/** The body parsed, as a test compares it. */
function body(a: SalesforceAnswer | null): unknown {
  assert.ok(a, 'expected an answer');
  return a.body === '' ? '' : JSON.parse(a.body);
}

const create = (fields: Record<string, string>) => template({ body: { LastName: 'García', Company: 'Acme', ...fields } });
const update = (fields: Record<string, string>, id = '{{${user_id}}}') => template({ url: `${BASE}Lead/${id}`, request_method: 'PATCH', body: fields });

describe('the simulated Salesforce answer: success shapes', () => {
  it('create: 201 {"id","success","errors"} with a well-formed 18-character 00Q Id', async () => {
    const a = await answer(create({}));
    assert.equal(a?.status, 201);
    const parsed = body(a) as { id: string; success: boolean; errors: unknown[] };
    assert.deepEqual(Object.keys(parsed), ['id', 'success', 'errors']);
    assert.deepEqual([parsed.success, parsed.errors], [true, []]);
    assert.match(parsed.id, /^00Q[A-Za-z0-9]{15}$/);
    assert.equal(toEighteenCharId(parsed.id.slice(0, 15)), parsed.id, 'the case suffix fits');
    assert.deepEqual([a?.source, a?.braze, a?.operation], ['simulated', 'delivered', 'create']);
  });

  it('update: 204 with no body', async () => {
    const a = await answer(update({ Lead_Stage__c: 'MQL' }));
    assert.deepEqual([a?.status, a?.body, a?.braze], [204, '', 'delivered']);
  });

  it('upsert: 201 with "created" from v46.0, without it before', async () => {
    const upsert = (version: string) => template({ url: `https://acme.my.salesforce.com/services/data/${version}/sobjects/Lead/Braze_Id__c/{{\${user_id}}}`, request_method: 'PATCH', body: { LastName: 'x', Company: 'y' } });
    const recent = await answer(upsert('v60.0'));
    assert.equal(recent?.status, 201);
    assert.deepEqual(Object.keys(body(recent) as object), ['id', 'success', 'errors', 'created']);
    assert.equal((body(recent) as { created: boolean }).created, true);
    const old = await answer(upsert('v45.0'));
    assert.deepEqual(Object.keys(body(old) as object), ['id', 'success', 'errors']);
    assert.ok(recent?.caveats.some((c) => /200 with "created": false/.test(c)));
  });

  it('says which strings Salesforce converts', async () => {
    const a = await answer(create({ NumberOfEmployees: '250', HasOptedOutOfEmail: 'true', AnnualRevenue: '1500000' }));
    assert.equal(a?.status, 201);
    assert.deepEqual(a?.conversions, [
      'NumberOfEmployees: "250" is converted to the int 250',
      'HasOptedOutOfEmail: "true" is converted to the boolean true',
      'AnnualRevenue: "1500000" is converted to the currency 1500000',
    ]);
  });

  it('always says what it cannot predict', async () => {
    assert.ok((await answer(create({})))?.caveats.includes(ORG_LOGIC_CAVEAT));
    assert.match(ORG_LOGIC_CAVEAT, /validation rules.*duplicate rules.*triggers and flows/);
  });
});

describe('the simulated Salesforce answer: one test per error code, body shape included', () => {
  it('REQUIRED_FIELD_MISSING lists every missing field', async () => {
    const a = await answer(template({ body: { FirstName: 'Ana' } }));
    assert.equal(a?.status, 400);
    assert.deepEqual(body(a), [{ errorCode: 'REQUIRED_FIELD_MISSING', message: 'Required fields are missing: [LastName, Company]', fields: ['LastName', 'Company'] }]);
    assert.equal(a?.braze, 'dropped');
    assert.match(a?.brazeNote ?? '', /this Lead is lost/);
  });

  it('REQUIRED_FIELD_MISSING for a required field that renders empty', async () => {
    const { last_name: _omitted, ...noLastName } = DEFAULT_PROFILE;
    const a = await answer(template({ body: { LastName: '{{${last_name}}}', Company: 'Acme' } }), { profile: noLastName });
    assert.deepEqual(body(a), [{ errorCode: 'REQUIRED_FIELD_MISSING', message: 'Required fields are missing: [LastName]', fields: ['LastName'] }]);
  });

  it('INVALID_FIELD: "No such column" for an unknown key, without fields', async () => {
    assert.deepEqual(body(await answer(create({ apellido: 'x' }))), [{ errorCode: 'INVALID_FIELD', message: "No such column 'apellido' on sobject of type Lead" }]);
  });

  it('INVALID_FIELD for a field newer than the URL version (Pronouns before v57.0)', async () => {
    const a = await answer(create({ Pronouns: 'She/Her' }).replace('v60.0', 'v56.0'));
    assert.deepEqual(body(a), [{ errorCode: 'INVALID_FIELD', message: "No such column 'Pronouns' on sobject of type Lead" }]);
    assert.equal((await answer(create({ Pronouns: 'She/Her' })))?.status, 201);
  });

  it('INVALID_FIELD for Id in the body', async () => {
    assert.deepEqual(body(await answer(create({ Id: '00QKY000001LyJR2A0' }))), [{ errorCode: 'INVALID_FIELD', message: 'The Id field should not be specified in the sobject data.' }]);
  });

  it('INVALID_FIELD_FOR_INSERT_UPDATE: "Unable to create/update fields" for every field that cannot be set', async () => {
    const a = await answer(create({ Name: 'Ana García', CreatedDate: '2026-01-01T00:00:00Z', IsDeleted: 'false' }));
    assert.deepEqual(body(a), [
      {
        errorCode: 'INVALID_FIELD_FOR_INSERT_UPDATE',
        message: 'Unable to create/update fields: Name, CreatedDate, IsDeleted. Please check the security settings of this field and verify that it is read/write for your profile or permission set.',
        fields: ['Name', 'CreatedDate', 'IsDeleted'],
      },
    ]);
    assert.ok(a?.caveats.some((c) => /Set Audit Fields upon Record Creation/.test(c)));
  });

  it('INVALID_FIELD_FOR_INSERT_UPDATE for IsConverted on update (create only)', async () => {
    assert.equal((await answer(create({ IsConverted: 'false' })))?.status, 201);
    assert.deepEqual((body(await answer(update({ IsConverted: 'false' }))) as Array<{ fields: string[] }>)[0].fields, ['IsConverted']);
  });

  it('STRING_TOO_LONG: "<Label>: data value too large: <value> (max length=N)"', async () => {
    const long = 'x'.repeat(41);
    assert.deepEqual(body(await answer(create({ FirstName: long }))), [{ errorCode: 'STRING_TOO_LONG', message: `First Name: data value too large: ${long} (max length=40)`, fields: ['FirstName'] }]);
  });

  it('INVALID_EMAIL_ADDRESS', async () => {
    assert.deepEqual(body(await answer(create({ Email: 'ana at example.com' }))), [{ errorCode: 'INVALID_EMAIL_ADDRESS', message: 'Email: invalid email address: ana at example.com', fields: ['Email'] }]);
  });

  it('JSON_PARSER_ERROR for a string that does not convert, with its position', async () => {
    const a = await answer(create({ NumberOfEmployees: 'lots' }));
    assert.equal(a?.status, 400);
    const [error] = body(a) as Array<{ errorCode: string; message: string }>;
    assert.equal(error.errorCode, 'JSON_PARSER_ERROR');
    assert.match(error.message, /^Cannot deserialize instance of int from VALUE_STRING value lots or request may be missing a required field at \[line:1, column:\d+\]$/);
    const column = Number(/column:(\d+)/.exec(error.message)?.[1]);
    const sent = '{"LastName":"García","Company":"Acme","NumberOfEmployees":"lots"}';
    assert.equal(column, sent.indexOf('"lots"') + '"lots"'.length + 1);
    const yes = body(await answer(create({ HasOptedOutOfEmail: 'yes' }))) as Array<{ message: string }>;
    assert.match(yes[0].message, /^Cannot deserialize instance of boolean from VALUE_STRING value yes/);
  });

  it('JSON_PARSER_ERROR for a body that is not JSON, and for no body', async () => {
    const broken = await answer(template({ body: '{"LastName": "{{${last_name}}}", "Company": "Acme",}' }));
    assert.equal(broken?.status, 400);
    assert.match((body(broken) as Array<{ message: string }>)[0].message, /at \[line:1, column:\d+\]$/);
    const none = await answer(template({ body: undefined }));
    assert.deepEqual(body(none), [{ errorCode: 'JSON_PARSER_ERROR', message: 'The HTTP entity body is required, but this request has no entity body.' }]);
  });

  it('INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST, built in (CleanStatus) and from the org describe (an inactive value)', async () => {
    assert.deepEqual(body(await answer(create({ CleanStatus: 'Clean' }))), [
      { errorCode: 'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST', message: 'Clean Status: bad value for restricted picklist field: Clean', fields: ['CleanStatus'] },
    ]);
    const org = await answer(create({ Region__c: 'EMEA', Lead_Stage__c: 'Nurture' }), { salesforce: ACME_DESCRIBE });
    assert.deepEqual(body(org), [{ errorCode: 'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST', message: 'Lead Stage: bad value for restricted picklist field: Nurture', fields: ['Lead_Stage__c'] }]);
  });

  it('MALFORMED_ID for a reference that is not an Id, or an Id of the wrong object', async () => {
    assert.deepEqual(body(await answer(create({ OwnerId: 'marketing-queue' }))), [{ errorCode: 'MALFORMED_ID', message: 'Owner ID: id value of incorrect type: marketing-queue', fields: ['OwnerId'] }]);
    assert.deepEqual(body(await answer(create({ RecordTypeId: '00QKY000001LyJR2A0' }))), [{ errorCode: 'MALFORMED_ID', message: 'Record Type ID: id value of incorrect type: 00QKY000001LyJR2A0', fields: ['RecordTypeId'] }]);
    assert.equal((await answer(create({ OwnerId: '00G5g000004TFpQEAW' })))?.status, 201, 'a queue');
  });

  it("INVALID_CROSS_REFERENCE_KEY for a record type the org's describe does not offer", async () => {
    const retired = toEighteenCharId('0125g000000QaBe');
    const a = await answer(create({ Region__c: 'EMEA', RecordTypeId: retired }), { salesforce: ACME_DESCRIBE });
    assert.deepEqual(body(a), [{ errorCode: 'INVALID_CROSS_REFERENCE_KEY', message: `Record Type ID: this ID value isn't valid for the user: ${retired}`, fields: ['RecordTypeId'] }]);
    assert.equal((await answer(create({ Region__c: 'EMEA', RecordTypeId: toEighteenCharId('0125g000000QaBd') }), { salesforce: ACME_DESCRIBE }))?.status, 201);
  });

  it('404 NOT_FOUND for a record Id in the URL that is not an Id (the user-4711 case)', async () => {
    const a = await answer(update({ Lead_Stage__c: 'MQL' }), { profile: { ...DEFAULT_PROFILE, external_id: 'user-4711' } });
    assert.equal(a?.status, 404);
    assert.deepEqual(body(a), [{ errorCode: 'NOT_FOUND', message: 'Provided external ID field does not exist or is not accessible: user-4711' }]);
    assert.equal(a?.braze, 'dropped');
    assert.match(a?.brazeNote ?? '', /this Lead update is lost/);
  });

  it('404 NOT_FOUND for an unknown sObject, a malformed version and a version the org does not have', async () => {
    const notFound = [{ errorCode: 'NOT_FOUND', message: 'The requested resource does not exist' }];
    assert.deepEqual(body(await answer(template({ url: `${BASE}Leads/` }))), notFound);
    assert.deepEqual(body(await answer(create({}).replace('v60.0', 'v60'))), notFound);
    const future = await answer(create({}).replace('v60.0', 'v99.0'));
    assert.deepEqual([future?.status, body(future)], [404, notFound]);
    assert.match(future?.summary ?? '', /v99\.0 is newer than the newest release \(v68\.0\)/);
    assert.ok(future?.caveats.some((c) => /preview sandbox/.test(c)));
  });

  it('401 INVALID_SESSION_ID without a Bearer token, or when the token call failed', async () => {
    const session = [{ errorCode: 'INVALID_SESSION_ID', message: 'Session expired or invalid' }];
    assert.deepEqual(body(await answer(template({ request_headers: { 'Content-Type': 'application/json' } }))), session);
    const unguarded = GOOD_AUTH.replace(/\{% if result\.access_token == blank %\}.*?\{% endif %\}/, '');
    const failed = await answer(template({ request_headers: { Authorization: unguarded, 'Content-Type': 'application/json' } }), { scenario: 'no-client-credentials-user' });
    assert.deepEqual([failed?.status, body(failed)], [401, session]);
    assert.match(failed?.summary ?? '', /carries no token/);
  });

  it('405 METHOD_NOT_ALLOWED for PATCH on the collection and POST on a record', async () => {
    assert.deepEqual(body(await answer(template({ request_method: 'PATCH' }))), [{ errorCode: 'METHOD_NOT_ALLOWED', message: "HTTP Method 'PATCH' not allowed. Allowed are GET,HEAD,POST" }]);
    assert.equal((await answer(template({ url: `${BASE}Lead/00QKY000001LyJR2A0` })))?.status, 405);
  });

  it('410 for a retired version', async () => {
    const a = await answer(create({}).replace('v60.0', 'v30.0'));
    assert.deepEqual([a?.status, a?.braze], [410, 'dropped']);
  });

  it('415 UNSUPPORTED_MEDIA_TYPE for a body that is not sent as JSON', async () => {
    const a = await answer(template({ request_headers: { Authorization: GOOD_AUTH, 'Content-Type': 'text/plain' } }));
    assert.deepEqual(body(a), [{ errorCode: 'UNSUPPORTED_MEDIA_TYPE', message: "MediaType of 'text/plain' is not supported by this resource" }]);
  });

  it('DUPLICATES_DETECTED with the duplicate-rule scenario', async () => {
    const a = await answer(create({}), { scenario: 'duplicate-rule' });
    assert.equal(a?.status, 400);
    const [error] = body(a) as Array<{ errorCode: string; message: string; duplicateResult: { allowSave: boolean } }>;
    assert.deepEqual([error.errorCode, error.message, error.duplicateResult.allowSave], ['DUPLICATES_DETECTED', 'Use one of these records?', false]);
  });

  it('503 and 401 from the server-error and expired-session scenarios', async () => {
    // A token written into the template: the scenario's failing token call cannot abort the message first.
    const literalToken = template({ request_headers: { Authorization: 'Bearer 00D5g00000Py0i0!AQtoken', 'Content-Type': 'application/json' } });
    const down = await answer(literalToken, { scenario: 'server-error' });
    assert.deepEqual([down?.status, down?.braze], [503, 'retried']);
    assert.match(down?.brazeNote ?? '', /duplicate Lead/);
    assert.equal((await answer(literalToken, { scenario: 'expired-session' }))?.status, 401);
  });
});

describe('the simulated Salesforce answer: mocks and when there is none', () => {
  const mocks = (status: number, json: unknown, method?: string) =>
    JSON.stringify({ rules: [{ match: { url: 'https://acme.my.salesforce.com/services/data/*/sobjects/Lead*', ...(method ? { method } : {}) }, response: { status, json } }] });

  it('a mock rule matching the sObject URL answers instead (DUPLICATES_DETECTED, UNABLE_TO_LOCK_ROW, 503)', async () => {
    const dup = await answer(create({}), { mocks: mocks(400, [{ errorCode: 'DUPLICATES_DETECTED', message: 'Use one of these records?', fields: [] }]) });
    assert.deepEqual([dup?.status, dup?.source, dup?.braze, dup?.errors.map((e) => e.errorCode)], [400, 'mock', 'dropped', ['DUPLICATES_DETECTED']]);
    const lock = await answer(update({ Lead_Stage__c: 'MQL' }), { mocks: mocks(400, [{ errorCode: 'UNABLE_TO_LOCK_ROW', message: 'unable to obtain exclusive access to this record' }], 'PATCH') });
    assert.deepEqual([lock?.source, lock?.errors[0].errorCode], ['mock', 'UNABLE_TO_LOCK_ROW']);
    const busy = await answer(create({}), { mocks: mocks(503, null) });
    assert.deepEqual([busy?.status, busy?.braze], [503, 'retried']);
  });

  it('a rule for another method does not answer', async () => {
    assert.equal((await answer(create({}), { mocks: mocks(400, [], 'PATCH') }))?.source, 'simulated');
  });

  it('null when the message aborts or the URL is not a Salesforce sObject URL', async () => {
    assert.equal(await answer(template({ url: 'https://hooks.example.com/leads' })), null);
    assert.equal(await answer(update({ Lead_Stage__c: 'MQL' }, "{% abort_message('no id') %}")), null);
  });

  it('Liquid that fails while rendering fails the message: nothing is sent (status 0)', async () => {
    const broken = GOOD_AUTH.replace('https://acme.my.salesforce.com/services/oauth2/token', 'https://[insert_instance_name].my.salesforce.com/services/oauth2/token');
    const a = await answer(template({ request_headers: { Authorization: broken, 'Content-Type': 'application/json' } }));
    assert.deepEqual([a?.status, a?.braze], [0, 'dropped']);
    assert.match(a?.summary ?? '', /fails this message while rendering it/);
  });

  it('a placeholder host: Braze sends nothing (status 0)', async () => {
    const a = await answer(template({ url: 'https://[insert_instance_name].my.salesforce.com/services/data/v60.0/sobjects/Lead/' }));
    assert.deepEqual([a?.status, a?.braze], [0, 'dropped']);
    assert.match(a?.summary ?? '', /is not a valid URL/);
  });
});
