import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { looksLikeWebhookTemplate, templateFileNameFor } from './looks-like-template';

const example = (name: string) => readFileSync(join(__dirname, '..', '..', '..', 'examples', name), 'utf8');

describe('looksLikeWebhookTemplate', () => {
  it('recognises the recipe templates under any name (the case of issue 12: lead.json)', () => {
    for (const name of ['create-lead.braze-webhook.json', 'seed-create-lead.braze-webhook.json', 'update-lead-to-mql.braze-webhook.json']) {
      assert.equal(looksLikeWebhookTemplate(example(name)), true, name);
    }
  });

  const cases: Array<[string, string, boolean]> = [
    ['url + method', '{"url":"https://acme.my.salesforce.com/x","request_method":"post"}', true],
    ['url + headers', '{"url":"https://x.example/","request_headers":{"A":"b"}}', true],
    ['url + key/value body', '{"url":"https://x.example/","body":{"K":"v"}}', true],
    ['url + raw body', '{"url":"https://x.example/","body":"{}"}', true],
    ['Liquid url', '{"url":"{% if ${user_id} == blank %}{% abort_message() %}{% endif %}https://x/{{${user_id}}}","request_method":"PATCH"}', true],
    ['BOM', '\ufeff{"url":"https://x.example/","request_method":"GET"}', true],
    ['package.json', '{"name":"x","version":"1.0.0","repository":{"url":"https://github.com/x/y"}}', false],
    ['url but nothing else', '{"url":"https://x.example/"}', false],
    ['url that is not a URL', '{"url":"docs/readme","body":"x"}', false],
    ['unknown method only', '{"url":"https://x.example/","request_method":"FETCH"}', false],
    ['an array', '[{"url":"https://x.example/","body":{}}]', false],
    ['not JSON', '{"url": "https://x.example/", "body": {', false],
    ['JSON with comments (tsconfig-like)', '// c\n{"url":"https://x.example/","body":{}}', false],
    ['body is a number', '{"url":"https://x.example/","body":3}', false],
  ];
  for (const [name, text, expected] of cases) {
    it(`${expected ? 'accepts' : 'rejects'} ${name}`, () => assert.equal(looksLikeWebhookTemplate(text), expected));
  }

  it('names the template file after the look-alike', () => {
    assert.equal(templateFileNameFor('lead.json'), 'lead.braze-webhook.json');
    assert.equal(templateFileNameFor('Update Lead.JSON'), 'Update Lead.braze-webhook.json');
  });
});
