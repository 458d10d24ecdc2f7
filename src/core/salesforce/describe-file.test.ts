import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BUILT_IN_MODELS } from '../../../test/helpers/salesforce';
import { loadSalesforceSchema, parseDescribe } from './describe-file';
import type { SObjectModel } from './model';

/** The example org describe: `sf sobject describe --sobject Lead --json` of an org with record types, a required custom field and a restricted custom picklist. */
const ACME_PATH = join(__dirname, '../../../examples/acme-lead.describe.json');
const ACME = readFileSync(ACME_PATH, 'utf8');

/** The REST form of the same describe (`GET …/sobjects/Lead/describe`): the `result` of the CLI output. */
const ACME_REST = JSON.stringify((JSON.parse(ACME) as { result: unknown }).result);

function orgLead(text = ACME): SObjectModel {
  const { schema, problems } = loadSalesforceSchema({ builtIn: BUILT_IN_MODELS, org: [{ file: 'acme-lead.describe.json', text }] });
  assert.deepEqual(problems, []);
  return schema.sobject('Lead') as SObjectModel;
}

describe('parseDescribe', () => {
  it('reads the sf CLI output and the REST describe alike', () => {
    const cli = parseDescribe(ACME);
    const rest = parseDescribe(ACME_REST);
    assert.deepEqual(cli.problems, []);
    assert.deepEqual(rest.problems, []);
    assert.equal(cli.describe?.name, 'Lead');
    assert.deepEqual(cli.describe, rest.describe);
  });

  it('keeps what the model needs of each field, picklist and record type', () => {
    const { describe } = parseDescribe(ACME);
    const stage = describe?.fields.find((f) => f.name === 'Lead_Stage__c');
    assert.equal(stage?.restrictedPicklist, true);
    assert.deepEqual(stage?.picklistValues.map((v) => [v.value, v.active]), [['Lead', true], ['MQL', true], ['SQL', true], ['Nurture', false]]);
    const external = describe?.fields.find((f) => f.name === 'Braze_External_Id__c');
    assert.deepEqual([external?.externalId, external?.idLookup], [true, true]);
    assert.deepEqual(describe?.recordTypeInfos?.map((t) => t.name), ['Marketing Lead', 'Partner Lead', 'Retired Lead', 'Master']);
    assert.equal(describe?.keyPrefix, '00Q');
  });

  it('reports invalid JSON at its position and gives no describe', () => {
    const text = '{"name": "Lead", "fields": [}';
    const { describe, problems } = parseDescribe(text);
    assert.equal(describe, undefined);
    assert.equal(problems[0].severity, 'error');
    assert.equal(problems[0].code, 'json-syntax');
    assert.equal(text[problems[0].startIndex], '}');
  });

  it('explains a failed sf command, the list of sObjects and a file without fields', () => {
    const failed = parseDescribe('{"status": 1, "name": "NoDefaultEnvError", "message": "No default environment found."}');
    assert.match(failed.problems[0].message, /sf command that failed \(status 1\): No default environment found\./);
    const list = parseDescribe('{"encoding": "UTF-8", "maxBatchSize": 200, "sobjects": []}');
    assert.match(list.problems[0].message, /list of all sObjects/);
    const noFields = parseDescribe('{"name": "Lead"}');
    assert.match(noFields.problems[0].message, /"fields" array/);
    assert.equal(parseDescribe('[1, 2]').problems[0].code, 'not-describe');
  });

  it('skips a field without a name with a warning, keeping the others', () => {
    const text = '{"name": "Lead", "fields": [{"type": "string"}, {"name": "LastName", "type": "string", "length": 80}]}';
    const { describe, problems } = parseDescribe(text);
    assert.deepEqual(describe?.fields.map((f) => f.name), ['LastName']);
    assert.equal(problems[0].severity, 'warning');
    assert.equal(text.slice(problems[0].startIndex, problems[0].endIndex), '{"type": "string"}');
  });
});

describe('an org describe as the model of its sObject', () => {
  it('replaces the built-in Lead model and says where it comes from', () => {
    const lead = orgLead();
    assert.deepEqual(lead.origin, { kind: 'org', file: 'acme-lead.describe.json' });
    assert.equal(lead.fromOrg, true);
    assert.equal(lead.field('CurrencyIsoCode'), undefined, 'this org has no multi-currency');
    assert.equal(lead.builtIn?.field('CurrencyIsoCode')?.feature, 'multi-currency');
  });

  it('knows the custom fields and enforces the required custom one', () => {
    const lead = orgLead();
    assert.equal(lead.field('lead_stage__c')?.name, 'Lead_Stage__c');
    assert.deepEqual(lead.requiredOnCreate.map((f) => f.name), ['LastName', 'Company', 'Region__c']);
  });

  it('knows the record types', () => {
    const lead = orgLead();
    assert.deepEqual(lead.recordTypes?.filter((t) => t.active && !t.master).map((t) => t.name), ['Marketing Lead', 'Partner Lead']);
  });

  it('keeps the built-in labels, versions and hover text of the standard fields it lists', () => {
    const lead = orgLead();
    assert.equal(lead.field('Pronouns')?.since, 57);
    assert.deepEqual(lead.fieldsLabelled('apellido').map((f) => f.name), ['LastName']);
    assert.deepEqual(lead.fieldsLabelled('Lead Stage').map((f) => f.name), ['Lead_Stage__c'], "the org's own labels are matched too");
  });

  it('a describe file that cannot be used is reported and the built-in model stays', () => {
    const { schema, problems } = loadSalesforceSchema({ builtIn: BUILT_IN_MODELS, org: [{ file: 'broken.json', text: '{"name": "Lead", ' }] });
    assert.equal(problems[0].file, 'broken.json');
    assert.equal(problems[0].severity, 'error');
    assert.equal(schema.sobject('Lead')?.origin.kind, 'built-in');
  });

  it('describes any sObject the same way (Contact)', () => {
    const contact = JSON.stringify({ name: 'Contact', keyPrefix: '003', fields: [{ name: 'LastName', type: 'string', length: 80, createable: true, updateable: true, nillable: false, defaultedOnCreate: false }] });
    const { schema, used } = loadSalesforceSchema({ builtIn: BUILT_IN_MODELS, org: [{ file: 'contact.json', text: contact }] });
    assert.deepEqual(used, [{ file: 'contact.json', sobject: 'Contact' }]);
    assert.deepEqual(schema.sobject('contact')?.requiredOnCreate.map((f) => f.name), ['LastName']);
    assert.equal(schema.sobject('Lead')?.origin.kind, 'built-in');
  });
});
