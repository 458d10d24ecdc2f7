/**
 * Built-in sample users that break naive templates, in Braze export format (the same shape as a
 * user in `*.braze-profiles.json`). Each targets a failure the Salesforce Lead recipe can hit:
 * JSON broken by quotes or backslashes (missing `| json_escape`), `REQUIRED_FIELD_MISSING` for
 * LastName/Company, `STRING_TOO_LONG` (FirstName 40, Company 255), `+` in emails (form and URL
 * encoding), and Lead Ids in the update URL (domain.md §7–§9).
 */

/** 46 characters: over Lead.FirstName's 40. */
const LONG_FIRST_NAME = 'Maximiliana-Wilhelmina-Konstantina-Alexandrina';

/** 279 characters: over Lead.Company's 255. */
const LONG_COMPANY = 'Acme Holdings International '.repeat(10).trim();

const EDGE_USERS = [
  {
    external_id: 'edge-apostrophe',
    first_name: 'Seán',
    last_name: "O'Brien",
    email: 'sean.obrien@example.com',
    custom_attributes: { company: "O'Brien & Sons" },
  },
  {
    external_id: 'edge-quotes-backslash',
    first_name: 'Ann "Annie"',
    last_name: 'Lee',
    email: 'ann.lee@example.com',
    custom_attributes: { company: 'Lee \\ Partners "LP"', notes: 'Line one\nLine two\tafter a tab' },
  },
  {
    external_id: 'edge-accents',
    first_name: 'José',
    last_name: 'Núñez',
    email: 'jose.nunez@example.com',
    home_city: 'São Paulo',
    country: 'BR',
    custom_attributes: { company: 'Núñez Ingeniería' },
  },
  {
    external_id: 'edge-diaeresis',
    first_name: 'Zoë',
    last_name: 'Brontë',
    email: 'zoe.bronte@example.com',
    custom_attributes: { company: 'Zoë & Zoé GmbH' },
  },
  {
    external_id: 'edge-emoji',
    first_name: 'Sam 🚀',
    last_name: 'Rivera',
    email: 'sam.rivera@example.com',
    custom_attributes: { company: 'Rocket 🚀 Labs' },
  },
  {
    external_id: 'edge-no-last-name',
    first_name: 'Prince',
    email: 'prince@example.com',
    custom_attributes: { company: 'Paisley Park Records' },
  },
  {
    external_id: 'edge-no-company',
    first_name: 'Riley',
    last_name: 'Nguyen',
    email: 'riley.nguyen@example.com',
    custom_attributes: {},
  },
  {
    external_id: 'edge-too-long',
    first_name: LONG_FIRST_NAME,
    last_name: 'Long',
    email: 'max.long@example.com',
    custom_attributes: { company: LONG_COMPANY },
  },
  {
    external_id: 'edge-plus-email',
    first_name: 'Pat',
    last_name: 'Plus',
    email: 'pat+braze@example.com',
    custom_attributes: { company: 'Plus Sign Ltd' },
  },
  {
    // A valid 18-character Lead Id (Salesforce docs example): 00Q prefix, correct case suffix.
    external_id: '00QKY000001LyJR2A0',
    first_name: 'Valid',
    last_name: 'LeadId',
    email: 'valid.lead@example.com',
    custom_attributes: { company: 'Valid Id Inc' },
  },
  {
    // One character off in the case suffix (the correct one is 2A0): not a usable Lead Id.
    external_id: '00QKY000001LyJR2A1',
    first_name: 'Broken',
    last_name: 'LeadId',
    email: 'broken.lead@example.com',
    custom_attributes: { company: 'Broken Id Inc' },
  },
];

/**
 * Built-in edge-case users, deep-frozen. Pass them where a file's users go (e.g.
 * `parseProfiles(JSON.stringify(BUILTIN_EDGE_PROFILES))`) to render a template against all of them.
 */
export const BUILTIN_EDGE_PROFILES: unknown[] = deepFreeze(EDGE_USERS);

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}
