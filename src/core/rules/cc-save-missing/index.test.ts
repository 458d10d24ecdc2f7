import { GOOD_AUTH, raw, runRuleTests, template } from '../../../../test/helpers/rule-tester';
import { CcSaveMissing } from '.';

const TOKEN = 'https://acme.my.salesforce.com/services/oauth2/token';
const BODY = 'client_id=abc&client_secret={{custom_attribute.${sf_secret}}}&grant_type=client_credentials';
const withAuth = (authorization: string, extra: Record<string, string> = {}) =>
  template({ request_headers: { Authorization: authorization, 'Content-Type': 'application/json', ...extra } });
const tag = (options: string) => `{% connected_content ${TOKEN} :method post :body ${BODY}${options} %}`;

runRuleTests(CcSaveMissing, {
  valid: [
    template(),
    { name: 'no :save and the default variable `connected`', code: withAuth(`${tag('')}Bearer {{connected.access_token}}`) },
    { name: 'a for-loop variable', code: withAuth(`${tag(' :save result')}{% for r in result.records %}{{r.Id}}{% endfor %}Bearer {{result.access_token}}`) },
    { name: 'an assigned variable', code: withAuth(`${tag(' :save result')}{% assign t = result %}Bearer {{t.access_token}}`) },
    { name: 'namespaces are not connected_content variables', code: template({ body: { Company: '{{custom_attribute.${company}}}', Campaign: '{{campaign.${name}}}' } }) },
    { name: 'saved in another field: cc-save-scope reports it', code: template({ body: { Token: '{{result.access_token}}' } }) },
    { name: 'other member reads without a call in the field', code: template({ body: { Note: "{% assign x = 'a,b' | split: ',' %}{{x.first}} {{lead.name}}" } }) },
    { name: 'filters and quoted text are not variables', code: withAuth(`${tag(' :save result')}Bearer {{ result.access_token | default: 'tok.access_token' | strip }}`) },
    { name: 'a :save in Liquid cannot be checked', code: withAuth(`${tag(' :save {{custom_attribute.${v}}}')}Bearer {{result.access_token}}`) },
  ],
  invalid: [
    {
      name: 'the call has no :save: add it',
      code: withAuth(`${tag('')}Bearer {{result.access_token}}`),
      errors: [{ messageId: 'noSave', data: { name: 'result', use: 'result.access_token' }, highlight: raw(tag('')) }],
      output: withAuth(`${tag(' :save result')}Bearer {{result.access_token}}`),
    },
    {
      name: 'no :save, multi-line arguments',
      code: withAuth(`{% connected_content ${TOKEN}\n     :method post\n     :body ${BODY}\n%}{% if token.access_token == blank %}{% abort_message() %}{% endif %}Bearer {{token.access_token}}`),
      errors: [
        {
          messageId: 'noSave',
          data: { name: 'token', use: 'token.access_token' },
          highlight: raw(`{% connected_content ${TOKEN}\n     :method post\n     :body ${BODY}\n%}`),
        },
      ],
      output: withAuth(`{% connected_content ${TOKEN}\n     :method post\n     :body ${BODY} :save token\n%}{% if token.access_token == blank %}{% abort_message() %}{% endif %}Bearer {{token.access_token}}`),
    },
    {
      name: 'saved under another name',
      code: withAuth(`${tag(' :save token')}Bearer {{result.access_token}}`),
      errors: [{ messageId: 'otherName', data: { name: 'result', use: 'result.access_token', saved: '`token`' }, highlight: 'result.access_token' }],
      suggestions: ['Read `token` instead'],
    },
    {
      name: 'two names read after one unsaved call',
      code: withAuth(`${tag('')}Bearer {{a.access_token}}{{b['access_token']}}`),
      errors: [
        { messageId: 'otherName', data: { name: 'a', use: 'a.access_token', saved: '`connected`' }, highlight: 'a.access_token' },
        { messageId: 'otherName', data: { name: 'b', use: "b['access_token']", saved: '`connected`' }, highlight: "b['access_token']" },
      ],
      suggestions: ['Read `connected` instead'],
    },
    {
      name: 'a token read with no call anywhere',
      code: withAuth(GOOD_AUTH, { 'X-Token': 'Bearer {{tok.access_token}}' }),
      errors: [{ messageId: 'noCall', data: { name: 'tok', use: 'tok.access_token' }, highlight: 'tok.access_token' }],
    },
    {
      name: 'a read inside another call in the same field',
      code: template({
        body: { Note: `{% connected_content https://api.example.com/x :headers {"Authorization": "Bearer {{auth.access_token}}"} :save r %}{{r.note}}` },
      }),
      errors: [{ messageId: 'otherName', data: { name: 'auth', use: 'auth.access_token', saved: '`r`' }, highlight: 'auth.access_token' }],
      suggestions: ['Read `r` instead'],
    },
  ],
});
