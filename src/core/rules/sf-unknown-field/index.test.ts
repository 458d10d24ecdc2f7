import { raw, runRuleTests, template } from '../../../../test/helpers/rule-tester';
import { ACME_DESCRIBE } from '../../../../test/helpers/salesforce';
import { SfUnknownField } from '.';

/** The built-in verdict's note on what it rests on. */
const BUILT_IN_NOTE = " (Checked against the standard Lead fields of Winter '27, API v68.0; if your org adds this field, e.g. from an industry cloud or a package, give the product your org's describe.)";

const base = 'https://acme.my.salesforce.com/services/data/v60.0/sobjects/';
const create = (body: Record<string, string> | string) => template({ body });

runRuleTests(SfUnknownField, {
  valid: [
    template(),
    {
      name: "the issue's standard fields are Lead fields (feature-dependent ones included)",
      code: create({ LastName: 'x', Company: 'y', RecordTypeId: '0125g000000QaBcAAK', CurrencyIsoCode: 'EUR', IndividualId: '0PK5g000000AbCdEAF', Pronouns: 'She/Her', GenderIdentity: 'Female', CleanStatus: 'Pending', DandbCompanyId: '06E5g000000AbCdEAF', Division: 'Global', MiddleName: 'Q', Suffix: 'Jr.', StateCode: 'CA', CountryCode: 'US' }),
    },
    { name: 'read-only fields exist (sf-field-access says they cannot be set), Address is never renamed', code: create({ LastName: 'x', Company: 'y', Name: 'z', PhotoUrl: 'p', Address: 'a', IsDeleted: 'false' }) },
    { name: "with the org's describe: its custom fields", code: create({ LastName: 'x', Company: 'y', Region__c: 'EMEA', Lead_Stage__c: 'MQL' }), salesforce: ACME_DESCRIBE },
    { name: 'standard fields in any case (sf-field-case says the rest)', code: create({ lastname: 'x', COMPANY: 'y', firstName: 'z', leadsource: 'Web' }) },
    { name: 'custom fields, namespaced and geolocation parts', code: create({ LastName: 'x', Company: 'y', Lead_Stage__c: 'MQL', acme__Score__c: '1', Geo__Latitude__s: '1.5' }) },
    { name: 'an invalid __c name is sf-custom-field-name’s finding', code: create({ LastName: 'x', Company: 'y', 'Lead Stage__c': 'MQL' }) },
    { name: 'sObject "attributes" metadata', code: template({ body: '{"attributes": {"type": "Lead"}, "LastName": "x", "Company": "y"}' }) },
    { name: 'a key from Liquid is unknown until send time', code: create({ LastName: 'x', Company: 'y', '{{custom_attribute.${sf_field}}}': 'z' }) },
    { name: 'raw body that is not JSON as written', code: create('apellido={{${last_name}}}') },
    { name: 'other sObjects have other fields', code: template({ url: `${base}Contact/`, body: { AccountId: '001D000000IqhSLIAZ', Birthdate: '1990-01-01' } }) },
    { name: 'GET ignores the body (sf-method says so)', code: template({ request_method: 'GET', body: { apellido: 'x' } }) },
    { name: 'not a Salesforce URL', code: template({ url: 'https://hooks.example.com/leads', body: { apellido: 'x' } }) },
  ],
  invalid: [
    {
      name: "the Spanish recipe's keys: exact labels are fixed",
      code: create({ firstName: '{{${first_name}}}', apellido: '{{${last_name}}}', 'correo electrónico': '{{${email_address}}}', empresa: '{{custom_attribute.${company}}}' }),
      errors: [
        { messageId: 'labelOf', data: { key: 'apellido', field: 'LastName', sobject: 'Lead' }, highlight: '"apellido"', severity: 'warning' },
        { messageId: 'labelOf', data: { key: 'correo electrónico', field: 'Email', sobject: 'Lead' }, highlight: '"correo electrónico"' },
        { messageId: 'labelOf', data: { key: 'empresa', field: 'Company', sobject: 'Lead' }, highlight: '"empresa"' },
      ],
      output: create({ firstName: '{{${first_name}}}', LastName: '{{${last_name}}}', Email: '{{${email_address}}}', Company: '{{custom_attribute.${company}}}' }),
    },
    {
      name: 'snake_case folds onto the API name',
      code: create({ LastName: 'x', Company: 'y', first_name: '{{${first_name}}}', 'Zip/Postal Code': '{{custom_attribute.${zip}}}' }),
      errors: [
        { messageId: 'labelOf', data: { key: 'first_name', field: 'FirstName', sobject: 'Lead' }, highlight: '"first_name"' },
        { messageId: 'labelOf', data: { key: 'Zip/Postal Code', field: 'PostalCode', sobject: 'Lead' }, highlight: '"Zip/Postal Code"' },
      ],
      output: create({ LastName: 'x', Company: 'y', FirstName: '{{${first_name}}}', PostalCode: '{{custom_attribute.${zip}}}' }),
    },
    {
      name: 'a typo is only a suggestion',
      code: create({ LastName: 'x', Compnay: 'y' }),
      errors: [{ messageId: 'didYouMean', data: { key: 'Compnay', field: 'Company', sobject: 'Lead' }, highlight: '"Compnay"' }],
      suggestions: ['Rename "Compnay" to "Company"'],
    },
    {
      name: 'an ambiguous label offers each field',
      code: create({ LastName: 'x', Company: 'y', Estado: 'Open' }),
      errors: [{ messageId: 'ambiguousLabel', data: { key: 'Estado', fields: 'State, Status', sobject: 'Lead' }, highlight: '"Estado"' }],
      suggestions: ['Rename "Estado" to "State"', 'Rename "Estado" to "Status"'],
    },
    {
      name: 'no fix when the API name is already in the body',
      code: create({ LastName: 'x', apellido: 'y', Company: 'z' }),
      errors: [{ messageId: 'labelOf', data: { key: 'apellido', field: 'LastName', sobject: 'Lead' }, highlight: '"apellido"' }],
      suggestions: [],
    },
    {
      name: 'two labels of one field: suggestions, not two colliding fixes',
      code: create({ Company: 'z', apellido: 'x', Apellidos: 'y' }),
      errors: [
        { messageId: 'labelOf', data: { key: 'apellido', field: 'LastName', sobject: 'Lead' }, highlight: '"apellido"' },
        { messageId: 'labelOf', data: { key: 'Apellidos', field: 'LastName', sobject: 'Lead' }, highlight: '"Apellidos"' },
      ],
      suggestions: ['Rename "apellido" to "LastName"'],
    },
    {
      name: 'read-only fields are never the suggestion',
      code: create({ LastName: 'x', Company: 'y', 'Full Name': 'z' }),
      errors: [{ messageId: 'unknown', data: { key: 'Full Name', sobject: 'Lead', origin: BUILT_IN_NOTE }, highlight: '"Full Name"' }],
    },
    {
      name: 'nothing close',
      code: create({ LastName: 'x', Company: 'y', lead_score: '{{custom_attribute.${lead_score}}}' }),
      errors: [{ messageId: 'unknown', data: { key: 'lead_score', sobject: 'Lead', origin: BUILT_IN_NOTE }, highlight: '"lead_score"' }],
    },
    {
      name: 'surrounding spaces are not the field',
      code: create({ ' Email': 'x', LastName: 'y', Company: 'z' }),
      errors: [{ messageId: 'labelOf', data: { key: ' Email', field: 'Email', sobject: 'Lead' }, highlight: '" Email"' }],
      output: create({ Email: 'x', LastName: 'y', Company: 'z' }),
    },
    {
      name: 'raw JSON body: the fix re-escapes the key',
      code: create('{"apellido": "{{${last_name} | json_escape}}", "Company": "Acme"}'),
      errors: [{ messageId: 'labelOf', data: { key: 'apellido', field: 'LastName', sobject: 'Lead' }, highlight: raw('"apellido"') }],
      output: create('{"LastName": "{{${last_name} | json_escape}}", "Company": "Acme"}'),
    },
    {
      name: 'updates are checked too',
      code: template({ url: `${base}Lead/{{\${user_id}}}`, request_method: 'PATCH', body: { etapa: 'MQL' } }),
      errors: [{ messageId: 'unknown', data: { key: 'etapa', sobject: 'Lead', origin: BUILT_IN_NOTE }, highlight: '"etapa"' }],
    },
      {
      name: "with the org's describe, a custom field it does not list",
      code: create({ LastName: 'x', Company: 'y', Segment__c: 'B2B' }),
      salesforce: ACME_DESCRIBE,
      errors: [{ messageId: 'notInOrgDescribe', data: { key: 'Segment__c', sobject: 'Lead', file: 'examples/acme-lead.describe.json' }, highlight: '"Segment__c"' }],
    },
    {
      name: "with the org's describe, a typo of one of its custom fields",
      code: create({ LastName: 'x', Company: 'y', Lead_Stag__c: 'MQL' }),
      salesforce: ACME_DESCRIBE,
      errors: [{ messageId: 'didYouMean', data: { key: 'Lead_Stag__c', field: 'Lead_Stage__c', sobject: 'Lead' }, highlight: '"Lead_Stag__c"' }],
      suggestions: ['Rename "Lead_Stag__c" to "Lead_Stage__c"'],
    },
    {
      name: "with the org's describe, a standard field the org does not have",
      code: create({ LastName: 'x', Company: 'y', MiddleName: 'Q' }),
      salesforce: ACME_DESCRIBE,
      errors: [
        {
          messageId: 'standardNotInOrg',
          data: { key: 'MiddleName', field: 'MiddleName', sobject: 'Lead', file: 'examples/acme-lead.describe.json', why: 'it needs middle names and suffixes (Setup → User Interface → Name Settings), or the user who ran the describe cannot see it' },
          highlight: '"MiddleName"',
        },
      ],
    },
  ],
});
