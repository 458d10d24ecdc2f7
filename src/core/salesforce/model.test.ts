import assert from 'node:assert/strict';
import leadJson from '../../../data/salesforce/lead.json';
import { BUILT_IN_SALESFORCE } from '../../../test/helpers/salesforce';
import { customFieldNameProblem, foldLabel, type SObjectModel } from './model';

const lead = BUILT_IN_SALESFORCE.sobject('Lead') as SObjectModel;

/**
 * The standard Lead fields, one row each, taken from Salesforce's references for Winter '27 (API v68.0):
 * - type, length and digits: the field reference,
 *   https://developer.salesforce.com/docs/atlas.en-us.sfFieldRef.meta/sfFieldRef/salesforce_field_reference_Lead.htm
 *   (also https://developer.salesforce.com/docs/platform/field-reference/references/field-reference/salesforce-field-reference-lead.html);
 * - create/update/nillable/defaulted ("Properties: Create, Filter, Nillable, … Update") and the
 *   version a field appeared in ("available in API version N.0 and later"): the object reference,
 *   https://developer.salesforce.com/docs/atlas.en-us.object_reference.meta/object_reference/sforce_api_objects_lead.htm;
 * - Pronouns/GenderIdentity from Spring '23 (v57.0), IndividualId with data protection (v42.0),
 *   audit fields and Create-not-Update of IsConverted/Converted*: domain.md §10, from the same pages.
 * Flags: c = Create, u = Update, n = Nillable, d = Defaulted on create. `since` '—' = in every
 * version Salesforce still serves (or undocumented). `feature` = the org feature it needs.
 */
const TABLE: Array<[name: string, type: string, size: number, flags: string, since: number | '—', feature: string]> = [
  ['Id', 'id', 18, 'd', '—', ''],
  ['IsDeleted', 'boolean', 0, 'd', '—', ''],
  ['MasterRecordId', 'reference', 18, 'n', '—', ''],
  ['LastName', 'string', 80, 'cu', '—', ''],
  ['FirstName', 'string', 40, 'cun', '—', ''],
  ['Salutation', 'picklist', 40, 'cun', '—', ''],
  ['MiddleName', 'string', 40, 'cun', '—', 'name-settings'],
  ['Suffix', 'string', 40, 'cun', '—', 'name-settings'],
  ['Name', 'string', 121, 'd', '—', ''],
  ['RecordTypeId', 'reference', 18, 'cun', '—', 'record-types'],
  ['Title', 'string', 128, 'cun', '—', ''],
  ['Company', 'string', 255, 'cu', '—', ''],
  ['Street', 'textarea', 255, 'cun', '—', ''],
  ['City', 'string', 40, 'cun', '—', ''],
  ['State', 'string', 80, 'cun', '—', ''],
  ['PostalCode', 'string', 20, 'cun', '—', ''],
  ['Country', 'string', 80, 'cun', '—', ''],
  ['StateCode', 'picklist', 10, 'cun', '—', 'state-country-picklists'],
  ['CountryCode', 'picklist', 10, 'cun', '—', 'state-country-picklists'],
  ['Latitude', 'double', 18, 'cun', '—', ''],
  ['Longitude', 'double', 18, 'cun', '—', ''],
  ['GeocodeAccuracy', 'picklist', 40, 'cun', '—', ''],
  ['Address', 'address', 0, 'n', '—', ''],
  ['Phone', 'phone', 40, 'cun', '—', ''],
  ['MobilePhone', 'phone', 40, 'cun', '—', ''],
  ['Fax', 'phone', 40, 'cun', '—', ''],
  ['Email', 'email', 80, 'cun', '—', ''],
  ['Website', 'url', 255, 'cun', '—', ''],
  ['PhotoUrl', 'url', 255, 'n', '—', ''],
  ['Description', 'textarea', 32000, 'cun', '—', ''],
  ['LeadSource', 'picklist', 255, 'cun', '—', ''],
  ['Status', 'picklist', 40, 'cud', '—', ''],
  ['Industry', 'picklist', 255, 'cun', '—', ''],
  ['Rating', 'picklist', 40, 'cun', '—', ''],
  ['CurrencyIsoCode', 'picklist', 3, 'cud', '—', 'multi-currency'],
  ['AnnualRevenue', 'currency', 18, 'cun', '—', ''],
  ['NumberOfEmployees', 'int', 8, 'cun', '—', ''],
  ['OwnerId', 'reference', 18, 'cud', '—', ''],
  ['HasOptedOutOfEmail', 'boolean', 0, 'cud', '—', ''],
  ['IsConverted', 'boolean', 0, 'cd', '—', ''],
  ['ConvertedDate', 'date', 0, 'cn', '—', ''],
  ['ConvertedAccountId', 'reference', 18, 'cn', '—', ''],
  ['ConvertedContactId', 'reference', 18, 'cn', '—', ''],
  ['ConvertedOpportunityId', 'reference', 18, 'cn', '—', ''],
  ['IsUnreadByOwner', 'boolean', 0, 'cud', '—', ''],
  ['CreatedDate', 'datetime', 0, 'd', '—', ''],
  ['CreatedById', 'reference', 18, 'd', '—', ''],
  ['LastModifiedDate', 'datetime', 0, 'd', '—', ''],
  ['LastModifiedById', 'reference', 18, 'd', '—', ''],
  ['SystemModstamp', 'datetime', 0, 'd', '—', ''],
  ['LastActivityDate', 'date', 0, 'n', '—', ''],
  ['DoNotCall', 'boolean', 0, 'cud', '—', ''],
  ['HasOptedOutOfFax', 'boolean', 0, 'cud', '—', ''],
  ['LastViewedDate', 'datetime', 0, 'n', '—', ''],
  ['LastReferencedDate', 'datetime', 0, 'n', '—', ''],
  ['Jigsaw', 'string', 20, 'cun', '—', 'data-com'],
  ['JigsawContactId', 'string', 20, 'n', '—', 'data-com'],
  ['ConnectionReceivedId', 'reference', 18, 'n', '—', 'salesforce-to-salesforce'],
  ['ConnectionSentId', 'reference', 18, 'n', '—', 'salesforce-to-salesforce'],
  ['CleanStatus', 'picklist', 40, 'cun', '—', 'data-com'],
  ['CompanyDunsNumber', 'string', 9, 'cun', '—', ''],
  ['DandbCompanyId', 'reference', 18, 'cun', '—', 'data-com'],
  ['EmailBouncedReason', 'string', 255, 'cun', '—', 'bounce-management'],
  ['EmailBouncedDate', 'datetime', 0, 'cun', '—', 'bounce-management'],
  ['IndividualId', 'reference', 18, 'cun', 42, 'data-protection'],
  ['Division', 'picklist', 40, 'cud', '—', 'divisions'],
  ['PartnerAccountId', 'reference', 18, 'cun', '—', 'partner-relationship-management'],
  ['Pronouns', 'picklist', 255, 'cun', 57, ''],
  ['GenderIdentity', 'picklist', 255, 'cun', 57, ''],
  ['BirthDate', 'date', 0, 'cun', '—', ''],
  ['IsPriorityRecord', 'boolean', 0, 'd', '—', ''],
  ['ExportStatus', 'picklist', 40, 'n', '—', 'data-com'],
  ['ActionCadenceId', 'reference', 18, 'n', 48, 'sales-engagement'],
  ['ActionCadenceAssigneeId', 'reference', 18, 'n', 48, 'sales-engagement'],
  ['ActionCadenceState', 'picklist', 40, 'n', '—', 'sales-engagement'],
  ['ScheduledResumeDateTime', 'datetime', 0, 'n', '—', 'sales-engagement'],
  ['ActiveTrackerCount', 'int', 9, 'n', '—', 'sales-engagement'],
  ['FirstCallDateTime', 'datetime', 0, 'n', '—', 'sales-engagement'],
  ['FirstEmailDateTime', 'datetime', 0, 'n', '—', 'sales-engagement'],
  ['ActivityMetricId', 'reference', 18, 'n', 48, 'sales-engagement'],
  ['ActivityMetricRollupId', 'reference', 18, 'n', '—', 'sales-engagement'],
  ['EarliestInterestDate', 'date', 0, 'cun', 56, 'automotive-cloud'],
  ['LatestInterestDate', 'date', 0, 'cun', 56, 'automotive-cloud'],
];

describe('the built-in Lead model, field by field against the object and field references', () => {
  it('lists exactly the fields of the table, in describe order', () => {
    assert.deepEqual(
      lead.fields.map((f) => f.name),
      TABLE.map(([name]) => name),
    );
  });

  for (const [name, type, size, flags, since, feature] of TABLE) {
    it(`${name}: ${type}${size ? `(${size})` : ''} ${flags}${since === '—' ? '' : ` since v${since}.0`}${feature ? ` [${feature}]` : ''}`, () => {
      const field = lead.field(name);
      assert.ok(field, `${name} is missing`);
      const actualSize = field.length || field.digits || field.precision || 0;
      assert.deepEqual(
        { type: field.type, size: actualSize, createable: field.createable, updateable: field.updateable, nillable: field.nillable, defaultedOnCreate: field.defaultedOnCreate, since: field.since ?? '—', feature: field.feature ?? '' },
        { type, size, createable: flags.includes('c'), updateable: flags.includes('u'), nillable: flags.includes('n'), defaultedOnCreate: flags.includes('d'), since, feature },
      );
    });
  }
});

describe('the built-in Lead model: what the issue and domain.md §10 require', () => {
  it('knows RecordTypeId, CurrencyIsoCode, IndividualId, Pronouns, GenderIdentity as createable standard fields', () => {
    for (const name of ['RecordTypeId', 'CurrencyIsoCode', 'IndividualId', 'Pronouns', 'GenderIdentity', 'CleanStatus', 'DandbCompanyId', 'Division', 'MiddleName', 'Suffix', 'StateCode', 'CountryCode']) {
      assert.equal(lead.field(name)?.createable, true, name);
    }
  });
  it('requires exactly LastName and Company on create (Status and OwnerId are defaulted)', () => {
    assert.deepEqual(lead.requiredOnCreate.map((f) => f.name), ['LastName', 'Company']);
  });
  it('refuses Name, Address, PhotoUrl, IsDeleted, SystemModstamp and the audit fields on create', () => {
    for (const name of ['Name', 'Address', 'PhotoUrl', 'IsDeleted', 'IsPriorityRecord', 'LastActivityDate', 'SystemModstamp', 'CreatedDate', 'CreatedById', 'LastModifiedDate', 'LastModifiedById']) {
      assert.equal(lead.field(name)?.createable, false, name);
    }
    assert.deepEqual(lead.fields.filter((f) => f.audit).map((f) => f.name), ['CreatedDate', 'CreatedById', 'LastModifiedDate', 'LastModifiedById']);
  });
  it('lets IsConverted and Converted* be created but never updated', () => {
    for (const name of ['IsConverted', 'ConvertedDate', 'ConvertedAccountId', 'ConvertedContactId', 'ConvertedOpportunityId']) {
      const field = lead.field(name);
      assert.deepEqual([field?.createable, field?.updateable], [true, false], name);
    }
  });
  it('Address is its own read-only compound field, never a label of Street', () => {
    assert.equal(lead.field('Address')?.type, 'address');
    assert.deepEqual(lead.fieldsLabelled('Address').map((f) => f.name), ['Address']);
    assert.equal(lead.field('Street')?.compoundFieldName, 'Address');
  });
  it('types references with the key prefixes of what they point at', () => {
    assert.deepEqual(lead.field('OwnerId')?.referenceTo, ['Group', 'User']);
    assert.equal(lead.keyPrefixes.User, '005');
    assert.equal(lead.keyPrefixes.Group, '00G');
    assert.equal(lead.keyPrefixes.RecordType, '012');
    assert.equal(lead.keyPrefixes.Individual, '0PK');
    assert.equal(lead.keyPrefix, '00Q');
  });
  it('knows restricted picklists and their documented values', () => {
    assert.equal(lead.field('CleanStatus')?.restrictedPicklist, true);
    assert.equal(lead.field('GeocodeAccuracy')?.restrictedPicklist, true);
    assert.equal(lead.field('Status')?.restrictedPicklist, false);
    assert.ok(lead.field('Salutation')?.picklistValues.some((v) => v.value === 'Mx.'));
    assert.equal(lead.field('Status')?.picklistValues.find((v) => v.defaultValue)?.value, 'Open - Not Contacted');
  });
  it('matches field names ignoring case, and names with spaces around them never', () => {
    assert.equal(lead.field('lastname')?.name, 'LastName');
    assert.equal(lead.field(' LastName'), undefined);
  });
  it('keeps the English and Spanish labels for translated keys', () => {
    assert.deepEqual(lead.fieldsLabelled('apellido').map((f) => f.name), ['LastName']);
    assert.deepEqual(lead.fieldsLabelled('Correo electrónico').map((f) => f.name), ['Email']);
    assert.equal(foldLabel('Código postal'), 'codigopostal');
  });
  it('says which release it describes', () => {
    assert.deepEqual(lead.origin, { kind: 'built-in', release: "Winter '27", apiVersion: 68 });
    assert.equal(leadJson.release.apiVersion, BUILT_IN_SALESFORCE.newestApiVersion);
  });
});

describe('customFieldNameProblem', () => {
  it('accepts valid names and explains invalid ones', () => {
    assert.equal(customFieldNameProblem('Lead_Stage__c'), undefined);
    assert.equal(customFieldNameProblem('acme__Score__c'), undefined);
    assert.match(customFieldNameProblem('Lead Stage__c') ?? '', /only letters, digits/);
    assert.match(customFieldNameProblem('1Stage__c') ?? '', /start with a letter/);
    assert.equal(customFieldNameProblem('LastName'), undefined);
  });
});
