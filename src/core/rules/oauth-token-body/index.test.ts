import { GOOD_AUTH, raw, runRuleTests, template } from '../../../../test/helpers/rule-tester';
import { OauthTokenBody } from '.';

const TOKEN = 'https://acme.my.salesforce.com/services/oauth2/token';
const SECRET = '{{custom_attribute.${sf_secret}}}';
const withAuth = (authorization: string, contentType = 'application/json') =>
  template({ request_headers: { Authorization: authorization, 'Content-Type': contentType } });
const call = (options: string) => `{% connected_content ${TOKEN} :method post ${options} :cache_max_age 900 :save result %}Bearer {{result.access_token}}`;
const body = (text: string) => withAuth(call(`:body ${text}`));

runRuleTests(OauthTokenBody, {
  valid: [
    template(),
    { name: 'the webhook\'s own JSON Content-Type is unrelated', code: withAuth(GOOD_AUTH, 'application/json; charset=utf-8') },
    { name: 'order does not matter', code: body(`grant_type=client_credentials&client_secret=${SECRET}&client_id=abc`) },
    { name: 'credentials from :basic_auth', code: withAuth(call(':basic_auth sf_app :body grant_type=client_credentials')) },
    { name: 'credentials from :auth_credentials', code: withAuth(call(':auth_credentials sf_token :body grant_type=client_credentials')) },
    { name: 'credentials in the call\'s Authorization header', code: withAuth(call(':headers {"Authorization": "Basic {{custom_attribute.${basic}}}"} :body grant_type=client_credentials')) },
    { name: 'captured body cannot be read', code: withAuth(`{% capture b %}grant_type=client_credentials{% endcapture %}${call(':body {{b}}')}`) },
    { name: 'form content type is fine', code: withAuth(call(`:content_type application/x-www-form-urlencoded :body client_id=abc&client_secret=${SECRET}&grant_type=client_credentials`)) },
    { name: 'encoded + and / stay', code: body('client_id=3MVG9%2Bx%2Fy&client_secret=AB%2BCD%2F&grant_type=client_credentials') },
    { name: '+ inside Liquid is not literal', code: body("client_id=abc&client_secret={{ 'a' | append: custom_attribute.${s} }}&grant_type=client_credentials") },
    { name: 'spaces inside Liquid render away', code: body('client_id=abc&client_secret={{ custom_attribute.${sf_secret} | url_param_escape }}&grant_type=client_credentials') },
    { name: 'a JSON body to a non-token URL', code: template({ body: { Note: '{% connected_content https://api.example.com/x :method post :content_type application/json :body {"a":1} :save r %}{{r.n}}' } }) },
    { name: 'Liquid pairs may hold the credentials', code: body('{{custom_attribute.${creds}}}&grant_type=client_credentials') },
  ],
  invalid: [
    {
      name: 'no :body',
      code: withAuth(call('')),
      errors: [{ messageId: 'missingBody', highlight: TOKEN }],
    },
    {
      name: 'no grant_type: append it',
      code: body(`client_id=abc&client_secret=${SECRET}`),
      errors: [{ messageId: 'missingGrantType', highlight: `client_id=abc&client_secret=${SECRET}` }],
      output: body(`client_id=abc&client_secret=${SECRET}&grant_type=client_credentials`),
    },
    {
      name: 'misspelt grant',
      code: body(`client_id=abc&client_secret=${SECRET}&grant_type=client_credential`),
      errors: [{ messageId: 'wrongGrantType', data: { value: 'client_credential' }, highlight: 'client_credential' }],
    },
    {
      name: 'password grant',
      code: body('grant_type=password&client_id=abc&client_secret=x&username=u&password=p'),
      errors: [{ messageId: 'passwordGrant', highlight: 'password', severity: 'warning' }],
    },
    {
      name: 'no client_id, empty client_secret',
      code: body('grant_type=client_credentials&client_secret='),
      errors: [
        { messageId: 'missingClientId', highlight: 'grant_type=client_credentials&client_secret=' },
        { messageId: 'missingClientSecret', highlight: 'client_secret=' },
      ],
    },
    {
      name: 'spaces in the inline body',
      code: body(`client_id=abc & client_secret=${SECRET}&grant_type=client credentials`),
      errors: [
        { messageId: 'bodySpace', highlight: ' ' },
        { messageId: 'bodySpace', highlight: ' ' },
        { messageId: 'wrongGrantType', data: { value: 'client credentials' }, highlight: 'client credentials' },
        { messageId: 'bodySpace', highlight: ' ' },
      ],
      suggestions: [],
    },
    {
      name: 'a space inside a value can be encoded',
      code: body('client_id=abc&client_secret=my secret&grant_type=client_credentials'),
      errors: [{ messageId: 'bodySpace', highlight: ' ' }],
      suggestions: ['Encode the space as %20'],
    },
    {
      name: 'raw + and / in the credentials',
      code: body('client_id=3MVG9+abc/d&client_secret=S3cr+t/{{custom_attribute.${x}}}&grant_type=client_credentials'),
      errors: [
        { messageId: 'unencoded', data: { param: 'client_id' }, highlight: '3MVG9+abc/d' },
        { messageId: 'unencoded', data: { param: 'client_secret' }, highlight: 'S3cr+t/{{custom_attribute.${x}}}' },
      ],
      output: body('client_id=3MVG9%2Babc%2Fd&client_secret=S3cr%2Bt%2F{{custom_attribute.${x}}}&grant_type=client_credentials'),
    },
    {
      name: ':content_type application/json',
      code: withAuth(call(`:body client_id=abc&client_secret=${SECRET}&grant_type=client_credentials :content_type application/json`)),
      errors: [{ messageId: 'jsonContentType', data: { value: 'application/json' }, highlight: ':content_type application/json' }],
      suggestions: ['Remove `:content_type`'],
    },
    {
      name: 'JSON Content-Type in the call\'s own :headers',
      code: withAuth(call(`:headers {"Accept": "application/json", "content-type": "application/json"} :body client_id=abc&client_secret=${SECRET}&grant_type=client_credentials`)),
      errors: [{ messageId: 'jsonHeader', highlight: raw('"content-type": "application/json"') }],
    },
    {
      name: 'inline JSON body',
      code: withAuth(call('\n:body {"grant_type":"client_credentials"}\n')),
      errors: [{ messageId: 'jsonBody', highlight: raw('{"grant_type":"client_credentials"}') }],
    },
  ],
});
