import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  BUILTIN_EDGE_PROFILES,
  type Dependencies,
  lintTemplate,
  makeFixtureResolver,
  parseMocks,
  parseProfiles,
  parseTemplateFile,
  type Profile,
  renderLiquidText,
  type RuleDefinition,
  SCENARIOS,
  type ScenarioName,
} from '../../src/core';
import { main } from '../../src/cli/main';
import { describeRun, ensureCliBuilt, REPO, runCli, runCliAsync } from './helpers/cli';
import { installNetworkGuard, NETWORK_GUARD_PRELOAD, NETWORK_RECORDER_PRELOAD, type NetworkGuard } from './helpers/network-guard';
import { computePreview } from './helpers/preview';
import { everyRule } from './helpers/rules';
import { createWorkspace, removeWorkspace } from './helpers/workspace';
import { BUILT_IN_SALESFORCE } from '../helpers/salesforce';
import { type SalesforceStandIn, startSalesforceStandIn } from '../helpers/salesforce-stand-in';

/**
 * Nothing opens a socket, resolves a name or starts a process during lint, render or preview
 * with the default settings: connected_content is answered by fixtures. Every network entry point
 * of Node (net, tls, http, https, http2, dgram, dns, fetch) and child_process is replaced by a
 * recorder that throws; the record survives code that catches the error.
 */

const SCENARIO_NAMES = Object.keys(SCENARIOS) as ScenarioName[];

/** Templates whose calls point at hosts that exist (or at a local port), as pasted templates do. */
const NETWORK_LOOKING = JSON.stringify(
  {
    url: 'https://acme.my.salesforce.com/services/data/v60.0/sobjects/Lead/{{${user_id}}}',
    request_method: 'PATCH',
    request_headers: {
      Authorization:
        '{% connected_content https://acme.my.salesforce.com/services/oauth2/token :method post :body client_id=a&client_secret=b&grant_type=client_credentials :save token :retry %}Bearer {{token.access_token}}',
      'X-Lookup': '{% connected_content https://api.example.com/v1/lookup?email={{${email_address} | url_param_escape}} :save lookup :cache_max_age 300 %}{{lookup.id}}',
      'X-Local': '{% connected_content http://127.0.0.1:9/ :basic_auth my_credential %}{% connected_content https://localhost/x :method post :body a=1 :content_type application/json %}',
      'X-Plain': '{% connected_content https://www.braze.com/ %}',
    },
    body: { LastName: '{{${last_name} | default: "Unknown"}}', Company: '{% connected_content https://acme.my.salesforce.com/services/data/v60.0/query?q=SELECT+Id+FROM+Lead :save q %}{{q.totalSize}}' },
  },
  null,
  2,
);

interface Case {
  name: string;
  template: string;
  profiles: Profile[];
  mocksPath?: string;
  deps: (scenario?: ScenarioName) => Dependencies;
}

/** Every example and golden case, plus the network-looking template, with their inputs. */
function loadCases(): Case[] {
  const edge = parseProfiles(JSON.stringify(BUILTIN_EDGE_PROFILES)).profiles;
  const sample = parseProfiles(readFileSync(join(REPO, 'examples/sample-users.braze-profiles.json'), 'utf8')).profiles;
  const cases: Case[] = [];
  const plainDeps = (dir: string) => (scenario?: ScenarioName): Dependencies => ({
    resolveConnectedContent: makeFixtureResolver({ scenario }),
    readContentBlock: (name) => (existsSync(join(dir, 'content_blocks', `${name}.liquid`)) ? readFileSync(join(dir, 'content_blocks', `${name}.liquid`), 'utf8') : undefined),
  });
  for (const name of readdirSync(join(REPO, 'examples')).filter((n) => n.endsWith('.braze-webhook.json')).sort()) {
    cases.push({ name: `examples/${name}`, template: readFileSync(join(REPO, 'examples', name), 'utf8'), profiles: [...sample, ...edge], deps: plainDeps(join(REPO, 'examples')) });
  }
  const golden = join(REPO, 'test/golden');
  for (const name of readdirSync(golden, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort()) {
    const dir = join(golden, name);
    const mocksPath = join(dir, 'mocks.braze-mocks.json');
    const mocks = existsSync(mocksPath) ? parseMocks(readFileSync(mocksPath, 'utf8')).mocks : undefined;
    cases.push({
      name: `golden/${name}`,
      template: readFileSync(join(dir, 'template.braze-webhook.json'), 'utf8'),
      profiles: parseProfiles(readFileSync(join(dir, 'profiles.braze-profiles.json'), 'utf8')).profiles,
      mocksPath: existsSync(mocksPath) ? mocksPath : undefined,
      deps: (scenario) => ({ ...plainDeps(dir)(scenario), resolveConnectedContent: makeFixtureResolver({ rules: mocks?.rules, scenario: scenario ?? mocks?.scenario }) }),
    });
  }
  cases.push({ name: 'network-looking template', template: NETWORK_LOOKING, profiles: [...sample, ...edge], deps: plainDeps(REPO) });
  return cases;
}

describe('robustness: no network by default', function () {
  this.timeout(60_000);
  let rules: RuleDefinition[];
  let cases: Case[];
  let dir: string;

  before(async () => {
    rules = await everyRule();
    cases = loadCases();
    dir = createWorkspace('no-network');
    writeFileSync(join(dir, 'network.braze-webhook.json'), NETWORK_LOOKING);
    ensureCliBuilt();
  });
  after(() => removeWorkspace(dir));

  describe('the guard', () => {
    it('records and blocks fetch, http, https, net, tls, dns, dgram and child processes (so the tests below can fail)', async () => {
      const guard = installNetworkGuard();
      try {
        const net = await import('node:net');
        const http = await import('node:http');
        const https = await import('node:https');
        const tls = await import('node:tls');
        const dns = await import('node:dns');
        const dgram = await import('node:dgram');
        const childProcess = await import('node:child_process');
        const attempts: Array<() => unknown> = [
          () => net.connect(9, '127.0.0.1'),
          () => new net.Socket().connect(9, '127.0.0.1'),
          () => http.get('http://127.0.0.1:9/'),
          () => https.request('https://example.com/'),
          () => tls.connect(443, 'example.com'),
          () => dns.lookup('example.com', () => undefined),
          () => dgram.createSocket('udp4'),
          () => childProcess.execSync('true'),
        ];
        for (const attempt of attempts) assert.throws(attempt, /robustness test: .* is not allowed here/);
        await assert.rejects(fetch('http://127.0.0.1:9/'), /robustness test: fetch is not allowed here/);
        assert.equal(guard.attempts.length, attempts.length + 1, guard.attempts.join('\n'));
      } finally {
        guard.restore();
      }
    });

    it('the preload records attempts of a child process', () => {
      const preload = join(dir, 'guard-control.cjs');
      const log = join(dir, 'guard-control.log');
      writeFileSync(preload, NETWORK_GUARD_PRELOAD);
      const child = spawnSync(process.execPath, ['--require', preload, '-e', "fetch('http://127.0.0.1:9/').catch(() => {}); try { require('node:net').connect(9) } catch {}"], { env: { ...process.env, BW_NETWORK_LOG: log }, encoding: 'utf8' });
      assert.equal(child.status, 0, child.stderr);
      assert.deepEqual(readFileSync(log, 'utf8').trim().split('\n').sort(), ['fetch(http://127.0.0.1:9/)', 'net.connect(9)']);
    });
  });

  describe('in this process', () => {
    let guard: NetworkGuard;
    beforeEach(() => {
      guard = installNetworkGuard();
    });
    afterEach(() => guard.restore());

    it('lint with every rule, every profile and every scenario opens no socket', async () => {
      let linted = 0;
      for (const c of cases) {
        for (const scenario of [undefined, ...SCENARIO_NAMES]) {
          await lintTemplate(parseTemplateFile(c.template), { rules, profiles: c.profiles, deps: c.deps(scenario), salesforce: BUILT_IN_SALESFORCE });
          linted++;
        }
      }
      assert.deepEqual(guard.attempts, [], `network attempts during ${linted} lints`);
    });

    it('the preview (render, redact, preview model, copy as cURL/HTTP) for every case and scenario opens no socket', async () => {
      for (const c of cases) {
        for (const scenario of [undefined, ...SCENARIO_NAMES]) {
          await computePreview(parseTemplateFile(c.template), c.profiles, c.deps(scenario), { scenario, rules });
        }
      }
      assert.deepEqual(guard.attempts, []);
    });

    it('`liquid` rendering with connected_content opens no socket', async () => {
      const result = await renderLiquidText('{% connected_content https://api.example.com/x :save r %}{{r.id}}{% connected_content http://127.0.0.1:9/ %}', {}, { resolveConnectedContent: makeFixtureResolver({}) });
      assert.equal(result.error, undefined);
      assert.deepEqual(guard.attempts, []);
    });

    it('the CLI entry point (lint, render, liquid) with default settings opens no socket', async () => {
      const out: string[] = [];
      const collect = (text: string) => void out.push(text);
      const liquidFile = join(dir, 'cc.liquid');
      writeFileSync(liquidFile, '{% connected_content https://api.example.com/x :save r %}{{r.id}}');
      const runs: Array<[string[], number[]]> = [
        [['lint', join(REPO, 'examples'), join(dir, 'network.braze-webhook.json'), '--profiles', join(REPO, 'examples/sample-users.braze-profiles.json'), '--format', 'sarif'], [0, 1]],
        [['render', join(dir, 'network.braze-webhook.json'), '--profiles', join(REPO, 'examples/sample-users.braze-profiles.json')], [0, 1]],
        [['render', join(REPO, 'examples/create-lead.braze-webhook.json'), '--format', 'curl', '--scenario', 'slow'], [0, 1]],
        [['liquid', '--template-file', liquidFile], [0]],
        // send without the flags that make it send refuses before reading the template.
        [['send', join(dir, 'network.braze-webhook.json')], [2]],
        [['send', join(dir, 'network.braze-webhook.json'), '--allow-host', 'acme.my.salesforce.com', '--user', '1'], [2]],
        [['send', join(dir, 'network.braze-webhook.json'), '--yes'], [2]],
      ];
      for (const [args, codes] of runs) {
        const code = await main(args, collect, collect);
        assert.ok(codes.includes(code), `${args.join(' ')} exited ${code}: ${out.join('').slice(-2000)}`);
      }
      assert.deepEqual(guard.attempts, []);
    });
  });

  describe('the bundled CLI as a process, with the guard preloaded', () => {
    let preload: string;
    let log: string;
    before(() => {
      preload = join(dir, 'guard.cjs');
      log = join(dir, 'network.log');
      writeFileSync(preload, NETWORK_GUARD_PRELOAD);
      writeFileSync(join(dir, 'cc.liquid'), '{% connected_content https://api.example.com/x :save r %}{{r.id}}');
    });

    const runs: Array<[string, string[]]> = [
      ['lint every example with profiles and fixtures', ['lint', 'examples', '--profiles', 'examples/sample-users.braze-profiles.json', '--mocks', 'examples/fixtures/token-invalid-client.braze-mocks.json', '--format', 'json']],
      ['render the network-looking template', ['render', '<dir>/network.braze-webhook.json', '--profiles', 'examples/sample-users.braze-profiles.json', '--format', 'json']],
      ['render the update example as curl', ['render', 'examples/update-lead-to-mql.braze-webhook.json', '--format', 'curl']],
      ['liquid with a connected_content call', ['liquid', '--template-file', '<dir>/cc.liquid']],
      ['send without --yes', ['send', '<dir>/network.braze-webhook.json', '--allow-host', 'acme.my.salesforce.com', '--profiles', 'examples/sample-users.braze-profiles.json', '--user', '1']],
      ['send with --yes and a host that is not the template\'s', ['send', '<dir>/network.braze-webhook.json', '--yes', '--allow-host', 'example.com', '--profiles', 'examples/sample-users.braze-profiles.json', '--user', '1']],
    ];
    for (const [title, args] of runs) {
      it(`${title}: no socket`, () => {
        const run = runCli(args.map((a) => a.replace('<dir>', dir)), { nodeArgs: ['--require', preload], env: { BW_NETWORK_LOG: log } });
        assert.ok(run.code === 0 || run.code === 1 || (args[0] === 'send' && run.code === 2), describeRun(run));
        assert.equal(existsSync(log) ? readFileSync(log, 'utf8') : '', '', 'network attempts');
      });
    }
  });
});

describe('robustness: a send contacts the allowed host and nothing else', function () {
  this.timeout(60_000);
  let org: SalesforceStandIn;
  let dir: string;
  before(async () => {
    org = await startSalesforceStandIn();
    dir = createWorkspace('send-hosts');
  });
  after(async () => {
    await org.close();
    removeWorkspace(dir);
  });

  it('the bundled CLI, with a recorder preloaded: only the stand-in, though the template names other hosts (on fixtures)', async () => {
    const preload = join(dir, 'recorder.cjs');
    const log = join(dir, 'network.log');
    writeFileSync(preload, NETWORK_RECORDER_PRELOAD);
    const template = {
      url: `${org.origin}/services/data/v60.0/sobjects/Lead/`,
      request_method: 'POST',
      request_headers: {
        Authorization: `{% connected_content ${org.origin}/services/oauth2/token :method post :body client_id=${org.clientId}&client_secret=${org.clientSecret}&grant_type=client_credentials :save result %}Bearer {{result.access_token}}`,
        'Content-Type': 'application/json',
        'X-Lookup': '{% connected_content https://api.example.com/v1/lookup :save lookup %}{{lookup.id}}{% connected_content http://127.0.0.1:9/other-port :method post :body a=1 %}{% connected_content https://localhost/x %}',
      },
      body: { LastName: 'Lovelace', Company: '{% connected_content https://acme.my.salesforce.com/services/data/v60.0/query?q=x :save q %}Acme', Region__c: 'EMEA' },
    };
    writeFileSync(join(dir, 'lead.braze-webhook.json'), JSON.stringify(template, null, 2));
    const run = await runCliAsync(['send', join(dir, 'lead.braze-webhook.json'), '--allow-host', '127.0.0.1', '--allow-host', 'api.example.com', '--allow-loopback', '--yes'], { nodeArgs: ['--require', preload], env: { BW_NETWORK_LOG: log } });
    assert.ok(run.code === 0 || run.code === 1, describeRun(run));
    const lines = readFileSync(log, 'utf8').trim().split('\n');
    assert.deepEqual(lines.filter((l) => l.startsWith('fetch ')), [`fetch ${org.origin}/services/oauth2/token`, `fetch ${org.origin}/services/data/v60.0/sobjects/Lead/`]);
    assert.deepEqual(lines.filter((l) => !l.startsWith('fetch ') && l !== `connect 127.0.0.1:${org.port}`), [], 'connections to anything but the stand-in');
    assert.ok(lines.includes(`connect 127.0.0.1:${org.port}`), 'the recorder sees connections (so this test can fail)');
    assert.deepEqual(org.received.map((r) => r.path), ['/services/oauth2/token', '/services/data/v60.0/sobjects/Lead/']);
  });
});
