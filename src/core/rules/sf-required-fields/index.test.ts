import { runRuleTests, template } from '../../../../test/helpers/rule-tester';
import { ACME_DESCRIBE } from '../../../../test/helpers/salesforce';
import { SfRequiredFields } from '.';

const base = 'https://acme.my.salesforce.com/services/data/v60.0/sobjects/';

runRuleTests(SfRequiredFields, {
  valid: [
    template(),
    { name: 'any case, as Salesforce matches them', code: template({ body: { lastname: 'x', COMPANY: 'y' } }) },
    { name: 'the POST …/Lead/Id create alias with both fields', code: template({ url: `${base}Lead/Id` }) },
    { name: 'raw JSON body with both fields', code: template({ body: '{"LastName": "{{${last_name} | json_escape}}", "Company": "Acme"}' }) },
    { name: 'raw body that is not JSON as written: unknown, not flagged', code: template({ body: '{% if ${last_name} %}{"LastName": "x"}{% endif %}' }) },
    { name: 'a key from Liquid might be the field', code: template({ body: { '{{custom_attribute.${key}}}': 'x', Company: 'y' } }) },
    { name: 'updates do not need them', code: template({ url: `${base}Lead/{{\${user_id}}}`, request_method: 'PATCH', body: { Lead_Stage__c: 'MQL' } }) },
    { name: 'upserts do not need them statically', code: template({ url: `${base}Lead/Email__c/x`, request_method: 'PATCH', body: { FirstName: 'x' } }) },
    { name: 'other sObjects have other required fields', code: template({ url: `${base}Contact/`, body: { LastName: 'x' } }) },
    { name: 'not a Salesforce URL', code: template({ url: 'https://hooks.example.com/leads', body: { name: 'x' } }) },
  ],
  invalid: [
    {
      name: 'no LastName',
      code: template({ body: { FirstName: '{{${first_name}}}', Company: 'Acme' } }),
      errors: [{ messageId: 'missing', data: { field: 'LastName', sobject: 'Lead' }, highlight: '"body"', severity: 'warning' }],
    },
    {
      name: 'neither field: two findings on the body key',
      code: template({ body: { Email: '{{${email_address}}}' } }),
      errors: [
        { messageId: 'missing', data: { field: 'LastName', sobject: 'Lead' }, highlight: '"body"' },
        { messageId: 'missing', data: { field: 'Company', sobject: 'Lead' }, highlight: '"body"' },
      ],
    },
    {
      name: "the Spanish recipe's translated keys are named",
      code: template({ body: { firstName: '{{${first_name}}}', apellido: '{{${last_name}}}', 'correo electrónico': '{{${email_address}}}', empresa: '{{custom_attribute.${company}}}' } }),
      errors: [
        { messageId: 'missingLooksLike', data: { field: 'LastName', key: 'apellido', sobject: 'Lead' }, highlight: '"body"' },
        { messageId: 'missingLooksLike', data: { field: 'Company', key: 'empresa', sobject: 'Lead' }, highlight: '"body"' },
      ],
    },
    {
      name: 'English labels too',
      code: template({ body: { 'Last Name': 'x', Company: 'y' } }),
      errors: [{ messageId: 'missingLooksLike', data: { field: 'LastName', key: 'Last Name', sobject: 'Lead' }, highlight: '"body"' }],
    },
    {
      name: 'a key with spaces around the API name is not the field',
      code: template({ body: { ' LastName': 'x', Company: 'y' } }),
      errors: [{ messageId: 'missingLooksLike', data: { field: 'LastName', key: ' LastName', sobject: 'Lead' }, highlight: '"body"' }],
    },
    {
      name: 'raw JSON body missing Company',
      code: template({ body: '{"LastName": "x"}' }),
      errors: [{ messageId: 'missing', data: { field: 'Company', sobject: 'Lead' }, highlight: '"body"' }],
    },
    {
      name: 'empty body',
      code: template({ body: {} }),
      errors: [
        { messageId: 'missing', data: { field: 'LastName', sobject: 'Lead' }, highlight: '"body"' },
        { messageId: 'missing', data: { field: 'Company', sobject: 'Lead' }, highlight: '"body"' },
      ],
    },
    {
      name: 'no body at all: on the url key',
      code: template({ body: undefined }),
      errors: [
        { messageId: 'missing', data: { field: 'LastName', sobject: 'Lead' }, highlight: '"url"' },
        { messageId: 'missing', data: { field: 'Company', sobject: 'Lead' }, highlight: '"url"' },
      ],
    },
    {
      name: 'lowercase sObject and the default method',
      code: template({ url: `${base}lead`, body: { LastName: 'x' } }).replace('  "request_method": "POST",\n', ''),
      errors: [{ messageId: 'missing', data: { field: 'Company', sobject: 'Lead' }, highlight: '"body"' }],
    },
      {
      name: "the org's required custom field, from its describe",
      code: template(),
      salesforce: ACME_DESCRIBE,
      errors: [{ messageId: 'missingInOrg', data: { field: 'Region__c', sobject: 'Lead', file: 'examples/acme-lead.describe.json' }, highlight: '"body"' }],
    },
    {
      name: 'a required field written as an empty literal, on create and on update',
      code: template({ url: `${base}Lead/{{\${user_id}}}`, request_method: 'PATCH', body: { LastName: '', Company: '  ' } }),
      errors: [
        { messageId: 'literalEmpty', data: { field: 'LastName' }, highlight: '""' },
        { messageId: 'literalEmpty', data: { field: 'Company' }, highlight: '"  "' },
      ],
    },
  ],
});
