import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EDITOR_DOCS } from '../../../test/helpers/editor-docs';
import { ACME_DESCRIBE, BUILT_IN_SALESFORCE } from '../../../test/helpers/salesforce';
import { parseTemplateFile } from '../template/template-file';
import { completionsAt, snippetContextAt } from './completions-at';
import { toEditorDocs } from './docs';
import { hoverAt } from './hover-at';

const create = readFileSync(join(__dirname, '../../../examples/create-lead.braze-webhook.json'), 'utf8');

function hoverText(text: string, needle: string, delta = 1): { markdown: string; covered: string } | undefined {
  const file = parseTemplateFile(text);
  const hover = hoverAt(file, text.indexOf(needle) + delta, { customAttributeSamples: new Map([['company', ['Acme']]]), salesforce: BUILT_IN_SALESFORCE, docs: EDITOR_DOCS });
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

  it("describes a Lead key from the one model: types, create/update, conversions, picklist values, feature", () => {
    const text = '{"url": "https://acme.my.salesforce.com/services/data/v60.0/sobjects/Lead/", "body": {"NumberOfEmployees": "250", "Rating": "Hot", "RecordTypeId": "x", "CreatedDate": "y", "Lead_Stage__c": "MQL"}}';
    const at = (needle: string, salesforce = BUILT_IN_SALESFORCE) => hoverAt(parseTemplateFile(text), text.indexOf(needle) + 2, { salesforce })?.markdown ?? '';
    assert.match(at('"NumberOfEmployees"'), /`int` · up to 8 digits · createable · updateable/);
    assert.match(at('"NumberOfEmployees"'), /Salesforce converts only digits \("250"\); anything else fails with 400 JSON_PARSER_ERROR/);
    assert.match(at('"Rating"'), /Values: `Hot`, `Warm`, `Cold`\. Salesforce’s defaults; your org may have changed them\./);
    assert.match(at('"RecordTypeId"'), /Exists only when the org has record types/);
    assert.match(at('"CreatedDate"'), /\*\*not createable\*\*[\s\S]*Audit field/);
    assert.match(at('"Lead_Stage__c"'), /Custom fields can't be checked without the org's describe/);
    const org = at('"Lead_Stage__c"', ACME_DESCRIBE);
    assert.match(org, /Values: `Lead`, `MQL`, `SQL`\. Restricted picklist/);
    assert.match(org, /From your org's describe \(examples\/acme-lead\.describe\.json\)/);
    assert.match(at('"RecordTypeId"', ACME_DESCRIBE), /Record types in your org: Marketing Lead `0125g000000QaBcAAK`, Partner Lead `0125g000000QaBdAAK`\./);
  });

  it('documents the Sforce-Auto-Assign and Sforce-Duplicate-Rule-Header headers', () => {
    const text = '{"url": "x", "request_headers": {"Sforce-Auto-Assign": "FALSE", "Sforce-Duplicate-Rule-Header": "allowSave=true"}}';
    assert.match(hoverText(text, '"Sforce-Auto-Assign"', 2)?.markdown ?? '', /defaults to TRUE on create and on update/);
    assert.match(hoverText(text, '"Sforce-Duplicate-Rule-Header"', 2)?.markdown ?? '', /still answers 400 DUPLICATES_DETECTED/);
  });

  it('describes the API version', () => {
    const h = hoverText(create, 'v60.0', 1);
    assert.equal(h?.covered, 'v60.0');
    assert.match(h?.markdown ?? '', /Spring '24/);
  });

  it('names a filter and its support without the texts file, and survives a damaged one (ADR 020)', () => {
    const text = '{"url": "x", "body": {"A": "{{ x | json_escape }}"}}';
    const offset = text.indexOf('json_escape') + 2;
    for (const docs of [undefined, toEditorDocs(null), toEditorDocs({ filters: [], tags: 'x' })]) {
      const markdown = hoverAt(parseTemplateFile(text), offset, { docs })?.markdown ?? '';
      assert.match(markdown, /^`json_escape` — Braze filter/);
    }
    assert.match(hoverAt(parseTemplateFile(text), offset, { docs: EDITOR_DOCS })?.markdown ?? '', /^`string \| json_escape` — Braze filter\n\nEscapes quotes/);
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
    const documented = completionsAt(parseTemplateFile(f), f.indexOf('json_e') + 6, { docs: EDITOR_DOCS }).find((i) => i.label === 'json_escape');
    assert.equal(documented?.detail, 'string | json_escape');
  });

  it('offers Lead fields as body keys, minus the ones present', () => {
    const text = '{"url": "x", "body": {"LastName": "a", "": ""}}';
    const offset = text.indexOf('"": ""') + 1;
    const labels = completionsAt(parseTemplateFile(text), offset, { salesforce: BUILT_IN_SALESFORCE }).map((i) => i.label);
    assert.ok(labels.includes('Company'));
    assert.ok(!labels.includes('LastName'));
    assert.ok(!labels.includes('Id'), 'read-only fields are not offered');
  });

  it('offers Lead fields as "Name": "$1" snippets, required ones first, type and length in the detail', () => {
    const text = '{"url": "https://acme.my.salesforce.com/services/data/v60.0/sobjects/Lead/", "body": {  }}';
    const items = completionsAt(parseTemplateFile(text), text.indexOf('{  }') + 2, { salesforce: BUILT_IN_SALESFORCE });
    const sorted = [...items].sort((a, b) => (a.sortText ?? a.label).localeCompare(b.sortText ?? b.label));
    assert.deepEqual(sorted.slice(0, 2).map((i) => i.label), ['Company', 'LastName']);
    const last = items.find((i) => i.label === 'LastName');
    assert.deepEqual([last?.insertText, last?.snippet, last?.detail], ['"LastName": "$1"', true, 'Lead.LastName · string(80) · required on create']);
    assert.ok(items.some((i) => i.label === 'RecordTypeId'), 'feature-dependent fields are offered');
    assert.ok(!items.some((i) => i.label === 'Name' || i.label === 'Address'), 'read-only fields are not');
  });

  it('renames an existing key with the bare name; an update offers updateable fields only', () => {
    const text = '{"url": "https://acme.my.salesforce.com/services/data/v60.0/sobjects/Lead/{{${user_id}}}", "request_method": "PATCH", "body": {"Las": "x"}}';
    const items = completionsAt(parseTemplateFile(text), text.indexOf('"Las"') + 3, { salesforce: BUILT_IN_SALESFORCE });
    const last = items.find((i) => i.label === 'LastName');
    assert.deepEqual([last?.insertText, last?.snippet, text.slice(last?.replaceStart, last?.replaceEnd)], ['"LastName"', false, '"Las"']);
    assert.ok(!items.some((i) => i.label === 'IsConverted'), 'create-only fields are not offered on an update');
    assert.deepEqual(completionsAt(parseTemplateFile(text), text.indexOf('"Las"') + 3), [], 'no model, no field names');
  });

  it('knows the snippet context', () => {
    assert.equal(snippetContextAt(parseTemplateFile(''), 0), 'file');
    const text = '{"url": "x", "request_headers": {"": ""}, "body": {"": "v"}}';
    assert.equal(snippetContextAt(parseTemplateFile(text), text.indexOf('{"": ""}') + 2), 'headers');
    assert.equal(snippetContextAt(parseTemplateFile(text), text.indexOf('{"": "v"}') + 2), 'body');
    assert.equal(snippetContextAt(parseTemplateFile(text), text.indexOf('"v"') + 1), 'string');
  });
});
