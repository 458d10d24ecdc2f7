import { DEFAULT_PROFILE, GOOD_AUTH, raw, runRuleTests, template } from '../../../../test/helpers/rule-tester';
import { RenderInvalidUrl } from '.';

/** GOOD_AUTH with a literal secret: the token call succeeds for profiles without `sf_secret`. */
const AUTH = GOOD_AUTH.replace('{{custom_attribute.${sf_secret}}}', 'EXAMPLE0SECRET');
const tpl = (parts: Parameters<typeof template>[0] = {}) => template({ request_headers: { Authorization: AUTH, 'Content-Type': 'application/json' }, ...parts });
const PATH = '/services/data/v60.0/sobjects/Lead/';
/** The URL field as it appears in the file: its JSON string token, quotes included. */
const urlToken = (url: string) => `"${raw(url)}"`;

const placeholderTag =
  '{% connected_content https://[insert_instance_name].my.salesforce.com/services/oauth2/token :method post :body client_id=abc&client_secret=TOPSECRET42&grant_type=client_credentials :save result %}';
const instanceUrl = `https://{{custom_attribute.\${instance}}}.my.salesforce.com${PATH}`;
/** The snippets' token call with its tab-stop default host left in (issue 11). */
const snippetDefaultTag =
  '{% connected_content https://MyDomainName.my.salesforce.com/services/oauth2/token :method post :body grant_type=client_credentials :basic_auth salesforce_connected_app :cache_max_age 900 :save token %}';
const searchUrl = `https://acme.my.salesforce.com${PATH}?q={{\${first_name}}}`;

runRuleTests(RenderInvalidUrl, {
  valid: [
    { name: 'the default URL', code: tpl() },
    { name: 'an explicit port 443', code: tpl({ url: `https://acme.my.salesforce.com:443${PATH}` }) },
    { name: 'a My Domain really named mydomain', code: tpl({ url: `https://mydomain.my.salesforce.com${PATH}` }) },
    { name: 'http is a valid URL for Braze', code: tpl({ url: `http://hooks.example.com${PATH}` }) },
    { name: 'a personalised host with a value', code: tpl({ url: instanceUrl }), profiles: [{ ...DEFAULT_PROFILE, custom_attributes: { company: 'Acme', instance: 'acme' } }] },
    { name: 'url_param_escape keeps spaces out', code: tpl({ url: `https://acme.my.salesforce.com${PATH}?q={{\${first_name} | url_param_escape}}` }), profiles: [{ ...DEFAULT_PROFILE, first_name: 'Ana María' }] },
    {
      name: 'aborted in the URL before it renders',
      code: tpl({ url: `{% abort_message('skip') %}https://[insert_instance_name].my.salesforce.com${PATH}` }),
    },
  ],
  invalid: [
    {
      name: 'an attribute missing from the host',
      code: tpl({ url: instanceUrl }),
      errors: [{ messageId: 'webhookUrl', data: { url: `https://.my.salesforce.com${PATH}` }, highlight: urlToken(instanceUrl) }],
    },
    {
      name: 'the recipe placeholder',
      code: tpl({ url: `https://[insert_instance_name].my.salesforce.com${PATH}` }),
      errors: [{ messageId: 'webhookUrl', data: { url: `https://[insert_instance_name].my.salesforce.com${PATH}` }, highlight: urlToken(`https://[insert_instance_name].my.salesforce.com${PATH}`) }],
    },
    {
      name: 'the whole URL from an empty attribute',
      code: tpl({ url: '{{custom_attribute.${endpoint}}}' }),
      errors: [{ messageId: 'emptyUrl', highlight: urlToken('{{custom_attribute.${endpoint}}}') }],
    },
    {
      name: 'a space from a profile value',
      code: tpl({ url: searchUrl }),
      profiles: [DEFAULT_PROFILE, { ...DEFAULT_PROFILE, external_id: 'spaced', first_name: 'Ana María' }],
      errors: [{ messageId: 'whitespace', data: { url: `https://acme.my.salesforce.com${PATH}?q=Ana María` }, highlight: urlToken(searchUrl), profile: 'spaced' }],
    },
    {
      name: 'a port Braze does not send to',
      code: tpl({ url: `https://acme.my.salesforce.com:8443${PATH}` }),
      errors: [{ messageId: 'port', data: { port: '8443' }, highlight: urlToken(`https://acme.my.salesforce.com:8443${PATH}`) }],
    },
    {
      name: 'connected_content URL with a placeholder (the message fails before the token guard can abort)',
      code: tpl({ request_headers: { Authorization: `${placeholderTag}{% if result.access_token == blank %}{% abort_message('token failed') %}{% endif %}Bearer {{result.access_token}}` } }),
      errors: [{ messageId: 'connectedContent', data: { url: 'https://[insert_instance_name].my.salesforce.com/services/oauth2/token' }, highlight: placeholderTag }],
    },
    {
      name: "the snippet's MyDomainName host: no token comes back, Braze gets a connection error (issue 11)",
      code: tpl({ request_headers: { Authorization: `${snippetDefaultTag}Bearer {{token.access_token}}`, 'Content-Type': 'application/json' } }),
      errors: [{ messageId: 'connectedContentUnresolvable', data: { host: 'MyDomainName.my.salesforce.com', save: 'token' }, highlight: snippetDefaultTag }],
    },
    {
      name: 'a webhook URL whose host is a placeholder',
      code: tpl({ url: `https://MyDomainName.my.salesforce.com${PATH}` }),
      errors: [{ messageId: 'webhookUnresolvable', data: { host: 'MyDomainName.my.salesforce.com' }, highlight: urlToken(`https://MyDomainName.my.salesforce.com${PATH}`) }],
    },
    {
      name: 'a webhook host that renders as a placeholder from a profile value',
      code: tpl({ url: instanceUrl }),
      profiles: [{ ...DEFAULT_PROFILE, custom_attributes: { company: 'Acme', instance: 'yourInstance' } }],
      errors: [{ messageId: 'webhookUnresolvable', data: { host: 'yourInstance.my.salesforce.com' }, highlight: urlToken(instanceUrl) }],
    },
    {
      name: 'connected_content URL from an attribute, default variable name',
      code: tpl({ body: { LastName: 'Lee', Company: '{% connected_content {{custom_attribute.${api}}}/company %}{{connected.name}}' } }),
      errors: [{ messageId: 'connectedContent', data: { url: '/company' }, highlight: '{% connected_content {{custom_attribute.${api}}}/company %}' }],
    },
    {
      name: 'a secret in a connected_content URL is redacted',
      code: tpl({ body: { LastName: 'Lee', Company: '{% connected_content https://[api]/lookup?client_secret=TOPSECRET42 :save c %}{{c.name}}' } }),
      errors: [{ messageId: 'connectedContent', data: { url: 'https://[api]/lookup?client_secret=<redacted>' }, highlight: '{% connected_content https://[api]/lookup?client_secret=TOPSECRET42 :save c %}' }],
    },
  ],
});
