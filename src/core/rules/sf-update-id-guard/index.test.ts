import { raw, runRuleTests, template } from '../../../../test/helpers/rule-tester';
import { SfUpdateIdGuard } from '.';

const base = 'https://acme.my.salesforce.com/services/data/v60.0/sobjects/Lead/';
const patch = (url: string, extra: Record<string, unknown> = {}) => template({ url, request_method: 'PATCH', body: { Lead_Stage__c: 'MQL' }, ...extra });
const guard = "{% if ${user_id} == blank %}{% abort_message('No Salesforce Lead Id') %}{% endif %}";

runRuleTests(SfUpdateIdGuard, {
  valid: [
    template(),
    { name: 'the corrected example: guarded at the start of the URL', code: patch(`${guard}${base}{{\${user_id}}}`) },
    { name: 'guard written with {{ }} inside the tag', code: patch(`{% if {{\${user_id}}} == blank %}{% abort_message() %}{% endif %}${base}{{\${user_id}}}`) },
    { name: 'guard via unless', code: patch(`{% unless \${user_id} != blank %}{% abort_message("no id") %}{% endunless %}${base}{{\${user_id}}}`) },
    { name: 'guard on an assigned variable', code: patch(`{% assign lead_id = \${user_id} | strip %}{% if lead_id == blank %}{% abort_message('no id') %}{% endif %}${base}{{lead_id}}`) },
    { name: 'guard in the body field aborts the whole webhook too', code: patch(`${base}{{\${user_id}}}`, { body: { Lead_Stage__c: `${guard}MQL` } }) },
    { name: 'a literal Id cannot be blank', code: patch(`${base}00QKY000001LyJR2A0`) },
    { name: 'a literal prefix keeps the segment non-empty', code: patch(`${base}00Q{{custom_attribute.\${lead_suffix}}}`) },
    { name: 'a quoted literal output cannot be blank', code: patch(`${base}{{'00QKY000001LyJR2A0'}}`) },
    { name: 'POST create is not an update', code: template({ url: `${base}{{\${user_id}}}` }) },
    { name: 'PATCH to the collection is sf-update-without-id', code: patch(base) },
    { name: 'not a Salesforce URL', code: patch('https://hooks.example.com/leads/{{${user_id}}}') },
  ],
  invalid: [
    {
      name: "the recipe's update URL",
      code: patch(`${base}{{\${user_id}}}`),
      errors: [{ messageId: 'blankId', data: { expression: '{{${user_id}}}', sobject: 'Lead' }, highlight: '{{${user_id}}}', severity: 'warning' }],
      suggestions: ['Abort the send when ${user_id} is blank'],
    },
    {
      name: 'a guard about something else does not count',
      code: patch(`{% if \${email_address} == blank %}{% abort_message('no email') %}{% endif %}${base}{{\${user_id}}}`),
      errors: [{ messageId: 'blankId', data: { expression: '{{${user_id}}}', sobject: 'Lead' }, highlight: '{{${user_id}}}' }],
    },
    {
      name: 'a condition on a longer name does not mention the subject',
      code: patch(`{% assign id = \${user_id} %}{% if valid_id %}{% abort_message('x') %}{% endif %}${base}{{id}}`),
      errors: [{ messageId: 'blankId', data: { expression: '{{id}}', sobject: 'Lead' }, highlight: '{{id}}' }],
      suggestions: ['Abort the send when id is blank'],
    },
    {
      name: 'an if without abort_message does not count',
      code: patch(`{% if \${user_id} == blank %}{% assign x = 1 %}{% endif %}${base}{{\${user_id}}}`),
      errors: [{ messageId: 'blankId', data: { expression: '{{${user_id}}}', sobject: 'Lead' }, highlight: '{{${user_id}}}' }],
    },
    {
      name: 'a default is the wrong cure: still warned',
      code: patch(`${base}{{\${user_id} | default: '00QKY000001LyJR2A0'}}`),
      errors: [{ messageId: 'defaulted', data: { expression: "{{${user_id} | default: '00QKY000001LyJR2A0'}}", sobject: 'Lead' }, highlight: "{{${user_id} | default: '00QKY000001LyJR2A0'}}" }],
      suggestions: ['Abort the send when ${user_id} is blank'],
    },
    {
      name: 'an empty default is still blank',
      code: patch(`${base}{{custom_attribute.\${sf_lead_id} | default: ''}}`),
      errors: [{ messageId: 'blankId', data: { expression: "{{custom_attribute.${sf_lead_id} | default: ''}}", sobject: 'Lead' }, highlight: "{{custom_attribute.${sf_lead_id} | default: ''}}" }],
      suggestions: ['Abort the send when custom_attribute.${sf_lead_id} is blank'],
    },
    {
      name: 'upsert value from Liquid',
      code: patch(`${base}Email__c/{{\${email_address} | url_param_escape}}`),
      errors: [{ messageId: 'blankValue', data: { expression: '{{${email_address} | url_param_escape}}', sobject: 'Lead', field: 'Email__c' }, highlight: '{{${email_address} | url_param_escape}}' }],
      suggestions: ['Abort the send when ${email_address} is blank'],
    },
    {
      name: 'POST ?_HttpMethod=PATCH is an update too',
      code: template({ url: `${base}{{\${user_id}}}?_HttpMethod=PATCH`, body: { Lead_Stage__c: 'MQL' } }),
      errors: [{ messageId: 'blankId', data: { expression: '{{${user_id}}}', sobject: 'Lead' }, highlight: '{{${user_id}}}' }],
    },
    {
      name: 'a tag in the segment: still warned',
      code: patch(`${base}{% if \${user_id} %}{{\${user_id}}}{% endif %}`),
      errors: [{ messageId: 'blankId', data: { expression: '{% if ${user_id} %}{{${user_id}}}{% endif %}', sobject: 'Lead' }, highlight: '{% if ${user_id} %}{{${user_id}}}{% endif %}' }],
      suggestions: ['Abort the send when ${user_id} is blank'],
    },
    {
      name: 'highlight maps through JSON escapes',
      code: patch(`${base}{{custom_attribute.\${sf id} | default: ""}}`),
      errors: [{ messageId: 'blankId', data: { expression: '{{custom_attribute.${sf id} | default: ""}}', sobject: 'Lead' }, highlight: raw('{{custom_attribute.${sf id} | default: ""}}') }],
    },
  ],
});
