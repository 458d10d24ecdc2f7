import assert from 'node:assert/strict';
import { runRuleTests, template } from '../../../../test/helpers/rule-tester';
import { applyFixes } from '../../lint/apply-fixes';
import { lintStatic } from '../../lint/linter';
import { parseTemplateFile } from '../../template/template-file';
import { allRules } from '..';
import { OauthHeaderMissing } from '.';

const LEAD_URL = 'https://acme.my.salesforce.com/services/data/v60.0/sobjects/Lead/';
const JSON_ONLY = { 'Content-Type': 'application/json' };

/** The issue's template: a POST to the Lead sObject with only a Content-Type header. */
const ISSUE_CASE = template({ url: LEAD_URL, request_headers: JSON_ONLY });
const NO_HEADERS = (() => {
  const value = JSON.parse(template({ url: `${LEAD_URL}{{\${user_id}}}`, request_method: 'PATCH' })) as Record<string, unknown>;
  delete value.request_headers;
  return `${JSON.stringify(value, null, 2)}\n`;
})();

runRuleTests(OauthHeaderMissing, {
  valid: [
    template(),
    { name: 'authorization in any case', code: template({ request_headers: { authorization: 'Bearer {{token.access_token}}', ...JSON_ONLY } }) },
    { name: "a translated Authorization is header-name's to rename", code: template({ request_headers: { Autorización: 'Bearer {{t.access_token}}', ...JSON_ONLY } }) },
    { name: 'a host that is not Salesforce may be a proxy that adds the token', code: template({ url: 'https://proxy.example.com/services/data/v60.0/sobjects/Lead/', request_headers: JSON_ONLY }) },
    { name: "Web-to-Lead takes no token", code: template({ url: 'https://webto.salesforce.com/servlet/servlet.WebToLead?encoding=UTF-8', request_headers: JSON_ONLY }) },
    { name: 'the version list needs no token', code: template({ url: 'https://acme.my.salesforce.com/services/data/', request_method: 'GET', request_headers: JSON_ONLY }) },
    { name: 'a file with a JSON syntax error is json-syntax\'s', code: `{\n  "url": "${LEAD_URL}",\n  "body": {\n    "LastName": "x",\n  }\n}\n` },
    { name: 'a webhook to the token endpoint itself', code: template({ url: 'https://acme.my.salesforce.com/services/oauth2/token', request_headers: { 'Content-Type': 'application/x-www-form-urlencoded' } }) },
  ],
  invalid: [
    {
      name: "the issue's case: POST to the Lead sObject with no Authorization header",
      code: ISSUE_CASE,
      errors: [{ messageId: 'missing', highlight: LEAD_URL }],
      suggestions: ['Add the Authorization header that fetches a token for acme.my.salesforce.com (client credentials, a Braze Basic-auth credential, cached 900 s)'],
    },
    {
      name: 'PATCH with no request_headers member at all',
      code: NO_HEADERS,
      errors: [{ messageId: 'missing', highlight: `${LEAD_URL}{{\${user_id}}}` }],
    },
    {
      name: 'a placeholder host is still Salesforce',
      code: template({ url: 'https://[insert_instance_name].my.salesforce.com/services/data/v60.0/sobjects/Lead/', request_headers: JSON_ONLY }),
      errors: [{ messageId: 'missing', highlight: 'https://[insert_instance_name].my.salesforce.com/services/data/v60.0/sobjects/Lead/' }],
      suggestions: ['Add the Authorization header that fetches a token for your My Domain (client credentials, a Braze Basic-auth credential, cached 900 s)'],
    },
    {
      name: 'the token under another name is not sent as Authorization',
      code: template({ url: 'https://acme.my.salesforce.com/services/apexrest/leads', request_headers: { 'X-Authorization': 'Bearer {{t.access_token}}', ...JSON_ONLY } }),
      errors: [{ messageId: 'missing', highlight: 'https://acme.my.salesforce.com/services/apexrest/leads' }],
    },
    {
      name: 'after an abort guard in the URL',
      code: template({ url: `{% if \${user_id} == blank %}{% abort_message('no id') %}{% endif %}${LEAD_URL}{{\${user_id}}}`, request_method: 'PATCH', request_headers: {} }),
      errors: [{ messageId: 'missing', highlight: `${LEAD_URL}{{\${user_id}}}` }],
    },
  ],
});

describe('rule oauth-header-missing: its suggestion', () => {
  const applySuggestion = (code: string) => {
    const [problem] = lintStatic(parseTemplateFile(code), [OauthHeaderMissing]);
    assert.ok(problem?.suggest?.[0], 'a suggestion is offered');
    return applyFixes(code, [{ ...problem, fix: { edits: problem.suggest[0].edits } }]).text;
  };

  for (const [name, code] of [
    ['into an existing request_headers', ISSUE_CASE],
    ['as a new request_headers member', NO_HEADERS],
    ['into an empty request_headers', template({ url: LEAD_URL, request_headers: {} })],
    ['into a CRLF file', ISSUE_CASE.replace(/\n/g, '\r\n')],
  ] as const) {
    it(`${name}: inserts the sf-oauth-header snippet with the URL's My Domain, and the file lints clean of errors`, () => {
      const fixed = applySuggestion(code);
      const file = parseTemplateFile(fixed);
      assert.deepEqual(file.syntaxErrors, []);
      const authorization = file.headers.find((h) => h.key === 'Authorization');
      assert.ok(authorization, fixed);
      assert.match(authorization.text, /^\{% connected_content https:\/\/acme\.my\.salesforce\.com\/services\/oauth2\/token :method post .*:basic_auth salesforce_connected_app :cache_max_age 900 :save token %\}.*Bearer \{\{token\.access_token\}\}$/);
      if (code.includes('\r\n')) assert.ok(!/[^\r]\n/.test(fixed), 'line breaks stay CRLF');
      const errors = lintStatic(file, allRules).filter((p) => p.severity === 'error');
      assert.deepEqual(errors.map((p) => `${p.ruleId}: ${p.message}`), []);
    });
  }
});
