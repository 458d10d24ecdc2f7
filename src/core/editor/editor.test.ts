import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BUILT_IN_SALESFORCE } from '../../../test/helpers/salesforce';
import { parseTemplateFile } from '../template/template-file';
import { completionsAt, snippetContextAt } from './completions-at';
import { hoverAt } from './hover-at';

const create = readFileSync(join(__dirname, '../../../examples/create-lead.braze-webhook.json'), 'utf8');

function hoverText(text: string, needle: string, delta = 1): { markdown: string; covered: string } | undefined {
  const file = parseTemplateFile(text);
  const hover = hoverAt(file, text.indexOf(needle) + delta, { customAttributeSamples: new Map([['company', ['Acme']]]), salesforce: BUILT_IN_SALESFORCE });
  return hover && { markdown: hover.markdown, covered: text.slice(hover.range.start, hover.range.end) };
}

describe('editor: hovers', () => {
  it('describes a standard attribute', () => {
    const h = hoverText(create, '${first_name}', 3);
    assert.equal(h?.covered, '${first_name}');
    assert.match(h?.markdown ?? '', /First name/);
  });

  it('describes a custom attribute with sample values', () => {
    const h = hoverText(create, 'custom_attribute.${company}', 20);
    assert.equal(h?.covered, 'custom_attribute.${company}');
    assert.match(h?.markdown ?? '', /`Acme`/);
  });

  it('describes a filter and a connected_content option', () => {
    assert.match(hoverText(create, 'default:', 2)?.markdown ?? '', /default/);
    const option = hoverText(create, ':cache_max_age', 3);
    assert.equal(option?.covered, ':cache_max_age');
    assert.match(option?.markdown ?? '', /300–14400/);
  });

  it('describes a Lead body key with type, length and required', () => {
    const h = hoverText(create, '"LastName"', 2);
    assert.equal(h?.covered, '"LastName"');
    assert.match(h?.markdown ?? '', /`string` · max length 80 · createable · updateable · \*\*required on create\*\*/);
  });

  it('describes the API version', () => {
    const h = hoverText(create, 'v60.0', 1);
    assert.equal(h?.covered, 'v60.0');
    assert.match(h?.markdown ?? '', /Spring '24/);
  });

  it('says when a filter is not supported by Braze', () => {
    const text = '{"url": "x", "body": {"A": "{{ x | pluralize }}"}}';
    assert.match(hoverText(text, 'pluralize', 2)?.markdown ?? '', /not supported by Braze/);
  });
});

describe('editor: completions', () => {
  it('offers standard attributes after ${', () => {
    const text = '{"url": "x", "body": {"FirstName": "{{${fi"}}';
    const file = parseTemplateFile(text);
    const items = completionsAt(file, text.indexOf('${fi') + 4);
    const first = items.find((i) => i.label === 'first_name');
    assert.ok(first);
    assert.equal(text.slice(first.replaceStart, first.replaceEnd), 'fi');
  });

  it('offers custom attribute keys from the profiles', () => {
    const text = '{"url": "x", "body": {"Company": "{{custom_attribute.${co"}}';
    const items = completionsAt(parseTemplateFile(text), text.indexOf('${co') + 4, { customAttributeKeys: ['company', 'lead_score'] });
    assert.deepEqual(items.map((i) => i.label), ['company', 'lead_score']);
  });

  it('offers connected_content options and filters', () => {
    const text = '{"url": "x", "request_headers": {"Authorization": "{% connected_content https://a.example/ :ca"}}';
    const options = completionsAt(parseTemplateFile(text), text.indexOf(':ca') + 3).map((i) => i.label);
    assert.ok(options.includes(':cache_max_age'));
    const f = '{"url": "x", "body": {"A": "{{ x | json_e"}}';
    assert.ok(completionsAt(parseTemplateFile(f), f.indexOf('json_e') + 6).some((i) => i.label === 'json_escape'));
  });

  it('offers Lead fields as body keys, minus the ones present', () => {
    const text = '{"url": "x", "body": {"LastName": "a", "": ""}}';
    const offset = text.indexOf('"": ""') + 1;
    const labels = completionsAt(parseTemplateFile(text), offset, { salesforce: BUILT_IN_SALESFORCE }).map((i) => i.label);
    assert.ok(labels.includes('Company'));
    assert.ok(!labels.includes('LastName'));
    assert.ok(!labels.includes('Id'), 'read-only fields are not offered');
  });

  it('knows the snippet context', () => {
    assert.equal(snippetContextAt(parseTemplateFile(''), 0), 'file');
    const text = '{"url": "x", "request_headers": {"": ""}, "body": {"": "v"}}';
    assert.equal(snippetContextAt(parseTemplateFile(text), text.indexOf('{"": ""}') + 2), 'headers');
    assert.equal(snippetContextAt(parseTemplateFile(text), text.indexOf('{"": "v"}') + 2), 'body');
    assert.equal(snippetContextAt(parseTemplateFile(text), text.indexOf('"v"') + 1), 'string');
  });
});
