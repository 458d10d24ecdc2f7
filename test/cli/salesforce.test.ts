import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/** The Salesforce side of the CLI (org describes), as the real bundled process. */
const repo = resolve(__dirname, '../..');
const cli = join(repo, 'dist/cli.js');
const ACME = join(repo, 'examples/acme-lead.describe.json');

function run(args: string[], cwd = repo, input?: string): { code: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [cli, ...args], { cwd, encoding: 'utf8', timeout: 60_000, input });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A create template with the given body, Content-Type and a cached token (so only the body matters). */
function createTemplate(body: Record<string, string>): string {
  return `${JSON.stringify(
    {
      url: 'https://acme.my.salesforce.com/services/data/v60.0/sobjects/Lead/',
      request_method: 'POST',
      request_headers: {
        Authorization:
          "{% connected_content https://acme.my.salesforce.com/services/oauth2/token :method post :body client_id=abc&client_secret=xyz&grant_type=client_credentials :cache_max_age 900 :save result %}{% if result.access_token == blank %}{% abort_message('token failed') %}{% endif %}Bearer {{result.access_token}}",
        'Content-Type': 'application/json',
      },
      body,
    },
    null,
    2,
  )}\n`;
}

describe('CLI: Salesforce org describes (real process)', function () {
  let tmp: string;
  before(() => {
    const build = spawnSync(process.execPath, ['esbuild.mjs'], { cwd: repo, encoding: 'utf8' });
    assert.equal(build.status, 0, build.stderr);
    tmp = mkdtempSync(join(tmpdir(), 'bw-sf-'));
    writeFileSync(join(tmp, 'create.braze-webhook.json'), createTemplate({ LastName: '{{${last_name}}}', Company: 'Acme', Segment__c: 'B2B' }));
  });
  after(() => rmSync(tmp, { recursive: true, force: true }));

  it('without a describe, custom fields are assumed to exist', () => {
    const r = run(['lint', 'create.braze-webhook.json', '--format', 'json'], tmp);
    const ids = JSON.parse(r.stdout)[0].problems.map((p: { ruleId: string }) => p.ruleId);
    assert.ok(!ids.includes('sf-unknown-field'), r.stdout);
    assert.ok(!ids.includes('sf-required-fields'), r.stdout);
  });

  it('--describe: unknown custom fields and the org’s required custom fields become findings', () => {
    const r = run(['lint', 'create.braze-webhook.json', '--describe', ACME, '--format', 'json'], tmp);
    assert.equal(r.stderr, '');
    const problems = JSON.parse(r.stdout)[0].problems as Array<{ ruleId: string; message: string }>;
    assert.ok(problems.some((p) => p.ruleId === 'sf-unknown-field' && /"Segment__c" is not in your org's Lead describe/.test(p.message)), r.stdout);
    assert.ok(problems.some((p) => p.ruleId === 'sf-required-fields' && /Region__c, which your org requires/.test(p.message)), r.stdout);
  });

  it('reads salesforce.describe from braze-webhook.config.json, relative to it; --describe wins for the same sObject', () => {
    const dir = mkdtempSync(join(tmp, 'cfg-'));
    copyFileSync(join(tmp, 'create.braze-webhook.json'), join(dir, 'create.braze-webhook.json'));
    copyFileSync(ACME, join(dir, 'lead.describe.json'));
    writeFileSync(join(dir, 'braze-webhook.config.json'), JSON.stringify({ salesforce: { describe: { Lead: 'lead.describe.json' } } }));
    const fromConfig = run(['lint', 'create.braze-webhook.json', '--format', 'json'], dir);
    assert.match(fromConfig.stdout, /not in your org's Lead describe \(lead\.describe\.json\)/);
    const other = join(dir, 'other.describe.json');
    writeFileSync(other, JSON.stringify({ name: 'Lead', fields: [{ name: 'LastName', type: 'string', length: 80, createable: true, updateable: true, nillable: false, defaultedOnCreate: false }, { name: 'Company', type: 'string', length: 255, createable: true, updateable: true, nillable: false, defaultedOnCreate: false }, { name: 'Segment__c', type: 'string', length: 40, createable: true, updateable: true, nillable: true, defaultedOnCreate: false }] }));
    const flagWins = run(['lint', 'create.braze-webhook.json', '--describe', 'other.describe.json', '--format', 'json'], dir);
    assert.deepEqual(JSON.parse(flagWins.stdout)[0].problems.filter((p: { ruleId: string }) => p.ruleId.startsWith('sf-')), []);
  });

  it('a describe that is not valid JSON: a clear problem at its position, and the built-in model is used', () => {
    const bad = join(tmp, 'bad.describe.json');
    writeFileSync(bad, '{\n  "name": "Lead",\n  "fields": [\n    {"name": "LastName",}\n  ]\n}\n');
    const r = run(['lint', 'create.braze-webhook.json', '--describe', 'bad.describe.json', '--format', 'json'], tmp);
    assert.match(r.stderr, /bad\.describe\.json:4:25: error: .*The file is not used; the built-in model stays in force\./);
    const problems = JSON.parse(r.stdout)[0].problems as Array<{ ruleId: string }>;
    assert.ok(!problems.some((p) => p.ruleId === 'sf-unknown-field'), 'built-in model: custom fields assumed');
  });

  it('a describe file that does not exist is an input error (exit 2)', () => {
    const r = run(['lint', 'create.braze-webhook.json', '--describe', 'missing.json'], tmp);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /missing\.json/);
  });

  it('render takes --describe too, and lists it in its help', () => {
    const r = run(['render', 'create.braze-webhook.json', '--describe', ACME, '--format', 'json'], tmp);
    const [entry] = JSON.parse(r.stdout);
    assert.ok(entry.problems.some((p: { message: string }) => /Region__c, which your org requires/.test(p.message)), r.stdout);
    assert.match(run(['render', '--help']).stdout, /--describe FILE…/);
    assert.match(run(['lint', '--help']).stdout, /--describe FILE…/);
  });
});
