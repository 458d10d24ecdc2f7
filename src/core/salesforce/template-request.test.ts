import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { applyFixes } from '../lint/apply-fixes';
import { lintStatic } from '../lint/linter';
import { parseTemplateFile } from '../template/template-file';
import { template } from '../../../test/helpers/rule-tester';
import { BUILT_IN_SALESFORCE } from '../../../test/helpers/salesforce';
import { closestWritableField, parseApiVersion, toBodyKeys, toSobjectRequest, writableFieldsLabelled } from './template-request';
import type { SObjectModel } from './model';
import { decodedRangeToRaw } from '../liquid/compile';
import { SfApiVersion } from '../rules/sf-api-version';
import { SfContentType } from '../rules/sf-content-type';
import { SfCreateWithId } from '../rules/sf-create-with-id';
import { SfCustomFieldName } from '../rules/sf-custom-field-name';
import { SfFieldCase } from '../rules/sf-field-case';
import { SfIdInBody } from '../rules/sf-id-in-body';
import { SfMethod } from '../rules/sf-method';
import { SfRequiredFields } from '../rules/sf-required-fields';
import { SfUnknownField } from '../rules/sf-unknown-field';
import { SfUpdateIdGuard } from '../rules/sf-update-id-guard';
import { SfUpdateWithoutId } from '../rules/sf-update-without-id';

/** Every Salesforce Lead rule (group C). */
const SALESFORCE_RULES = [SfApiVersion, SfContentType, SfCreateWithId, SfCustomFieldName, SfFieldCase, SfIdInBody, SfMethod, SfRequiredFields, SfUnknownField, SfUpdateIdGuard, SfUpdateWithoutId];

const example = (name: string) => readFileSync(fileURLToPath(new URL(`../../../examples/${name}`, import.meta.url)), 'utf8');

function lintExample(name: string) {
  const text = example(name);
  return { text, problems: lintStatic(parseTemplateFile(text), SALESFORCE_RULES, undefined, BUILT_IN_SALESFORCE) };
}

function summary(name: string) {
  const { text, problems } = lintExample(name);
  return problems.map((p) => [p.ruleId, p.severity, text.slice(p.startIndex, p.endIndex)]);
}

const toRaw = { toRaw: decodedRangeToRaw };

describe('Salesforce rules on the examples', () => {
  it("Braze's Spanish create recipe: translated keys and the missing required fields", () => {
    assert.deepEqual(summary('seed-create-lead.braze-webhook.json'), [
      ['sf-required-fields', 'warning', '"body"'],
      ['sf-required-fields', 'warning', '"body"'],
      ['sf-field-case', 'info', '"firstName"'],
      ['sf-unknown-field', 'warning', '"apellido"'],
      ['sf-unknown-field', 'warning', '"correo electrónico"'],
      ['sf-unknown-field', 'warning', '"empresa"'],
    ]);
    const { problems } = lintExample('seed-create-lead.braze-webhook.json');
    const messages = problems.map((p) => p.message).join('\n');
    assert.match(messages, /"apellido" looks like LastName/);
    assert.match(messages, /"empresa" looks like Company/);
    assert.match(messages, /"apellido" is the label of LastName/);
    assert.match(messages, /"correo electrónico" is the label of Email/);
    assert.match(messages, /"empresa" is the label of Company/);
  });

  it('the create recipe, once fixed, sends the API names and satisfies the required fields', () => {
    const { text, problems } = lintExample('seed-create-lead.braze-webhook.json');
    const fixed = applyFixes(text, problems).text;
    const body = JSON.parse(fixed).body as Record<string, string>;
    assert.deepEqual(Object.keys(body), ['FirstName', 'LastName', 'Email', 'Company']);
    assert.deepEqual(lintStatic(parseTemplateFile(fixed), SALESFORCE_RULES, undefined, BUILT_IN_SALESFORCE), []);
  });

  it("Braze's Spanish update recipe: the unguarded Lead Id", () => {
    assert.deepEqual(summary('seed-update-lead.braze-webhook.json'), [['sf-update-id-guard', 'warning', '{{${user_id}}}']]);
  });

  for (const name of ['create-lead.braze-webhook.json', 'update-lead-to-mql.braze-webhook.json']) {
    it(`the corrected ${name} has no error and no warning`, () => {
      assert.deepEqual(summary(name).filter(([, severity]) => severity !== 'info'), []);
      assert.deepEqual(summary(name), []);
    });
  }
});

describe('toSobjectRequest', () => {
  const op = (url: string, method?: string) => toSobjectRequest(parseTemplateFile(template({ url, request_method: method })))?.operation;
  const base = 'https://acme.my.salesforce.com/services/data/v60.0/sobjects/Lead';
  it('reads create, update and upsert', () => {
    assert.equal(op(`${base}/`, 'POST'), 'create');
    assert.equal(op(`${base}`, 'POST'), 'create');
    assert.equal(op(`${base}/Id`, 'POST'), 'create');
    assert.equal(op(`${base}/{{\${user_id}}}`, 'PATCH'), 'update');
    assert.equal(op(`${base}/{{\${user_id}}}?_HttpMethod=PATCH`, 'POST'), 'update');
    assert.equal(op(`${base}/Email__c/{{\${email_address}}}`, 'PATCH'), 'upsert');
    assert.equal(op(`${base}/00QKY000001LyJR2A0`, 'POST'), undefined);
    assert.equal(op(`${base}/`, 'PATCH'), undefined);
  });
  it('POST …/Lead/Id is a create only from API 37.0', () => {
    assert.equal(op('https://acme.my.salesforce.com/services/data/v36.0/sobjects/Lead/Id', 'POST'), undefined);
    assert.equal(op('https://acme.my.salesforce.com/services/data/v37.0/sobjects/Lead/Id', 'POST'), 'create');
  });
  it('treats an absent request_method as POST, as Braze does', () => {
    const text = template().replace('  "request_method": "POST",\n', '');
    assert.equal(toSobjectRequest(parseTemplateFile(text))?.method, 'POST');
  });
  it('ignores non-sObject URLs and broken JSON', () => {
    assert.equal(toSobjectRequest(parseTemplateFile(template({ url: 'https://hooks.example.com/lead' }))), undefined);
    assert.equal(toSobjectRequest(parseTemplateFile(`${template()},`)), undefined);
  });
});

describe('parseApiVersion', () => {
  it('classifies segments', () => {
    assert.deepEqual(parseApiVersion('v60.0'), { kind: 'valid', major: 60 });
    assert.deepEqual(parseApiVersion('v60'), { kind: 'malformed', canonical: 'v60.0' });
    assert.deepEqual(parseApiVersion('60.0'), { kind: 'malformed', canonical: 'v60.0' });
    assert.deepEqual(parseApiVersion('V60.0'), { kind: 'malformed', canonical: 'v60.0' });
    assert.deepEqual(parseApiVersion('v60.1'), { kind: 'malformed', guess: 'v60.0' });
    assert.deepEqual(parseApiVersion('v0.0'), { kind: 'malformed' });
    assert.deepEqual(parseApiVersion('v{{x}}'), { kind: 'liquid' });
  });
});

describe('Lead field did-you-mean', () => {
  const lead = BUILT_IN_SALESFORCE.sobject('Lead') as SObjectModel;
  const names = (key: string) => writableFieldsLabelled(lead, key).map((f) => f.name);
  const closestLeadField = (key: string) => closestWritableField(lead, key);
  it('matches API names and English/Spanish labels after folding', () => {
    assert.deepEqual(names('apellido'), ['LastName']);
    assert.deepEqual(names('correo electrónico'), ['Email']);
    assert.deepEqual(names('CORREO ELECTRONICO'), ['Email']);
    assert.deepEqual(names('empresa'), ['Company']);
    assert.deepEqual(names('first_name'), ['FirstName']);
    assert.deepEqual(names('Zip/Postal Code'), ['PostalCode']);
  });
  it('reports an ambiguous label with every field', () => {
    assert.deepEqual(names('Estado'), ['State', 'Status']);
  });
  it('never offers read-only fields', () => {
    assert.deepEqual(names('Full Name'), []);
    assert.deepEqual(names('Created Date'), []);
  });
  it('finds typos by edit distance', () => {
    assert.equal(closestLeadField('Compnay')?.name, 'Company');
    assert.equal(closestLeadField('LastNme')?.name, 'LastName');
    assert.equal(closestLeadField('apelido')?.name, 'LastName');
    assert.equal(closestLeadField('Lead_Stage'), undefined);
    assert.equal(closestLeadField('---'), undefined);
  });
});

describe('toBodyKeys', () => {
  it('maps raw-body keys to raw offsets and renames them with escaped quotes', () => {
    const text = template({ body: '{"apellido": "{{${last_name}}}", "Company": "Acme"}' });
    const file = parseTemplateFile(text);
    const keys = toBodyKeys(file, toRaw);
    assert.equal(keys?.source, 'raw');
    assert.deepEqual(keys?.keys.map((k) => text.slice(k.range.start, k.range.end)), ['\\"apellido\\"', '\\"Company\\"']);
    const renamed = applyFixes(text, [{ ruleId: 'x', severity: 'info', message: '', startIndex: 0, endIndex: 0, fix: { edits: keys?.keys[0].rename('LastName') ?? [] } }]).text;
    assert.equal(JSON.parse(JSON.parse(renamed).body).LastName, '{{${last_name}}}');
  });
  it('knows nothing about a raw body that is not a JSON object as written', () => {
    assert.equal(toBodyKeys(parseTemplateFile(template({ body: 'LastName={{${last_name}}}' })), toRaw), undefined);
    assert.equal(toBodyKeys(parseTemplateFile(template({ body: '{"LastName": {{${last_name} | json_escape}}}' })), toRaw), undefined);
  });
  const removeAll = (text: string, index: number) => {
    const keys = toBodyKeys(parseTemplateFile(text), toRaw)?.keys ?? [];
    return applyFixes(text, [{ ruleId: 'x', severity: 'info', message: '', startIndex: 0, endIndex: 0, fix: { edits: keys[index].remove() } }]).text;
  };
  it('removes the first, a middle, the last and the only member keeping valid JSON', () => {
    const three = template({ body: { Id: 'a', LastName: 'b', Company: 'c' } });
    assert.deepEqual(JSON.parse(removeAll(three, 0)).body, { LastName: 'b', Company: 'c' });
    assert.deepEqual(JSON.parse(removeAll(three, 1)).body, { Id: 'a', Company: 'c' });
    assert.deepEqual(JSON.parse(removeAll(three, 2)).body, { Id: 'a', LastName: 'b' });
    assert.equal(removeAll(three, 2), template({ body: { Id: 'a', LastName: 'b' } }));
    assert.equal(removeAll(three, 0), template({ body: { LastName: 'b', Company: 'c' } }));
    assert.deepEqual(JSON.parse(removeAll(template({ body: { Id: 'a' } }), 0)).body, {});
    const inline = template({ body: '{"Id": "a", "LastName": "b"}' });
    assert.equal(JSON.parse(JSON.parse(removeAll(inline, 0)).body).LastName, 'b');
    assert.deepEqual(Object.keys(JSON.parse(JSON.parse(removeAll(inline, 1)).body)), ['Id']);
  });
});

describe('suggestion edits', () => {
  /** The file after applying suggestion `which` of the first problem `rule` reports. */
  const suggested = (rule: (typeof SALESFORCE_RULES)[number], text: string, which = 0) => {
    const [problem] = lintStatic(parseTemplateFile(text), [rule], undefined, BUILT_IN_SALESFORCE);
    const edits = problem?.suggest?.[which]?.edits;
    assert.ok(edits, `${rule.meta.id} offered no suggestion ${which}`);
    const fixed = applyFixes(text, [{ ...problem, fix: { edits } }]).text;
    assert.deepEqual(parseTemplateFile(fixed).syntaxErrors, []);
    return fixed;
  };
  const base = 'https://acme.my.salesforce.com/services/data/v60.0/sobjects/Lead/';

  it('sf-update-id-guard inserts an abort guard before the scheme, and then is satisfied', () => {
    const text = template({ url: `{% assign id = \${user_id} | strip %}${base}{{id}}`, request_method: 'PATCH', body: { Lead_Stage__c: 'MQL' } });
    const fixed = suggested(SfUpdateIdGuard, text);
    assert.equal(JSON.parse(fixed).url, `{% assign id = \${user_id} | strip %}{% if id == blank %}{% abort_message('No Salesforce Lead Id') %}{% endif %}${base}{{id}}`);
    assert.deepEqual(lintStatic(parseTemplateFile(fixed), [SfUpdateIdGuard], undefined, BUILT_IN_SALESFORCE), []);
  });
  it('sf-update-id-guard names the external-Id field in an upsert reason', () => {
    const fixed = suggested(SfUpdateIdGuard, template({ url: `${base}Email__c/{{\${email_address}}}`, request_method: 'PATCH' }));
    assert.equal(JSON.parse(fixed).url, `{% if \${email_address} == blank %}{% abort_message('No Email__c value for the Lead upsert') %}{% endif %}${base}Email__c/{{\${email_address}}}`);
  });
  it('sf-create-with-id removes the segment (and its slash) or switches to PATCH', () => {
    const text = template({ url: `${base}00QKY000001LyJR2A0/` });
    assert.equal(JSON.parse(suggested(SfCreateWithId, text, 0)).url, base);
    assert.equal(JSON.parse(suggested(SfCreateWithId, text, 1)).request_method, 'PATCH');
  });
  it('sf-update-without-id switches to POST', () => {
    assert.equal(JSON.parse(suggested(SfUpdateWithoutId, template({ request_method: 'PATCH' }))).request_method, 'POST');
  });
  it('sf-method replaces the method token', () => {
    assert.equal(JSON.parse(suggested(SfMethod, template({ request_method: 'PUT' }))).request_method, 'POST');
  });
  it('sf-api-version replaces the version segment', () => {
    assert.equal(JSON.parse(suggested(SfApiVersion, template({ url: base.replace('v60.0', 'v30.0') }))).url, base.replace('v60.0', 'v59.0'));
  });
  it('sf-id-in-body removes the member', () => {
    assert.deepEqual(JSON.parse(suggested(SfIdInBody, template({ body: { LastName: 'x', Id: 'y' } }))).body, { LastName: 'x' });
  });
  it('sf-content-type replaces a non-JSON value', () => {
    const fixed = suggested(SfContentType, template({ request_headers: { 'Content-Type': 'text/plain' } }));
    assert.deepEqual(JSON.parse(fixed).request_headers, { 'Content-Type': 'application/json' });
  });
  it('sf-custom-field-name and sf-unknown-field rename the key', () => {
    assert.deepEqual(Object.keys(JSON.parse(suggested(SfCustomFieldName, template({ body: { 'Lead Stage__c': 'MQL' } }))).body), ['Lead_Stage__c']);
    assert.deepEqual(Object.keys(JSON.parse(suggested(SfUnknownField, template({ body: { LastName: 'x', Compnay: 'y' } }))).body), ['LastName', 'Company']);
  });
});
