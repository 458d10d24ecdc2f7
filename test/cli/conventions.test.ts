// CLI conventions (issue 11, "Lint and CLI holes"): per-command --help, --version from
// package.json, repeated and variadic --profiles. Run through the real process, dist/cli.js.
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO, runCli } from '../robustness/helpers/cli';

const packageVersion = (JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as { version: string }).version;

/** One user per file, so a test can tell which files were read as profiles. */
function profilesFile(dir: string, name: string, externalId: string): string {
  const path = join(dir, name);
  writeFileSync(path, JSON.stringify({ users: [{ external_id: externalId, first_name: 'Ana', last_name: 'García', custom_attributes: { company: 'Acme' } }] }));
  return path;
}

describe('CLI conventions (real process)', function () {
  this.timeout(120_000);
  let tmp: string;
  before(() => {
    tmp = mkdtempSync(join(tmpdir(), 'bw-conventions-'));
  });
  after(() => rmSync(tmp, { recursive: true, force: true }));

  describe('--version', () => {
    it('prints the version in package.json', () => {
      const r = runCli(['--version']);
      assert.equal(r.code, 0, r.stderr);
      assert.equal(r.stdout, `${packageVersion}\n`);
      assert.notEqual(packageVersion, '0.0.0-dev');
    });

    it('puts the same version into SARIF tool.driver.version', () => {
      const r = runCli(['lint', 'examples/create-lead.braze-webhook.json', '--format', 'sarif']);
      const { driver } = JSON.parse(r.stdout).runs[0].tool;
      assert.equal(driver.version, packageVersion);
      assert.equal(driver.semanticVersion, packageVersion);
    });
  });

  describe('--help', () => {
    for (const command of ['lint', 'render', 'liquid']) {
      it(`${command} --help prints that command's usage and options, exit 0`, () => {
        for (const args of [[command, '--help'], [command, '-h'], ['help', command]]) {
          const r = runCli(args);
          assert.equal(r.code, 0, `${args.join(' ')}: ${r.stderr}`);
          assert.equal(r.stderr, '');
          assert.match(r.stdout, new RegExp(`^Usage: braze-webhook ${command} `));
          assert.match(r.stdout, /^Options:$/m);
          assert.match(r.stdout, /-h, --help/);
          assert.ok(!/Unknown option/.test(r.stdout));
        }
      });
    }

    it('lint --help documents every option lint accepts, and the exit codes', () => {
      const r = runCli(['lint', '--help']);
      for (const option of ['--profiles FILE…', '--mocks FILE', '--scenario NAME', '--format', '--max-warnings N', '--fix', '--config FILE', '--list-rules']) {
        assert.ok(r.stdout.includes(option), `lint --help does not mention ${option}:\n${r.stdout}`);
      }
      assert.match(r.stdout, /Exit codes:/);
    });

    it('an unknown option names the command and points at its --help, without Node parser wording', () => {
      const r = runCli(['lint', '--frobnicate']);
      assert.equal(r.code, 2);
      assert.match(r.stderr, /^braze-webhook lint: unknown option --frobnicate\n/);
      assert.match(r.stderr, /braze-webhook lint --help/);
      assert.ok(!/To specify a positional argument/.test(r.stderr), r.stderr);
    });

    it('an option without its value says which value is missing', () => {
      const r = runCli(['render', 'examples/create-lead.braze-webhook.json', '--format']);
      assert.equal(r.code, 2);
      assert.match(r.stderr, /^braze-webhook render: --format needs a value/);
    });

    it('the general help lists every command', () => {
      const r = runCli(['--help']);
      assert.equal(r.code, 0);
      for (const command of ['lint', 'render', 'liquid']) assert.match(r.stdout, new RegExp(`braze-webhook ${command} `));
    });
  });

  describe('--profiles FILE…', () => {
    it('reads every file after one --profiles as profiles, not as templates (the issue\'s case)', () => {
      const a = profilesFile(tmp, 'A.json', 'user-a');
      const b = profilesFile(tmp, 'B.json', 'user-b');
      const r = runCli(['lint', 'examples/create-lead.braze-webhook.json', '--profiles', a, b, '--format', 'json']);
      assert.ok(r.code === 0 || r.code === 1, r.stderr);
      const reports = JSON.parse(r.stdout) as Array<{ file: string; problems: Array<{ profile?: string }> }>;
      assert.deepEqual(reports.map((x) => x.file), ['examples/create-lead.braze-webhook.json'], 'B.json was linted as a template');
    });

    it('renders every profile of every file, given variadic or repeated', () => {
      const a = profilesFile(tmp, 'A2.json', 'user-a');
      const b = profilesFile(tmp, 'B2.json', 'user-b');
      for (const args of [['--profiles', a, b], ['--profiles', a, '--profiles', b], [`--profiles=${a}`, `--profiles=${b}`]]) {
        const r = runCli(['render', 'examples/create-lead.braze-webhook.json', ...args, '--format', 'json']);
        assert.equal(r.code, 0, `${args.join(' ')}: ${r.stderr}`);
        const ids = (JSON.parse(r.stdout) as Array<{ profile: { external_id: string } }>).map((e) => e.profile.external_id);
        assert.deepEqual(ids, ['user-a', 'user-b'], args.join(' '));
      }
    });

    it('stops at the next option, and at --', () => {
      const a = profilesFile(tmp, 'A3.json', 'user-a');
      const r = runCli(['lint', '--profiles', a, '--format', 'json', '--', 'examples/create-lead.braze-webhook.json']);
      assert.ok(r.code === 0 || r.code === 1, r.stderr);
      assert.deepEqual((JSON.parse(r.stdout) as Array<{ file: string }>).map((x) => x.file), ['examples/create-lead.braze-webhook.json']);
    });

    it('--profiles with no file is a usage error', () => {
      const r = runCli(['lint', 'examples/create-lead.braze-webhook.json', '--profiles', '--format', 'json']);
      assert.equal(r.code, 2);
      assert.match(r.stderr, /--profiles needs a value/);
    });
  });
});

describe('CLI: paths that match no template (real process)', function () {
  this.timeout(120_000);
  let tmp: string;
  before(() => {
    tmp = mkdtempSync(join(tmpdir(), 'bw-nomatch-'));
  });
  after(() => rmSync(tmp, { recursive: true, force: true }));

  const lead = JSON.stringify({ url: 'https://acme.my.salesforce.com/services/data/v60.0/sobjects/Lead/', request_method: 'POST', body: { LastName: 'x', Company: 'y' } }, null, 2);

  it("`lint d/` where d/ holds lead.json: exit 2, names lead.json and how to rename it, no success line (the issue's case)", () => {
    const d = join(tmp, 'd');
    mkdirSync(d);
    writeFileSync(join(d, 'lead.json'), lead);
    writeFileSync(join(d, 'package.json'), '{"name": "not-a-template", "version": "1.0.0"}');
    const r = runCli(['lint', 'd/'], { cwd: tmp });
    assert.equal(r.code, 2, r.stderr);
    assert.ok(!/no problems|✔/.test(r.stdout + r.stderr), `a success line was printed:\n${r.stdout}`);
    assert.match(r.stderr, /d\/: no webhook template \(\*\.braze-webhook\.json\) here; nothing was linted/);
    assert.match(r.stderr, /d\/lead\.json looks like a webhook template/);
    assert.match(r.stderr, /mv d\/lead\.json d\/lead\.braze-webhook\.json/);
    assert.ok(!r.stderr.includes('package.json'), 'package.json does not look like a template');
  });

  it('exit 2 for an empty folder too, with no template-looking file to name', () => {
    const empty = join(tmp, 'empty');
    mkdirSync(empty);
    const r = runCli(['lint', empty, '--format', 'json']);
    assert.equal(r.code, 2);
    assert.deepEqual(JSON.parse(r.stdout), [], 'json output stays valid');
    assert.match(r.stderr, /no webhook template \(\*\.braze-webhook\.json\) here; nothing was linted/);
    assert.ok(!/looks like/.test(r.stderr));
  });

  it('a missing file prints an error and no success line (the issue\'s case)', () => {
    const r = runCli(['lint', join(tmp, 'nope.braze-webhook.json')]);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /nope\.braze-webhook\.json: no such file, or no match/);
    assert.ok(!/no problems|✔/.test(r.stdout), `a success line was printed after an input error:\n${r.stdout}`);
    assert.match(r.stdout, /^✖ 1 input error \(see above\); 0 files linted$/m);
  });

  it('a missing file next to a linted one: that file\'s problems, then a failing summary', () => {
    const r = runCli(['lint', 'examples/seed-create-lead.braze-webhook.json', join(tmp, 'nope.braze-webhook.json')]);
    assert.equal(r.code, 2);
    assert.match(r.stdout, /placeholder/);
    assert.match(r.stdout, /^✖ 1 input error \(see above\); \d+ problems \(.*\) in 1 file$/m);
  });

  it('a folder with templates and a misnamed one lints the templates and notes the misnamed file', () => {
    const mixed = join(tmp, 'mixed');
    mkdirSync(mixed);
    copyFileSync(join(REPO, 'examples/create-lead.braze-webhook.json'), join(mixed, 'ok.braze-webhook.json'));
    writeFileSync(join(mixed, 'lead.json'), lead);
    const r = runCli(['lint', 'mixed', '--format', 'json'], { cwd: tmp });
    assert.notEqual(r.code, 2, r.stderr);
    assert.deepEqual((JSON.parse(r.stdout) as Array<{ file: string }>).map((x) => x.file), [join('mixed', 'ok.braze-webhook.json')]);
    assert.match(r.stderr, /note: mixed\/lead\.json looks like a webhook template but is not named \*\.braze-webhook\.json, so it was not linted/);
  });

  it('a directory named x.braze-webhook.json is not a template and is not skipped silently', () => {
    const dir = join(tmp, 'x.braze-webhook.json');
    mkdirSync(dir);
    const r = runCli(['lint', dir]);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /no webhook template/);
  });
});

describe('CLI run from source', () => {
  it('--version reads package.json too', async () => {
    const { main } = await import('../../src/cli/main');
    let printed = '';
    const code = await main(['--version'], (t) => (printed += t), () => undefined);
    assert.equal(code, 0);
    assert.equal(printed, `${packageVersion}\n`);
  });
});
