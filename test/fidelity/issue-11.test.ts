import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildCliOnce, runCli, runLiquid } from './run-cli';

/**
 * Issue 11, "Braze Liquid differences": each user case exactly as the issue states it, through the
 * real CLI process. The documented Braze behaviour behind each is in docs/braze-fidelity.md.
 */
describe('issue 11: Braze Liquid as Braze documents it (real CLI)', function () {
  this.timeout(120_000);
  before(() => buildCliOnce());

  it('{{15 | divided_by: 2}} prints 7', () => {
    const run = runLiquid({ template: '{{15 | divided_by: 2}}' });
    assert.deepEqual(run, { code: 0, stdout: '7', stderr: '' });
  });

  it('{{custom_attribute.${a} | plus: {{balance}} }} with balance assigned first', () => {
    const run = runLiquid({ template: '{% assign balance = 10 %}{{custom_attribute.${a} | plus: {{balance}} }}', context: { custom_attribute: { a: 5 } } });
    assert.deepEqual(run, { code: 0, stdout: '15', stderr: '' });
  });

  it("| time_zone: {{${time_zone}}} (Braze's time-zone use case)", () => {
    const run = runLiquid({ template: "{{ 'now' | time_zone: {{${time_zone}}} | date: '%Y-%m-%d %H:%M' }}", context: { time_zone: 'America/Chicago' }, now: '2026-03-01T12:00:00Z' });
    assert.deepEqual(run, { code: 0, stdout: '2026-03-01 06:00', stderr: '' });
  });

  it('{% if {{list | size}} == 1 %} renders, the nested output first', () => {
    const template = '{% if {{list | size}} == 1 %}one{% else %}more{% endif %}';
    assert.deepEqual(runLiquid({ template, context: { list: ['a'] } }), { code: 0, stdout: 'one', stderr: '' });
    assert.deepEqual(runLiquid({ template, context: { list: ['a', 'b'] } }), { code: 0, stdout: 'more', stderr: '' });
  });

  it('{% assign x = {{content_blocks.${name}}} %} reads the block: the blocked-emails recipe aborts', () => {
    const template = [
      "{% assign blocked_emails = {{content_blocks.${BlockedEmailList}}} | split: ',' %}",
      '{% for email in blocked_emails %}{% if {{${email_address}}} == email %}{% abort_message("Email is blocked") %}{% break %}{% endif %}{% endfor %}',
      'Your message here!',
    ].join('\n');
    const run = runLiquid({ template, context: { email_address: 'abc@braze.com' }, blocks: { BlockedEmailList: 'test@braze.com,abc@braze.com' } });
    assert.deepEqual(run, { code: 1, stdout: '', stderr: 'aborted: Email is blocked\n' });
  });

  it('a content block file saved with a byte order mark renders without it (the mark is not content)', () => {
    const run = runLiquid({ template: '[{{content_blocks.${Signature}}}]', blocks: { Signature: '\ufeffThe Acme team' } });
    assert.deepEqual(run, { code: 0, stdout: '[The Acme team]', stderr: '' });
  });

  it('{% message_extras :key k :value v %} prints nothing', () => {
    assert.deepEqual(runLiquid({ template: 'a{% message_extras :key k :value v %}b' }), { code: 0, stdout: 'ab', stderr: '' });
  });

  it('an object attribute prints as a Ruby hash, an array joined (never [object Object])', () => {
    const run = runLiquid({ template: 'Company: {{custom_attribute.${company}}} | Tags: {{custom_attribute.${tags}}}', context: { custom_attribute: { company: { name: 'Acme' }, tags: ['a', 'b'] } } });
    assert.deepEqual(run, { code: 0, stdout: 'Company: {"name"=>"Acme"} | Tags: ab', stderr: '' });
  });

  it('an object in the Lead "Company" field is a lint warning for that profile', () => {
    const dir = mkdtempSync(join(tmpdir(), 'bw-issue11-'));
    try {
      const template = join(dir, 'lead.braze-webhook.json');
      const profiles = join(dir, 'users.braze-profiles.json');
      writeFileSync(
        template,
        JSON.stringify({
          url: 'https://acme.my.salesforce.com/services/data/v60.0/sobjects/Lead/',
          request_method: 'POST',
          request_headers: {
            Authorization:
              "{% connected_content https://acme.my.salesforce.com/services/oauth2/token :method post :body client_id=abc&client_secret={{custom_attribute.${sf_secret}}}&grant_type=client_credentials :cache_max_age 900 :save result %}{% if result.access_token == blank %}{% abort_message('token failed') %}{% endif %}Bearer {{result.access_token}}",
            'Content-Type': 'application/json',
          },
          body: { LastName: '{{${last_name}}}', Company: '{{custom_attribute.${company}}}' },
        }),
      );
      writeFileSync(profiles, JSON.stringify([{ external_id: 'u-1', last_name: 'Lee', custom_attributes: { company: { name: 'Acme' }, sf_secret: 'S3CRET' } }]));
      const run = runCli(['lint', template, '--profiles', profiles, '--format', 'json'], dir);
      const problems = (JSON.parse(run.stdout) as Array<{ problems: Array<{ ruleId: string; severity: string; message: string }> }>)[0].problems;
      const found = problems.find((p) => p.ruleId === 'render-object-value');
      assert.ok(found, `no render-object-value in ${run.stdout}`);
      assert.equal(found.severity, 'warning');
      assert.match(found.message, /Company gets an object for this profile, which Braze prints the way Ruby writes a hash: \{"name"=>"Acme"\}/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('{% connected_content aabbcc %} fails as Braze logs it: "aabbcc is not a valid URL"', () => {
    const run = runLiquid({ template: 'x\n{% connected_content aabbcc %}' });
    assert.equal(run.code, 1);
    assert.equal(run.stdout, '');
    assert.match(run.stderr, /^template\.liquid:2:1: aabbcc is not a valid URL\n$/);
  });

  it('--context accepts a Braze export user (custom_attributes, external_id, email)', () => {
    const template = '{{${user_id}}} {{${email_address}}} {{custom_attribute.${company}}} {{${city}}}';
    const run = runLiquid({ template, context: { external_id: 'u-1', email: 'ana@example.com', home_city: 'Madrid', custom_attributes: { company: 'Acme' } } });
    assert.deepEqual(run, { code: 0, stdout: 'u-1 ana@example.com Acme Madrid', stderr: '' });
  });

  it('--context: the Liquid-scope shape with custom_attribute works unchanged', () => {
    const run = runLiquid({ template: '{{${first_name}}} {{custom_attribute.${company}}} {{email}}', context: { first_name: 'Ana', email: 'kept', custom_attribute: { company: 'Acme' } } });
    assert.deepEqual(run, { code: 0, stdout: 'Ana Acme kept', stderr: '' });
  });

  it('--context: an export with several users says which to keep, exit 2', () => {
    const run = runLiquid({ template: 'x', context: { message: 'success', users: [{ external_id: 'a' }, { external_id: 'b' }] } });
    assert.equal(run.code, 2);
    assert.match(run.stderr, /the context holds 2 users; `liquid` renders for one/);
  });

  it('--now sets the send time; anything but an ISO 8601 time is a usage error', () => {
    assert.deepEqual(runLiquid({ template: "{{ 'now' | date: '%F %T' }}", now: '2026-12-24T18:30:00Z' }), { code: 0, stdout: '2026-12-24 18:30:00', stderr: '' });
    const run = runLiquid({ template: 'x', now: 'tomorrow' });
    assert.equal(run.code, 2);
    assert.match(run.stderr, /--now takes an ISO 8601 time such as 2026-03-01T12:00:00Z, not "tomorrow"/);
  });
});
