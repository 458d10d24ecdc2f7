import { runRuleTests, template } from '../../../../test/helpers/rule-tester';
import { ACME_DESCRIBE } from '../../../../test/helpers/salesforce';
import { SfFieldAccess } from '.';

const base = 'https://acme.my.salesforce.com/services/data/v60.0/sobjects/';
const create = (body: Record<string, string>, version = 'v60.0') => template({ url: `https://acme.my.salesforce.com/services/data/${version}/sobjects/Lead/`, body: { LastName: 'García', Company: 'Acme', ...body } });
const update = (body: Record<string, string>) => template({ url: `${base}Lead/{{\${user_id}}}`, request_method: 'PATCH', body });
const remove = (key: string) => `Remove "${key}" from the body`;

runRuleTests(SfFieldAccess, {
  valid: [
    template(),
    { name: 'writable standard fields, including the newer ones on a recent version', code: create({ Pronouns: 'She/Her', GenderIdentity: 'Female', Title: 'CTO' }) },
    { name: 'IsConverted and Converted* can be given on create', code: create({ IsConverted: 'false', ConvertedDate: '2026-03-01' }) },
    { name: "the org's describe knows its features: no feature note", code: create({ RecordTypeId: '0125g000000QaBcAAK', IndividualId: '0PK5g000000AbCdEAF', Region__c: 'EMEA' }), salesforce: ACME_DESCRIBE },
    { name: 'unknown keys are sf-unknown-field’s', code: create({ apellido: 'x' }) },
    { name: 'a key in Liquid is unknown until send time', code: create({ '{{custom_attribute.${field}}}': 'x' }) },
  ],
  invalid: [
    {
      name: 'the issue: Name, CreatedDate, IsDeleted refused on create (CreatedDate only with a permission)',
      code: create({ Name: 'Ana García', CreatedDate: '2026-01-01T00:00:00Z', IsDeleted: 'false' }),
      errors: [
        { messageId: 'compound', data: { field: 'Name', parts: 'LastName, FirstName, Salutation, MiddleName, Suffix' }, highlight: '"Name"', severity: 'error' },
        { messageId: 'auditField', data: { field: 'CreatedDate' }, highlight: '"CreatedDate"', severity: 'warning' },
        { messageId: 'readOnly', data: { field: 'IsDeleted', operation: 'create' }, highlight: '"IsDeleted"', severity: 'error' },
      ],
      suggestions: [remove('Name')],
    },
    {
      name: 'the issue: PhotoUrl is a read-only Lead field, and Address the read-only compound of the address (never renamed)',
      code: create({ PhotoUrl: 'https://example.com/a.png', Address: 'Gran Vía 1, Madrid' }),
      errors: [
        { messageId: 'readOnly', data: { field: 'PhotoUrl', operation: 'create' }, highlight: '"PhotoUrl"' },
        { messageId: 'compound', data: { field: 'Address', parts: 'Street, City, State, PostalCode, Country, StateCode, CountryCode, Latitude, Longitude, GeocodeAccuracy' }, highlight: '"Address"' },
      ],
      suggestions: [remove('PhotoUrl')],
    },
    {
      name: 'IsConverted on an update: create-only',
      code: update({ IsConverted: 'true' }),
      errors: [{ messageId: 'notUpdateable', data: { field: 'IsConverted', sobject: 'Lead', operation: 'update' }, highlight: '"IsConverted"' }],
    },
    {
      name: 'audit fields are never updateable',
      code: update({ LastModifiedDate: '2026-01-01T00:00:00Z' }),
      errors: [{ messageId: 'readOnly', data: { field: 'LastModifiedDate', operation: 'update' }, highlight: '"LastModifiedDate"', severity: 'error' }],
    },
    {
      name: 'Pronouns before API v57.0',
      code: create({ Pronouns: 'She/Her' }, 'v56.0'),
      errors: [{ messageId: 'tooNew', data: { key: 'Pronouns', field: 'Pronouns', since: 57, version: 'v56.0', sobject: 'Lead' }, highlight: '"Pronouns"' }],
      suggestions: ['Use v57.0', remove('Pronouns')],
    },
    {
      name: 'the issue: feature-dependent fields are info, never "not a Lead field"',
      code: create({ RecordTypeId: '0125g000000QaBcAAK', CurrencyIsoCode: 'EUR' }),
      errors: [
        { messageId: 'needsFeature', data: { field: 'RecordTypeId', feature: 'record types for Lead (Setup → Object Manager → Lead → Record Types)' }, highlight: '"RecordTypeId"', severity: 'info' },
        { messageId: 'needsFeature', data: { field: 'CurrencyIsoCode', feature: 'multiple currencies (Setup → Company Information → Currency Setup)' }, highlight: '"CurrencyIsoCode"', severity: 'info' },
      ],
    },
    {
      name: "with the org's describe marking an audit field createable there is no warning; a read-only custom field is refused",
      code: create({ Region__c: 'EMEA', SystemModstamp: '2026-01-01T00:00:00Z' }),
      salesforce: ACME_DESCRIBE,
      errors: [{ messageId: 'readOnly', data: { field: 'SystemModstamp', operation: 'create' }, highlight: '"SystemModstamp"' }],
    },
  ],
});
