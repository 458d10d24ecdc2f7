// Deterministic inputs for the benchmark: profile exports of any size, templates of a given byte
// size or line count, and a directory of many small templates. Nothing random, so two runs lint
// and render exactly the same text.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const TOKEN_HEADER =
  '{% connected_content https://acme.my.salesforce.com/services/oauth2/token :method post :body client_id=3MVG9A2kN3Bn17hsEXAMPLEKEY&client_secret=EXAMPLE0SECRET0C0FFEE&grant_type=client_credentials :cache_max_age 900 :save result %}{% if result.access_token == blank %}{% abort_message(\'Salesforce token request failed\') %}{% endif %}Bearer {{result.access_token}}';

const FIRST = ['Ana', 'Seán', 'Zoë', 'Liam', 'Noor', 'Kenji', 'Maëlle', 'Olu', 'Ines', 'Piotr'];
const LAST = ['García', "O'Brien", 'Nakamura', 'Okafor', 'Müller', 'Silva', 'Kowalski', 'Haddad'];
const COMPANIES = ['Acme Ibérica S.L.', 'Ann "Annie" Lee & Co', 'Globex', 'Initech GmbH', 'Umbrella Ltd'];

/**
 * A Braze user-export (`*.braze-profiles.json` text) with `n` users. Most are complete; every
 * 7th has no last name, every 11th no company, every 13th an invalid email, so rendered rules
 * fire and findings merge across profiles as they would on real exports.
 */
export function profilesExport(n) {
  const users = [];
  for (let i = 0; i < n; i++) {
    const first = FIRST[i % FIRST.length];
    const user = {
      external_id: `user-${String(i + 1).padStart(6, '0')}`,
      braze_id: `65f1c0ffee${String(i + 1).padStart(14, '0')}`,
      first_name: first,
      email: i % 13 === 12 ? `not-an-email-${i}` : `${first.toLowerCase()}.${i}@example.com`,
      country: 'ES',
      language: 'es',
      custom_attributes: { lead_score: i % 100 },
    };
    if (i % 7 !== 6) user.last_name = LAST[i % LAST.length];
    if (i % 11 !== 10) user.custom_attributes.company = COMPANIES[i % COMPANIES.length];
    users.push(user);
  }
  return JSON.stringify({ message: 'success', users, invalid_user_ids: [] }, null, 2);
}

/** One body value of the JSON key/value shape: a mix of plain text, outputs and filters. */
function bodyValue(i) {
  switch (i % 4) {
    case 0:
      return "{{${first_name} | default: 'Unknown'}}";
    case 1:
      return '{{custom_attribute.${company} | default: \'Unknown\'}} (score {{custom_attribute.${lead_score}}})';
    case 2:
      return `Imported from Braze campaign ${i}: {% if \${language} == 'es' %}hola{% else %}hello{% endif %}`;
    default:
      return 'Web';
  }
}

function templateHead(name) {
  return {
    $schema: '../schemas/braze-webhook.schema.json',
    name,
    url: 'https://acme.my.salesforce.com/services/data/v60.0/sobjects/Lead/',
    request_method: 'POST',
    request_headers: { Authorization: TOKEN_HEADER, 'Content-Type': 'application/json' },
  };
}

/** A JSON-body template with `keys` body members (custom Lead fields), pretty-printed: one per line. */
export function keysTemplate(keys) {
  const body = { LastName: "{{${last_name} | default: 'Unknown'}}", Company: "{{custom_attribute.${company} | default: 'Unknown'}}" };
  for (let i = 2; i < keys; i++) body[`Bench_Field_${String(i).padStart(6, '0')}__c`] = bodyValue(i);
  return JSON.stringify({ ...templateHead(`Bench: ${keys} body keys`), body }, null, 2);
}

/**
 * A raw-text-body template whose body is a long JSON document with Liquid in it (what people
 * paste for Raw Text mode), `lines` body lines long.
 */
export function rawTemplate(lines) {
  const parts = ['{', '  "LastName": "{{${last_name} | default: \'Unknown\' | json_escape}}",', '  "Company": "{{custom_attribute.${company} | default: \'Unknown\' | json_escape}}",'];
  for (let i = 0; i < lines; i++) {
    const value = i % 3 === 0 ? "{{${first_name} | default: 'Unknown' | json_escape}}" : i % 3 === 1 ? `{% if \${language} == 'es' %}hola {{\${first_name} | json_escape}}{% else %}hello{% endif %}` : `note ${i}`;
    parts.push(`  "Bench_Field_${String(i).padStart(6, '0')}__c": "${value}",`);
  }
  parts.push('  "LeadSource": "Web"', '}');
  return JSON.stringify({ ...templateHead(`Bench: raw body of ${lines} lines`), body: parts.join('\n') }, null, 2);
}

/** The largest template of `shape` ('keys' | 'raw') whose text is at most `bytes` UTF-8 bytes. */
export function templateOfSize(bytes, shape) {
  const make = shape === 'keys' ? keysTemplate : rawTemplate;
  const size = (n) => Buffer.byteLength(make(n));
  let lo = 1;
  let hi = 2;
  while (size(hi) <= bytes) hi *= 2;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (size(mid) <= bytes) lo = mid;
    else hi = mid;
  }
  return make(lo);
}

/** A pretty-printed JSON-body template of about `lines` lines (the incremental-edit case). */
export function templateOfLines(lines) {
  const overhead = keysTemplate(1).split('\n').length - 1;
  return keysTemplate(Math.max(1, lines - overhead));
}

/**
 * Writes `count` templates to `dir`: the four examples in turn, each made unique (its name and
 * one body value carry the file number), so every file is linted from scratch.
 */
export function writeBatch(root, dir, count) {
  mkdirSync(dir, { recursive: true });
  const sources = ['seed-create-lead', 'create-lead', 'seed-update-lead', 'update-lead-to-mql'].map((name) => JSON.parse(readFileSync(join(root, 'examples', `${name}.braze-webhook.json`), 'utf8')));
  for (let i = 0; i < count; i++) {
    const template = JSON.parse(JSON.stringify(sources[i % sources.length]));
    delete template.$schema;
    template.name = `${template.name} #${i}`;
    if (template.body && typeof template.body === 'object') template.body.Description = `Batch file ${i}: {{\${first_name}}}`;
    writeFileSync(join(dir, `t${String(i).padStart(5, '0')}.braze-webhook.json`), `${JSON.stringify(template, null, 2)}\n`);
  }
}
