import { GOOD_AUTH, runRuleTests, template } from '../../../../test/helpers/rule-tester';
import { RenderError } from '.';

/** GOOD_AUTH with a literal secret: the token call succeeds for profiles without `sf_secret`. */
const AUTH = GOOD_AUTH.replace('{{custom_attribute.${sf_secret}}}', 'EXAMPLE0SECRET');
const TOKEN_TAG =
  '{% connected_content https://acme.my.salesforce.com/services/oauth2/token :method post :body client_id=abc&client_secret=EXAMPLE0SECRET&grant_type=client_credentials :cache_max_age 900 :save result %}';
/** The recipe's header: no abort when the token request fails. */
const UNGUARDED = `${TOKEN_TAG}Bearer {{result.access_token}}`;
const withAuth = (authorization: string, parts: Parameters<typeof template>[0] = {}) =>
  template({ request_headers: { Authorization: authorization, 'Content-Type': 'application/json' }, ...parts });
const unguarded = withAuth(UNGUARDED);

const LEAD_LOOKUP = '{% connected_content https://acme.my.salesforce.com/services/data/v60.0/sobjects/Lead/00QKY000001LyJR2A0 :save lead %}';
const tokenFailure = (answer: string) => ({ messageId: 'tokenRejected', data: { header: 'Authorization', sent: 'Bearer ', answer }, highlight: TOKEN_TAG });

runRuleTests(RenderError, {
  valid: [
    { name: 'the token arrives', code: unguarded },
    { name: 'the guard aborts: render-aborted reports it', code: withAuth(AUTH), scenario: 'invalid-client' },
    { name: 'the guard aborts on a slow token too', code: withAuth(AUTH), scenario: 'slow' },
    { name: 'an expired session does not affect the token call', code: unguarded, scenario: 'expired-session' },
    {
      name: 'a call with no fixture is not judged',
      code: withAuth(AUTH, { body: { LastName: 'Lee', Company: '{% connected_content https://api.example.com/company :save c %}{{c.name | default: "Acme"}}' } }),
    },
    {
      name: "a placeholder host that does not resolve is render-invalid-url's",
      code: withAuth(`${TOKEN_TAG.replace('acme', 'MyDomainName')}Bearer {{result.access_token}}`),
    },
    { name: 'a Salesforce data call that answers', code: withAuth(AUTH, { body: { LastName: 'Lee', Company: `${LEAD_LOOKUP}{{lead.Company}}` } }) },
  ],
  invalid: [
    {
      name: 'wrong consumer secret: invalid_client, then 401',
      code: unguarded,
      scenario: 'invalid-client',
      errors: [tokenFailure('400 invalid_client (invalid client credentials)')],
    },
    {
      name: 'Salesforce is down: 503 with no body',
      code: unguarded,
      scenario: 'server-error',
      errors: [tokenFailure('503')],
    },
    {
      name: 'the token takes longer than 2 s',
      code: unguarded,
      scenario: 'slow',
      errors: [{ messageId: 'tokenDropped', data: { header: 'Authorization', sent: 'Bearer ', delay: 2500 }, highlight: TOKEN_TAG }],
    },
    {
      name: 'the token endpoint answers HTML',
      code: unguarded,
      scenario: 'not-json',
      errors: [{ messageId: 'tokenNotJson', data: { status: 200, save: 'result' }, highlight: TOKEN_TAG }],
    },
    {
      name: 'a header that is only the token renders empty',
      code: withAuth(`${TOKEN_TAG}{{result.access_token}}`),
      scenario: 'invalid-client',
      errors: [{ messageId: 'tokenRejected', data: { header: 'Authorization', sent: '', answer: '400 invalid_client (invalid client credentials)' }, highlight: TOKEN_TAG }],
    },
    {
      name: 'a token call from the login host: invalid_grant',
      code: withAuth(UNGUARDED.replace('acme.my.salesforce.com', 'login.salesforce.com')),
      errors: [
        {
          messageId: 'tokenRejected',
          data: { header: 'Authorization', sent: 'Bearer ', answer: '400 invalid_grant (request not supported on this domain)' },
          highlight: TOKEN_TAG.replace('acme.my.salesforce.com', 'login.salesforce.com'),
        },
      ],
    },
    {
      name: 'a header that still sends something: a warning about the call',
      code: withAuth(`${TOKEN_TAG}Bearer {{result.access_token | default: 'none'}}`),
      scenario: 'invalid-client',
      errors: [
        {
          messageId: 'callRejected',
          data: { url: 'https://acme.my.salesforce.com/services/oauth2/token', answer: '400 invalid_client (invalid client credentials)', save: 'result' },
          highlight: TOKEN_TAG,
          severity: 'warning',
        },
      ],
    },
    {
      name: 'a Salesforce data call with an expired session',
      code: withAuth(AUTH, { body: { LastName: 'Lee', Company: `${LEAD_LOOKUP}{{lead.Company}}` } }),
      scenario: 'expired-session',
      errors: [
        {
          messageId: 'callRejected',
          data: { url: 'https://acme.my.salesforce.com/services/data/v60.0/sobjects/Lead/00QKY000001LyJR2A0', answer: '401 INVALID_SESSION_ID (Session expired or invalid)', save: 'lead' },
          highlight: LEAD_LOOKUP,
          severity: 'warning',
        },
      ],
    },
    {
      name: 'a slow token call outside the Authorization header',
      code: withAuth('Bearer 00Dstatic', { body: { LastName: 'Lee', Company: 'Acme', Description: `${TOKEN_TAG.replace(':save result', ':save t')}{{t.scope}}` } }),
      scenario: 'slow',
      errors: [
        { messageId: 'callDropped', data: { url: 'https://acme.my.salesforce.com/services/oauth2/token', delay: 2500, save: 't' }, highlight: TOKEN_TAG.replace(':save result', ':save t'), severity: 'warning' },
      ],
    },
    {
      name: 'a token call in the body answers HTML',
      code: withAuth('Bearer 00Dstatic', { body: { LastName: 'Lee', Company: 'Acme', Description: `${TOKEN_TAG.replace(':save result', ':save t')}{{t.scope}}` } }),
      scenario: 'not-json',
      errors: [
        { messageId: 'callNotJson', data: { url: 'https://acme.my.salesforce.com/services/oauth2/token', status: 200, save: 't' }, highlight: TOKEN_TAG.replace(':save result', ':save t'), severity: 'warning' },
      ],
    },
    {
      name: 'Liquid that fails at render time (passed through)',
      code: withAuth(AUTH, { body: { LastName: 'Lee', Company: '{{ custom_attribute.${company} | pluralize }}' } }),
      errors: [{ messageId: 'renderer', data: { message: 'Liquid failed while rendering: filter "pluralize" is not supported by Braze: Braze marks this Shopify string filter unsupported' }, highlight: 'pluralize' }],
    },
    {
      name: 'a render limit (passed through)',
      code: withAuth(AUTH, { body: { LastName: 'Lee', Company: 'Acme', Description: '{% for i in (1..100000000) %}{{i}}{% endfor %}' } }),
      errors: [{ messageId: 'renderer', data: { message: 'Render stopped: the memory limit was hit (a huge range or string). Braze would fail this message too.' }, highlight: '{% for i in (1..100000000) %}' }],
    },
  ],
});
