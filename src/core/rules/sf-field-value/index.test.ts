import { raw, runRuleTests, template } from '../../../../test/helpers/rule-tester';
import { ACME_DESCRIBE } from '../../../../test/helpers/salesforce';
import { SfFieldValue } from '.';

const base = 'https://acme.my.salesforce.com/services/data/v60.0/sobjects/';
const create = (body: Record<string, string> | string) => template({ body: typeof body === 'string' ? body : { LastName: 'García', Company: 'Acme', ...body } });

runRuleTests(SfFieldValue, {
  valid: [
    template(),
    { name: 'strings Salesforce converts: digits, true/false, ISO dates, a plain amount', code: create({ NumberOfEmployees: '250', HasOptedOutOfEmail: 'true', DoNotCall: 'FALSE', AnnualRevenue: '1500000', ConvertedDate: '2026-03-01', EmailBouncedDate: '2026-03-01T12:00:00Z', Latitude: '40.4168' }) },
    { name: 'an empty value is no value (stored as null)', code: create({ NumberOfEmployees: '', Email: '' }) },
    { name: 'a value from Liquid is render-field-value’s', code: create({ NumberOfEmployees: '{{custom_attribute.${employees}}}' }) },
    { name: 'unrestricted picklists take any value (Status, LeadSource)', code: create({ Status: 'Nurturing', LeadSource: 'Braze' }) },
    { name: 'a queue or a user as owner', code: create({ OwnerId: '00G5g000004TFpQEAW' }) },
    { name: 'raw JSON numbers and booleans', code: create('{"LastName": "x", "Company": "y", "NumberOfEmployees": 250, "HasOptedOutOfEmail": true}') },
    { name: 'other sObjects without a model are not checked', code: template({ url: `${base}Contact/`, body: { NumberOfEmployees: 'lots' } }) },
    { name: "an active value of the org's restricted picklist", code: create({ Region__c: 'EMEA', Lead_Stage__c: 'MQL' }), salesforce: ACME_DESCRIBE },
  ],
  invalid: [
    {
      name: 'the issue: "NumberOfEmployees": "lots" does not convert to an int',
      code: create({ NumberOfEmployees: 'lots' }),
      errors: [
        {
          messageId: 'typeMismatch',
          data: { key: 'NumberOfEmployees', value: 'lots', why: 'NumberOfEmployees is an int field and this does not convert to one: Salesforce answers 400 JSON_PARSER_ERROR ("Cannot deserialize instance of int from VALUE_STRING …"); it converts only digits ("250")' },
          highlight: '"lots"',
          severity: 'error',
        },
      ],
    },
    {
      name: 'the issue: "HasOptedOutOfEmail": "yes" does not convert to a boolean',
      code: create({ HasOptedOutOfEmail: 'yes' }),
      errors: [
        {
          messageId: 'typeMismatch',
          data: { key: 'HasOptedOutOfEmail', value: 'yes', why: 'HasOptedOutOfEmail is a boolean field and this does not convert to one: Salesforce answers 400 JSON_PARSER_ERROR ("Cannot deserialize instance of boolean from VALUE_STRING …"); it converts only "true" or "false"' },
          highlight: '"yes"',
        },
      ],
    },
    {
      name: 'a currency with a sign and separators, a date in another format',
      code: create({ AnnualRevenue: '$1,500,000', ConvertedDate: '01/03/2026' }),
      errors: [
        { messageId: 'typeMismatch', data: { key: 'AnnualRevenue', value: '$1,500,000', why: 'AnnualRevenue is a currency field and this does not convert to one: Salesforce answers 400 JSON_PARSER_ERROR ("Cannot deserialize instance of double from VALUE_STRING …"); it converts a plain number ("1500000", no currency sign or separators)' }, highlight: '"$1,500,000"' },
        { messageId: 'typeMismatch', data: { key: 'ConvertedDate', value: '01/03/2026', why: 'ConvertedDate is a date field and this does not convert to one: Salesforce answers 400 JSON_PARSER_ERROR ("Cannot deserialize instance of date from VALUE_STRING …"); it converts an ISO 8601 date ("2026-03-01")' }, highlight: '"01/03/2026"' },
      ],
    },
    {
      name: 'a literal longer than the field',
      code: create({ PostalCode: '28001-MADRID-CENTRO-ES' }),
      errors: [{ messageId: 'tooLong', data: { key: 'PostalCode', value: '28001-MADRID-CENTRO-ES', why: 'PostalCode holds at most 20 characters and this is 22: Salesforce answers 400 STRING_TOO_LONG ("Zip/Postal Code: data value too large: … (max length=20)")' }, highlight: '"28001-MADRID-CENTRO-ES"' }],
    },
    {
      name: 'a literal that is not an email address',
      code: create({ Email: 'marketing at acme' }),
      errors: [{ messageId: 'invalidEmail', data: { key: 'Email', value: 'marketing at acme', why: 'Email is not an email address (it contains whitespace): Salesforce answers 400 INVALID_EMAIL_ADDRESS' }, highlight: '"marketing at acme"' }],
    },
    {
      name: 'a value outside a restricted picklist (built in)',
      code: create({ GeocodeAccuracy: 'Exact' }),
      errors: [
        {
          messageId: 'restrictedPicklist',
          data: { key: 'GeocodeAccuracy', value: 'Exact', why: 'GeocodeAccuracy is a restricted picklist and this is not one of its active values (Address, NearAddress, Block, Street, ExtendedZip, Zip, Neighborhood, City, …): Salesforce answers 400 INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST' },
          highlight: '"Exact"',
        },
      ],
    },
    {
      name: "an inactive value of the org's restricted picklist",
      code: create({ Region__c: 'EMEA', Lead_Stage__c: 'Nurture' }),
      salesforce: ACME_DESCRIBE,
      errors: [{ messageId: 'restrictedPicklist', data: { key: 'Lead_Stage__c', value: 'Nurture', why: 'Lead_Stage__c is a restricted picklist and this is not one of its active values (Lead, MQL, SQL): Salesforce answers 400 INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST' }, highlight: '"Nurture"' }],
    },
    {
      name: 'a queue name instead of its Id, and a Lead Id as record type',
      code: create({ OwnerId: 'Marketing Queue', RecordTypeId: '00QKY000001LyJR2A0' }),
      errors: [
        { messageId: 'malformedId', data: { key: 'OwnerId', value: 'Marketing Queue', why: 'OwnerId takes a 15- or 18-character record Id and this is not one: Salesforce answers 400 MALFORMED_ID' }, highlight: '"Marketing Queue"' },
        { messageId: 'malformedId', data: { key: 'RecordTypeId', value: '00QKY000001LyJR2A0', why: 'RecordTypeId takes an Id starting with 012 and this one does not: Salesforce answers 400 MALFORMED_ID' }, highlight: '"00QKY000001LyJR2A0"' },
      ],
    },
    {
      name: 'a record type the org does not offer',
      code: create({ Region__c: 'EMEA', RecordTypeId: '0125g000000QaBeAAK' }),
      salesforce: ACME_DESCRIBE,
      errors: [
        {
          messageId: 'unknownRecordType',
          data: { key: 'RecordTypeId', value: '0125g000000QaBeAAK', why: 'RecordTypeId is not one of the record types your org offers (Marketing Lead (0125g000000QaBcAAK), Partner Lead (0125g000000QaBdAAK), Master (012000000000000AAA)): Salesforce answers 400 INVALID_CROSS_REFERENCE_KEY' },
          highlight: '"0125g000000QaBeAAK"',
        },
      ],
    },
    {
      name: 'raw body: the value is highlighted inside the escaped text',
      code: create('{"LastName": "x", "Company": "y", "NumberOfEmployees": "lots"}'),
      errors: [{ messageId: 'typeMismatch', data: { key: 'NumberOfEmployees', value: 'lots', why: 'NumberOfEmployees is an int field and this does not convert to one: Salesforce answers 400 JSON_PARSER_ERROR ("Cannot deserialize instance of int from VALUE_STRING …"); it converts only digits ("250")' }, highlight: raw('"lots"') }],
    },
    {
      name: 'updates are checked too',
      code: template({ url: `${base}Lead/{{\${user_id}}}`, request_method: 'PATCH', body: { NumberOfEmployees: 'lots' } }),
      errors: [{ messageId: 'typeMismatch', data: { key: 'NumberOfEmployees', value: 'lots', why: 'NumberOfEmployees is an int field and this does not convert to one: Salesforce answers 400 JSON_PARSER_ERROR ("Cannot deserialize instance of int from VALUE_STRING …"); it converts only digits ("250")' }, highlight: '"lots"' }],
    },
  ],
});
