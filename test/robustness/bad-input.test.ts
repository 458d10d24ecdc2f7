import assert from 'node:assert/strict';
import { chmodSync, copyFileSync, mkdirSync, readFileSync, symlinkSync, truncateSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { allRules, lintTemplate, makeFixtureResolver, parseTemplateFile } from '../../src/core';
import { type CliRun, type CliRunOptions, describeRun, REPO, runCli } from './helpers/cli';
import { assertTreeUnchanged, createWorkspace, removeWorkspace, snapshotTree } from './helpers/workspace';
import { BUILT_IN_SALESFORCE } from '../helpers/salesforce';

/**
 * Bad input gets a clear message and loses nothing: malformed JSON, wrong types, BOM, CRLF,
 * empty, binary, 50 MB and unreadable files, and a profiles file that is a Braze error response,
 * each give a problem or a CLI message with file:line:column and the documented exit code
 * (lint: malformed → json-syntax, exit 1; unreadable path → 2; render: bad input → 2).
 * Every CLI run is wrapped in a snapshot of the folder it works in (content hash, size, mode,
 * mtime of every file): only `lint --fix` may write, and only to the file it fixes.
 */

const MB = 1024 * 1024;
/** Hang detector for the 50 MB inputs: the process is killed after this long. */
const BIG_FILE_TIMEOUT_MS = 5_000;

const CREATE_LEAD = readFileSync(join(REPO, 'examples/create-lead.braze-webhook.json'), 'utf8');
const SEED_CREATE = readFileSync(join(REPO, 'examples/seed-create-lead.braze-webhook.json'), 'utf8');
const SAMPLE_USERS = readFileSync(join(REPO, 'examples/sample-users.braze-profiles.json'), 'utf8');
const LEAD_URL = 'https://acme.my.salesforce.com/services/data/v60.0/sobjects/Lead/';

/** `text` as UTF-16 with its byte order mark. */
function toUtf16(text: string, order: 'le' | 'be'): Buffer {
  const le = Buffer.from(`\ufeff${text}`, 'utf16le');
  return order === 'le' ? le : le.swap16();
}

/** The text of UTF-16 bytes that start with a byte order mark (the mark dropped). */
function fromUtf16(bytes: Buffer, order: 'le' | 'be'): string {
  const le = order === 'le' ? Buffer.from(bytes) : Buffer.from(bytes).swap16();
  return le.toString('utf16le').slice(1);
}

interface LintJsonProblem {
  ruleId: string;
  severity: string;
  message: string;
  line: number;
  column: number;
}

function lintProblems(run: CliRun): LintJsonProblem[] {
  const reports = JSON.parse(run.stdout) as Array<{ problems: LintJsonProblem[] }>;
  assert.equal(reports.length, 1, run.stdout);
  return reports[0].problems;
}

describe('robustness: bad input gives a clear message and nothing is lost', function () {
  this.timeout(120_000);
  let dir: string;
  const path = (name: string) => join(dir, name);

  /** Runs the CLI in `dir` and fails if it changed anything there (except `allowed`). */
  function cli(args: string[], options: CliRunOptions & { allowed?: string[] } = {}): CliRun {
    const before = snapshotTree(dir);
    const run = runCli(args, { cwd: dir, ...options });
    assertTreeUnchanged(before, snapshotTree(dir), `braze-webhook ${args.join(' ')}`, options.allowed);
    assert.ok(!run.stderr.includes('    at '), `stack trace on stderr: ${run.stderr}`);
    assert.ok(!/internal error/.test(run.stderr), `internal error: ${run.stderr}`);
    return run;
  }

  before(() => {
    dir = createWorkspace('bad-input');
    writeFileSync(path('users.braze-profiles.json'), SAMPLE_USERS);
  });
  after(() => {
    try {
      chmodSync(path('locked.braze-webhook.json'), 0o644);
    } catch {
      // not created
    }
    removeWorkspace(dir);
  });

  it('the folder snapshot notices a rewrite with the same content (so the tests below can fail)', () => {
    writeFileSync(path('probe.txt'), 'same');
    const before = snapshotTree(dir);
    utimesSync(path('probe.txt'), new Date(2001, 0, 1), new Date(2001, 0, 1));
    assert.throws(() => assertTreeUnchanged(before, snapshotTree(dir), 'probe'), /modified probe\.txt/);
  });

  describe('malformed JSON', () => {
    const text = `{\n  "url": "${LEAD_URL}",\n  "body": {\n    "LastName": "x",\n  }\n}\n`;
    before(() => writeFileSync(path('malformed.braze-webhook.json'), text));

    it('lint: a json-syntax error at 5:3, exit 1', () => {
      const run = cli(['lint', 'malformed.braze-webhook.json', '--format', 'json']);
      assert.equal(run.code, 1, describeRun(run));
      assert.deepEqual(lintProblems(run).map((p) => [p.ruleId, p.severity, p.line, p.column]), [['json-syntax', 'error', 5, 3]]);
    });

    it('lint text names file, line and column', () => {
      const run = cli(['lint', 'malformed.braze-webhook.json']);
      assert.equal(run.code, 1, describeRun(run));
      assert.match(run.stdout, /^malformed\.braze-webhook\.json\n {2}5:3 +error +Invalid JSON: Property name expected/m);
    });

    it('render: file:line:column on stderr, exit 2', () => {
      const run = cli(['render', 'malformed.braze-webhook.json']);
      assert.equal(run.code, 2, describeRun(run));
      assert.equal(run.stderr, 'braze-webhook: malformed.braze-webhook.json:5:3: Property name expected (the template is not valid JSON)\n');
      assert.equal(run.stdout, '');
    });

    it('truncated mid-string (a half-written file): json-syntax with a position inside the file', () => {
      const truncated = CREATE_LEAD.slice(0, CREATE_LEAD.indexOf('connected_content') + 20);
      writeFileSync(path('truncated.braze-webhook.json'), truncated);
      const run = cli(['lint', 'truncated.braze-webhook.json', '--format', 'json']);
      assert.equal(run.code, 1, describeRun(run));
      const [problem] = lintProblems(run);
      assert.equal(problem.ruleId, 'json-syntax');
      const lines = truncated.split('\n');
      assert.ok(problem.line <= lines.length && problem.column <= lines[problem.line - 1].length + 1, `position ${problem.line}:${problem.column} is past the end of the file`);
    });
  });

  describe('wrong types', () => {
    before(() => writeFileSync(path('types.braze-webhook.json'), '{"url": 42, "request_method": ["POST"], "request_headers": "x", "body": 7}'));

    it('lint: schema errors at each wrong value, exit 1', () => {
      const run = cli(['lint', 'types.braze-webhook.json', '--format', 'json']);
      assert.equal(run.code, 1, describeRun(run));
      const at = lintProblems(run).filter((p) => p.severity === 'error').map((p) => `${p.line}:${p.column}`);
      for (const column of [9, 31, 60, 73]) assert.ok(at.includes(`1:${column}`), `no error at 1:${column}: ${at.join(', ')}`);
    });

    it('render: exit 2 with file:line:column', () => {
      const run = cli(['render', 'types.braze-webhook.json']);
      assert.equal(run.code, 2, describeRun(run));
      assert.match(run.stderr, /^braze-webhook: types\.braze-webhook\.json:1:\d+: .*"url"/);
    });
  });

  describe('BOM, UTF-16 and CRLF', () => {
    before(() => {
      writeFileSync(path('lf.braze-webhook.json'), CREATE_LEAD);
      writeFileSync(path('bom.braze-webhook.json'), `\ufeff${CREATE_LEAD}`);
      writeFileSync(path('crlf.braze-webhook.json'), `\ufeff${CREATE_LEAD.replace(/\n/g, '\r\n')}`);
      // Windows editors save "Unicode" as UTF-16 with a byte order mark; it is decoded by that mark.
      writeFileSync(path('utf16le.braze-webhook.json'), toUtf16(CREATE_LEAD, 'le'));
      writeFileSync(path('utf16be.braze-webhook.json'), toUtf16(CREATE_LEAD, 'be'));
    });

    for (const variant of ['bom', 'crlf', 'utf16le', 'utf16be']) {
      it(`${variant}: lint reports the same problems at the same lines and columns as the plain file`, () => {
        const plain = cli(['lint', 'lf.braze-webhook.json', '--profiles', 'users.braze-profiles.json', '--format', 'json']);
        const other = cli(['lint', `${variant}.braze-webhook.json`, '--profiles', 'users.braze-profiles.json', '--format', 'json']);
        assert.equal(other.code, plain.code, describeRun(other));
        assert.deepEqual(lintProblems(other), lintProblems(plain));
      });

      it(`${variant}: render prints the same requests`, () => {
        const plain = cli(['render', 'lf.braze-webhook.json', '--profiles', 'users.braze-profiles.json', '--format', 'json']);
        const other = cli(['render', `${variant}.braze-webhook.json`, '--profiles', 'users.braze-profiles.json', '--format', 'json']);
        assert.equal(other.code, 0, describeRun(other));
        const withoutTokens = (s: string) => s.replace(/"issued_at\\":\\"\d+\\"|"signature\\":\\"[^\\]+\\"/g, '');
        assert.equal(withoutTokens(other.stdout), withoutTokens(plain.stdout));
      });
    }
  });

  describe('empty and binary files', () => {
    const cases: Array<[string, string | Buffer, RegExp]> = [
      ['empty', '', /: The file is empty/],
      ['whitespace', ' \r\n\t\n', /: The file is empty/],
      ['png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]), /: not a text file/],
      // UTF-16 without a byte order mark is not guessed at.
      ['utf16le-no-bom', Buffer.from(CREATE_LEAD, 'utf16le'), /: not a text file/],
      ['latin1-bytes', Buffer.from([0xff, 0xfe, 0xfd, 0x80, 0x7b, 0xe9, 0x22, 0x3a]), /: .+/],
    ];
    before(() => {
      for (const [name, content] of cases) writeFileSync(path(`${name}.braze-webhook.json`), content);
    });

    for (const [name, , renderMessage] of cases) {
      it(`${name}: lint gives json-syntax at 1:1.., exit 1; render exits 2 with file:1:column`, () => {
        const lint = cli(['lint', `${name}.braze-webhook.json`, '--format', 'json']);
        assert.equal(lint.code, 1, describeRun(lint));
        const [problem] = lintProblems(lint);
        assert.equal(problem.ruleId, 'json-syntax');
        assert.equal(problem.line, 1);
        const render = cli(['render', `${name}.braze-webhook.json`]);
        assert.equal(render.code, 2, describeRun(render));
        assert.match(render.stderr, new RegExp(`^braze-webhook: ${name}\\.braze-webhook\\.json:\\d+:\\d+${renderMessage.source}`));
      });
    }
  });

  describe('50 MB files', () => {
    before(() => {
      const filler = 'a'.repeat(50 * MB);
      writeFileSync(path('big-junk.braze-webhook.json'), `{"url": ${filler}`);
      writeFileSync(path('big-string.braze-webhook.json'), JSON.stringify({ url: LEAD_URL, body: filler }));
      const members: string[] = [];
      for (let i = 0, size = 0; size < 50 * MB; i++) {
        const member = `"Field_${i}__c": "{{\${first_name}}}"`;
        members.push(member);
        size += member.length + 1;
      }
      writeFileSync(path('big-members.braze-webhook.json'), `{"url": "${LEAD_URL}", "body": {${members.join(',')}}}`);
      writeFileSync(path('too-big.braze-webhook.json'), '');
      truncateSync(path('too-big.braze-webhook.json'), 65 * MB);
    });

    it('50 MB that is not JSON: over the template size cap, json-syntax at 1:1 (exit 1), render file:1:1 (exit 2)', () => {
      const lint = cli(['lint', 'big-junk.braze-webhook.json', '--format', 'json'], { timeoutMs: BIG_FILE_TIMEOUT_MS });
      assert.equal(lint.code, 1, describeRun(lint));
      assert.deepEqual(lintProblems(lint).map((p) => [p.ruleId, p.line, p.column]), [['json-syntax', 1, 1]]);
      assert.match(lintProblems(lint)[0].message, /templates over 2\.0 MB are not checked/);
      const render = cli(['render', 'big-junk.braze-webhook.json'], { timeoutMs: BIG_FILE_TIMEOUT_MS });
      assert.equal(render.code, 2, describeRun(render));
      assert.match(render.stderr, /^braze-webhook: big-junk\.braze-webhook\.json:1:1: The template is \d+\.\d MB; templates over 2\.0 MB are not checked\n$/);
      console.log(`      50 MB junk: lint ${lint.ms} ms, render ${render.ms} ms`);
    });

    it('a 50 MB body string: lint gives a problem with its position, without hanging', () => {
      const lint = cli(['lint', 'big-string.braze-webhook.json', '--format', 'json'], { timeoutMs: BIG_FILE_TIMEOUT_MS });
      console.log(`      50 MB string: lint ${lint.ms} ms`);
      assert.equal(lint.code, 1, describeRun(lint));
      assert.ok(lintProblems(lint).some((p) => p.severity === 'error' && p.line === 1 && p.column >= 1 && /not checked/.test(p.message)));
    });

    it('a 50 MB body string: render reports it with its position, without hanging', () => {
      const render = cli(['render', 'big-string.braze-webhook.json'], { timeoutMs: BIG_FILE_TIMEOUT_MS });
      console.log(`      50 MB string: render ${render.ms} ms`);
      assert.ok(render.code === 1 || render.code === 2, describeRun(render));
      assert.match(render.stdout + render.stderr, /(line 1, column \d+|big-string\.braze-webhook\.json:1:\d+)/);
    });

    it('50 MB of body members (1.3 million fields): lint finishes without hanging or running out of memory', () => {
      const lint = cli(['lint', 'big-members.braze-webhook.json', '--format', 'json'], { timeoutMs: BIG_FILE_TIMEOUT_MS });
      console.log(`      50 MB of members: lint ${lint.ms} ms`);
      assert.ok(lint.code === 0 || lint.code === 1, describeRun(lint));
    });

    it('over the 64 MB input limit: exit 2 with the size, for lint and render', () => {
      for (const command of ['lint', 'render']) {
        const run = cli([command, 'too-big.braze-webhook.json'], { timeoutMs: BIG_FILE_TIMEOUT_MS });
        assert.equal(run.code, 2, describeRun(run));
        assert.match(run.stderr, /too-big\.braze-webhook\.json: file is 65 MB; the limit is 64 MB/);
      }
    });
  });

  describe('unreadable paths', () => {
    let chmodBlocksReads = false;
    before(() => {
      writeFileSync(path('locked.braze-webhook.json'), CREATE_LEAD);
      chmodSync(path('locked.braze-webhook.json'), 0o000);
      try {
        readFileSync(path('locked.braze-webhook.json'));
      } catch {
        chmodBlocksReads = true;
      }
      symlinkSync(path('does-not-exist.json'), path('dangling.braze-webhook.json'));
      mkdirSync(path('folder.braze-webhook.json'));
      mkdirSync(path('profiles-folder.braze-profiles.json'));
      if (!chmodBlocksReads) {
        console.log('      running as root: chmod 000 does not stop reads, so the chmod test is skipped; a dangling symlink and a directory-as-file stand in for it');
      }
    });

    it('chmod 000 file: lint and render exit 2 with the path (skipped as root)', function () {
      if (!chmodBlocksReads) this.skip();
      for (const command of ['lint', 'render']) {
        const run = cli([command, 'locked.braze-webhook.json']);
        assert.equal(run.code, 2, describeRun(run));
        assert.match(run.stderr, /locked\.braze-webhook\.json.*(EACCES|cannot read)/);
      }
    });

    it('dangling symlink: lint exits 2 naming it', () => {
      const run = cli(['lint', 'dangling.braze-webhook.json']);
      assert.equal(run.code, 2, describeRun(run));
      assert.match(run.stderr, /dangling\.braze-webhook\.json/);
    });

    it('dangling symlink: render exits 2 naming it', () => {
      const run = cli(['render', 'dangling.braze-webhook.json']);
      assert.equal(run.code, 2, describeRun(run));
      assert.match(run.stderr, /dangling\.braze-webhook\.json: cannot read \(ENOENT\)/);
    });

    it('a directory given as the template: render exits 2', () => {
      const run = cli(['render', 'folder.braze-webhook.json']);
      assert.equal(run.code, 2, describeRun(run));
      assert.match(run.stderr, /folder\.braze-webhook\.json: is a directory, not a file/);
    });

    it('a directory given as the profiles file: lint and render exit 2', () => {
      writeFileSync(path('ok.braze-webhook.json'), CREATE_LEAD);
      for (const command of ['lint', 'render']) {
        const run = cli([command, 'ok.braze-webhook.json', '--profiles', 'profiles-folder.braze-profiles.json']);
        assert.equal(run.code, 2, describeRun(run));
        assert.match(run.stderr, /profiles-folder\.braze-profiles\.json: is a directory, not a file/);
      }
    });

    it('a missing file next to a good one: lint still reports the good one, then exits 2', () => {
      writeFileSync(path('good.braze-webhook.json'), SEED_CREATE);
      const run = cli(['lint', 'good.braze-webhook.json', 'missing.braze-webhook.json', '--format', 'json']);
      assert.equal(run.code, 2, describeRun(run));
      assert.ok(lintProblems(run).some((p) => p.ruleId === 'placeholder'));
      assert.match(run.stderr, /missing\.braze-webhook\.json: no such file/);
    });
  });

  describe('profiles, fixtures, config and context files', () => {
    before(() => writeFileSync(path('template.braze-webhook.json'), CREATE_LEAD));

    const inputs: Array<{ title: string; file: string; content: string; args: (file: string) => string[][]; message: RegExp }> = [
      {
        title: 'a profiles file that is a Braze error response ({"message"})',
        file: 'error.braze-profiles.json',
        content: '{"message": "Invalid API key: 123"}',
        args: (f) => [['lint', 'template.braze-webhook.json', '--profiles', f], ['render', 'template.braze-webhook.json', '--profiles', f]],
        message: /^braze-webhook: error\.braze-profiles\.json:1:13: This is a Braze error response \("Invalid API key: 123"\)/,
      },
      {
        title: 'a profiles file that is a Braze error response ({"errors"})',
        file: 'errors.braze-profiles.json',
        content: '{\n  "message": "Valid data must be provided",\n  "errors": ["fields_to_export must be an array"]\n}\n',
        args: (f) => [['render', 'template.braze-webhook.json', '--profiles', f]],
        message: /^braze-webhook: errors\.braze-profiles\.json:2:14: This is a Braze error response/,
      },
      {
        title: 'a malformed profiles file',
        file: 'malformed.braze-profiles.json',
        content: '{"users": [{"first_name": "a",}]}',
        args: (f) => [['lint', 'template.braze-webhook.json', '--profiles', f], ['render', 'template.braze-webhook.json', '--profiles', f]],
        message: /^braze-webhook: malformed\.braze-profiles\.json:1:31: Property name expected/,
      },
      {
        title: 'a malformed fixtures file',
        file: 'malformed.braze-mocks.json',
        content: '{\n  "rules": [\n    { "match": { "url": "https://*" }, "response": { "status": 200 } }\n  ]\n',
        args: (f) => [['lint', 'template.braze-webhook.json', '--mocks', f], ['render', 'template.braze-webhook.json', '--mocks', f]],
        message: /^braze-webhook: malformed\.braze-mocks\.json:\d+:\d+: /,
      },
      {
        title: 'a malformed config file',
        file: 'malformed.config.json',
        content: '{\n  "rules": {\n    "placeholder": "off",\n  }\n}\n',
        args: (f) => [['lint', 'template.braze-webhook.json', '--config', f]],
        message: /^braze-webhook: malformed\.config\.json:4:3: /,
      },
      {
        title: 'a config file with a wrong type',
        file: 'types.config.json',
        content: '{\n  "rules": {\n    "placeholder": 5\n  }\n}\n',
        args: (f) => [['lint', 'template.braze-webhook.json', '--config', f]],
        message: /^braze-webhook: types\.config\.json:3:20: /,
      },
      {
        title: 'a malformed liquid context',
        file: 'context.json',
        content: '{\n  "first_name": "Ana"\n  "last_name": "Li"\n}',
        args: (f) => [['liquid', '--template-file', 'hello.liquid', '--context', f]],
        message: /^braze-webhook: context\.json:3:3: not valid JSON/,
      },
    ];

    for (const input of inputs) {
      it(`${input.title}: exit 2 with file:line:column`, () => {
        writeFileSync(path(input.file), input.content);
        writeFileSync(path('hello.liquid'), 'Hi {{ first_name }}');
        for (const args of input.args(input.file)) {
          const run = cli(args);
          assert.equal(run.code, 2, `${args.join(' ')}: ${describeRun(run)}`);
          assert.match(run.stderr, input.message, args.join(' '));
        }
      });
    }

    it('a valid config file is read and applied (no internal error)', () => {
      writeFileSync(path('valid.config.json'), JSON.stringify({ rules: { 'hardcoded-secret': 'off', placeholder: ['warning'] } }));
      const run = cli(['lint', 'template.braze-webhook.json', '--config', 'valid.config.json', '--format', 'json']);
      assert.ok(run.code === 0 || run.code === 1, describeRun(run));
      assert.ok(!lintProblems(run).some((p) => p.ruleId === 'hardcoded-secret'));
    });

    it('a profiles file with wrong types renders, and says where the wrong values are', () => {
      writeFileSync(path('types.braze-profiles.json'), '{"users": [\n  {"external_id": "u1", "first_name": ["Ana"], "email": {"a": 1}, "custom_attributes": "Acme"}\n]}\n');
      const run = cli(['render', 'template.braze-webhook.json', '--profiles', 'types.braze-profiles.json']);
      assert.ok(run.code === 0 || run.code === 1, describeRun(run));
      assert.match(run.stdout, /^### Webhook request · Profile 1: u1$/m);
      assert.match(run.stderr, /types\.braze-profiles\.json:2:39: .*"first_name"/);
    });
  });

  describe('only --fix writes, and only the file it fixes', () => {
    it('--fix rewrites the fixable template, keeps its BOM and CRLF, and touches nothing else', async () => {
      const original = `\ufeff${SEED_CREATE.replace(/\n/g, '\r\n')}`;
      writeFileSync(path('fixme.braze-webhook.json'), original);
      copyFileSync(path('fixme.braze-webhook.json'), path('untouched.braze-webhook.json'));
      const fixable = (await lintTemplate(parseTemplateFile(original), { rules: allRules, deps: { resolveConnectedContent: makeFixtureResolver({}) }, salesforce: BUILT_IN_SALESFORCE })).problems.filter((p) => p.fix);
      assert.ok(fixable.length > 0, 'the seed template has safe fixes');
      const run = cli(['lint', 'fixme.braze-webhook.json', '--fix', '--format', 'json'], { allowed: ['fixme.braze-webhook.json'] });
      assert.equal(run.code, 1, describeRun(run));
      const fixed = readFileSync(path('fixme.braze-webhook.json'), 'utf8');
      assert.notEqual(fixed, original);
      assert.ok(fixed.startsWith('\ufeff'), 'the BOM is kept');
      assert.equal(fixed.replace(/\r\n/g, '').includes('\n'), false, 'every line break is still CRLF');
      assert.deepEqual(parseTemplateFile(fixed).syntaxErrors, []);
      assert.equal(readFileSync(path('untouched.braze-webhook.json'), 'utf8'), original);
    });

    for (const order of ['le', 'be'] as const) {
      it(`--fix keeps a UTF-16${order.toUpperCase()} file in UTF-16${order.toUpperCase()} with its byte order mark`, () => {
        writeFileSync(path(`fix16${order}.braze-webhook.json`), toUtf16(SEED_CREATE, order));
        const run = cli(['lint', `fix16${order}.braze-webhook.json`, '--fix', '--format', 'json'], { allowed: [`fix16${order}.braze-webhook.json`] });
        assert.equal(run.code, 1, describeRun(run));
        const bytes = readFileSync(path(`fix16${order}.braze-webhook.json`));
        assert.deepEqual([...bytes.subarray(0, 2)], order === 'le' ? [0xff, 0xfe] : [0xfe, 0xff]);
        const text = fromUtf16(bytes, order);
        assert.notEqual(text, SEED_CREATE);
        assert.match(text, /:cache_max_age 900/, 'the safe fixes were applied');
        assert.deepEqual(parseTemplateFile(text).syntaxErrors, []);
      });
    }

    it('--fix leaves a malformed file exactly as it was', () => {
      const broken = `${SEED_CREATE.trimEnd().slice(0, -1)},\n`;
      writeFileSync(path('broken-fix.braze-webhook.json'), broken);
      const run = cli(['lint', 'broken-fix.braze-webhook.json', '--fix']);
      assert.equal(run.code, 1, describeRun(run));
      assert.equal(readFileSync(path('broken-fix.braze-webhook.json'), 'utf8'), broken);
    });
  });
});
