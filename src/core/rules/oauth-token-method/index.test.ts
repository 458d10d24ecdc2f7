import { GOOD_AUTH, runRuleTests, template } from '../../../../test/helpers/rule-tester';
import { OauthTokenMethod } from '.';

const TOKEN = 'https://acme.my.salesforce.com/services/oauth2/token';
const withAuth = (authorization: string) => template({ request_headers: { Authorization: authorization, 'Content-Type': 'application/json' } });
const auth = (method: string) => GOOD_AUTH.replace(' :method post', method);

runRuleTests(OauthTokenMethod, {
  valid: [
    template(),
    { name: 'POST in capitals', code: withAuth(auth(' :method POST')) },
    { name: 'method from Liquid', code: withAuth(auth(' :method {{custom_attribute.${m}}}')) },
    { name: 'GET to a non-token URL', code: template({ body: { Note: '{% connected_content https://api.example.com/x :save r %}{{r.n}}' } }) },
    { name: 'empty :method is cc-unknown-option\'s', code: withAuth(`{% connected_content ${TOKEN} :save result :method %}Bearer {{result.access_token}}`) },
  ],
  invalid: [
    {
      name: 'no :method',
      code: withAuth(auth('')),
      errors: [{ messageId: 'missingMethod', highlight: TOKEN }],
      output: withAuth(GOOD_AUTH),
    },
    {
      name: 'no :method, URL with a trailing slash and a multi-line tag',
      code: withAuth(`{% connected_content\n  ${TOKEN}/\n  :save result\n%}Bearer {{result.access_token}}`),
      errors: [{ messageId: 'missingMethod', highlight: `${TOKEN}/` }],
      output: withAuth(`{% connected_content\n  ${TOKEN}/ :method post\n  :save result\n%}Bearer {{result.access_token}}`),
    },
    {
      name: ':method get',
      code: withAuth(auth(' :method get')),
      errors: [{ messageId: 'notPost', data: { method: 'get' }, highlight: 'get' }],
      output: withAuth(GOOD_AUTH),
    },
    {
      name: ':method put in a body value',
      code: template({ body: { Note: `{% connected_content ${TOKEN} :method PUT :save t %}{{t.id}}` } }),
      errors: [{ messageId: 'notPost', data: { method: 'PUT' }, highlight: 'PUT' }],
      output: template({ body: { Note: `{% connected_content ${TOKEN} :method post :save t %}{{t.id}}` } }),
    },
  ],
});
