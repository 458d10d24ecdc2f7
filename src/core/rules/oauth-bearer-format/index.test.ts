import { GOOD_AUTH, raw, runRuleTests, template } from '../../../../test/helpers/rule-tester';
import { OauthBearerFormat } from '.';

const TAG = GOOD_AUTH.slice(0, GOOD_AUTH.indexOf('%}') + 2);
const GUARD = "{% if result.access_token == blank %}{% abort_message('token failed') %}{% endif %}";
const header = (name: string, value: string) => template({ request_headers: { [name]: value, 'Content-Type': 'application/json' } });
const auth = (rest: string) => header('Authorization', `${TAG}${GUARD}${rest}`);

runRuleTests(OauthBearerFormat, {
  valid: [
    template(),
    { name: 'translated header name, as in the seed', code: header('Autorización', `${TAG}Bearer {{result.access_token}}`) },
    { name: 'OAuth scheme (Salesforce accepts it)', code: auth('OAuth {{result.access_token}}') },
    { name: 'guard with else around the header value', code: header('Authorization', `${TAG}{% if result.access_token != blank %}Bearer {{ result.access_token }}{% else %}{% abort_message('no token') %}{% endif %}`) },
    { name: 'two spaces are allowed (RFC 6750: 1*SP)', code: auth('Bearer  {{result.access_token}}') },
    { name: 'the prefix comes from another output: not judged', code: auth("{{ 'Bearer ' }}{{result.access_token}}") },
    { name: 'the prefix comes from a prepend filter: not judged', code: auth("{{ result.access_token | prepend: 'Bearer ' }}") },
    { name: 'token passed to a second call, Braze\'s documented two-step pattern', code: template({ body: { Note: `${TAG}{% connected_content https://api.example.com/x :headers {"Authorization": "Bearer {{result.access_token}}"} :save r %}{{r.note}}` } }) },
    { name: 'not a header: the body is not checked', code: template({ body: { Token: `${TAG}{{result.access_token}}` } }) },
    { name: 'default variable `connected`', code: header('Authorization', '{% connected_content https://acme.my.salesforce.com/services/oauth2/token :method post :cache_max_age 900 %}Bearer {{connected.access_token}}') },
  ],
  invalid: [
    {
      name: 'bare token',
      code: auth('{{result.access_token}}'),
      errors: [{ messageId: 'missingBearer', highlight: '{{result.access_token}}' }],
      output: auth('Bearer {{result.access_token}}'),
    },
    {
      name: 'bare token with the tag on its own line',
      code: header('Authorization', `${TAG}\n{{ result.access_token }}`),
      errors: [{ messageId: 'missingBearer', highlight: '{{ result.access_token }}' }],
      output: header('Authorization', `${TAG}\nBearer {{ result.access_token }}`),
    },
    {
      name: 'no space after Bearer',
      code: auth('Bearer{{result.access_token}}'),
      errors: [{ messageId: 'noSpace', data: { scheme: 'Bearer' }, highlight: '{{result.access_token}}' }],
      output: auth('Bearer {{result.access_token}}'),
    },
    {
      name: 'lower-case bearer is a note',
      code: auth('bearer {{result.access_token}}'),
      errors: [{ messageId: 'schemeCase', data: { expected: 'Bearer' }, highlight: 'bearer', severity: 'info' }],
      output: auth('Bearer {{result.access_token}}'),
    },
    {
      name: 'another scheme',
      code: auth('Token {{result.access_token}}'),
      errors: [{ messageId: 'wrongScheme', data: { scheme: 'Token' }, highlight: '{{result.access_token}}' }],
    },
    {
      name: 'the id instead of the token',
      code: auth('Bearer {{result.id}}'),
      errors: [{ messageId: 'notAccessToken', data: { use: 'result.id', variable: 'result' }, highlight: 'result.id' }],
      suggestions: ['Use `result.access_token`'],
    },
    {
      name: 'the whole response, as Braze\'s generic example writes it',
      code: header('Authorization', `${TAG}{{result}}`),
      errors: [{ messageId: 'notAccessToken', data: { use: 'result', variable: 'result' }, highlight: 'result' }],
      suggestions: ['Use `result.access_token`'],
    },
    {
      name: 'escapes before the output keep positions',
      code: header('Authorization', `${TAG}\t"x" {{result.access_token}}`),
      errors: [{ messageId: 'wrongScheme', data: { scheme: '"x"' }, highlight: '{{result.access_token}}' }],
    },
    {
      name: 'bare token in a translated header',
      code: header('Autorización', `${TAG}{{result.access_token}}`),
      errors: [{ messageId: 'missingBearer', highlight: raw('{{result.access_token}}') }],
      output: header('Autorización', `${TAG}Bearer {{result.access_token}}`),
    },
  ],
});
