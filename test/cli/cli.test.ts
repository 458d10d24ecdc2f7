import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/** The CLI is tested as the real process users run: the bundled dist/cli.js. */
const repo = resolve(__dirname, '../..');
const cli = join(repo, 'dist/cli.js');
const examples = join(repo, 'examples');

function run(args: string[], cwd = repo): { code: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [cli, ...args], { cwd, encoding: 'utf8', timeout: 60_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('CLI (real process)', function () {
  let tmp: string;
  before(() => {
    const build = spawnSync(process.execPath, ['esbuild.mjs'], { cwd: repo, encoding: 'utf8' });
    assert.equal(build.status, 0, build.stderr);
    tmp = mkdtempSync(join(tmpdir(), 'bw-cli-'));
  });
  after(() => rmSync(tmp, { recursive: true, force: true }));

  describe('render', () => {
    it('prints the token call and the webhook for every profile, secrets redacted', () => {
      const r = run(['render', 'examples/create-lead.braze-webhook.json', '--profiles', 'examples/sample-users.braze-profiles.json']);
      assert.equal(r.code, 0, r.stderr);
      assert.equal(r.stdout.match(/^### Webhook request/gm)?.length, 3);
      assert.match(r.stdout, /^POST https:\/\/acme\.my\.salesforce\.com\/services\/oauth2\/token$/m);
      assert.match(r.stdout, /^Authorization: Bearer <redacted>$/m);
      assert.ok(!r.stdout.includes('EXAMPLE0SECRET0C0FFEE'), 'client secret leaked');
      assert.match(r.stdout, /"LastName":"O'Brien"/);
    });

    it('reveals secrets only when asked', () => {
      const r = run(['render', 'examples/create-lead.braze-webhook.json', '--user', '1', '--reveal-secrets']);
      assert.equal(r.code, 0, r.stderr);
      assert.ok(r.stdout.includes('client_secret=EXAMPLE0SECRET0C0FFEE'));
    });

    it('prints the documented JSON shape, headers in template order', () => {
      const r = run(['render', 'examples/update-lead-to-mql.braze-webhook.json', '--profiles', 'examples/sample-users.braze-profiles.json', '--user', 'sean+leads@example.ie', '--format', 'json']);
      assert.equal(r.code, 0, r.stderr);
      const [entry] = JSON.parse(r.stdout);
      assert.deepEqual(entry.profile, { index: 2, external_id: '00QE000000Ft9AhMAJ', label: '00QE000000Ft9AhMAJ' });
      assert.equal(entry.request.method, 'PATCH');
      assert.equal(entry.request.url, 'https://acme.my.salesforce.com/services/data/v60.0/sobjects/Lead/00QE000000Ft9AhMAJ');
      assert.deepEqual(Object.keys(entry.request.headers), ['Authorization', 'Content-Type']);
      assert.equal(entry.subrequests[0].response.status, 200);
      assert.equal(entry.aborted, null);
    });

    it('shows an abort and a failing token scenario', () => {
      const r = run(['render', 'examples/create-lead.braze-webhook.json', '--user', '1', '--scenario', 'invalid-client', '--format', 'json']);
      assert.equal(r.code, 0, r.stderr);
      const [entry] = JSON.parse(r.stdout);
      assert.equal(entry.subrequests[0].response.status, 400);
      assert.deepEqual(entry.aborted, { reason: 'Salesforce token request failed' });
    });

    it('prints curl commands', () => {
      const r = run(['render', 'examples/create-lead.braze-webhook.json', '--format', 'curl']);
      assert.equal(r.code, 0, r.stderr);
      assert.match(r.stdout, /^curl -X POST 'https:\/\/acme\.my\.salesforce\.com\/services\/data\/v60\.0\/sobjects\/Lead\/'/m);
      assert.match(r.stdout, /-H 'Authorization: Bearer <redacted>'/);
    });

    it('exits 2 with file:line:column for malformed JSON', () => {
      const bad = join(tmp, 'bad.braze-webhook.json');
      writeFileSync(bad, '{\n  "url": "x",\n}\n');
      const r = run(['render', bad]);
      assert.equal(r.code, 2);
      assert.match(r.stderr, /bad\.braze-webhook\.json:3:1: Property name expected/);
      assert.ok(!r.stderr.includes('    at '), 'no stack trace');
    });

    it('exits 2 for a missing file and for an unknown --user', () => {
      assert.equal(run(['render', 'nope.braze-webhook.json']).code, 2);
      const r = run(['render', 'examples/create-lead.braze-webhook.json', '--profiles', 'examples/sample-users.braze-profiles.json', '--user', 'nobody']);
      assert.equal(r.code, 2);
      assert.match(r.stderr, /--user nobody/);
    });

    it('exits 2 when the profiles file is a Braze error response', () => {
      const errorResponse = join(tmp, 'error.braze-profiles.json');
      writeFileSync(errorResponse, '{"message": "Invalid API key: 123"}');
      const r = run(['render', 'examples/create-lead.braze-webhook.json', '--profiles', errorResponse]);
      assert.equal(r.code, 2);
      assert.match(r.stderr, /error\.braze-profiles\.json:1:\d+: /);
    });
  });

  describe('liquid', () => {
    it('renders Braze Liquid with the context as scope', () => {
      const t = join(tmp, 't.liquid');
      const c = join(tmp, 'c.json');
      writeFileSync(t, "Hi {{${first_name} | default: 'there'}} {{ 'a\"b' | json_escape }}");
      writeFileSync(c, '{"first_name": "Ana"}');
      const r = run(['liquid', '--template-file', t, '--context', c]);
      assert.equal(r.code, 0, r.stderr);
      assert.equal(r.stdout, 'Hi Ana a\\"b');
    });

    it('prints aborted: reason on stderr and exits 1', () => {
      const t = join(tmp, 'abort.liquid');
      writeFileSync(t, "x{% abort_message('no lead id') %}");
      const r = run(['liquid', '--template-file', t]);
      assert.equal(r.code, 1);
      assert.equal(r.stderr, 'aborted: no lead id\n');
    });

    it('reports a Liquid error with line and column', () => {
      const t = join(tmp, 'broken.liquid');
      writeFileSync(t, 'line one\n{{ x | pluralize }}');
      const r = run(['liquid', '--template-file', t]);
      assert.equal(r.code, 1);
      assert.match(r.stderr, /broken\.liquid:2:8: /);
    });
  });

  describe('lint', () => {
    it('reports the seed template problems as text and exits 1', () => {
      const r = run(['lint', 'examples/seed-create-lead.braze-webhook.json']);
      assert.equal(r.code, 1);
      assert.match(r.stdout, /placeholder/);
    });

    it('prints an entry for every file in JSON, clean ones included', () => {
      const r = run(['lint', 'examples/create-lead.braze-webhook.json', 'examples/seed-update-lead.braze-webhook.json', '--format', 'json']);
      const reports = JSON.parse(r.stdout) as Array<{ file: string; problems: Array<{ ruleId: string; line: number; column: number; severity: string }> }>;
      assert.deepEqual(reports.map((x) => x.file), ['examples/create-lead.braze-webhook.json', 'examples/seed-update-lead.braze-webhook.json']);
      assert.equal(reports[0].problems.filter((p) => p.severity === 'error').length, 0);
      assert.ok(reports[1].problems.some((p) => p.ruleId === 'placeholder' && p.line === 4));
    });

    it('writes valid SARIF 2.1.0 with rule metadata', () => {
      const r = run(['lint', 'examples', '--format', 'sarif']);
      const sarif = JSON.parse(r.stdout);
      assert.equal(sarif.version, '2.1.0');
      const run0 = sarif.runs[0];
      assert.ok(run0.tool.driver.rules.some((rule: { id: string }) => rule.id === 'placeholder'));
      const result = run0.results.find((x: { ruleId: string }) => x.ruleId === 'placeholder');
      assert.equal(result.locations[0].physicalLocation.artifactLocation.uri, 'examples/seed-create-lead.braze-webhook.json');
      assert.ok(result.locations[0].physicalLocation.region.startLine >= 1);
      assert.equal(run0.tool.driver.rules[result.ruleIndex].id, 'placeholder');
    });

    it('treats a binary file as a json-syntax error (exit 1) and a missing path as exit 2', () => {
      const bin = join(tmp, 'img.braze-webhook.json');
      writeFileSync(bin, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2, 3]));
      const r = run(['lint', bin, '--format', 'json']);
      assert.equal(r.code, 1);
      assert.equal(JSON.parse(r.stdout)[0].problems[0].ruleId, 'json-syntax');
      assert.equal(run(['lint', join(tmp, 'missing.braze-webhook.json')]).code, 2);
    });

    it('--fix writes only safe fixes and leaves a clean file untouched', () => {
      const clean = join(tmp, 'clean.braze-webhook.json');
      copyFileSync(join(examples, 'create-lead.braze-webhook.json'), clean);
      const before = readFileSync(clean, 'utf8');
      run(['lint', clean, '--fix']);
      assert.equal(readFileSync(clean, 'utf8'), before);
    });

    it('--fix writes the safe fixes of the seed template and keeps its BOM; placeholders stay', () => {
      const seed = join(tmp, 'seed.braze-webhook.json');
      writeFileSync(seed, `\uFEFF${readFileSync(join(examples, 'seed-create-lead.braze-webhook.json'), 'utf8')}`);
      const r = run(['lint', seed, '--fix', '--format', 'json']);
      assert.equal(r.code, 1, 'placeholders are errors without a safe fix');
      const fixed = readFileSync(seed, 'utf8');
      assert.equal(fixed.charCodeAt(0), 0xfeff);
      assert.match(fixed, /"Authorization": "\{% connected_content/);
      assert.match(fixed, /"Content-Type": "application\/json"/);
      assert.match(fixed, /"LastName": "\{\{\$\{last_name\}\}\}"/);
      assert.match(fixed, /:cache_max_age 900/);
      const left = (JSON.parse(r.stdout)[0].problems as Array<{ ruleId: string }>).map((p) => p.ruleId);
      assert.ok(left.includes('placeholder'));
      assert.ok(!left.includes('header-name') && !left.includes('sf-unknown-field'), left.join(', '));
    });

    it('exit 1 when warnings exceed --max-warnings', () => {
      const r = run(['lint', 'examples/create-lead.braze-webhook.json', '--max-warnings', '0', '--format', 'json']);
      const warnings = JSON.parse(r.stdout)[0].problems.filter((p: { severity: string }) => p.severity === 'warning').length;
      assert.equal(r.code, warnings > 0 ? 1 : 0);
    });

    it('lists the rules', () => {
      const r = run(['lint', '--list-rules']);
      assert.equal(r.code, 0);
      assert.match(r.stdout, /^placeholder\s+error/m);
    });

    it('exits 2 on usage errors', () => {
      assert.equal(run(['lint', '--format', 'xml']).code, 2);
      assert.equal(run(['frobnicate']).code, 2);
    });
  });
});
