import { GOOD_AUTH, runRuleTests, template } from '../../../../test/helpers/rule-tester';
import { OauthTokenHost } from '.';

const TOKEN_HOST = 'acme.my.salesforce.com';
const withTokenHost = (host: string, url?: string) =>
  template({ ...(url ? { url } : {}), request_headers: { Authorization: GOOD_AUTH.replace(`https://${TOKEN_HOST}/`, `https://${host}/`), 'Content-Type': 'application/json' } });
const SANDBOX = 'acme--uat.sandbox.my.salesforce.com';

runRuleTests(OauthTokenHost, {
  valid: [
    template(),
    { name: 'sandbox My Domain on both', code: withTokenHost(SANDBOX, `https://${SANDBOX}/services/data/v60.0/sobjects/Lead/`) },
    { name: 'host case differs only', code: withTokenHost('ACME.my.salesforce.com') },
    { name: 'Liquid in the token host', code: withTokenHost('{{custom_attribute.${sf_domain}}}.my.salesforce.com') },
    { name: 'placeholder host is the placeholder rule\'s', code: withTokenHost('[insert_instance_name].my.salesforce.com', 'https://[insert_instance_name].my.salesforce.com/services/data/v60.0/sobjects/Lead/') },
    { name: 'Liquid in the webhook host', code: template({ url: 'https://{{custom_attribute.${sf_domain}}}/services/data/v60.0/sobjects/Lead/' }) },
    { name: 'login host on a non-token call', code: template({ body: { Note: '{% connected_content https://login.salesforce.com/services/data :save r %}{{r.x}}' } }) },
    { name: 'webhook URL after a guard', code: template({ url: `{% if \${user_id} == blank %}{% abort_message('x') %}{% endif %}https://${TOKEN_HOST}/services/data/v60.0/sobjects/Lead/{{\${user_id}}}` }) },
  ],
  invalid: [
    {
      name: 'login.salesforce.com',
      code: withTokenHost('login.salesforce.com'),
      errors: [{ messageId: 'loginHost', data: { host: 'login.salesforce.com' }, highlight: 'login.salesforce.com' }],
      suggestions: [`Request the token from ${TOKEN_HOST}`],
    },
    {
      name: 'test.salesforce.com, upper case',
      code: withTokenHost('Test.Salesforce.com', `https://${SANDBOX}/services/data/v60.0/sobjects/Lead/`),
      errors: [{ messageId: 'loginHost', data: { host: 'test.salesforce.com' }, highlight: 'Test.Salesforce.com' }],
      suggestions: [`Request the token from ${SANDBOX}`],
    },
    {
      name: 'instance host',
      code: withTokenHost('na1.salesforce.com'),
      errors: [{ messageId: 'instanceHost', data: { host: 'na1.salesforce.com' }, highlight: 'na1.salesforce.com', severity: 'warning' }],
      suggestions: [`Request the token from ${TOKEN_HOST}`],
    },
    {
      name: 'production token, sandbox webhook',
      code: withTokenHost(TOKEN_HOST, `https://${SANDBOX}/services/data/v60.0/sobjects/Lead/`),
      errors: [{ messageId: 'hostMismatch', data: { tokenHost: TOKEN_HOST, webhookHost: SANDBOX }, highlight: TOKEN_HOST, severity: 'warning' }],
      suggestions: [`Request the token from ${SANDBOX}`],
    },
    {
      name: 'mismatch with a non-Salesforce webhook host: no suggestion',
      code: withTokenHost(TOKEN_HOST, 'https://proxy.example.com/lead'),
      errors: [{ messageId: 'hostMismatch', data: { tokenHost: TOKEN_HOST, webhookHost: 'proxy.example.com' }, highlight: TOKEN_HOST, severity: 'warning' }],
      suggestions: [],
    },
  ],
});
