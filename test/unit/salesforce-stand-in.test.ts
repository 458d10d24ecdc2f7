import assert from 'node:assert/strict';
import { type SalesforceStandIn, startSalesforceStandIn } from '../helpers/salesforce-stand-in';

/**
 * The stand-in is the only test double of the send tests, so it must answer like the documented
 * org (house rule: a double behaves like the real thing). These tests pin its shapes to the docs
 * cited in test/helpers/salesforce-stand-in.ts.
 */
describe('the local Salesforce stand-in answers in the documented shapes', () => {
  let org: SalesforceStandIn;
  beforeEach(async () => {
    org = await startSalesforceStandIn({ records: ['00Q5g000004AbCdEAK'] });
  });
  afterEach(() => org.close());

  const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
  const token = (body: string, headers: Record<string, string> = { 'Content-Type': 'application/x-www-form-urlencoded' }) =>
    fetch(`${org.origin}/services/oauth2/token`, { method: 'POST', headers, body });
  const rest = (path: string, init: RequestInit = {}) =>
    fetch(`${org.origin}/services/data/v60.0/sobjects/Lead/${path}`, { ...init, headers: { Authorization: `Bearer ${org.accessToken}`, 'Content-Type': 'application/json', ...(init.headers as Record<string, string>) } });

  it('issues a token for form-encoded client credentials, in the body or as HTTP Basic', async () => {
    const inBody = await token(form({ grant_type: 'client_credentials', client_id: org.clientId, client_secret: org.clientSecret }));
    assert.equal(inBody.status, 200);
    const answer = (await inBody.json()) as Record<string, unknown>;
    assert.deepEqual(Object.keys(answer).sort(), ['access_token', 'id', 'instance_url', 'issued_at', 'scope', 'signature', 'token_type']);
    assert.equal(answer.access_token, org.accessToken);
    assert.equal(answer.token_type, 'Bearer');
    const basic = Buffer.from(`${org.clientId}:${org.clientSecret}`).toString('base64');
    const asBasic = await token(form({ grant_type: 'client_credentials' }), { 'Content-Type': 'application/x-www-form-urlencoded', Authorization: `Basic ${basic}` });
    assert.equal(asBasic.status, 200);
  });

  it('refuses like the token endpoint: JSON body, wrong grant, unknown client, wrong secret, org set up wrong', async () => {
    const good = { grant_type: 'client_credentials', client_id: org.clientId, client_secret: org.clientSecret };
    const cases: Array<[Response, string, string]> = [
      [await token(JSON.stringify(good), { 'Content-Type': 'application/json' }), 'unsupported_grant_type', 'grant type not supported'],
      [await token(form({ ...good, grant_type: 'password' })), 'unsupported_grant_type', 'grant type not supported'],
      [await token(form({ ...good, client_id: 'other' })), 'invalid_client_id', 'client identifier invalid'],
      [await token(form({ ...good, client_secret: 'wrong' })), 'invalid_client', 'invalid client credentials'],
    ];
    org.failTokens('no-run-as-user');
    cases.push([await token(form(good)), 'invalid_grant', 'no client credentials user enabled']);
    org.failTokens('flow-not-enabled');
    cases.push([await token(form(good)), 'unsupported_grant_type', 'grant type not supported']);
    for (const [response, error, description] of cases) {
      assert.equal(response.status, 400);
      assert.deepEqual(await response.json(), { error, error_description: description });
    }
  });

  it('creates, updates and upserts Leads with the documented statuses and bodies', async () => {
    const created = await rest('', { method: 'POST', body: JSON.stringify({ LastName: 'Lovelace', Company: 'Acme', Region__c: 'EMEA' }) });
    assert.equal(created.status, 201);
    const body = (await created.json()) as { id: string; success: boolean; errors: unknown[] };
    assert.match(body.id, /^00Q[A-Za-z0-9]{15}$/);
    assert.deepEqual({ success: body.success, errors: body.errors }, { success: true, errors: [] });
    const updated = await rest('00Q5g000004AbCdEAK', { method: 'PATCH', body: JSON.stringify({ Lead_Stage__c: 'MQL' }) });
    assert.equal(updated.status, 204);
    assert.equal(await updated.text(), '');
    const upserted = await rest('Braze_External_Id__c/user-1', { method: 'PATCH', body: JSON.stringify({ LastName: 'Hopper', Company: 'Navy', Region__c: 'AMER' }) });
    assert.equal(upserted.status, 201);
    assert.equal(((await upserted.json()) as { created: boolean }).created, true);
    const again = await rest('Braze_External_Id__c/user-1', { method: 'PATCH', body: JSON.stringify({ Title: 'RADM' }) });
    assert.equal(again.status, 200);
    assert.equal(((await again.json()) as { created: boolean }).created, false);
  });

  it('answers errors as [{message, errorCode, fields}] with the documented statuses', async () => {
    const expectError = async (response: Response, status: number, errorCode: string, fields?: string[]) => {
      assert.equal(response.status, status);
      const list = (await response.json()) as Array<{ errorCode: string; message: string; fields?: string[] }>;
      assert.equal(list[0].errorCode, errorCode);
      assert.equal(typeof list[0].message, 'string');
      if (fields) assert.deepEqual(list[0].fields, fields);
    };
    await expectError(await rest('', { method: 'POST', body: JSON.stringify({ LastName: 'Lovelace' }) }), 400, 'REQUIRED_FIELD_MISSING', ['Company', 'Region__c']);
    await expectError(await rest('', { method: 'POST', body: JSON.stringify({ LastName: 'L', Company: 'A', Region__c: 'E', Nope__c: 'x' }) }), 400, 'INVALID_FIELD');
    await expectError(await rest('', { method: 'POST', body: JSON.stringify({ LastName: 'L', Company: 'A', Region__c: 'E', Email: 'nope' }) }), 400, 'INVALID_EMAIL_ADDRESS', ['Email']);
    await expectError(await rest('', { method: 'POST', body: JSON.stringify({ LastName: 'L', Company: 'A', Region__c: 'E', Name: 'x' }) }), 400, 'INVALID_FIELD_FOR_INSERT_UPDATE', ['Name']);
    await expectError(await rest('user-4711', { method: 'PATCH', body: '{}' }), 404, 'NOT_FOUND');
    await expectError(await rest('', { method: 'POST', body: 'LastName=x', headers: { 'Content-Type': 'text/plain' } }), 415, 'UNSUPPORTED_MEDIA_TYPE');
    await expectError(await fetch(`${org.origin}/services/data/v60.0/sobjects/Lead/`, { method: 'POST', body: '{}', headers: { 'Content-Type': 'application/json' } }), 401, 'INVALID_SESSION_ID');
    await expectError(await fetch(`${org.origin}/services/data/v99.0/sobjects/Lead/`, { method: 'POST', body: '{}', headers: { Authorization: `Bearer ${org.accessToken}` } }), 404, 'NOT_FOUND');
  });

  it('serves the Lead describe, answers a scripted error next, and records every request as received', async () => {
    const describe = await rest('describe', { method: 'GET', headers: {} });
    assert.equal(describe.status, 200);
    assert.equal(((await describe.json()) as { name: string }).name, 'Lead');
    org.answerNext({ status: 400, json: [{ errorCode: 'DUPLICATES_DETECTED', message: 'Use one of these records?', fields: [] }] });
    const duplicate = await rest('', { method: 'POST', body: JSON.stringify({ LastName: 'L', Company: 'A', Region__c: 'E' }) });
    assert.equal(duplicate.status, 400);
    assert.equal(((await duplicate.json()) as Array<{ errorCode: string }>)[0].errorCode, 'DUPLICATES_DETECTED');
    await org.whenReceived(2);
    assert.deepEqual(org.received.map((r) => `${r.method} ${r.path}`), ['GET /services/data/v60.0/sobjects/Lead/describe', 'POST /services/data/v60.0/sobjects/Lead/']);
    assert.equal(org.received[1].headers['content-type'], 'application/json');
    assert.equal(org.received[1].body, '{"LastName":"L","Company":"A","Region__c":"E"}');
  });
});
