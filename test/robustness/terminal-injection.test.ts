import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describeRun, runCli } from './helpers/cli';
import { activeCharacters } from './helpers/terminal';
import { createWorkspace, removeWorkspace } from './helpers/workspace';

/**
 * Preview injection in the terminal: profile values (and other file content) holding HTML,
 * `javascript:` URLs, ANSI/OSC escape sequences, NUL, CR, C1 and bidi controls must come out of every
 * CLI output as inert, visible text: no active character reaches stdout or stderr, and the
 * hostile text is still there (escaped, not silently dropped).
 */
const HOSTILE = {
  script: '<script>alert(1)</script>',
  closingDiv: '</div><img src=x onerror=alert(1)>',
  jsUrl: 'javascript:alert(document.cookie)',
  ansi: '\u001b[31mRED\u001b[0m',
  oscTitle: '\u001b]0;pwned\u0007',
  clear: '\u001b[2J\u001b[H',
  hyperlink: '\u001b]8;;https://evil.example/\u0007click me\u001b]8;;\u0007',
  nul: 'a\u0000b',
  carriageReturn: 'safe\roverwritten',
  backspace: 'abc\u0008\u0008\u0008xyz',
  c1Csi: '\u009b31mC1',
  del: 'x\u007fy',
  lineSeparator: 'one\u2028two',
  bidiOverride: 'acme.com\u202Emoc.live',
  bidiIsolate: 'a\u2067b\u2069c',
};

const USER = {
  external_id: `lead\u001b[5m${HOSTILE.oscTitle}`,
  first_name: HOSTILE.script,
  last_name: HOSTILE.closingDiv,
  email: HOSTILE.jsUrl,
  home_city: `${HOSTILE.ansi}${HOSTILE.clear}`,
  custom_attributes: {
    company: HOSTILE.hyperlink,
    note: `${HOSTILE.nul}${HOSTILE.carriageReturn}${HOSTILE.backspace}`,
    c1: `${HOSTILE.c1Csi}${HOSTILE.del}${HOSTILE.lineSeparator}${HOSTILE.bidiOverride}${HOSTILE.bidiIsolate}`,
  },
};

const LEAD_URL = 'https://acme.my.salesforce.com/services/data/v60.0/sobjects/Lead/';

/** Every hostile value lands in the URL, a header and the body. */
const ECHO_TEMPLATE = {
  url: `${LEAD_URL}?city={{\${city}}}`,
  request_method: 'POST',
  request_headers: { 'Content-Type': 'application/json', 'X-Note': '{{custom_attribute.${note}}}{{custom_attribute.${c1}}}' },
  body: {
    FirstName: '{{${first_name}}}',
    LastName: '{{${last_name}}}',
    Email: '{{${email_address}}}',
    City: '{{${city}}}',
    Company: '{{custom_attribute.${company}}}',
    Description: '{{custom_attribute.${note}}} {{custom_attribute.${c1}}}',
  },
};
/** Abort reasons are plain text from the template itself (a pasted template can hold escapes). */
const ABORT_TEMPLATE = {
  url: LEAD_URL,
  request_headers: { 'Content-Type': 'application/json' },
  body: { LastName: `{% abort_message('${HOSTILE.hyperlink}${HOSTILE.c1Csi}') %}x`, Company: 'c' },
};

describe('robustness: terminal output is inert', function () {
  this.timeout(60_000);
  let dir: string;
  const path = (name: string) => join(dir, name);

  before(() => {
    dir = createWorkspace('terminal');
    writeFileSync(path('users.braze-profiles.json'), JSON.stringify({ message: 'success', users: [USER] }, null, 2));
    writeFileSync(path('echo.braze-webhook.json'), JSON.stringify(ECHO_TEMPLATE, null, 2));
    writeFileSync(path('abort.braze-webhook.json'), JSON.stringify(ABORT_TEMPLATE, null, 2));
    writeFileSync(path('context.json'), JSON.stringify({ ...USER, values: Object.values(HOSTILE) }));
    writeFileSync(path('echo.liquid'), '{{ first_name }} {{ email }} {{ home_city }} {{ custom_attributes.company }} {{ custom_attributes.note }} {{ custom_attributes.c1 }}');
  });
  after(() => removeWorkspace(dir));

  function assertInert(args: string[], expectedCodes: number[]): ReturnType<typeof runCli> {
    const run = runCli(args);
    assert.ok(run.code !== null && expectedCodes.includes(run.code), describeRun(run));
    assert.deepEqual(activeCharacters(run.stdout), [], `active characters on stdout of ${args.join(' ')}`);
    assert.deepEqual(activeCharacters(run.stderr), [], `active characters on stderr of ${args.join(' ')}`);
    return run;
  }

  it('the check flags every active character (so the tests below can fail)', () => {
    const flagged = activeCharacters(`ok\ttab\nline ${HOSTILE.ansi}${HOSTILE.nul}${HOSTILE.carriageReturn}${HOSTILE.c1Csi}${HOSTILE.del}${HOSTILE.lineSeparator}`);
    assert.deepEqual(flagged.map((f) => f.slice(0, 6)), ['U+001B', 'U+001B', 'U+0000', 'U+000D', 'U+009B', 'U+007F', 'U+2028']);
    assert.deepEqual(activeCharacters(`${HOSTILE.script} \\u001b[31m é ✓ 😀\n`), []);
  });

  describe('render', () => {
    for (const format of ['http', 'curl']) {
      it(`--format ${format}: escape sequences become visible \\u escapes; HTML and javascript: stay plain text`, () => {
        const run = assertInert(['render', path('echo.braze-webhook.json'), '--profiles', path('users.braze-profiles.json'), '--format', format], [0, 1]);
        assert.ok(run.stdout.includes(HOSTILE.script), 'the <script> text is shown as it is');
        assert.ok(run.stdout.includes('</div><img src=x onerror=alert(1)>'));
        assert.ok(run.stdout.includes(HOSTILE.jsUrl));
        assert.ok(run.stdout.includes('\\u001b[31mRED\\u001b[0m'), 'ANSI colour shown escaped');
        assert.ok(run.stdout.includes('\\u001b]8;;https://evil.example/\\u0007click me'), 'OSC 8 hyperlink shown escaped');
      });
    }

    it('--format json: valid JSON that round-trips every hostile value exactly', () => {
      const run = assertInert(['render', path('echo.braze-webhook.json'), '--profiles', path('users.braze-profiles.json'), '--format', 'json'], [0, 1]);
      const [entry] = JSON.parse(run.stdout) as Array<{ request: { body: string } }>;
      const body = JSON.parse(entry.request.body) as Record<string, string>;
      assert.equal(body.FirstName, HOSTILE.script);
      assert.equal(body.LastName, HOSTILE.closingDiv);
      assert.equal(body.Company, HOSTILE.hyperlink);
      assert.equal(body.Description, `${USER.custom_attributes.note} ${USER.custom_attributes.c1}`);
    });

    it('an abort reason from the template and the profile label are inert too', () => {
      const run = assertInert(['render', path('abort.braze-webhook.json'), '--profiles', path('users.braze-profiles.json')], [0, 1]);
      assert.match(run.stdout, /Aborted in body:LastName: \\u001b\]8;;https:\/\/evil\.example\//);
      assert.match(run.stdout, /Profile 1: lead\\u001b\[5m\\u001b\]0;pwned\\u0007/);
    });
  });

  describe('lint', () => {
    for (const format of ['text', 'json', 'sarif']) {
      it(`--format ${format} with hostile profiles`, () => {
        assertInert(['lint', path('echo.braze-webhook.json'), path('abort.braze-webhook.json'), '--profiles', path('users.braze-profiles.json'), '--format', format], [0, 1]);
      });
    }
  });

  describe('liquid', () => {
    it('prints hostile context values inert', () => {
      const run = assertInert(['liquid', '--template-file', path('echo.liquid'), '--context', path('context.json')], [0]);
      assert.ok(run.stdout.includes(HOSTILE.script));
    });
  });

  describe('error messages on stderr quote file content inertly', () => {
    it('a profiles file that is a Braze error response with escape sequences in its message', () => {
      writeFileSync(path('error.braze-profiles.json'), JSON.stringify({ message: `Invalid API key ${HOSTILE.oscTitle}${HOSTILE.clear}${HOSTILE.c1Csi}` }));
      const run = assertInert(['render', path('echo.braze-webhook.json'), '--profiles', path('error.braze-profiles.json')], [2]);
      assert.match(run.stderr, /error\.braze-profiles\.json:1:\d+: .*Braze error response/);
    });

    it('a config file naming an unknown rule with escape sequences', () => {
      writeFileSync(path('evil.config.json'), JSON.stringify({ rules: { [`nope${HOSTILE.clear}`]: 'error' } }));
      const run = assertInert(['lint', path('echo.braze-webhook.json'), '--config', path('evil.config.json')], [2]);
      assert.match(run.stderr, /evil\.config\.json:1:\d+: /);
    });

    it('a mocks file with an escape sequence where a scenario name goes', () => {
      writeFileSync(path('evil.braze-mocks.json'), JSON.stringify({ scenario: `slow${HOSTILE.oscTitle}`, rules: [] }));
      const run = assertInert(['render', path('echo.braze-webhook.json'), '--mocks', path('evil.braze-mocks.json')], [0, 1, 2]);
      assert.ok(run.stderr === '' || /evil\.braze-mocks\.json:\d+:\d+: /.test(run.stderr), run.stderr);
    });
  });
});
