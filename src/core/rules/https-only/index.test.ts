import { GOOD_AUTH, runRuleTests, template } from '../../../../test/helpers/rule-tester';
import { HttpsOnly } from '.';

const LEAD_URL = 'acme.my.salesforce.com/services/data/v60.0/sobjects/Lead/';
const TOKEN_URL = 'https://acme.my.salesforce.com/services/oauth2/token';
const auth = (url: string) => GOOD_AUTH.replace(TOKEN_URL, url);

runRuleTests(HttpsOnly, {
  valid: [
    template(),
    { name: 'explicit port 443', code: template({ url: `https://acme.my.salesforce.com:443/services/data/v60.0/sobjects/Lead/` }) },
    { name: 'upper-case scheme', code: template({ url: `HTTPS://${LEAD_URL}` }) },
    { name: 'http:// inside the query is not the URL scheme', code: template({ url: `https://${LEAD_URL}?next=http://example.com:8080/x` }) },
    { name: 'guard before the URL', code: template({ url: `{% if \${user_id} == blank %}{% abort_message('no id') %}{% endif %}https://${LEAD_URL}{{\${user_id}}}` }) },
    { name: 'URL built from Liquid is skipped', code: template({ request_headers: { Authorization: auth('{{custom_attribute.${token_url}}}') } }) },
    { name: 'http in plain header text is not a URL', code: template({ request_headers: { Authorization: GOOD_AUTH, 'X-Doc': 'http://example.com' } }) },
  ],
  invalid: [
    {
      name: 'http webhook URL',
      code: template({ url: `http://${LEAD_URL}` }),
      errors: [{ messageId: 'httpWebhook', highlight: 'http://' }],
      suggestions: ['Switch to https:// (check that the endpoint serves TLS)'],
    },
    {
      name: 'http token call',
      code: template({ request_headers: { Authorization: auth('http://acme.my.salesforce.com/services/oauth2/token') } }),
      errors: [{ messageId: 'httpConnectedContent', highlight: 'http://' }],
      suggestions: ['Switch to https:// (check that the endpoint serves TLS)'],
    },
    {
      name: 'connected_content on port 8443',
      code: template({ request_headers: { Authorization: auth('https://acme.my.salesforce.com:8443/services/oauth2/token') } }),
      errors: [{ messageId: 'badPort', data: { port: '8443' }, highlight: ':8443' }],
      suggestions: ['Remove the port 8443'],
    },
    {
      name: 'http and a port on the webhook URL',
      code: template({ url: 'http://acme.my.salesforce.com:8080/services/data/v60.0/sobjects/Lead/' }),
      errors: [
        { messageId: 'httpWebhook', highlight: 'http://' },
        { messageId: 'badPort', data: { port: '8080' }, highlight: ':8080' },
      ],
    },
    {
      name: 'http after a leading guard',
      code: template({ url: `{% if \${user_id} == blank %}{% abort_message('no id') %}{% endif %}http://${LEAD_URL}{{\${user_id}}}` }),
      errors: [{ messageId: 'httpWebhook', highlight: 'http://' }],
    },
    {
      name: 'port with userinfo and a second call in a body value',
      code: template({ body: { Note: '{% connected_content https://user@api.example.com:21/x :save r %}{{r.note}}' } }),
      errors: [{ messageId: 'badPort', data: { port: '21' }, highlight: ':21' }],
    },
  ],
});
