import { GOOD_AUTH, runRuleTests, template } from '../../../../test/helpers/rule-tester';
import { SfContentType } from '.';

const auth = { Authorization: GOOD_AUTH };
const withoutHeaders = (parts: Record<string, unknown> = {}) => template({ request_headers: undefined, ...parts });

runRuleTests(SfContentType, {
  valid: [
    template(),
    { name: 'header name in any case, with a charset', code: template({ request_headers: { ...auth, 'content-type': 'application/json; charset=UTF-8' } }) },
    { name: 'a value from Liquid is not judged', code: template({ request_headers: { ...auth, 'Content-Type': '{{custom_attribute.${ct}}}' } }) },
    { name: 'a translated header name is header-name’s finding', code: template({ request_headers: { ...auth, 'Tipo de contenido': 'application/json' } }) },
    { name: 'a mis-punctuated header name too', code: template({ request_headers: { ...auth, Content_Type: 'text/plain' } }) },
    { name: 'a misspelt header name too', code: template({ request_headers: { ...auth, 'Content-Typ': 'application/json' } }) },
    { name: 'the French name too', code: template({ request_headers: { ...auth, 'Type de contenu': 'application/json' } }) },
    { name: 'no body, nothing to type', code: template({ request_method: 'DELETE', url: 'https://acme.my.salesforce.com/services/data/v60.0/sobjects/Lead/{{${user_id}}}', request_headers: auth, body: undefined }) },
    { name: 'GET ignores the body (sf-method says so)', code: template({ request_method: 'GET', request_headers: auth }) },
    { name: 'a raw body that is not JSON', code: template({ request_headers: auth, body: 'LastName={{${last_name}}}' }) },
    { name: 'a raw body that starts with Liquid', code: template({ request_headers: auth, body: '{% if ${last_name} %}{"LastName": "x"}{% endif %}' }) },
    { name: 'not a Salesforce URL', code: template({ url: 'https://hooks.example.com/leads', request_headers: auth }) },
    { name: 'request_headers that is not an object is the schema’s finding', code: '{"url": "https://acme.my.salesforce.com/services/data/v60.0/sobjects/Lead/", "request_headers": "Content-Type: application/json", "body": {"LastName": "x"}}' },
  ],
  invalid: [
    {
      name: 'no Content-Type: added after the last header',
      code: template({ request_headers: auth }),
      errors: [{ messageId: 'missing', highlight: '"request_headers"', severity: 'warning' }],
      output: template({ request_headers: { ...auth, 'Content-Type': 'application/json' } }),
    },
    {
      name: 'empty request_headers object',
      code: template({ request_headers: {} }),
      errors: [{ messageId: 'missing', highlight: '"request_headers"' }],
      output: template({ request_headers: { 'Content-Type': 'application/json' } }),
    },
    {
      name: 'no request_headers at all: created after request_method',
      code: withoutHeaders(),
      errors: [{ messageId: 'missing', highlight: '"body"' }],
      output: template({ request_headers: { 'Content-Type': 'application/json' } }),
    },
    {
      name: 'no request_method either: created after url',
      code: withoutHeaders().replace('  "request_method": "POST",\n', ''),
      errors: [{ messageId: 'missing', highlight: '"body"' }],
      output: template({ request_headers: { 'Content-Type': 'application/json' } }).replace('  "request_method": "POST",\n', ''),
    },
    {
      name: 'a one-line file stays on one line',
      code: '{"url": "https://acme.my.salesforce.com/services/data/v60.0/sobjects/Lead/", "request_method": "POST", "request_headers": {"Authorization": "Bearer x"}, "body": {"LastName": "x"}}',
      errors: [{ messageId: 'missing', highlight: '"request_headers"' }],
      output: '{"url": "https://acme.my.salesforce.com/services/data/v60.0/sobjects/Lead/", "request_method": "POST", "request_headers": {"Authorization": "Bearer x", "Content-Type": "application/json"}, "body": {"LastName": "x"}}',
    },
    {
      name: 'a one-line file without headers',
      code: '{"url": "https://acme.my.salesforce.com/services/data/v60.0/sobjects/Lead/", "body": {"LastName": "x"}}',
      errors: [{ messageId: 'missing', highlight: '"body"' }],
      output: '{"url": "https://acme.my.salesforce.com/services/data/v60.0/sobjects/Lead/", "request_headers": { "Content-Type": "application/json" }, "body": {"LastName": "x"}}',
    },
    {
      name: 'tab-indented file',
      code: '{\n\t"url": "https://acme.my.salesforce.com/services/data/v60.0/sobjects/Lead/",\n\t"request_headers": {},\n\t"body": {"LastName": "x"}\n}\n',
      errors: [{ messageId: 'missing', highlight: '"request_headers"' }],
      output: '{\n\t"url": "https://acme.my.salesforce.com/services/data/v60.0/sobjects/Lead/",\n\t"request_headers": {\n\t\t"Content-Type": "application/json"\n\t},\n\t"body": {"LastName": "x"}\n}\n',
    },
    {
      name: 'a raw JSON body needs it too',
      code: template({ request_headers: auth, body: '{"LastName": "x", "Company": "y"}' }),
      errors: [{ messageId: 'missing', highlight: '"request_headers"' }],
      output: template({ request_headers: { ...auth, 'Content-Type': 'application/json' }, body: '{"LastName": "x", "Company": "y"}' }),
    },
    {
      name: 'an X- header is not a misspelt Content-Type',
      code: template({ request_headers: { ...auth, 'X-Content-Type': 'application/json' } }),
      errors: [{ messageId: 'missing', highlight: '"request_headers"' }],
      output: template({ request_headers: { ...auth, 'X-Content-Type': 'application/json', 'Content-Type': 'application/json' } }),
    },
    {
      name: 'form encoding on a JSON body answers 415',
      code: template({ request_headers: { ...auth, 'Content-Type': 'application/x-www-form-urlencoded' } }),
      errors: [{ messageId: 'notJson', data: { contentType: 'application/x-www-form-urlencoded' }, highlight: '"application/x-www-form-urlencoded"', severity: 'error' }],
      suggestions: ['Use application/json'],
    },
    {
      name: 'text/plain, on another sObject',
      code: template({ url: 'https://acme.my.salesforce.com/services/data/v60.0/sobjects/Contact/', request_headers: { 'CONTENT-TYPE': 'text/plain' } }),
      errors: [{ messageId: 'notJson', data: { contentType: 'text/plain' }, highlight: '"text/plain"', severity: 'error' }],
    },
  ],
});
