import { runRuleTests, template } from '../../../../test/helpers/rule-tester';
import { SfCreateWithId } from '.';

const lead = (rest: string, version = 'v60.0') => `https://acme.my.salesforce.com/services/data/${version}/sobjects/${rest}`;

runRuleTests(SfCreateWithId, {
  valid: [
    template(),
    { name: 'collection without the trailing slash', code: template({ url: lead('Lead') }) },
    { name: 'POST …/Lead/Id is the documented create alias (API 37.0+)', code: template({ url: lead('Lead/Id') }) },
    { name: 'PATCH to a record is an update', code: template({ url: lead('Lead/{{${user_id}}}'), request_method: 'PATCH' }) },
    { name: 'POST with ?_HttpMethod=PATCH is an update', code: template({ url: lead('Lead/{{${user_id}}}?_HttpMethod=PATCH') }) },
    { name: 'PATCH upsert by external Id', code: template({ url: lead('Lead/Email__c/{{${email_address} | url_param_escape}}'), request_method: 'PATCH' }) },
    { name: 'a query string is not a segment', code: template({ url: lead('Lead/?foo=bar') }) },
    { name: 'not a Salesforce URL', code: template({ url: 'https://hooks.example.com/leads/00QKY000001LyJR2A0' }) },
  ],
  invalid: [
    {
      name: 'a literal Lead Id in a create URL',
      code: template({ url: lead('Lead/00QKY000001LyJR2A0') }),
      errors: [{ messageId: 'idInCreate', data: { segment: '00QKY000001LyJR2A0', sobject: 'Lead' }, highlight: '00QKY000001LyJR2A0' }],
      suggestions: ['Remove "00QKY000001LyJR2A0" to create a Lead', 'Use PATCH to update this Lead'],
    },
    {
      name: "the update recipe's URL sent with POST",
      code: template({ url: lead('Lead/{{${user_id}}}') }),
      errors: [{ messageId: 'idInCreate', data: { segment: '{{${user_id}}}', sobject: 'Lead' }, highlight: '{{${user_id}}}' }],
    },
    {
      name: 'an upsert URL sent with POST covers field and value',
      code: template({ url: lead('lead/Email__c/{{${email_address}}}/') }),
      errors: [{ messageId: 'idInCreate', data: { segment: 'Email__c/{{${email_address}}}', sobject: 'lead' }, highlight: 'Email__c/{{${email_address}}}' }],
      suggestions: ['Remove "Email__c/{{${email_address}}}" to create a lead', 'Use PATCH to update this lead'],
    },
    {
      name: 'POST …/Lead/Id before API 37.0',
      code: template({ url: lead('Lead/Id', 'v36.0') }),
      errors: [{ messageId: 'idInCreate', data: { segment: 'Id', sobject: 'Lead' }, highlight: 'Id' }],
    },
    {
      name: 'default method (POST) on another sObject: no method to switch',
      code: template({ url: lead('Contact/003D000000IqhSLIAZ') }).replace('  "request_method": "POST",\n', ''),
      errors: [{ messageId: 'idInCreate', data: { segment: '003D000000IqhSLIAZ', sobject: 'Contact' }, highlight: '003D000000IqhSLIAZ' }],
      suggestions: ['Remove "003D000000IqhSLIAZ" to create a Contact'],
    },
    {
      name: 'highlight survives escapes in the URL',
      code: template({ url: lead('Lead/{{custom_attribute.${"sf id"}}}') }),
      errors: [{ messageId: 'idInCreate', data: { segment: '{{custom_attribute.${"sf id"}}}', sobject: 'Lead' }, highlight: '{{custom_attribute.${\\"sf id\\"}}}' }],
    },
  ],
});
