import { DEFAULT_PROFILE, GOOD_AUTH, runRuleTests, template } from '../../../../test/helpers/rule-tester';
import { RenderAborted } from '.';

/** GOOD_AUTH with a literal secret: the token call succeeds for profiles without `sf_secret`. */
const AUTH = GOOD_AUTH.replace('{{custom_attribute.${sf_secret}}}', 'EXAMPLE0SECRET');
const tpl = (parts: Parameters<typeof template>[0] = {}) => template({ request_headers: { Authorization: AUTH, 'Content-Type': 'application/json' }, ...parts });
const LEAD = 'https://acme.my.salesforce.com/services/data/v60.0/sobjects/Lead/';
const guardedUrl = `{% if \${user_id} == blank %}{% abort_message('No Lead Id') %}{% endif %}${LEAD}{{\${user_id}}}`;
const retryAuth =
  '{% connected_content https://acme.my.salesforce.com/services/oauth2/token :method post :body client_id=abc&client_secret=EXAMPLE0SECRET&grant_type=client_credentials :retry :save result %}Bearer {{result.access_token}}';

runRuleTests(RenderAborted, {
  valid: [
    { name: 'the token guard does not fire when the token arrives', code: tpl() },
    { name: 'a guard whose condition is false', code: tpl({ url: guardedUrl, request_method: 'PATCH' }) },
    { name: ':retry with a working endpoint', code: tpl({ request_headers: { Authorization: retryAuth } }) },
  ],
  invalid: [
    {
      name: 'the token guard aborts when the token request fails',
      code: tpl(),
      scenario: 'invalid-client',
      errors: [{ messageId: 'aborted', data: { reason: 'token failed' }, highlight: "{% abort_message('token failed') %}" }],
    },
    {
      name: 'a guard for users without a Lead Id',
      code: tpl({ url: guardedUrl, request_method: 'PATCH' }),
      profiles: [DEFAULT_PROFILE, { first_name: 'Zoë', email: 'zoe@example.org' }],
      errors: [{ messageId: 'aborted', data: { reason: 'No Lead Id' }, highlight: "{% abort_message('No Lead Id') %}", profile: 'zoe@example.org' }],
    },
    {
      name: 'abort_message without a reason',
      code: tpl({ body: { LastName: '{% if ${last_name} == blank %}{% abort_message() %}{% endif %}{{${last_name}}}', Company: 'Acme' } }),
      profiles: [{ external_id: 'nameless' }],
      errors: [{ messageId: 'abortedNoReason', data: { reason: '{% abort_message %} called' }, highlight: '{% abort_message() %}' }],
    },
    {
      name: 'connected_content retries exhausted',
      code: tpl({ request_headers: { Authorization: retryAuth } }),
      scenario: 'server-error',
      errors: [
        {
          messageId: 'aborted',
          data: { reason: 'connected_content to https://acme.my.salesforce.com/services/oauth2/token failed after retries (HTTP 503)' },
          highlight: retryAuth.slice(0, retryAuth.indexOf('%}') + 2),
        },
      ],
    },
  ],
});
