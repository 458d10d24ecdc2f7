import assert from 'node:assert/strict';
import { parseConfig } from './config';

describe('parseConfig: salesforce.describe', () => {
  it('reads sObject → describe file', () => {
    const { config, problems } = parseConfig('{"salesforce": {"describe": {"Lead": "salesforce/lead.describe.json", "Contact": "contact.json"}}}');
    assert.deepEqual(problems, []);
    assert.deepEqual(config.salesforce?.describe, { Lead: 'salesforce/lead.describe.json', Contact: 'contact.json' });
  });

  it('refuses a path that is not a string, and unknown salesforce keys, at their position', () => {
    const text = '{"salesforce": {"describe": {"Lead": 42}}}';
    const { problems } = parseConfig(text);
    assert.equal(problems.length, 1);
    assert.equal(text.slice(problems[0].startIndex, problems[0].endIndex), '42');
    assert.match(problems[0].message, /\/salesforce\/describe\/Lead must be string/);
    assert.match(parseConfig('{"salesforce": {"describes": {}}}').problems[0].message, /must NOT have additional properties/);
  });
});
