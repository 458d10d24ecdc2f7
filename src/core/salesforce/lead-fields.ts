/**
 * Standard Lead fields: API name, type, max length and whether create needs them, with English
 * and Spanish labels so a key copied from a translated recipe (`apellido`, `empresa`) can be
 * matched. Lengths from Salesforce's Lead field reference:
 * https://developer.salesforce.com/docs/atlas.en-us.object_reference.meta/object_reference/sforce_api_objects_lead.htm
 */
export interface LeadField {
  name: string;
  type: 'string' | 'email' | 'phone' | 'url' | 'textarea' | 'picklist' | 'boolean' | 'int' | 'currency' | 'double' | 'reference' | 'date' | 'datetime' | 'id';
  /** Max characters Salesforce stores; longer values fail with STRING_TOO_LONG. */
  maxLength?: number;
  /** Create fails with REQUIRED_FIELD_MISSING without it. */
  requiredOnCreate?: boolean;
  /** Read-only: sending it fails with INVALID_FIELD_FOR_INSERT_UPDATE / INVALID_FIELD. */
  readOnly?: boolean;
  labels: { en: string[]; es: string[] };
  /** One sentence for hovers. */
  description: string;
  /** Standard picklist values (org-configurable). */
  values?: string[];
}

const f = (name: string, type: LeadField['type'], labelsEn: string[], labelsEs: string[], description: string, extra: Partial<LeadField> = {}): LeadField => ({
  name,
  type,
  labels: { en: labelsEn, es: labelsEs },
  description,
  ...extra,
});

export const LEAD_FIELDS: readonly LeadField[] = Object.freeze([
  f('LastName', 'string', ['Last Name', 'Surname'], ['Apellido', 'Apellidos'], 'Last name of the lead; required on create.', { maxLength: 80, requiredOnCreate: true }),
  f('FirstName', 'string', ['First Name'], ['Nombre'], 'First name of the lead.', { maxLength: 40 }),
  f('MiddleName', 'string', ['Middle Name'], ['Segundo nombre'], 'Middle name (only when the org enables it).', { maxLength: 40 }),
  f('Suffix', 'string', ['Suffix'], ['Sufijo'], 'Name suffix (only when the org enables it).', { maxLength: 40 }),
  f('Salutation', 'picklist', ['Salutation'], ['Saludo', 'Tratamiento'], 'Salutation picklist.', { maxLength: 40, values: ['Mr.', 'Ms.', 'Mrs.', 'Dr.', 'Prof.'] }),
  f('Company', 'string', ['Company', 'Company Name'], ['Empresa', 'Compañía', 'Compania'], 'Company of the lead; required on create (unless person accounts convert it).', { maxLength: 255, requiredOnCreate: true }),
  f('Title', 'string', ['Title', 'Job Title'], ['Cargo', 'Título', 'Puesto'], 'Job title.', { maxLength: 128 }),
  f('Email', 'email', ['Email', 'Email Address', 'E-mail'], ['Correo electrónico', 'Correo', 'Email', 'Dirección de correo electrónico'], 'Email address; must be a valid address.', { maxLength: 80 }),
  f('Phone', 'phone', ['Phone', 'Phone Number'], ['Teléfono'], 'Phone number.', { maxLength: 40 }),
  f('MobilePhone', 'phone', ['Mobile', 'Mobile Phone'], ['Móvil', 'Teléfono móvil', 'Celular'], 'Mobile phone number.', { maxLength: 40 }),
  f('Fax', 'phone', ['Fax'], ['Fax'], 'Fax number.', { maxLength: 40 }),
  f('Website', 'url', ['Website', 'Web Site'], ['Sitio web', 'Página web'], 'Website URL.', { maxLength: 255 }),
  f('Street', 'textarea', ['Street', 'Address'], ['Calle', 'Dirección'], 'Street address.', { maxLength: 255 }),
  f('City', 'string', ['City'], ['Ciudad', 'Localidad'], 'City.', { maxLength: 40 }),
  f('State', 'string', ['State', 'State/Province', 'Province'], ['Estado', 'Provincia', 'Estado/Provincia'], 'State or province.', { maxLength: 80 }),
  f('PostalCode', 'string', ['Zip', 'Zip/Postal Code', 'Postal Code', 'Zip Code'], ['Código postal'], 'Postal code.', { maxLength: 20 }),
  f('Country', 'string', ['Country'], ['País'], 'Country.', { maxLength: 80 }),
  f('StateCode', 'picklist', ['State Code'], ['Código de estado'], 'State code (only with state and country picklists enabled).', { maxLength: 10 }),
  f('CountryCode', 'picklist', ['Country Code'], ['Código de país'], 'Country code (only with state and country picklists enabled).', { maxLength: 10 }),
  f('Description', 'textarea', ['Description'], ['Descripción'], 'Free text description.', { maxLength: 32000 }),
  f('Status', 'picklist', ['Lead Status', 'Status'], ['Estado del candidato', 'Estado'], 'Lead status; defaulted on create from the default LeadStatus value.', { maxLength: 255, values: ['Open - Not Contacted', 'Working - Contacted', 'Closed - Converted', 'Closed - Not Converted'] }),
  f('LeadSource', 'picklist', ['Lead Source', 'Source'], ['Origen del candidato', 'Origen'], 'Lead source picklist.', { maxLength: 255, values: ['Web', 'Phone Inquiry', 'Partner Referral', 'Purchased List', 'Other'] }),
  f('Industry', 'picklist', ['Industry'], ['Sector', 'Industria'], 'Industry picklist.', { maxLength: 255 }),
  f('Rating', 'picklist', ['Rating'], ['Valoración', 'Calificación'], 'Rating picklist.', { maxLength: 255, values: ['Hot', 'Warm', 'Cold'] }),
  f('NumberOfEmployees', 'int', ['Employees', 'No. of Employees', 'Number of Employees'], ['Empleados', 'Número de empleados'], 'Number of employees (integer, up to 8 digits).'),
  f('AnnualRevenue', 'currency', ['Annual Revenue'], ['Ingresos anuales', 'Facturación anual'], 'Annual revenue (currency, 18 digits).'),
  f('HasOptedOutOfEmail', 'boolean', ['Email Opt Out'], ['No recibir correo electrónico', 'Exclusión de correo electrónico'], 'Email opt-out flag (true/false).'),
  f('DoNotCall', 'boolean', ['Do Not Call'], ['No llamar'], 'Do-not-call flag (true/false).'),
  f('HasOptedOutOfFax', 'boolean', ['Fax Opt Out'], ['No recibir fax'], 'Fax opt-out flag (true/false).'),
  f('OwnerId', 'reference', ['Lead Owner', 'Owner'], ['Propietario del candidato', 'Propietario'], 'Id of the owning user or queue (005… or 00G…).', { maxLength: 18 }),
  f('CompanyDunsNumber', 'string', ['Company D-U-N-S Number', 'DUNS'], ['Número D-U-N-S de la empresa'], 'D-U-N-S number.', { maxLength: 9 }),
  f('Latitude', 'double', ['Latitude'], ['Latitud'], 'Latitude of the address.'),
  f('Longitude', 'double', ['Longitude'], ['Longitud'], 'Longitude of the address.'),
  f('GeocodeAccuracy', 'picklist', ['Geocode Accuracy'], ['Precisión de geocodificación'], 'Geocode accuracy picklist.', { maxLength: 40 }),
  f('Id', 'id', ['Lead ID', 'Id'], ['Id. del candidato'], 'Record Id; never sent in the body (INVALID_FIELD).', { readOnly: true, maxLength: 18 }),
  f('Name', 'string', ['Full Name', 'Name'], ['Nombre completo'], 'Full name, computed from the name fields; read-only.', { readOnly: true }),
  f('IsConverted', 'boolean', ['Converted'], ['Convertido'], 'Read-only: set when the lead is converted.', { readOnly: true }),
  f('ConvertedDate', 'date', ['Converted Date'], ['Fecha de conversión'], 'Read-only.', { readOnly: true }),
  f('ConvertedAccountId', 'reference', ['Converted Account'], ['Cuenta convertida'], 'Read-only.', { readOnly: true }),
  f('ConvertedContactId', 'reference', ['Converted Contact'], ['Contacto convertido'], 'Read-only.', { readOnly: true }),
  f('ConvertedOpportunityId', 'reference', ['Converted Opportunity'], ['Oportunidad convertida'], 'Read-only.', { readOnly: true }),
  f('CreatedDate', 'datetime', ['Created Date'], ['Fecha de creación'], 'Read-only.', { readOnly: true }),
  f('CreatedById', 'reference', ['Created By'], ['Creado por'], 'Read-only.', { readOnly: true }),
  f('LastModifiedDate', 'datetime', ['Last Modified Date'], ['Fecha de última modificación'], 'Read-only.', { readOnly: true }),
  f('LastModifiedById', 'reference', ['Last Modified By'], ['Última modificación por'], 'Read-only.', { readOnly: true }),
  f('SystemModstamp', 'datetime', ['System Modstamp'], ['Marca de modificación del sistema'], 'Read-only.', { readOnly: true }),
  f('IsDeleted', 'boolean', ['Deleted'], ['Eliminado'], 'Read-only.', { readOnly: true }),
  f('MasterRecordId', 'reference', ['Master Record'], ['Registro maestro'], 'Read-only.', { readOnly: true }),
  f('IsUnreadByOwner', 'boolean', ['Unread By Owner'], ['No leído por el propietario'], 'Unread flag.'),
  f('LastActivityDate', 'date', ['Last Activity'], ['Última actividad'], 'Read-only.', { readOnly: true }),
  f('EmailBouncedReason', 'string', ['Email Bounced Reason'], ['Motivo de rebote de correo electrónico'], 'Bounce reason.', { maxLength: 255 }),
  f('EmailBouncedDate', 'datetime', ['Email Bounced Date'], ['Fecha de rebote de correo electrónico'], 'Bounce date.'),
  f('Jigsaw', 'string', ['Data.com Key'], ['Clave de Data.com'], 'Data.com key (legacy).', { maxLength: 20 }),
]);

const byLowerName = new Map(LEAD_FIELDS.map((field) => [field.name.toLowerCase(), field]));

/** The standard field with this API name, ignoring case (Salesforce matches JSON keys that way). */
export function findLeadField(name: string): LeadField | undefined {
  return byLowerName.get(name.trim().toLowerCase());
}

/** Folds case, accents, spaces and punctuation so `correo electrónico` matches `Correo electrónico`. */
export function foldLabel(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]/g, '');
}

const byLabel = new Map<string, LeadField>();
for (const field of LEAD_FIELDS) {
  for (const label of [...field.labels.en, ...field.labels.es, field.name]) {
    if (!byLabel.has(foldLabel(label))) byLabel.set(foldLabel(label), field);
  }
}

/** The field whose English or Spanish label (or API name) matches, ignoring case and accents. */
export function findLeadFieldByLabel(text: string): LeadField | undefined {
  return byLabel.get(foldLabel(text));
}

/** Every label and API name, folded, with its field: for did-you-mean searches. */
export function leadFieldLabelIndex(): ReadonlyMap<string, LeadField> {
  return byLabel;
}

/**
 * Custom field API names: letters, digits and single underscores, starting with a letter, not
 * ending with `_`, at most 40 characters before `__c`; managed packages add `ns__`.
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
