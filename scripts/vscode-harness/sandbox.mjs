// A throw-away directory tree for one test run: HOME, TMPDIR, VS Code user data (with seeded
// settings), extensions dir and a copy of the workspace fixture (tests may edit it).
// Short base path on purpose: VS Code and its extensions put Unix sockets in TMPDIR (~107 chars).
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';

/** Settings for a quiet, offline, deterministic profile: no gallery, welcome page or telemetry. */
export const SEEDED_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'workbench.settings.enableNaturalLanguageSearch': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'update.showReleaseNotes': false,
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'security.workspace.trust.enabled': false,
  'git.enabled': false,
  'git.autoRepositoryDetection': false,
  'github.gitAuthentication': false,
  'npm.fetchOnlinePackageInfo': false,
  'typescript.disableAutomaticTypeAcquisition': true,
  'json.schemaDownload.enable': false,
  'chat.commandCenter.enabled': false,
  'window.restoreWindows': 'none',
  'files.hotExit': 'off',
};

/**
 * Creates the tree under /tmp and returns its paths. `workspaceFixture` is copied to `workspace`
 * (pass null to skip the copy, e.g. when a real folder is opened instead).
 * @param {string | null} workspaceFixture
 */
export function createSandbox(workspaceFixture) {
  const root = mkdtempSync('/tmp/bwh-');
  const dirs = {
    root,
    home: join(root, 'home'),
    tmp: join(root, 'tmp'),
    browserTmp: join(root, 'btmp'),
    userData: join(root, 'data'),
    extensions: join(root, 'ext'),
    workspace: join(root, 'ws'),
  };
  for (const dir of [dirs.home, dirs.tmp, dirs.browserTmp, dirs.extensions, join(dirs.userData, 'User')]) {
    mkdirSync(dir, { recursive: true });
  }
  writeFileSync(join(dirs.userData, 'User', 'settings.json'), JSON.stringify(SEEDED_SETTINGS, null, 2));
  if (workspaceFixture !== null) cpSync(workspaceFixture, dirs.workspace, { recursive: true });
  return dirs;
}

/**
 * A sandbox whose workspace is a throw-away copy of `folder` (by default the repository's
 * examples/), so trying the extension - a Fix All, a save, a rename - never changes tracked files.
 * The examples point at ../schemas/ ($schema): the copy gets the same neighbour.
 * @param {string} root the repository
 * @param {string} [folder] the folder to copy (default: root/examples)
 */
export function createExamplesSandbox(root, folder = join(root, 'examples')) {
  const dirs = createSandbox(folder);
  cpSync(join(root, 'schemas'), join(dirs.root, 'schemas'), { recursive: true });
  return { ...dirs, copiedFrom: folder, name: basename(folder) };
}

/** Environment for a child that must not touch the real HOME or /tmp. */
export function sandboxEnv(dirs, tmp = dirs.tmp) {
  const env = { ...process.env };
  // Leave npm's and the runner's own settings behind; they mean nothing to VS Code.
  for (const key of Object.keys(env)) {
    if (key.startsWith('npm_') || key === 'NODE_OPTIONS' || key.startsWith('VSCODE_')) delete env[key];
  }
  return {
    ...env,
    HOME: dirs.home,
    TMPDIR: tmp,
    XDG_CONFIG_HOME: join(dirs.home, '.config'),
    XDG_CACHE_HOME: join(dirs.home, '.cache'),
    XDG_DATA_HOME: join(dirs.home, '.local', 'share'),
    XDG_RUNTIME_DIR: tmp,
  };
}

export function removeSandbox(dirs) {
  if (dirs) rmSync(dirs.root, { recursive: true, force: true, maxRetries: 3 });
}

/**
 * One cleanup for a run: kill every process group we started, then remove the sandbox (or keep it
 * and say where, when `keep`). Safe to call more than once; later calls share the first.
 */
export function makeCleanup({ getSandbox, keep, log, killAllGroups }) {
  let running;
  return () => {
    running ??= (async () => {
      await killAllGroups();
      const sandbox = getSandbox();
      if (keep && sandbox) log(`sandbox kept at ${sandbox.root}`);
      else removeSandbox(sandbox);
    })();
    return running;
  };
}
