import assert from 'node:assert/strict';
import { applyFixes } from '../../lint/apply-fixes';
import { lintStatic } from '../../lint/linter';
import { parseTemplateFile } from '../../template/template-file';
import { raw, runRuleTests, template } from '../../../../test/helpers/rule-tester';
import { MissingDefault } from '.';

const API = 'https://acme.my.salesforce.com/services/data/v60.0';
const url = (value: string, request_method = 'POST') => template({ url: value, request_method });

runRuleTests(MissingDefault, {
  valid: [
    template(),
    { name: 'a record Id segment is sf-update-id-guard\'s job', code: url(`${API}/sobjects/Lead/{{\${user_id}}}`, 'PATCH') },
    { name: 'an upsert external-id segment too', code: url(`${API}/sobjects/Lead/Email__c/{{\${email_address}}}`, 'PATCH') },
    url(`${API}/sobjects/Lead/?email={{\${email_address} | default: 'none' | url_param_escape}}`),
    {
      name: 'an abort guard in the URL',
      code: url(`{% if \${email_address} == blank %}{% abort_message('no email') %}{% endif %}${API}/sobjects/Lead/?email={{\${email_address} | url_param_escape}}`),
    },
    { name: 'a wrapping condition on the same value', code: url(`${API}/sobjects/Lead/{% if {{custom_attribute.\${tag}}} != blank %}?tag={{custom_attribute.\${tag}}}{% endif %}`) },
    { name: 'a literal', code: url(`${API}/sobjects/{{ 'Lead' }}/`) },
    { name: 'body values are not the URL', code: template({ body: { LastName: '{{${last_name}}}' } }) },
  ],
  invalid: [
    {
      name: 'a query value',
      code: url(`${API}/sobjects/Lead/?email={{\${email_address} | url_param_escape}}`),
      errors: [{ messageId: 'missing', data: { expression: '${email_address}' }, highlight: '{{${email_address} | url_param_escape}}' }],
      suggestions: [
        "Add `| default: '[insert_default]'`, then replace the placeholder with your fallback",
        "Abort when it is blank: `{% if ${email_address} == blank %}{% abort_message('email_address is blank') %}{% endif %}`",
      ],
    },
    {
      name: 'a query value after a record path is still checked',
      code: url(`${API}/sobjects/Lead/00QKY000001LyJR2A0?fields={{custom_attribute.\${fields}}}`, 'GET'),
      errors: [{ messageId: 'missing', data: { expression: 'custom_attribute.${fields}' }, highlight: '{{custom_attribute.${fields}}}' }],
    },
    {
      name: 'the host',
      code: url('https://{{custom_attribute.${sf_domain}}}.my.salesforce.com/services/data/v60.0/sobjects/Lead/'),
      errors: [{ messageId: 'missing', data: { expression: 'custom_attribute.${sf_domain}' }, highlight: '{{custom_attribute.${sf_domain}}}' }],
    },
    {
      name: 'a guard on another value does not count; position after JSON escapes',
      code: url(`{% if \${user_id} == blank %}{% abort_message("no id") %}{% endif %}${API}/query?q={{ custom_attribute.\${soql} }}`),
      errors: [{ messageId: 'missing', data: { expression: 'custom_attribute.${soql}' }, highlight: raw('{{ custom_attribute.${soql} }}') }],
    },
  ],
});

describe('rule missing-default suggestions', () => {
  const code = url(`${API}/sobjects/Lead/?email={{\${email_address} | url_param_escape}}`);
  const [problem] = lintStatic(parseTemplateFile(code), [MissingDefault]);
  const apply = (index: number) => JSON.parse(applyFixes(code, [{ ...problem, fix: { edits: problem.suggest?.[index].edits ?? [] } }]).text).url as string;

  it('puts the default before the other filters', () => {
    assert.equal(apply(0), `${API}/sobjects/Lead/?email={{\${email_address} | default: '[insert_default]' | url_param_escape}}`);
  });
  it('puts the abort guard at the start of the URL', () => {
    assert.equal(apply(1), `{% if \${email_address} == blank %}{% abort_message('email_address is blank') %}{% endif %}${API}/sobjects/Lead/?email={{\${email_address} | url_param_escape}}`);
  });
});
