import { DEFAULT_PROFILE, GOOD_AUTH, runRuleTests, template } from '../../../../test/helpers/rule-tester';
import { RenderBadLeadId } from '.';

/** GOOD_AUTH with a literal secret: the token call succeeds for profiles without `sf_secret`. */
const AUTH = GOOD_AUTH.replace('{{custom_attribute.${sf_secret}}}', 'EXAMPLE0SECRET');
const LEAD = 'https://acme.my.salesforce.com/services/data/v60.0/sobjects/Lead/';
const update = (url: string, parts: Parameters<typeof template>[0] = {}) =>
  template({ url, request_method: 'PATCH', request_headers: { Authorization: AUTH, 'Content-Type': 'application/json' }, body: { Lead_Stage__c: 'MQL' }, ...parts });
const byUserId = update(`${LEAD}{{\${user_id}}}`);
const user = (external_id: string) => ({ ...DEFAULT_PROFILE, external_id });
const noExternalId = { first_name: 'Zoë', email: 'zoe@example.org' };

const blankGuard = "Abort the message when ${user_id} is blank";
const prefixGuard = 'Abort the message when ${user_id} does not start with 00Q';

runRuleTests(RenderBadLeadId, {
  valid: [
    { name: '18-character Lead Id', code: byUserId },
    { name: '15-character Lead Id', code: byUserId, profiles: [user('00QKY000001LyJR')] },
    { name: '18-character Id in another case: Salesforce restores it from the suffix', code: byUserId, profiles: [user('00qky000001lyjr2a0')] },
    { name: 'create URL has no record Id', code: template({ request_headers: { Authorization: AUTH, 'Content-Type': 'application/json' } }), profiles: [noExternalId] },
    { name: 'upsert: any non-empty value', code: update(`${LEAD}Braze_Id__c/{{\${user_id}}}`), profiles: [user('user-4711')] },
    { name: 'not a Lead URL', code: update('https://acme.my.salesforce.com/services/data/v60.0/sobjects/Contact/{{${user_id}}}'), profiles: [user('user-4711')] },
    {
      name: 'a blank guard aborts first',
      code: update(`{% if \${user_id} == blank %}{% abort_message('no id') %}{% endif %}${LEAD}{{\${user_id}}}`),
      profiles: [noExternalId],
    },
    { name: 'aborted by the token guard', code: byUserId, profiles: [user('user-4711')], scenario: 'invalid-client' },
  ],
  invalid: [
    {
      name: 'a Braze external_id that is not a Lead Id',
      code: byUserId,
      profiles: [DEFAULT_PROFILE, user('user-4711')],
      errors: [{ messageId: 'length', data: { id: 'user-4711', length: 9 }, highlight: '${user_id}', profile: 'user-4711' }],
      suggestions: [prefixGuard],
    },
    {
      name: 'no external_id: the URL becomes /sobjects/Lead/',
      code: byUserId,
      profiles: [noExternalId],
      errors: [{ messageId: 'empty', data: { method: 'PATCH' }, highlight: '${user_id}' }],
      suggestions: [blankGuard],
    },
    {
      name: 'a Contact Id',
      code: byUserId,
      profiles: [user('003D000000IqhSLIAZ')],
      errors: [{ messageId: 'prefix', data: { id: '003D000000IqhSLIAZ', prefix: '003' }, highlight: '${user_id}' }],
      suggestions: [prefixGuard],
    },
    {
      name: 'a suffix that cannot describe the first 15 characters',
      code: byUserId,
      profiles: [user('00QKY000001LyJR9A0')],
      errors: [{ messageId: 'caseSuffix', data: { id: '00QKY000001LyJR9A0', suffix: '9A0' }, highlight: '${user_id}' }],
      suggestions: [],
    },
    {
      name: 'a suffix that makes the third character lower case: not "starts with 00Q, not 00Q"',
      code: byUserId,
      profiles: [user('00QKY000001LyJRYA0')],
      errors: [{ messageId: 'suffixChangesPrefix', data: { id: '00QKY000001LyJRYA0', suffix: 'YA0', restored: '00qKY000001LyJR', restoredPrefix: '00q' }, highlight: '${user_id}' }],
    },
    {
      name: 'a suffix that marks a digit as upper case',
      code: byUserId,
      profiles: [user('00QKY000001LyJRZA0')],
      errors: [{ messageId: 'caseSuffix', data: { id: '00QKY000001LyJRZA0', suffix: 'ZA0' }, highlight: '${user_id}' }],
    },
    {
      name: 'characters an Id never has',
      code: byUserId,
      profiles: [user('00QKY000001Ly-R')],
      errors: [{ messageId: 'characters', data: { id: '00QKY000001Ly-R' }, highlight: '${user_id}' }],
    },
    {
      name: 'a slash in the value',
      code: byUserId,
      profiles: [user('00QKY/00001LyJR')],
      errors: [{ messageId: 'characters', data: { id: '00QKY/00001LyJR' }, highlight: '${user_id}' }],
    },
    {
      name: 'a custom attribute as the Id; the guard already exists for blank',
      code: update(`{% if custom_attribute.\${sf_lead_id} == blank %}{% abort_message('no id') %}{% endif %}${LEAD}{{custom_attribute.\${sf_lead_id}}}`),
      profiles: [{ ...DEFAULT_PROFILE, custom_attributes: { sf_lead_id: '00QKY000001LyJ' } }],
      errors: [{ messageId: 'length', data: { id: '00QKY000001LyJ', length: 14 }, highlight: 'custom_attribute.${sf_lead_id}' }],
      suggestions: ['Abort the message when custom_attribute.${sf_lead_id} does not start with 00Q'],
    },
    {
      name: 'an Id written in the template: no reference to guard',
      code: update(`${LEAD}001D000000IqhSLIAZ`),
      errors: [{ messageId: 'prefix', data: { id: '001D000000IqhSLIAZ', prefix: '001' }, highlight: '001D000000IqhSLIAZ' }],
      suggestions: [],
    },
    {
      name: 'upsert value renders empty',
      code: update(`${LEAD}Braze_Id__c/{{custom_attribute.\${lead_key}}}`),
      errors: [{ messageId: 'emptyExternalId', data: { method: 'PATCH', field: 'Braze_Id__c' }, highlight: 'custom_attribute.${lead_key}' }],
      suggestions: ['Abort the message when custom_attribute.${lead_key} is blank'],
    },
  ],
});
