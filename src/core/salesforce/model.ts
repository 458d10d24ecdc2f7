/**
 * The one description of Salesforce sObjects every Salesforce rule, hover, completion and the
 * simulated answer read. It has the shape of Salesforce's own describe
 * (`GET /services/data/vXX.X/sobjects/<sObject>/describe`,
 * https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/resources_sobject_describe.htm),
 * so the built-in Lead model (`data/salesforce/lead.json`) and an org's describe file are read by
 * the same code. The core never loads the built-in data itself: adapters inject it (ADR 008), so
 * it stays out of the extension's code bundle.
 */

/** Field types of the describe (`DescribeFieldResult.type`), as far as request bodies care. */
export type FieldType =
  | 'id'
  | 'string'
  | 'textarea'
  | 'email'
  | 'phone'
  | 'url'
  | 'picklist'
  | 'multipicklist'
  | 'combobox'
  | 'boolean'
  | 'int'
  | 'long'
  | 'double'
  | 'currency'
  | 'percent'
  | 'date'
  | 'datetime'
  | 'time'
  | 'reference'
  | 'address'
  | 'location'
  | 'encryptedstring'
  | 'base64'
  | 'anyType';

/** One picklist entry as the describe lists it. */
export interface PicklistValue {
  value: string;
  label: string;
  active: boolean;
  defaultValue: boolean;
}

/** A field as the describe reports it, plus what the built-in model adds (all optional). */
export interface DescribeField {
  name: string;
  label: string;
  type: FieldType;
  /** Max characters of a text or picklist value; 0 for other types. */
  length: number;
  /** Max digits of an `int`. */
  digits?: number;
  /** Total and fractional digits of a `double`, `currency` or `percent`. */
  precision?: number;
  scale?: number;
  createable: boolean;
  updateable: boolean;
  nillable: boolean;
  defaultedOnCreate: boolean;
  custom?: boolean;
  picklistValues: PicklistValue[];
  restrictedPicklist: boolean;
  /** sObjects a `reference` field points at (`OwnerId` → Group, User). */
  referenceTo: string[];
  /** The compound field this one is part of (`Street` → `Address`). */
  compoundFieldName?: string | null;
  /** Usable as the external Id of an upsert URL. */
  externalId?: boolean;
  idLookup?: boolean;
  /** Built-in only: API version the field appeared in; absent = every version Salesforce still serves (or undocumented, see `sinceNote`). */
  since?: number;
  sinceNote?: string;
  /** Built-in only: the org feature the field needs (a key of `features`). */
  feature?: string;
  /** Built-in only: an audit field, createable only with "Set Audit Fields upon Record Creation". */
  audit?: boolean;
  /** Built-in only: labels in English and Spanish, to recognise a translated key. */
  labels?: { en: string[]; es: string[] };
  /** Built-in only: one sentence for hovers. */
  description?: string;
}

/** A record type an org describe lists (`recordTypeInfos`). */
export interface RecordTypeInfo {
  recordTypeId: string;
  name: string;
  developerName?: string;
  active: boolean;
  available: boolean;
  defaultRecordTypeMapping: boolean;
  master?: boolean;
}

/** The describe of one sObject (the parts the product reads). */
export interface DescribeSObject {
  name: string;
  label: string;
  keyPrefix?: string | null;
  custom?: boolean;
  fields: DescribeField[];
  recordTypeInfos?: RecordTypeInfo[];
  /** Built-in only: the release the model describes. */
  release?: { apiVersion: number; name: string };
  /** Built-in only: key prefixes of the sObjects reference fields point at. */
  keyPrefixes?: Record<string, string>;
  /** Built-in only: feature key → what to turn on, for messages. */
  features?: Record<string, string>;
}

/** Where a model comes from: the product's built-in data, or a describe file of the user's org. */
export type ModelOrigin = { kind: 'built-in'; release: string; apiVersion: number } | { kind: 'org'; file: string };

/** A field of a model, with what the describe implies computed once. */
export interface SObjectField extends DescribeField {
  /** `createable && !nillable && !defaultedOnCreate`: a create without it fails with REQUIRED_FIELD_MISSING. */
  requiredOnCreate: boolean;
}

/** One sObject as the product knows it. */
export interface SObjectModel {
  name: string;
  label: string;
  keyPrefix?: string;
  origin: ModelOrigin;
  fields: readonly SObjectField[];
  /** The field with this API name, ignoring case as Salesforce does; a name with spaces around it names none. */
  field(name: string): SObjectField | undefined;
  /** Fields a create must send (see `SObjectField.requiredOnCreate`), in describe order. */
  requiredOnCreate: readonly SObjectField[];
  /** True when the model is the org's own describe: custom fields and record types are known. */
  fromOrg: boolean;
  /** For an org describe of an sObject the product has built in: the built-in model (standard fields the org may lack). */
  builtIn?: SObjectModel;
  /** Record types of the org (only from an org describe). */
  recordTypes?: readonly RecordTypeInfo[];
  /** Key prefixes of the sObjects reference fields point at (`User` → `005`). */
  keyPrefixes: Readonly<Record<string, string>>;
  /** Feature key → what to turn on, for messages. */
  features: Readonly<Record<string, string>>;
  /** Fields whose API name or English/Spanish label folds to `text` (case, accents, spaces ignored). */
  fieldsLabelled(text: string): SObjectField[];
  /** Every folded label and API name, for did-you-mean searches. */
  foldedLabels(): readonly string[];
}

/** Every sObject the product knows for one workspace or CLI run: the built-in ones and the org's describes. */
export interface SalesforceSchema {
  /** The model of an sObject named in a URL (any case), or undefined when the product knows nothing of it. */
  sobject(name: string): SObjectModel | undefined;
  /** The newest API release the product knows (68 for Winter '27). */
  newestApiVersion: number;
  /** Names of the sObjects known, as written in their models. */
  names(): string[];
}

/** The newest release the built-in knowledge describes; a later version is the future (or a preview sandbox). */
export const NEWEST_KNOWN_API_VERSION = 68;

/** Folds case, accents, spaces and punctuation so `correo electrónico` matches `Correo electrónico`. */
export function foldLabel(text: string): string {
  // Body keys are folded by several rules on every keystroke: remember the last few hundred.
  let folded = foldedLabels.get(text);
  if (folded === undefined) {
    if (foldedLabels.size >= 512) foldedLabels.clear();
    folded = text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]/g, '');
    foldedLabels.set(text, folded);
  }
  return folded;
}

const foldedLabels = new Map<string, string>();

/** Builds a model from a describe (built-in data or an org's file). */
export function toSObjectModel(describe: DescribeSObject, origin: ModelOrigin, builtIn?: SObjectModel): SObjectModel {
  const fields: SObjectField[] = describe.fields.map((field) => {
    const extras = builtIn?.field(field.name);
    const merged: DescribeField = extras ? { ...pickExtras(extras), ...field } : field;
    return { ...merged, requiredOnCreate: merged.createable && !merged.nillable && !merged.defaultedOnCreate };
  });
  const byLowerName = new Map(fields.map((field) => [field.name.toLowerCase(), field]));
  const byLabel = new Map<string, SObjectField[]>();
  for (const field of fields) {
    for (const label of [field.name, field.label, ...(field.labels?.en ?? []), ...(field.labels?.es ?? [])]) {
      const folded = foldLabel(label);
      if (folded === '') continue;
      const list = byLabel.get(folded) ?? [];
      if (!list.includes(field)) list.push(field);
      byLabel.set(folded, list);
    }
  }
  const keyPrefixes: Record<string, string> = { ...builtIn?.keyPrefixes, ...describe.keyPrefixes };
  if (describe.keyPrefix) keyPrefixes[describe.name] = describe.keyPrefix;
  const fromOrg = origin.kind === 'org';
  return {
    name: describe.name,
    label: describe.label,
    keyPrefix: describe.keyPrefix ?? builtIn?.keyPrefix ?? undefined,
    origin,
    fields,
    field: (name) => (name === name.trim() ? byLowerName.get(name.toLowerCase()) : undefined),
    requiredOnCreate: fields.filter((f) => f.requiredOnCreate),
    fromOrg,
    builtIn,
    recordTypes: fromOrg ? (describe.recordTypeInfos ?? []) : undefined,
    keyPrefixes,
    features: { ...builtIn?.features, ...describe.features },
    fieldsLabelled: (text) => byLabel.get(foldLabel(text)) ?? [],
    foldedLabels: () => [...byLabel.keys()],
  };
}

/** The built-in extras of a field, carried over to the same field of an org describe. */
function pickExtras(field: DescribeField): Partial<DescribeField> {
  const { since, sinceNote, feature, audit, labels, description } = field;
  return Object.fromEntries(Object.entries({ since, sinceNote, feature, audit, labels, description }).filter(([, v]) => v !== undefined));
}

/** What `createSalesforceSchema` is built from. */
export interface SchemaSources {
  /** Built-in models (the Lead data), already read as describes. */
  builtIn?: readonly DescribeSObject[];
  /** Org describe files, already parsed; each replaces the built-in model of its sObject. */
  org?: ReadonlyArray<{ describe: DescribeSObject; file: string }>;
}

/**
 * The schema of one run: an org describe wins over the built-in model of the same sObject (it is
 * what the org really has), keeping the built-in labels, versions and hover text of the standard
 * fields it lists.
 */
export function createSalesforceSchema(sources: SchemaSources = {}): SalesforceSchema {
  const models = new Map<string, SObjectModel>();
  for (const describe of sources.builtIn ?? []) {
    const release = describe.release ?? { apiVersion: NEWEST_KNOWN_API_VERSION, name: '' };
    models.set(describe.name.toLowerCase(), toSObjectModel(describe, { kind: 'built-in', release: release.name, apiVersion: release.apiVersion }));
  }
  for (const { describe, file } of sources.org ?? []) {
    const key = describe.name.toLowerCase();
    models.set(key, toSObjectModel(describe, { kind: 'org', file }, models.get(key)));
  }
  return {
    sobject: (name) => models.get(name.toLowerCase()),
    newestApiVersion: NEWEST_KNOWN_API_VERSION,
    names: () => [...models.values()].map((m) => m.name),
  };
}

/** A schema that knows no sObject: what rules see when no model was injected. */
export const EMPTY_SALESFORCE_SCHEMA: SalesforceSchema = createSalesforceSchema();

/**
 * Why `name` cannot be a custom field API name, or undefined when it can (or is not `…__c`):
 * letters, digits and single underscores, starting with a letter, not ending with `_`, at most 40
 * characters before `__c`; managed packages add `ns__`.
 * https://developer.salesforce.com/docs/atlas.en-us.object_reference.meta/object_reference/sforce_api_objects_custom_objects.htm
 */
export function customFieldNameProblem(name: string): string | undefined {
  if (!/__c$/i.test(name)) return undefined;
  const body = name.slice(0, -3);
  const parts = body.split('__');
  if (parts.length > 2) return 'it contains more than one "__" besides the namespace';
  const local = parts[parts.length - 1];
  if (parts.length === 2 && !/^[A-Za-z][A-Za-z0-9]{0,14}$/.test(parts[0])) return `the namespace prefix "${parts[0]}" is not valid`;
  if (local.length === 0) return 'the name before "__c" is empty';
  if (local.length > 40) return `the name before "__c" is ${local.length} characters; the limit is 40`;
  if (!/^[A-Za-z]/.test(local)) return 'it must start with a letter';
  if (/_$/.test(local)) return 'it must not end with "_" before "__c"';
  if (!/^[A-Za-z0-9_]+$/.test(local)) return 'only letters, digits and single underscores are allowed';
  return undefined;
}
