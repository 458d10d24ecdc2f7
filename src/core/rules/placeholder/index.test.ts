import { GOOD_AUTH, raw, runRuleTests, template } from '../../../../test/helpers/rule-tester';
import { Placeholder } from '.';

const seedAuth =
  '{% connected_content https://[insert_instance_name].my.salesforce.com/services/oauth2/token     :method post     :body client_id=[insert_client_id]&client_secret=[insert_client_secret]&grant_type=client_credentials     :save result %}Bearer {{result.access_token}}';
/** The sf-oauth-header snippet as it expands with its tab-stop defaults. */
const snippetAuth =
  "{% connected_content https://MyDomainName.my.salesforce.com/services/oauth2/token :method post :body grant_type=client_credentials :basic_auth salesforce_connected_app :cache_max_age 900 :save token %}{% if token.access_token == blank %}{% abort_message('Salesforce token request failed') %}{% endif %}Bearer {{token.access_token}}";
const PATH = '/services/data/v60.0/sobjects/Lead/';
const tokenCall = (body: string) => `{% connected_content https://acme.my.salesforce.com/services/oauth2/token :method post :body ${body} :cache_max_age 900 :save result %}Bearer {{result.access_token}}`;

runRuleTests(Placeholder, {
  valid: [
    template(),
    template({ body: { Description: 'Use [brackets] freely in text' } }),
    { name: 'a My Domain really named mydomain', code: template({ url: `https://mydomain.my.salesforce.com${PATH}` }) },
    { name: 'a sandbox My Domain', code: template({ url: `https://acme--uat.sandbox.my.salesforce.com${PATH}` }) },
    { name: 'a Lead Id in the URL', code: template({ url: `https://acme.my.salesforce.com${PATH}00QKY000001LyJR2A0`, request_method: 'PATCH' }) },
    { name: 'the user id attribute', code: template({ url: `https://acme.my.salesforce.com${PATH}{{\${user_id}}}`, request_method: 'PATCH' }) },
    { name: 'your in prose', code: template({ body: { LastName: '{{${last_name}}}', Company: 'Acme', Description: 'Thanks for your order, see yourself out' } }) },
    { name: 'HTML in a value', code: template({ body: { LastName: '{{${last_name}}}', Company: 'Acme', Description: '<p>Hi</p><br /><b>bold</b>' } }) },
    { name: 'a Liquid variable named your_…', code: template({ body: { LastName: '{% assign your_name = ${last_name} %}{{ your_name }}', Company: 'Acme' } }) },
    { name: 'TODO in a Liquid comment is not sent', code: template({ body: { LastName: '{% comment %}TODO: map the name{% endcomment %}{{${last_name}}}', Company: 'Acme' } }) },
    { name: 'the credential name and abort reason of the snippet are real values', code: template({ request_headers: { Authorization: snippetAuth.replace('MyDomainName', 'acme'), 'Content-Type': 'application/json' } }) },
  ],
  invalid: [
    {
      name: 'the seed header',
      code: template({ request_headers: { Authorization: seedAuth } }),
      errors: [
        { messageId: 'inUrl', data: { placeholder: '[insert_instance_name]', url: 'https://[insert_instance_name].my.salesforce.com/services/oauth2/token' }, highlight: '[insert_instance_name]' },
        { messageId: 'inValue', data: { placeholder: '[insert_client_id]' }, highlight: '[insert_client_id]' },
        { messageId: 'inValue', data: { placeholder: '[insert_client_secret]' }, highlight: '[insert_client_secret]' },
      ],
    },
    {
      name: 'webhook URL',
      code: template({ url: `https://[insert_instance_name].my.salesforce.com${PATH}`, request_headers: { Authorization: GOOD_AUTH } }),
      errors: [{ messageId: 'inUrl', data: { placeholder: '[insert_instance_name]', url: `https://[insert_instance_name].my.salesforce.com${PATH}` }, highlight: '[insert_instance_name]' }],
    },
    {
      name: 'bracketed host without insert_',
      code: template({ url: `https://[my_domain].my.salesforce.com${PATH}` }),
      errors: [{ messageId: 'inUrl', data: { placeholder: '[my_domain]', url: `https://[my_domain].my.salesforce.com${PATH}` }, highlight: '[my_domain]' }],
    },
    {
      name: 'position survives escapes before it',
      code: template({ body: { Description: `say "hi" \\ then ${'[insert_value]'}` } }),
      errors: [{ messageId: 'inValue', data: { placeholder: '[insert_value]' }, highlight: raw('[insert_value]') }],
    },
    {
      name: "the issue's case: the snippet's own MyDomainName default, in the token URL and the webhook URL",
      code: template({ url: `https://MyDomainName.my.salesforce.com${PATH}`, request_headers: { Authorization: snippetAuth, 'Content-Type': 'application/json' } }),
      errors: [
        { messageId: 'inHost', data: { placeholder: 'MyDomainName', host: 'MyDomainName.my.salesforce.com' }, highlight: 'MyDomainName' },
        { messageId: 'inHost', data: { placeholder: 'MyDomainName', host: 'MyDomainName.my.salesforce.com' }, highlight: 'MyDomainName' },
      ],
    },
    {
      name: 'YOUR_CLIENT_ID and <client_secret> in a token body',
      code: template({ request_headers: { Authorization: tokenCall('client_id=YOUR_CLIENT_ID&client_secret=<client_secret>&grant_type=client_credentials') } }),
      errors: [
        { messageId: 'inValue', data: { placeholder: 'YOUR_CLIENT_ID' }, highlight: 'YOUR_CLIENT_ID' },
        { messageId: 'inValue', data: { placeholder: '<client_secret>' }, highlight: '<client_secret>' },
      ],
    },
    {
      name: 'xxx as a secret',
      code: template({ request_headers: { Authorization: tokenCall('client_id=abc&client_secret=xxx&grant_type=client_credentials') } }),
      errors: [{ messageId: 'inValue', data: { placeholder: 'xxx' }, highlight: 'xxx' }],
    },
    {
      name: 'yourInstance and your-domain hosts',
      code: template({ url: `https://yourInstance.salesforce.com${PATH}`, request_headers: { Authorization: GOOD_AUTH.replace('acme.my', 'your-domain.my'), 'Content-Type': 'application/json' } }),
      errors: [
        { messageId: 'inHost', data: { placeholder: 'yourInstance', host: 'yourInstance.salesforce.com' }, highlight: 'yourInstance' },
        { messageId: 'inHost', data: { placeholder: 'your-domain', host: 'your-domain.my.salesforce.com' }, highlight: 'your-domain' },
      ],
    },
    {
      name: 'an example.com host from a tutorial',
      code: template({ body: { LastName: '{{${last_name}}}', Company: '{% connected_content https://api.example.com/company?id={{${user_id}}} :save c %}{{c.name}}' } }),
      errors: [{ messageId: 'exampleHost', data: { host: 'api.example.com' }, highlight: 'api.example.com' }],
    },
    {
      name: 'a reserved .invalid host',
      code: template({ url: 'https://crm.invalid/api/leads' }),
      errors: [{ messageId: 'inHost', data: { placeholder: 'crm.invalid', host: 'crm.invalid' }, highlight: 'crm.invalid' }],
    },
    {
      name: 'CHANGE_ME, TODO and a Lead Id placeholder',
      code: template({ url: `https://acme.my.salesforce.com${PATH}<lead_id>`, request_method: 'PATCH', body: { Lead_Stage__c: 'CHANGE_ME', Description: 'TODO' } }),
      errors: [
        { messageId: 'inValue', data: { placeholder: '<lead_id>' }, highlight: '<lead_id>' },
        { messageId: 'inValue', data: { placeholder: 'CHANGE_ME' }, highlight: 'CHANGE_ME' },
        { messageId: 'inValue', data: { placeholder: 'TODO' }, highlight: 'TODO' },
      ],
    },
    {
      name: "a placeholder in an output's default is sent as written",
      code: template({ body: { LastName: "{{${last_name} | default: 'YOUR_LAST_NAME'}}", Company: 'Acme' } }),
      errors: [{ messageId: 'inValue', data: { placeholder: 'YOUR_LAST_NAME' }, highlight: 'YOUR_LAST_NAME' }],
    },
  ],
});
