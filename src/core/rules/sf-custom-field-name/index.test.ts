import { raw, runRuleTests, template } from '../../../../test/helpers/rule-tester';
import { SfCustomFieldName } from '.';

const base = 'https://acme.my.salesforce.com/services/data/v60.0/sobjects/';
const withField = (key: string) => template({ body: { LastName: 'x', Company: 'y', [key]: 'MQL' } });
const forty = 'A'.repeat(40);

runRuleTests(SfCustomFieldName, {
  valid: [
    template(),
    withField('Lead_Stage__c'),
    { name: 'a namespace prefix', code: withField('acme__Lead_Score__c') },
    { name: 'upper-case suffix', code: withField('Lead_Stage__C') },
    { name: 'exactly 40 characters', code: withField(`${forty}__c`) },
    { name: 'not a custom field: other rules', code: withField('Lead Stage') },
    { name: 'a key from Liquid', code: withField('{{custom_attribute.${f}}}__c') },
    { name: 'GET ignores the body', code: template({ request_method: 'GET', body: { 'Lead Stage__c': 'x' } }) },
    { name: 'not a Salesforce URL', code: template({ url: 'https://hooks.example.com/leads', body: { 'Lead Stage__c': 'x' } }) },
  ],
  invalid: [
    {
      name: 'a label with a space',
      code: withField('Lead Stage__c'),
      errors: [{ messageId: 'invalid', data: { key: 'Lead Stage__c', reason: 'only letters, digits and single underscores are allowed', sobject: 'Lead' }, highlight: '"Lead Stage__c"', severity: 'error' }],
      suggestions: ['Rename to "Lead_Stage__c" (check the API name in Setup)'],
    },
    {
      name: 'accents are folded in the suggestion',
      code: withField('Etapa_del_líder__c'),
      errors: [{ messageId: 'invalid', data: { key: 'Etapa_del_líder__c', reason: 'only letters, digits and single underscores are allowed', sobject: 'Lead' }, highlight: '"Etapa_del_líder__c"' }],
      suggestions: ['Rename to "Etapa_del_lider__c" (check the API name in Setup)'],
    },
    {
      name: 'a double underscore inside',
      code: withField('Lead__Stage__Now__c'),
      errors: [{ messageId: 'invalid', data: { key: 'Lead__Stage__Now__c', reason: 'it contains more than one "__" besides the namespace', sobject: 'Lead' }, highlight: '"Lead__Stage__Now__c"' }],
      suggestions: [],
    },
    {
      name: 'a trailing underscore',
      code: withField('Lead_Stage___c'),
      errors: [{ messageId: 'invalid', data: { key: 'Lead_Stage___c', reason: 'it must not end with "_" before "__c"', sobject: 'Lead' }, highlight: '"Lead_Stage___c"' }],
      suggestions: ['Rename to "Lead_Stage__c" (check the API name in Setup)'],
    },
    {
      name: 'starting with a digit: no obvious name',
      code: withField('2nd_Stage__c'),
      errors: [{ messageId: 'invalid', data: { key: '2nd_Stage__c', reason: 'it must start with a letter', sobject: 'Lead' }, highlight: '"2nd_Stage__c"' }],
      suggestions: [],
    },
    {
      name: 'longer than 40 characters',
      code: withField(`${forty}B__c`),
      errors: [{ messageId: 'invalid', data: { key: `${forty}B__c`, reason: 'the name before "__c" is 41 characters; the limit is 40', sobject: 'Lead' }, highlight: `"${forty}B__c"` }],
    },
    {
      name: 'only the suffix',
      code: withField('__c'),
      errors: [{ messageId: 'invalid', data: { key: '__c', reason: 'the name before "__c" is empty', sobject: 'Lead' }, highlight: '"__c"' }],
    },
    {
      name: 'other sObjects, raw JSON body',
      code: template({ url: `${base}Contact/`, body: '{"LastName": "x", "Tier-Level__c": "Gold"}' }),
      errors: [{ messageId: 'invalid', data: { key: 'Tier-Level__c', reason: 'only letters, digits and single underscores are allowed', sobject: 'Contact' }, highlight: raw('"Tier-Level__c"') }],
      suggestions: ['Rename to "Tier_Level__c" (check the API name in Setup)'],
    },
  ],
});
