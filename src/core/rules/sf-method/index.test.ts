import { runRuleTests, template } from '../../../../test/helpers/rule-tester';
import { SfMethod } from '.';

const base = 'https://acme.my.salesforce.com/services/data/v60.0/sobjects/';
const update = { url: `${base}Lead/{{\${user_id}}}`, body: { Lead_Stage__c: 'MQL' } };

runRuleTests(SfMethod, {
  valid: [
    template(),
    { name: 'PATCH to a record', code: template({ ...update, request_method: 'PATCH' }) },
    { name: 'PATCH upsert', code: template({ url: `${base}Lead/Email__c/{{\${email_address}}}`, request_method: 'PATCH' }) },
    { name: 'the POST ?_HttpMethod=PATCH fallback Salesforce accepts', code: template({ ...update, url: `${update.url}?_HttpMethod=PATCH`, request_method: 'POST' }) },
    { name: 'GET on a record without a body only reads', code: template({ url: update.url, request_method: 'GET', body: undefined }) },
    { name: 'GET with an empty body', code: template({ url: update.url, request_method: 'GET', body: {} }) },
    { name: 'GET with a blank raw body', code: template({ url: `${base}Lead/`, request_method: 'GET', body: '  ' }) },
    { name: 'DELETE on a record without a body', code: template({ url: update.url, request_method: 'DELETE', body: undefined }) },
    { name: 'POST to a record is sf-create-with-id', code: template({ ...update, request_method: 'POST' }) },
    { name: 'PATCH to the collection is sf-update-without-id', code: template({ request_method: 'PATCH' }) },
    { name: 'PUT elsewhere is not ours', code: template({ url: 'https://hooks.example.com/leads/1', request_method: 'PUT' }) },
  ],
  invalid: [
    {
      name: 'PUT to the collection',
      code: template({ request_method: 'PUT' }),
      errors: [{ messageId: 'putCollection', data: { sobject: 'Lead' }, highlight: '"PUT"' }],
      suggestions: ['Use POST'],
    },
    {
      name: 'PUT to a record',
      code: template({ ...update, request_method: 'PUT' }),
      errors: [{ messageId: 'putRecord', data: { sobject: 'Lead' }, highlight: '"PUT"' }],
      suggestions: ['Use PATCH'],
    },
    {
      name: 'PUT to an upsert URL, any case',
      code: template({ url: `${base}Contact/Ext__c/42`, request_method: 'put' }),
      errors: [{ messageId: 'putRecord', data: { sobject: 'Contact' }, highlight: '"put"' }],
    },
    {
      name: 'GET to the create URL with a body',
      code: template({ request_method: 'GET' }),
      errors: [{ messageId: 'getCollection', data: { sobject: 'Lead' }, highlight: '"GET"' }],
      suggestions: ['Use POST'],
    },
    {
      name: 'GET to a record with a body',
      code: template({ ...update, request_method: 'GET' }),
      errors: [{ messageId: 'getRecord', data: { sobject: 'Lead' }, highlight: '"GET"' }],
      suggestions: ['Use PATCH'],
    },
    {
      name: 'GET with a raw body',
      code: template({ request_method: 'GET', body: '{"LastName": "x"}' }),
      errors: [{ messageId: 'getCollection', data: { sobject: 'Lead' }, highlight: '"GET"' }],
    },
    {
      name: 'DELETE on the collection, even without a body',
      code: template({ request_method: 'DELETE', body: undefined }),
      errors: [{ messageId: 'deleteCollection', data: { sobject: 'Lead' }, highlight: '"DELETE"' }],
      suggestions: ['Use POST'],
    },
    {
      name: 'DELETE on a record with a body',
      code: template({ ...update, request_method: 'DELETE' }),
      errors: [{ messageId: 'deleteRecord', data: { sobject: 'Lead' }, highlight: '"DELETE"' }],
      suggestions: ['Use PATCH'],
    },
  ],
});
