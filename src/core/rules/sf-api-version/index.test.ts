import { runRuleTests, template } from '../../../../test/helpers/rule-tester';
import { SfApiVersion } from '.';

const at = (version: string, rest = 'sobjects/Lead/') => `https://acme.my.salesforce.com/services/data/${version}/${rest}`;

runRuleTests(SfApiVersion, {
  valid: [
    template(),
    template({ url: at('v66.0') }),
    { name: 'the newest release the product knows', code: template({ url: at('v68.0') }) },
    { name: 'exactly the minimum', code: template({ url: at('v59.0') }) },
    { name: 'old version allowed by a lower minimum', code: template({ url: at('v45.0') }), options: { minimumVersion: 45 } },
    { name: 'version from Liquid is not checked', code: template({ url: at('v{{custom_attribute.${sf_api}}}') }) },
    { name: 'not a Salesforce REST URL', code: template({ url: 'https://hooks.example.com/services/v20/leads/' }) },
    { name: 'other sObjects are checked the same way (valid)', code: template({ url: at('v60.0', 'sobjects/Contact/') }) },
  ],
  invalid: [
    {
      name: 'the issue: v99.0 is newer than any release, not "supported"',
      code: template({ url: at('v99.0') }),
      errors: [{ messageId: 'future', data: { version: 'v99.0', newest: 'v68.0', release: "Winter '27" }, highlight: 'v99.0', severity: 'warning' }],
      suggestions: ['Use v68.0'],
    },
    {
      name: 'v69.0: the next release, only in preview sandboxes',
      code: template({ url: at('v69.0') }),
      errors: [{ messageId: 'future', data: { version: 'v69.0', newest: 'v68.0', release: "Winter '27" }, highlight: 'v69.0' }],
    },
    {
      name: 'missing .0 (v60) answers 404, fixed to v60.0',
      code: template({ url: at('v60') }),
      errors: [{ messageId: 'malformed', data: { version: 'v60' }, highlight: 'v60', severity: 'error' }],
      output: template({ url: at('v60.0') }),
    },
    {
      name: 'missing v (60.0), fixed',
      code: template({ url: at('60.0') }),
      errors: [{ messageId: 'malformed', data: { version: '60.0' }, highlight: '60.0' }],
      output: template({ url: at('v60.0') }),
    },
    {
      name: 'minor version (v60.1): only a suggestion',
      code: template({ url: at('v60.1') }),
      errors: [{ messageId: 'malformed', data: { version: 'v60.1' }, highlight: 'v60.1' }],
      suggestions: ['Use v60.0'],
    },
    {
      name: 'not a version at all',
      code: template({ url: at('latest') }),
      errors: [{ messageId: 'malformed', data: { version: 'latest' }, highlight: 'latest' }],
    },
    {
      name: 'retired v30.0 answers 410',
      code: template({ url: at('v30.0') }),
      errors: [{ messageId: 'retired', data: { version: 'v30.0' }, highlight: 'v30.0', severity: 'error' }],
      suggestions: ['Use v59.0'],
    },
    {
      name: 'v31.0 is deprecated, not retired',
      code: template({ url: at('v31.0') }),
      errors: [{ messageId: 'deprecated', data: { version: 'v31.0' }, highlight: 'v31.0', severity: 'warning' }],
    },
    {
      name: 'v40.0 is the last deprecated one',
      code: template({ url: at('v40.0') }),
      errors: [{ messageId: 'deprecated', data: { version: 'v40.0' }, highlight: 'v40.0', severity: 'warning' }],
    },
    {
      name: 'v41.0 is below the default minimum: info',
      code: template({ url: at('v41.0') }),
      errors: [{ messageId: 'old', data: { version: 'v41.0', minimum: '59.0' }, highlight: 'v41.0', severity: 'info' }],
      suggestions: ['Use v59.0'],
    },
    {
      name: 'v58.0 with the default minimum',
      code: template({ url: at('v58.0') }),
      errors: [{ messageId: 'old', data: { version: 'v58.0', minimum: '59.0' }, highlight: 'v58.0', severity: 'info' }],
    },
    {
      name: 'a higher configured minimum',
      code: template({ url: at('v60.0') }),
      options: { minimumVersion: 64 },
      errors: [{ messageId: 'old', data: { version: 'v60.0', minimum: '64.0' }, highlight: 'v60.0', severity: 'info' }],
      suggestions: ['Use v64.0'],
    },
    {
      name: 'after a leading abort guard, on another sObject',
      code: template({ url: "{% if ${user_id} == blank %}{% abort_message('no id') %}{% endif %}https://acme.my.salesforce.com/services/data/v38/sobjects/Contact/{{${user_id}}}", request_method: 'PATCH' }),
      errors: [{ messageId: 'malformed', data: { version: 'v38' }, highlight: 'v38' }],
      output: template({ url: "{% if ${user_id} == blank %}{% abort_message('no id') %}{% endif %}https://acme.my.salesforce.com/services/data/v38.0/sobjects/Contact/{{${user_id}}}", request_method: 'PATCH' }),
    },
  ],
});
