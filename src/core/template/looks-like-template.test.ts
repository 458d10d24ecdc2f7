import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { looksLikeWebhookTemplate, toTemplateFileName } from './looks-like-template';

const examples = join(__dirname, '..', '..', '..', 'examples');

describe('looksLikeWebhookTemplate', () => {
  it('recognises every example template, whatever its name would be', () => {
    for (const name of ['create-lead', 'update-lead-to-mql', 'seed-create-lead', 'seed-update-lead']) {
      assert.equal(looksLikeWebhookTemplate(readFileSync(join(examples, `${name}.braze-webhook.json`), 'utf8')), true, name);
    }
  });

  it('recognises a url with any one of request_method, request_headers or body, with a BOM too', () => {
    assert.equal(looksLikeWebhookTemplate('{"url": "https://x", "request_method": "POST"}'), true);
    assert.equal(looksLikeWebhookTemplate('{"url": "https://x", "request_headers": {}}'), true);
    assert.equal(looksLikeWebhookTemplate('{"url": "https://x", "body": "a=b"}'), true);
    assert.equal(looksLikeWebhookTemplate('\uFEFF{"url": "https://x", "body": {"LastName": "x"}}'), true);
    assert.equal(looksLikeWebhookTemplate('{"url": "https://x", "body": {"LastName": "x",}}'), true, 'a broken template still looks like one');
  });

  it('does not take other JSON files for templates', () => {
    assert.equal(looksLikeWebhookTemplate(readFileSync(join(examples, 'sample-users.braze-profiles.json'), 'utf8')), false);
    assert.equal(looksLikeWebhookTemplate(readFileSync(join(examples, 'fixtures', 'token-invalid-client.braze-mocks.json'), 'utf8')), false);
    assert.equal(looksLikeWebhookTemplate('{"name": "pkg", "version": "1.0.0", "repository": {"url": "https://x"}}'), false);
    assert.equal(looksLikeWebhookTemplate('{"url": "https://x"}'), false, 'a url alone is too little');
    assert.equal(looksLikeWebhookTemplate('{"url": 3, "request_method": "POST"}'), false);
    assert.equal(looksLikeWebhookTemplate('{"url": "https://x", "request_method": 1}'), false);
    assert.equal(looksLikeWebhookTemplate('[{"url": "https://x", "request_method": "POST"}]'), false);
    assert.equal(looksLikeWebhookTemplate(''), false);
    assert.equal(looksLikeWebhookTemplate('\u0089PNG\u0000'), false);
  });
});

describe('toTemplateFileName', () => {
  it('puts the template suffix in place of .json', () => {
    assert.equal(toTemplateFileName('lead.json'), 'lead.braze-webhook.json');
    assert.equal(toTemplateFileName('Lead.JSON'), 'Lead.braze-webhook.json');
    assert.equal(toTemplateFileName('lead'), 'lead.braze-webhook.json');
    assert.equal(toTemplateFileName('a.braze-webhook.json'), 'a.braze-webhook.json');
  });
});
