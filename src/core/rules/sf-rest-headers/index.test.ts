import { GOOD_AUTH, runRuleTests, template } from '../../../../test/helpers/rule-tester';
import { SfRestHeaders } from '.';

const base = 'https://acme.my.salesforce.com/services/data/v60.0/sobjects/';
const headers = (extra: Record<string, string>) => ({ Authorization: GOOD_AUTH, 'Content-Type': 'application/json', ...extra });
const update = (extra: Record<string, string> = {}) => template({ url: `${base}Lead/{{\${user_id}}}`, request_method: 'PATCH', request_headers: headers(extra), body: { Lead_Stage__c: 'MQL' } });

runRuleTests(SfRestHeaders, {
  valid: [
    { name: 'a create: assignment rules on create are usually wanted', code: template() },
    { name: 'an update that says whether to run assignment rules', code: update({ 'Sforce-Auto-Assign': 'FALSE' }) },
    { name: 'an assignment rule Id', code: update({ 'Sforce-Auto-Assign': '01Q5g000000AbCd' }) },
    { name: 'objects without assignment rules', code: template({ url: `${base}Contact/{{\${user_id}}}`, request_method: 'PATCH' }) },
    { name: 'allowSave=false changes nothing worth a note', code: template({ request_headers: headers({ 'Sforce-Duplicate-Rule-Header': 'allowSave=false' }) }) },
  ],
  invalid: [
    {
      name: 'an update without Sforce-Auto-Assign runs assignment rules again (TRUE by default)',
      code: update(),
      errors: [{ messageId: 'autoAssignOnUpdate', data: { operation: 'update', sobject: 'Lead' }, highlight: '"PATCH"', severity: 'info' }],
    },
    {
      name: 'a value Salesforce does not document',
      code: update({ 'Sforce-Auto-Assign': 'no' }),
      errors: [{ messageId: 'autoAssignValue', data: { value: 'no' }, highlight: '"no"', severity: 'warning' }],
    },
    {
      name: 'allowSave=true does not pass blocking duplicate rules',
      code: template({ request_headers: headers({ 'Sforce-Duplicate-Rule-Header': 'allowSave=true' }) }),
      errors: [{ messageId: 'duplicateAllowSave', highlight: '"allowSave=true"', severity: 'info' }],
    },
  ],
});
