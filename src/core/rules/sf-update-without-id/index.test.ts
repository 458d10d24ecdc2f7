import { runRuleTests, template } from '../../../../test/helpers/rule-tester';
import { SfUpdateWithoutId } from '.';

const lead = (rest: string) => `https://acme.my.salesforce.com/services/data/v60.0/sobjects/${rest}`;
const update = { body: { Lead_Stage__c: 'MQL' } };

runRuleTests(SfUpdateWithoutId, {
  valid: [
    template(),
    { name: 'PATCH to a record', code: template({ ...update, url: lead('Lead/{{${user_id}}}'), request_method: 'PATCH' }) },
    { name: 'PATCH upsert by external Id is not a missing Id', code: template({ ...update, url: lead('Lead/External_Id__c/{{${user_id}}}'), request_method: 'PATCH' }) },
    { name: 'POST ?_HttpMethod=PATCH to a record', code: template({ ...update, url: lead('Lead/{{${user_id}}}?_HttpMethod=PATCH') }) },
    { name: 'POST to the collection with another query', code: template({ url: lead('Lead/?_HttpMethod=POST') }) },
    { name: 'not a Salesforce URL', code: template({ ...update, url: 'https://hooks.example.com/leads/', request_method: 'PATCH' }) },
  ],
  invalid: [
    {
      name: 'PATCH to the Lead collection',
      code: template({ ...update, url: lead('Lead/'), request_method: 'PATCH' }),
      errors: [{ messageId: 'noId', data: { sobject: 'Lead' }, highlight: 'Lead' }],
      suggestions: ['Use POST to create a Lead instead'],
    },
    {
      name: 'PATCH to the collection without the trailing slash, any sObject',
      code: template({ ...update, url: lead('Contact'), request_method: 'PATCH' }),
      errors: [{ messageId: 'noId', data: { sobject: 'Contact' }, highlight: 'Contact' }],
    },
    {
      name: 'POST ?_HttpMethod=PATCH to the collection: no method suggestion',
      code: template({ ...update, url: lead('Lead/?_HttpMethod=patch') }),
      errors: [{ messageId: 'noId', data: { sobject: 'Lead' }, highlight: 'Lead' }],
      suggestions: [],
    },
  ],
});
