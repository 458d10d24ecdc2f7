import { raw, runRuleTests, template } from '../../../../test/helpers/rule-tester';
import { SfFieldCase } from '.';

const base = 'https://acme.my.salesforce.com/services/data/v60.0/sobjects/';

runRuleTests(SfFieldCase, {
  valid: [
    template(),
    { name: 'canonical names and custom fields', code: template({ body: { FirstName: 'a', LastName: 'b', Company: 'c', lead_stage__c: 'MQL' } }) },
    { name: 'unknown keys are sf-unknown-field’s finding', code: template({ body: { LastName: 'b', Company: 'c', apellido: 'x' } }) },
    { name: 'Id in any case is sf-id-in-body’s finding', code: template({ body: { id: 'x', LastName: 'b', Company: 'c' } }) },
    { name: 'other sObjects are not checked', code: template({ url: `${base}Contact/`, body: { lastName: 'x' } }) },
    { name: 'DELETE ignores the body', code: template({ url: `${base}Lead/{{\${user_id}}}`, request_method: 'DELETE', body: { email: 'x' } }) },
  ],
  invalid: [
    {
      name: "the recipe's camelCase keys",
      code: template({ body: { firstName: '{{${first_name}}}', lastName: '{{${last_name}}}', email: '{{${email_address}}}', company: '{{custom_attribute.${company}}}' } }),
      errors: [
        { messageId: 'nonCanonical', data: { key: 'firstName', field: 'FirstName' }, highlight: '"firstName"', severity: 'info' },
        { messageId: 'nonCanonical', data: { key: 'lastName', field: 'LastName' }, highlight: '"lastName"' },
        { messageId: 'nonCanonical', data: { key: 'email', field: 'Email' }, highlight: '"email"' },
        { messageId: 'nonCanonical', data: { key: 'company', field: 'Company' }, highlight: '"company"' },
      ],
      output: template({ body: { FirstName: '{{${first_name}}}', LastName: '{{${last_name}}}', Email: '{{${email_address}}}', Company: '{{custom_attribute.${company}}}' } }),
    },
    {
      name: 'upper case, on an update',
      code: template({ url: `${base}Lead/{{\${user_id}}}`, request_method: 'PATCH', body: { EMAIL: 'x', LEADSOURCE: 'Web' } }),
      errors: [
        { messageId: 'nonCanonical', data: { key: 'EMAIL', field: 'Email' }, highlight: '"EMAIL"' },
        { messageId: 'nonCanonical', data: { key: 'LEADSOURCE', field: 'LeadSource' }, highlight: '"LEADSOURCE"' },
      ],
      output: template({ url: `${base}Lead/{{\${user_id}}}`, request_method: 'PATCH', body: { Email: 'x', LeadSource: 'Web' } }),
    },
    {
      name: 'two spellings of one field: no fix that would duplicate it',
      code: template({ body: { LastName: 'b', Company: 'c', email: 'x', EMAIL: 'y' } }),
      errors: [
        { messageId: 'nonCanonical', data: { key: 'email', field: 'Email' }, highlight: '"email"' },
        { messageId: 'nonCanonical', data: { key: 'EMAIL', field: 'Email' }, highlight: '"EMAIL"' },
      ],
    },
    {
      name: 'raw JSON body',
      code: template({ body: '{"lastname": "x", "Company": "y"}' }),
      errors: [{ messageId: 'nonCanonical', data: { key: 'lastname', field: 'LastName' }, highlight: raw('"lastname"') }],
      output: template({ body: '{"LastName": "x", "Company": "y"}' }),
    },
  ],
});
