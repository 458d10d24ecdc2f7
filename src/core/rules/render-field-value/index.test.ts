import { DEFAULT_PROFILE, GOOD_AUTH, runRuleTests, template } from '../../../../test/helpers/rule-tester';
import { ACME_DESCRIBE } from '../../../../test/helpers/salesforce';
import { RenderFieldValue } from '.';

/** GOOD_AUTH with a literal secret: the token call succeeds for any profile. */
const AUTH = GOOD_AUTH.replace('{{custom_attribute.${sf_secret}}}', 'EXAMPLE0SECRET');
const tpl = (parts: Parameters<typeof template>[0] = {}) => template({ request_headers: { Authorization: AUTH, 'Content-Type': 'application/json' }, ...parts });
const create = (body: Record<string, string>) => tpl({ body: { LastName: 'García', Company: 'Acme', ...body } });
const update = (body: Record<string, string>) => tpl({ url: 'https://acme.my.salesforce.com/services/data/v60.0/sobjects/Lead/{{${user_id}}}', request_method: 'PATCH', body });
const withAttributes = (external_id: string, custom_attributes: Record<string, unknown>) => ({ ...DEFAULT_PROFILE, external_id, custom_attributes });

const employees = '{{custom_attribute.${employees}}}';
const optOut = '{{custom_attribute.${opted_out}}}';
const stage = '{{custom_attribute.${stage}}}';
const title = '{{${first_name}}}';

runRuleTests(RenderFieldValue, {
  valid: [
    { name: 'digits and true/false from profile attributes convert', code: create({ NumberOfEmployees: employees, HasOptedOutOfEmail: optOut }), profiles: [withAttributes('ok', { employees: 250, opted_out: true })] },
    { name: 'a missing number renders empty: no value', code: create({ NumberOfEmployees: employees }), profiles: [withAttributes('none', {})] },
    { name: 'a literal is sf-field-value’s, whatever the profile', code: create({ NumberOfEmployees: 'lots' }) },
    { name: "an active value of the org's restricted picklist", code: create({ Region__c: 'EMEA', Lead_Stage__c: stage }), profiles: [withAttributes('mql', { stage: 'MQL' })], salesforce: ACME_DESCRIBE },
    { name: 'an update that sends a value', code: update({ Title: title }) },
    { name: 'aborted: nothing is sent', code: create({ NumberOfEmployees: employees }), profiles: [withAttributes('x', { employees: 'lots' })], scenario: 'invalid-client' },
  ],
  invalid: [
    {
      name: 'a profile whose attribute does not convert to the int (the issue, from Liquid)',
      code: create({ NumberOfEmployees: employees }),
      profiles: [withAttributes('ok', { employees: 250 }), withAttributes('lots', { employees: 'lots' })],
      errors: [
        {
          messageId: 'typeMismatch',
          data: { key: 'NumberOfEmployees', value: 'lots', why: 'NumberOfEmployees is an int field and this does not convert to one: Salesforce answers 400 JSON_PARSER_ERROR ("Cannot deserialize instance of int from VALUE_STRING …"); it converts only digits ("250")' },
          highlight: `"${employees}"`,
          profile: 'lots',
          severity: 'error',
        },
      ],
    },
    {
      name: 'a yes/no attribute sent to a checkbox',
      code: create({ HasOptedOutOfEmail: optOut }),
      profiles: [withAttributes('yes', { opted_out: 'yes' })],
      errors: [
        {
          messageId: 'typeMismatch',
          data: { key: 'HasOptedOutOfEmail', value: 'yes', why: 'HasOptedOutOfEmail is a boolean field and this does not convert to one: Salesforce answers 400 JSON_PARSER_ERROR ("Cannot deserialize instance of boolean from VALUE_STRING …"); it converts only "true" or "false"' },
          highlight: `"${optOut}"`,
        },
      ],
    },
    {
      name: "a value outside the org's restricted picklist",
      code: create({ Region__c: 'EMEA', Lead_Stage__c: stage }),
      profiles: [withAttributes('nurture', { stage: 'Nurture' })],
      salesforce: ACME_DESCRIBE,
      errors: [{ messageId: 'restrictedPicklist', data: { key: 'Lead_Stage__c', value: 'Nurture', why: 'Lead_Stage__c is a restricted picklist and this is not one of its active values (Lead, MQL, SQL): Salesforce answers 400 INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST' }, highlight: `"${stage}"` }],
    },
    {
      name: 'an owner attribute that is not an Id',
      code: create({ OwnerId: '{{custom_attribute.${owner}}}' }),
      profiles: [withAttributes('owner', { owner: 'ana@example.com' })],
      errors: [{ messageId: 'malformedId', data: { key: 'OwnerId', value: 'ana@example.com', why: 'OwnerId takes a 15- or 18-character record Id and this is not one: Salesforce answers 400 MALFORMED_ID' }, highlight: '"{{custom_attribute.${owner}}}"' }],
    },
    {
      name: 'an update whose value renders empty erases the field',
      code: update({ Title: title }),
      profiles: [{ ...DEFAULT_PROFILE, external_id: '00QKY000001LyJR2A0', first_name: undefined }],
      errors: [{ messageId: 'erasesOnUpdate', data: { key: 'Title', field: 'Title', sobject: 'Lead' }, highlight: `"${title}"`, severity: 'warning' }],
    },
  ],
});
