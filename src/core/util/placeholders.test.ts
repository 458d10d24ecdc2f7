import assert from 'node:assert/strict';
import { findPlaceholders, isExampleHost, isPlaceholderHost, isPlaceholderValue } from './placeholders';

const found = (text: string) => findPlaceholders(text).map((m) => m.text);

describe('findPlaceholders', () => {
  it('finds every common form', () => {
    const cases: Array<[string, string]> = [
      ['https://[insert_instance_name].my.salesforce.com/x', '[insert_instance_name]'],
      ['client_id=[your client id]', '[your client id]'],
      ['client_id=<client_id>&x=1', '<client_id>'],
      ['Bearer <consumer key>', '<consumer key>'],
      ['Bearer <token>', '<token>'],
      ['client_id=YOUR_CLIENT_ID', 'YOUR_CLIENT_ID'],
      ['https://your-domain.my.salesforce.com/', 'your-domain'],
      ['https://yourInstance.salesforce.com/services/data/v60.0/', 'yourInstance'],
      ['https://your_instance.my.salesforce.com/', 'your_instance'],
      ['https://MyDomainName.my.salesforce.com/services/oauth2/token', 'MyDomainName'],
      ['client_secret=xxx', 'xxx'],
      ['password=XXXXXXXX', 'XXXXXXXX'],
      ['secret=CHANGE_ME', 'CHANGE_ME'],
      ['secret=changeme', 'changeme'],
      ['id=REPLACE_ME', 'REPLACE_ME'],
      ['id=insert_client_id', 'insert_client_id'],
      ['"Note": "TODO"', 'TODO'],
      ['FIXME later', 'FIXME'],
    ];
    for (const [text, placeholder] of cases) assert.deepEqual(found(text), [placeholder], text);
  });

  it('gives offsets into the text', () => {
    assert.deepEqual(findPlaceholders('a=xxx&b=<client_id>'), [
      { index: 2, text: 'xxx' },
      { index: 8, text: '<client_id>' },
    ]);
  });

  it('leaves real values alone', () => {
    for (const text of [
      'https://acme.my.salesforce.com/services/data/v60.0/sobjects/Lead/00QKY000001LyJR2A0',
      'https://mydomain.my.salesforce.com/',
      'https://acme--uat.sandbox.my.salesforce.com/',
      '{{${user_id}}}',
      'Bearer {{token.access_token}}',
      'Thanks for your order, and for yourself',
      'Use [brackets] freely in text',
      '<p>Hello</p><br /><b>bold</b>',
      '00Q5g00000XXXabcQAA',
      'todo el equipo',
      'salesforce_connected_app',
      "{{${last_name} | default: 'Unknown'}}",
      'Lead_Stage__c',
      'box.xxxl',
    ]) {
      assert.deepEqual(found(text), [], text);
    }
  });
});

describe('isPlaceholderValue', () => {
  it('is true for a whole placeholder, bracketed names included', () => {
    for (const value of ['[insert_client_secret]', '[client_secret]', '<consumer secret>', 'xxx', ' YOUR_SECRET ', 'changeme']) assert.equal(isPlaceholderValue(value), true, value);
  });
  it('is false for a value that only contains one, and for real values', () => {
    for (const value of ['8F2A1C0FFEE', 'secret_xxx_123', 'a TODO list', '00D5g00000Py0i0!AQxyz']) assert.equal(isPlaceholderValue(value), false, value);
  });
});

describe('isPlaceholderHost', () => {
  it('is true for placeholder labels and reserved top-level domains', () => {
    for (const host of ['MyDomainName.my.salesforce.com', 'mydomainname.my.salesforce.com', 'MyDomainName--SandboxName.sandbox.my.salesforce.com', 'MyDomainName-dev-ed.develop.my.salesforce.com', 'yourInstance.salesforce.com', 'your-domain.my.salesforce.com', 'xxx.my.salesforce.com', 'api.acme.example', 'crm.invalid', 'sf.test']) {
      assert.equal(isPlaceholderHost(host), true, host);
    }
  });
  it('is false for real hosts, a My Domain really named acme or mydomain included', () => {
    for (const host of ['acme.my.salesforce.com', 'mydomain.my.salesforce.com', 'acme--uat.sandbox.my.salesforce.com', 'na1.salesforce.com', 'api.example.com', '']) {
      assert.equal(isPlaceholderHost(host), false, host);
    }
  });
});

describe('isExampleHost', () => {
  it('is true for the documentation domains only', () => {
    assert.equal(isExampleHost('example.com'), true);
    assert.equal(isExampleHost('api.example.org'), true);
    assert.equal(isExampleHost('myexample.com'), false);
    assert.equal(isExampleHost('example.com.evil.io'), false);
  });
});
