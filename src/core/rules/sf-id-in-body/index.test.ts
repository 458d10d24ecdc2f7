import { raw, runRuleTests, template } from '../../../../test/helpers/rule-tester';
import { SfIdInBody } from '.';

const base = 'https://acme.my.salesforce.com/services/data/v60.0/sobjects/';
const upsert = `${base}Lead/Email__c/{{\${email_address}}}`;

runRuleTests(SfIdInBody, {
  valid: [
    template(),
    { name: 'Id-like names are not Id', code: template({ body: { LastName: 'x', Company: 'y', OwnerId: '005000000000001AAA', Lead_Id__c: 'z' } }) },
    { name: 'upsert without its field in the body', code: template({ url: upsert, request_method: 'PATCH', body: { LastName: 'x' } }) },
    { name: 'the external-Id field only matters for upserts', code: template({ url: `${base}Lead/{{\${user_id}}}`, request_method: 'PATCH', body: { Email__c: 'x' } }) },
    { name: 'external-Id field from Liquid is not compared', code: template({ url: `${base}Lead/{{custom_attribute.\${f}}}/x`, request_method: 'PATCH', body: { Email__c: 'x' } }) },
    { name: 'GET ignores the body', code: template({ url: `${base}Lead/{{\${user_id}}}`, request_method: 'GET', body: { Id: 'x' } }) },
    { name: 'not a Salesforce URL', code: template({ url: 'https://hooks.example.com/leads', body: { id: 'x' } }) },
  ],
  invalid: [
    {
      name: 'Id on a create',
      code: template({ body: { Id: '{{${user_id}}}', LastName: 'x', Company: 'y' } }),
      errors: [{ messageId: 'idInBody', data: { sobject: 'Lead' }, highlight: '"Id"', severity: 'error' }],
      suggestions: ['Remove "Id" from the body'],
    },
    {
      name: 'lower-case id on an update of another sObject',
      code: template({ url: `${base}Contact/{{\${user_id}}}`, request_method: 'PATCH', body: { LastName: 'x', id: '{{${user_id}}}' } }),
      errors: [{ messageId: 'idInBody', data: { sobject: 'Contact' }, highlight: '"id"' }],
    },
    {
      name: 'the external-Id field repeated in an upsert body',
      code: template({ url: upsert, request_method: 'PATCH', body: { LastName: 'x', email__C: '{{${email_address}}}' } }),
      errors: [{ messageId: 'externalIdInBody', data: { key: 'email__C' }, highlight: '"email__C"' }],
      suggestions: ['Remove "email__C" from the body'],
    },
    {
      name: 'upsert by Id with Id in the body: one finding',
      code: template({ url: `${base}Lead/Id/{{\${user_id}}}`, request_method: 'PATCH', body: { Id: 'x' } }),
      errors: [{ messageId: 'idInBody', data: { sobject: 'Lead' }, highlight: '"Id"' }],
    },
    {
      name: 'raw JSON body',
      code: template({ body: '{"LastName": "x", "ID": "y"}' }),
      errors: [{ messageId: 'idInBody', data: { sobject: 'Lead' }, highlight: raw('"ID"') }],
    },
  ],
});
