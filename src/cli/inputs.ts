import { dirname, resolve } from 'node:path';
import {
  CONFIG_FILE_NAME,
  type ConnectedContentResolver,
  type LintConfig,
  type MockRule,
  type SalesforceSchema,
  allRules,
  parseConfig,
  type Profile,
  type ScenarioName,
  SCENARIOS,
  computeLineStarts,
  emptyProfile,
  makeFixtureResolver,
  offsetToLineColumn,
  parseMocks,
  parseProfiles,
  withoutByteOrderMark,
} from '../core';
import { CliError } from './cli-error';
import { displayPath, looksBinary, readTextFile } from './node-fs';
import { loadRunSchema } from './salesforce';

/** The inputs of a lint or render run other than the templates. */
export interface RunInputs {
  config: LintConfig;
  /** Sample users from every profiles file, in order; empty when none was given. */
  profiles: Profile[];
  resolver: ConnectedContentResolver;
  /** The mocks file's rules and the scenario in force: the simulated Salesforce answer reads them too. */
  mocks: MockRule[];
  scenario?: ScenarioName;
  /** The built-in sObject models plus the org describes of the config and of `--describe`. */
  salesforce: SalesforceSchema;
}

/** The options of `lint`, `render` and `explain` that name input files. */
export interface RunInputOptions {
  profiles: string[];
  mocks?: string;
  scenario?: string;
  config?: string;
  /** `--describe` files: org describes that win over the config's for the same sObject. */
  describe?: string[];
}

/**
 * Configuration, profiles and fixtures of a run: each option given on the command line wins over
 * the configuration file's (whose paths are relative to the file), as in `lint` and `render` alike.
 */
export function loadRunInputs(options: RunInputOptions, warn: (line: string) => void): RunInputs {
  const { config, configDir } = loadConfig(options.config);
  const profilePaths = options.profiles.length > 0 ? options.profiles.map((p) => resolve(p)) : (config.profiles ?? []).map((p) => resolve(configDir, p));
  const profiles = profilePaths.flatMap((path) => loadProfiles(path, warn));
  const mocksPath = options.mocks ? resolve(options.mocks) : config.mocks ? resolve(configDir, config.mocks) : undefined;
  const { resolver, rules, scenario } = loadMocks(mocksPath, options.scenario ?? config.scenario);
  const salesforce = loadRunSchema({ flags: options.describe ?? [], config, configDir }, warn);
  return { config, profiles, resolver, mocks: rules, scenario, salesforce };
}

interface FileProblemLike {
  message: string;
  startIndex: number;
  severity?: string;
}

/** Fails (exit 2) with `file:line:col: message` for the first error-level problem of an input file. */
function failOnErrors(path: string, text: string, problems: FileProblemLike[]): void {
  const first = problems.find((p) => (p.severity ?? 'error') === 'error');
  if (!first) return;
  const at = offsetToLineColumn(computeLineStarts(withoutByteOrderMark(text)), first.startIndex);
  throw new CliError(`${displayPath(path)}:${at.line}:${at.column}: ${first.message}`);
}

/**
 * Reads a `*.braze-profiles.json` file; unusable input is exit 2. Warnings (a value of the wrong
 * type, a misplaced field) go to `warn` with their position and do not change the exit code.
 */
export function loadProfiles(path: string, warn: (line: string) => void = () => undefined): Profile[] {
  const text = readTextFile(path);
  if (looksBinary(text)) throw new CliError(`${displayPath(path)}:1:1: not a text file`);
  const { profiles, problems } = parseProfiles(text);
  failOnErrors(path, text, problems);
  const lineStarts = computeLineStarts(withoutByteOrderMark(text));
  for (const p of problems.filter((x) => x.severity === 'warning')) {
    const at = offsetToLineColumn(lineStarts, p.startIndex);
    warn(`${displayPath(path)}:${at.line}:${at.column}: warning: ${p.message}\n`);
  }
  if (profiles.length === 0) throw new CliError(`${displayPath(path)}:1:1: no user profiles in this file`);
  return profiles;
}

/** What a mocks file and a scenario give a run: the resolver, and the rules and scenario the simulated Salesforce answer uses. */
export interface LoadedMocks {
  resolver: ConnectedContentResolver;
  rules: MockRule[];
  scenario?: ScenarioName;
}

/** Reads an optional `*.braze-mocks.json`; the scenario given wins over the file's. */
export function loadMocks(path: string | undefined, scenario: string | undefined): LoadedMocks {
  if (scenario !== undefined && !(scenario in SCENARIOS)) {
    throw new CliError(`unknown scenario "${scenario}"; one of: ${Object.keys(SCENARIOS).join(', ')}`);
  }
  if (!path) return { resolver: makeFixtureResolver({ scenario: scenario as ScenarioName | undefined }), rules: [], scenario: scenario as ScenarioName | undefined };
  const text = readTextFile(path);
  const { mocks, problems } = parseMocks(text);
  failOnErrors(path, text, problems);
  const chosen = (scenario ?? mocks.scenario) as ScenarioName | undefined;
  return { resolver: makeFixtureResolver({ rules: mocks.rules, scenario: chosen }), rules: mocks.rules, scenario: chosen };
}

/**
 * The profiles to render: all of them, or the one `--user` names (external_id, braze_id, email
 * or 1-based position). Without a profiles file, one profile with every attribute empty.
 */
export function selectProfiles(profiles: readonly Profile[], user: string | undefined): Profile[] {
  const all = profiles.length > 0 ? [...profiles] : [emptyProfile()];
  if (user === undefined) return all;
  const matches = all.filter((p) => matchesUser(p, user));
  if (matches.length === 0) {
    throw new CliError(`--user ${user}: no profile has that external_id, braze_id, email or position (1–${all.length})`);
  }
  return matches.slice(0, 1);
}

function matchesUser(profile: Profile, user: string): boolean {
  const u = profile.user as Record<string, unknown>;
  return [u.external_id, u.braze_id, u.email].some((v) => typeof v === 'string' && v === user) || String(profile.ref.index) === user;
}

/** `--config FILE`, else `braze-webhook.config.json` in the current directory, else defaults. */
export function loadConfig(path: string | undefined): { config: LintConfig; configDir: string } {
  const configPath = resolve(path ?? CONFIG_FILE_NAME);
  let text: string;
  try {
    text = readTextFile(configPath);
  } catch (error) {
    if (path) throw error;
    return { config: {}, configDir: process.cwd() };
  }
  const { config, problems } = parseConfig(text, allRules.map((r) => r.meta.id));
  if (problems.length > 0) {
    const p = problems[0];
    const before = withoutByteOrderMark(text).slice(0, p.startIndex).split(/\r\n|\r|\n/);
    throw new CliError(`${displayPath(configPath)}:${before.length}:${before[before.length - 1].length + 1}: ${p.message}`);
  }
  return { config, configDir: dirname(configPath) };
}
