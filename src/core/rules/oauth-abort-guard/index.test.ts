import { GOOD_AUTH, runRuleTests, template } from '../../../../test/helpers/rule-tester';
import { OauthAbortGuard } from '.';

const TOKEN = 'https://acme.my.salesforce.com/services/oauth2/token';
const TAG = GOOD_AUTH.slice(0, GOOD_AUTH.indexOf('%}') + 2);
const BEARER = 'Bearer {{result.access_token}}';
const FIX = "{% if result.access_token == blank %}{% abort_message('Salesforce token request failed') %}{% endif %}";
const auth = (rest: string) => template({ request_headers: { Authorization: `${TAG}${rest}`, 'Content-Type': 'application/json' } });

runRuleTests(OauthAbortGuard, {
  valid: [
    template(),
    { name: '== nil', code: auth(`{% if result.access_token == nil %}{% abort_message("no token") %}{% endif %}${BEARER}`) },
    { name: '== empty, blank written first', code: auth(`{% if empty == result.access_token %}{% abort_message() %}{% endif %}${BEARER}`) },
    { name: '!= blank with the abort in else', code: auth(`{% if result.access_token != blank %}${BEARER}{% else %}{% abort_message('no token') %}{% endif %}`) },
    { name: 'truthiness with else', code: auth(`{% if result.access_token %}${BEARER}{% else %}{% abort_message('no token') %}{% endif %}`) },
    { name: 'unless the token', code: auth(`{% unless result.access_token %}{% abort_message('no token') %}{% endunless %}${BEARER}`) },
    { name: 'status code != 200', code: auth(`{% if result.__http_status_code__ != 200 %}{% abort_message('token call failed') %}{% endif %}${BEARER}`) },
    { name: 'compound condition is accepted', code: auth(`{% if result.access_token == blank or result.error %}{% abort_message('x') %}{% endif %}${BEARER}`) },
    { name: 'abort nested deeper in the failure branch', code: auth(`{% if result.access_token == blank %}{% if result.error %}{% abort_message('x') %}{% else %}{% abort_message('y') %}{% endif %}{% endif %}${BEARER}`) },
    { name: 'guard on a name assigned from the token', code: auth(`{% assign tok = result.access_token %}{% if tok == blank %}{% abort_message('x') %}{% endif %}Bearer {{tok}}`) },
    { name: 'bracket access', code: auth(`{% if result['access_token'] == blank %}{% abort_message('x') %}{% endif %}${BEARER}`) },
    { name: 'not a token call', code: template({ body: { Note: '{% connected_content https://api.example.com/x :save r %}{{r.n}}' } }) },
  ],
  invalid: [
    {
      name: 'the recipe: no guard',
      code: auth(BEARER),
      errors: [{ messageId: 'noGuard', data: { variable: 'result' }, highlight: TOKEN }],
      output: auth(`${FIX}${BEARER}`),
    },
    {
      name: 'a guard on another variable does not count',
      code: auth(`{% if other.access_token == blank %}{% abort_message('x') %}{% endif %}${BEARER}`),
      errors: [{ messageId: 'noGuard', data: { variable: 'result' }, highlight: TOKEN }],
      output: auth(`${FIX}{% if other.access_token == blank %}{% abort_message('x') %}{% endif %}${BEARER}`),
    },
    {
      name: 'a condition without an abort does not count',
      code: auth(`{% if result.access_token == blank %}{% endif %}${BEARER}`),
      errors: [{ messageId: 'noGuard', data: { variable: 'result' }, highlight: TOKEN }],
      output: auth(`${FIX}{% if result.access_token == blank %}{% endif %}${BEARER}`),
    },
    {
      name: 'an abort after the if block does not count as its branch',
      code: auth(`{% if result.access_token == blank %}x{% endif %}{% if \${first_name} == blank %}{% abort_message('no name') %}{% endif %}${BEARER}`),
      errors: [{ messageId: 'noGuard', data: { variable: 'result' }, highlight: TOKEN }],
      output: auth(`${FIX}{% if result.access_token == blank %}x{% endif %}{% if \${first_name} == blank %}{% abort_message('no name') %}{% endif %}${BEARER}`),
    },
    {
      name: 'default variable `connected`',
      code: template({ request_headers: { Authorization: `{% connected_content ${TOKEN} :method post :cache_max_age 900 %}Bearer {{connected.access_token}}` } }),
      errors: [{ messageId: 'noGuard', data: { variable: 'connected' }, highlight: TOKEN }],
      output: template({
        request_headers: {
          Authorization: `{% connected_content ${TOKEN} :method post :cache_max_age 900 %}{% if connected.access_token == blank %}{% abort_message('Salesforce token request failed') %}{% endif %}Bearer {{connected.access_token}}`,
        },
      }),
    },
    {
      name: 'a name assigned from something else does not count',
      code: auth(`{% assign tok = result.id %}{% if tok == blank %}{% abort_message('x') %}{% endif %}${BEARER}`),
      errors: [{ messageId: 'noGuard', data: { variable: 'result' }, highlight: TOKEN }],
      output: auth(`${FIX}{% assign tok = result.id %}{% if tok == blank %}{% abort_message('x') %}{% endif %}${BEARER}`),
    },
    {
      name: 'abort on success',
      code: auth(`{% if result.access_token != blank %}{% abort_message('x') %}{% endif %}${BEARER}`),
      errors: [{ messageId: 'inverted', data: { variable: 'result' }, highlight: '{% if result.access_token != blank %}' }],
    },
    {
      name: 'unless with the abort on success',
      code: auth(`{% unless result.access_token == blank %}{% abort_message('x') %}{% endunless %}${BEARER}`),
      errors: [{ messageId: 'inverted', data: { variable: 'result' }, highlight: '{% unless result.access_token == blank %}' }],
    },
  ],
});
