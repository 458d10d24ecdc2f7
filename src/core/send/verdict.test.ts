import assert from 'node:assert/strict';
import { DEFAULT_PROFILE, FIXED_NOW, template } from '../../../test/helpers/rule-tester';
import { ACME_DESCRIBE, BUILT_IN_SALESFORCE } from '../../../test/helpers/salesforce';
import { makeFixtureResolver } from '../connected-content';
import { parseProfiles } from '../profile';
import { renderProfile } from '../request/render-profile';
import type { SalesforceSchema } from '../salesforce/model';
import { type SalesforceAnswer, simulateSalesforceAnswer } from '../salesforce/simulate';
import { parseTemplateFile } from '../template/template-file';
import { compareWithPrediction } from './verdict';

/**
 * The verdict compares Salesforce's real answer with the simulated one for the same request. The
 * real answers below are the documented bodies (errorcodes.htm, dome_sobject_create.htm,
 * dome_upsert.htm) with what differs between orgs changed: Ids, messages.
 */

const LEAD = 'https://acme.my.salesforce.com/services/data/v60.0/sobjects/Lead/';

async function predict(code: string, salesforce: SalesforceSchema = BUILT_IN_SALESFORCE): Promise<SalesforceAnswer | null> {
  const { profiles } = parseProfiles(JSON.stringify([DEFAULT_PROFILE]));
  const request = await renderProfile(parseTemplateFile(code), profiles[0], { resolveConnectedContent: makeFixtureResolver(), now: () => FIXED_NOW });
  return simulateSalesforceAnswer(request, { salesforce });
}

const errorBody = (...errors: Array<{ errorCode: string; message?: string; fields?: string[] }>) => JSON.stringify(errors.map((e) => ({ message: e.message ?? 'some org wording', errorCode: e.errorCode, fields: e.fields ?? [] })));

describe('the verdict: the real answer against the prediction', () => {
  describe('as predicted', () => {
    it('a create: 201 with a new 00Q Id (the Id itself is not compared)', async () => {
      const predicted = await predict(template());
      const verdict = compareWithPrediction({ status: 201, body: '{"id":"00Q5g00000ABCDEFGH","success":true,"errors":[]}' }, predicted);
      assert.equal(verdict.kind, 'as-predicted');
      assert.equal(verdict.line, 'As predicted: 201 Created.');
      assert.deepEqual(verdict.differences, []);
    });

    it('an update: 204 No Content', async () => {
      const predicted = await predict(template({ url: `${LEAD}{{\${user_id}}}`, request_method: 'PATCH', body: { Title: 'CTO' } }));
      assert.equal(compareWithPrediction({ status: 204, body: '' }, predicted).line, 'As predicted: 204 No Content.');
    });

    it('an error with the same errorCode and fields, in another order and case, with other wording', async () => {
      const predicted = await predict(template({ body: { Company: 'Acme', Region__c: '' } }), ACME_DESCRIBE);
      assert.equal(predicted?.errors[0]?.errorCode, 'REQUIRED_FIELD_MISSING');
      const real = errorBody({ errorCode: 'REQUIRED_FIELD_MISSING', message: 'Champs obligatoires manquants : [Region__c, LastName]', fields: ['region__c', 'LastName'] });
      const verdict = compareWithPrediction({ status: 400, body: real }, predicted);
      assert.equal(verdict.kind, 'as-predicted', verdict.line);
      assert.equal(verdict.line, 'As predicted: 400 Bad Request REQUIRED_FIELD_MISSING (region__c, LastName).');
    });

    it('some of several predicted errors, and no other: as predicted, with a note on the rest', async () => {
      const predicted = await predict(template({ body: { LastName: 'x'.repeat(81), Company: 'Acme', Email: 'not-an-email' } }));
      assert.deepEqual(predicted?.errors.map((e) => e.errorCode).sort(), ['INVALID_EMAIL_ADDRESS', 'STRING_TOO_LONG']);
      const verdict = compareWithPrediction({ status: 400, body: errorBody({ errorCode: 'STRING_TOO_LONG', fields: ['LastName'] }) }, predicted);
      assert.equal(verdict.kind, 'as-predicted', verdict.line);
      assert.deepEqual(verdict.notes, ['Salesforce reported 1 of the 2 predicted errors; fixing those may reveal INVALID_EMAIL_ADDRESS.']);
    });

    it('a 401 when the token call failed, as the simulation of the sent request says', async () => {
      const predicted = await predict(template({ request_headers: { Authorization: 'Bearer ', 'Content-Type': 'application/json' } }));
      const verdict = compareWithPrediction({ status: 401, body: errorBody({ errorCode: 'INVALID_SESSION_ID', message: 'Session expired or invalid' }) }, predicted);
      assert.equal(verdict.line, 'As predicted: 401 Unauthorized INVALID_SESSION_ID.');
    });
  });

  describe('differs', () => {
    it('a duplicate rule the product cannot see: status and errorCode', async () => {
      const predicted = await predict(template());
      const real = errorBody({ errorCode: 'DUPLICATES_DETECTED', message: 'Use one of these records?' });
      const verdict = compareWithPrediction({ status: 400, body: real }, predicted);
      assert.equal(verdict.kind, 'differs');
      assert.equal(verdict.line, 'Differs from the prediction: status 400 Bad Request, predicted 201 Created; DUPLICATES_DETECTED was not predicted.');
    });

    it('a predicted error that did not come: the org accepted the record', async () => {
      const predicted = await predict(template({ body: { Company: 'Acme', Region__c: '' } }), ACME_DESCRIBE);
      const verdict = compareWithPrediction({ status: 201, body: '{"id":"00Q5g00000ABCDEFGH","success":true,"errors":[]}' }, predicted);
      assert.equal(verdict.kind, 'differs');
      assert.match(verdict.line, /^Differs from the prediction: status 201 Created, predicted 400 Bad Request; REQUIRED_FIELD_MISSING \(LastName, Region__c\) was predicted but not answered\.$/);
    });

    it('the same errorCode for other fields', async () => {
      const predicted = await predict(template({ body: { Company: 'Acme' } }));
      const verdict = compareWithPrediction({ status: 400, body: errorBody({ errorCode: 'REQUIRED_FIELD_MISSING', fields: ['LastName', 'Industry'] }) }, predicted);
      assert.equal(verdict.kind, 'differs');
      assert.deepEqual(verdict.differences, ['REQUIRED_FIELD_MISSING for [LastName, Industry], predicted for [LastName]']);
    });

    it('a validation rule the product cannot see, next to a predicted error', async () => {
      const predicted = await predict(template({ body: { Company: 'Acme' } }));
      const real = errorBody({ errorCode: 'REQUIRED_FIELD_MISSING', fields: ['LastName'] }, { errorCode: 'FIELD_CUSTOM_VALIDATION_EXCEPTION', message: 'Phone is required for partners' });
      const verdict = compareWithPrediction({ status: 400, body: real }, predicted);
      assert.deepEqual(verdict.differences, ['FIELD_CUSTOM_VALIDATION_EXCEPTION was not predicted']);
    });

    it('a 201 whose body is not the documented object, or says success false', async () => {
      const predicted = await predict(template());
      assert.deepEqual(compareWithPrediction({ status: 201, body: '<html></html>' }, predicted).differences, ['the 201 answer is not the documented {"id", "success", "errors"} object']);
      assert.deepEqual(compareWithPrediction({ status: 201, body: '{"id":"00Q5g00000ABCDEFGH","success":false,"errors":[]}' }, predicted).differences, ['"success" is false, predicted true']);
    });

    it('an upsert that updated an existing record: 200 with "created": false', async () => {
      const predicted = await predict(template({ url: `${LEAD}Braze_Id__c/{{\${user_id}}}`, request_method: 'PATCH', body: { LastName: 'x', Company: 'y' } }));
      const verdict = compareWithPrediction({ status: 200, body: '{"id":"00Q5g00000ABCDEFGH","success":true,"errors":[],"created":false}' }, predicted);
      assert.equal(verdict.line, 'Differs from the prediction: status 200 OK, predicted 201 Created.');
    });

    it('a 503 from a maintenance window (no error array): the status alone', async () => {
      const predicted = await predict(template());
      const verdict = compareWithPrediction({ status: 503, body: '<html>Service unavailable</html>' }, predicted);
      assert.equal(verdict.line, 'Differs from the prediction: status 503 Service Unavailable, predicted 201 Created.');
    });
  });

  it('no prediction for a URL that is not a Salesforce sObject URL', async () => {
    const predicted = await predict(template({ url: 'https://hooks.example.com/lead' }));
    assert.equal(predicted, null);
    const verdict = compareWithPrediction({ status: 200, body: 'ok' }, predicted);
    assert.equal(verdict.kind, 'unpredicted');
    assert.equal(verdict.line, 'Not predicted (the URL is not a Salesforce REST sObject URL): Salesforce answered 200 OK.');
  });
});
