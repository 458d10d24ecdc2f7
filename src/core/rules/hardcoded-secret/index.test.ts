import { GOOD_AUTH, raw, runRuleTests, template } from '../../../../test/helpers/rule-tester';
import { HardcodedSecret } from '.';

const SECRET_REF = '{{custom_attribute.${sf_secret}}}';
const withSecret = (secret: string) =>
  template({ request_headers: { Authorization: GOOD_AUTH.replace(`client_secret=${SECRET_REF}`, `client_secret=${secret}`), 'Content-Type': 'application/json' } });
const withAuthorization = (value: string) => template({ request_headers: { Authorization: value, 'Content-Type': 'application/json' } });

/** Shaped like a Salesforce session id / access token: org id (00D…, 15 chars), `!`, then the token. */
const SESSION_ID = '00D5g00000Py0i0!AQ4AQFakeTokenValue.for_tests_only_0123456789';
const LEAD_URL = 'https://acme.my.salesforce.com/services/data/v60.0/sobjects/Lead/';
const BODY = { LastName: '{{${last_name}}}', Company: 'Acme' };

runRuleTests(HardcodedSecret, {
  valid: [
    template(),
    { name: "recipe placeholder is the placeholder rule's", code: withSecret('[insert_client_secret]') },
    { name: 'angle-bracket placeholder', code: withSecret('<consumer secret>') },
    { name: "empty secret is oauth-token-body's", code: withSecret('') },
    { name: 'Liquid anywhere in the value', code: withSecret('prefix{{custom_attribute.${s}}}') },
    { name: 'a client_id is not a secret', code: template({ body: { Note: '{% connected_content https://api.example.com/x :method post :body client_id=abc&grant_type=client_credentials :save r %}{{r.n}}' } }) },
    { name: ':basic_auth instead of a body secret', code: template({ request_headers: { Authorization: '{% connected_content https://acme.my.salesforce.com/services/oauth2/token :method post :basic_auth sf_app :body grant_type=client_credentials :cache_max_age 900 :save result %}Bearer {{result.access_token}}' } }) },
    { name: 'a token fetched per send', code: withAuthorization('Bearer {{token.access_token}}') },
    { name: 'the older OAuth scheme with a fetched token', code: withAuthorization('OAuth {{t.access_token}}') },
    { name: 'Bearer <token> is a placeholder', code: withAuthorization('Bearer <token>') },
    { name: 'Bearer YOUR_ACCESS_TOKEN is a placeholder', code: withAuthorization('Bearer YOUR_ACCESS_TOKEN') },
    { name: 'Bearer xxx is a placeholder', code: withAuthorization('Bearer xxxxxxxxxx') },
    { name: 'Bearer [insert_token] is a placeholder', code: withAuthorization('Bearer [insert_token]') },
    { name: 'a bare scheme carries nothing', code: withAuthorization('Bearer') },
    { name: 'an API key header filled by Liquid', code: template({ request_headers: { Authorization: GOOD_AUTH, 'X-Api-Key': '{{custom_attribute.${api_key}}}' } }) },
    { name: 'the word password in a value', code: template({ body: { ...BODY, Description: 'password reset requested' } }) },
    { name: 'a Lead Id is not a session id', code: template({ url: `${LEAD_URL}00QKY000001LyJR2A0`, request_method: 'PATCH' }) },
    { name: "credentials in a URL query are secret-in-url's", code: template({ url: `${LEAD_URL}?access_token=${SESSION_ID}` }) },
    { name: "user:password@ in a URL is secret-in-url's", code: template({ url: 'https://user:hunter2hunter2@acme.my.salesforce.com/services/apexrest/leads' }) },
    { name: 'a password key filled by Liquid', code: template({ body: { ...BODY, password: '{{custom_attribute.${pw}}}' } }) },
  ],
  invalid: [
    {
      name: 'literal client secret, as in the recipe once filled in',
      code: withSecret('EXAMPLE0SECRET0C0FFEE'),
      errors: [{ messageId: 'literalSecret', data: { param: 'client_secret' }, highlight: 'EXAMPLE0SECRET0C0FFEE' }],
    },
    {
      name: 'password grant with a literal password in another call',
      code: template({ body: { Note: '{% connected_content https://api.example.com/token :method post :body grant_type=password&username=u&password=hunter2 :save r %}{{r.n}}' } }),
      errors: [{ messageId: 'literalSecret', data: { param: 'password' }, highlight: 'hunter2' }],
    },
    {
      name: 'a JSON :body with a literal client_secret',
      code: template({ body: { Note: '{% connected_content https://api.example.com/token :method post :content_type application/json :body {"client_id":"a","client_secret":"s3cr3tValue"} :save r %}{{r.n}}' } }),
      errors: [{ messageId: 'literalSecret', data: { param: 'client_secret' }, highlight: raw('s3cr3tValue') }],
    },
    {
      name: "the issue's case: a literal Salesforce session token as the Bearer credential",
      code: withAuthorization(`Bearer ${SESSION_ID}`),
      errors: [{ messageId: 'literalSessionId', data: { where: 'header "Authorization"' }, highlight: SESSION_ID }],
    },
    {
      name: 'any literal Bearer token',
      code: withAuthorization('Bearer eyJhbGciOiJIUzI1NiJ9.payload.signature'),
      errors: [{ messageId: 'literalAuthorization', data: { scheme: 'Bearer', where: 'header "Authorization"' }, highlight: 'eyJhbGciOiJIUzI1NiJ9.payload.signature' }],
    },
    {
      name: 'literal Basic credentials',
      code: withAuthorization('Basic dXNlcjpodW50ZXIy'),
      errors: [{ messageId: 'literalAuthorization', data: { scheme: 'Basic', where: 'header "Authorization"' }, highlight: 'dXNlcjpodW50ZXIy' }],
    },
    {
      name: 'a literal API key header',
      code: template({ request_headers: { Authorization: GOOD_AUTH, 'Content-Type': 'application/json', 'X-Api-Key': 'k_live_51HxYzAbCdEf' } }),
      errors: [{ messageId: 'literalHeader', data: { name: 'X-Api-Key' }, highlight: 'k_live_51HxYzAbCdEf' }],
    },
    {
      name: 'a literal Bearer in connected_content :headers',
      code: template({ body: { ...BODY, Note: `{% connected_content https://acme.my.salesforce.com/services/data/v60.0/limits :headers {"Authorization": "Bearer ${SESSION_ID}"} :save r %}{{r.n}}` } }),
      errors: [{ messageId: 'literalSessionId', data: { where: 'connected_content :headers' }, highlight: SESSION_ID }],
    },
    {
      name: 'a "password" member in the key/value body',
      code: template({ body: { ...BODY, password: 'hunter2hunter2' } }),
      errors: [{ messageId: 'literalBodySecret', data: { param: 'password', where: 'body key "password"' }, highlight: 'hunter2hunter2' }],
    },
    {
      name: 'a password= in a raw form body',
      code: template({ request_headers: { Authorization: GOOD_AUTH, 'Content-Type': 'application/x-www-form-urlencoded' }, body: 'grant_type=password&username=u&password=hunter2hunter2' }),
      errors: [{ messageId: 'literalBodySecret', data: { param: 'password', where: 'the raw body' }, highlight: 'hunter2hunter2' }],
    },
    {
      name: 'a "client_secret" member in a raw JSON body',
      code: template({ body: '{"client_id": "a", "client_secret": "s3cr3tValue", "LastName": "{{${last_name}}}"}' }),
      errors: [{ messageId: 'literalBodySecret', data: { param: 'client_secret', where: 'the raw body' }, highlight: 's3cr3tValue' }],
    },
    {
      name: 'a session id pasted into a body value',
      code: template({ body: { ...BODY, Description: `token ${SESSION_ID}` } }),
      errors: [{ messageId: 'literalSessionId', data: { where: 'body key "Description"' }, highlight: SESSION_ID }],
    },
    {
      name: 'a session id in a URL path',
      code: template({ url: `https://acme.my.salesforce.com/services/apexrest/sessions/${SESSION_ID}` }),
      errors: [{ messageId: 'literalSessionId', data: { where: 'the webhook URL' }, highlight: SESSION_ID }],
    },
  ],
});
