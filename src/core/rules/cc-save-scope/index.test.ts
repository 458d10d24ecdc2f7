import { GOOD_AUTH, runRuleTests, template } from '../../../../test/helpers/rule-tester';
import { CcSaveScope } from '.';

runRuleTests(CcSaveScope, {
  valid: [
    template(),
    { name: 'same name saved again in the field that reads it', code: template({ body: { Owner: `{% connected_content https://acme.my.salesforce.com/services/oauth2/token :method post :cache_max_age 900 :save result %}{{result.id}}` } }) },
    { name: 'a local assign with the same name', code: template({ body: { Note: "{% assign result = 'x' %}{{result}}" } }) },
    { name: 'the word inside quotes', code: template({ body: { Note: "{{ 'result.access_token' }}" } }) },
    { name: 'a namespace key that matches the name', code: template({ body: { Note: '{{custom_attribute.${result}}}' } }) },
  ],
  invalid: [
    {
      name: 'token read in the body',
      code: template({ body: { LastName: '{{${last_name}}}', Token: '{{result.access_token}}' } }),
      errors: [{ messageId: 'otherField', data: { name: 'result', use: 'result.access_token', savedIn: 'header "Authorization"' }, highlight: 'result.access_token' }],
    },
    {
      name: 'read in the URL and in a condition of another header',
      code: template({
        url: 'https://acme.my.salesforce.com/services/data/v60.0/sobjects/Lead/{{result.id}}',
        request_headers: { Authorization: GOOD_AUTH, 'X-Org': '{% if result %}{{ result.instance_url | default: "x" }}{% endif %}' },
      }),
      errors: [
        { messageId: 'otherField', data: { name: 'result', use: 'result.id', savedIn: 'header "Authorization"' }, highlight: 'result.id' },
        { messageId: 'otherField', data: { name: 'result', use: 'result', savedIn: 'header "Authorization"' }, highlight: 'result' },
        { messageId: 'otherField', data: { name: 'result', use: 'result.instance_url', savedIn: 'header "Authorization"' }, highlight: 'result.instance_url' },
      ],
    },
    {
      name: 'default `connected` variable read elsewhere',
      code: template({
        request_headers: { Authorization: '{% connected_content https://api.example.com/t :method post :cache_max_age 900 %}Bearer {{connected.access_token}}' },
        body: { Note: '{{connected.access_token}}' },
      }),
      errors: [{ messageId: 'otherField', data: { name: 'connected', use: 'connected.access_token', savedIn: 'header "Authorization"' }, highlight: 'connected.access_token' }],
    },
  ],
});
