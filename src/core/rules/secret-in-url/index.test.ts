import { GOOD_AUTH, runRuleTests, template } from '../../../../test/helpers/rule-tester';
import { SecretInUrl } from '.';

const LEAD = 'https://acme.my.salesforce.com/services/data/v60.0/sobjects/Lead/';
const TOKEN = 'https://acme.my.salesforce.com/services/oauth2/token';
const ccIn = (url: string) => template({ body: { Note: `{% connected_content ${url} :save r %}{{r.n}}` } });

runRuleTests(SecretInUrl, {
  valid: [
    template(),
    { name: 'harmless query', code: template({ url: `${LEAD}?_HttpMethod=PATCH` }) },
    { name: 'empty credential value', code: ccIn('https://api.example.com/x?token=') },
    { name: 'a name that only contains "token"', code: ccIn('https://api.example.com/x?tokenizer=simple&page_token_hint=2') },
    { name: 'user name without a password', code: ccIn('https://user@api.example.com/x') },
    { name: 'credential words in the path are not the query', code: ccIn('https://api.example.com/access_token=x/y') },
    { name: 'guard before the webhook URL', code: template({ url: `{% if \${user_id} == blank %}{% abort_message('no id') %}{% endif %}${LEAD}{{\${user_id}}}` }) },
  ],
  invalid: [
    {
      name: 'token request with the secret in the query',
      code: template({ request_headers: { Authorization: GOOD_AUTH.replace(TOKEN, `${TOKEN}?grant_type=client_credentials&client_id=abc&client_secret=s3cr3t`) } }),
      errors: [{ messageId: 'inConnectedContentUrl', data: { param: 'client_secret' }, highlight: 'client_secret=s3cr3t' }],
    },
    {
      name: 'access token from Liquid in a call URL',
      code: template({ body: { Note: `{% connected_content https://api.example.com/x?Access-Token={{result.access_token}}&a=1 :save r %}{{r.n}}` } }),
      errors: [{ messageId: 'inConnectedContentUrl', data: { param: 'Access-Token' }, highlight: 'Access-Token={{result.access_token}}' }],
    },
    {
      name: 'api key and password in the webhook URL',
      code: template({ url: `${LEAD}?api_key=abc&x=1&password={{custom_attribute.\${pw}}}` }),
      errors: [
        { messageId: 'inWebhookUrl', data: { param: 'api_key' }, highlight: 'api_key=abc' },
        { messageId: 'inWebhookUrl', data: { param: 'password' }, highlight: 'password={{custom_attribute.${pw}}}' },
      ],
    },
    {
      name: 'user and password before the host',
      code: ccIn('https://me:pa55@api.example.com/x'),
      errors: [{ messageId: 'userinfo', highlight: 'me:pa55@' }],
    },
  ],
});
