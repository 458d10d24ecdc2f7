import { GOOD_AUTH, runRuleTests, template } from '../../../../test/helpers/rule-tester';
import { HardcodedSecret } from '.';

const SECRET_REF = '{{custom_attribute.${sf_secret}}}';
const withSecret = (secret: string) =>
  template({ request_headers: { Authorization: GOOD_AUTH.replace(`client_secret=${SECRET_REF}`, `client_secret=${secret}`), 'Content-Type': 'application/json' } });

runRuleTests(HardcodedSecret, {
  valid: [
    template(),
    { name: 'recipe placeholder is the placeholder rule\'s', code: withSecret('[insert_client_secret]') },
    { name: 'angle-bracket placeholder', code: withSecret('<consumer secret>') },
    { name: 'empty secret is oauth-token-body\'s', code: withSecret('') },
    { name: 'Liquid anywhere in the value', code: withSecret('prefix{{custom_attribute.${s}}}') },
    { name: 'a client_id is not a secret', code: template({ body: { Note: '{% connected_content https://api.example.com/x :method post :body client_id=abc&grant_type=client_credentials :save r %}{{r.n}}' } }) },
    { name: ':basic_auth instead of a body secret', code: template({ request_headers: { Authorization: '{% connected_content https://acme.my.salesforce.com/services/oauth2/token :method post :basic_auth sf_app :body grant_type=client_credentials :cache_max_age 900 :save result %}Bearer {{result.access_token}}' } }) },
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
  ],
});
