import {
  type ConnectedContentResolver,
  type MockRule,
  type Profile,
  type ScenarioName,
  SCENARIOS,
  computeLineStarts,
  emptyProfile,
  makeFixtureResolver,
  offsetToLineColumn,
  parseMocks,
  parseProfiles,
} from '../core';
import { CliError } from './cli-error';
import { displayPath, looksBinary, readTextFile } from './node-fs';

export interface LoadedInputs {
  profiles?: Profile[];
  resolver: ConnectedContentResolver;
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
  const at = offsetToLineColumn(computeLineStarts(text.replace(/^\uFEFF/, '')), first.startIndex);
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
  const lineStarts = computeLineStarts(text.replace(/^\uFEFF/, ''));
  for (const p of problems.filter((x) => x.severity === 'warning')) {
    const at = offsetToLineColumn(lineStarts, p.startIndex);
    warn(`${displayPath(path)}:${at.line}:${at.column}: warning: ${p.message}\n`);
  }
  if (profiles.length === 0) throw new CliError(`${displayPath(path)}:1:1: no user profiles in this file`);
  return profiles;
}

/** The fixture resolver from an optional `*.braze-mocks.json` and a scenario name. */
export function loadMocksResolver(path: string | undefined, scenario: string | undefined): ConnectedContentResolver {
  return loadMocks(path, scenario).resolver;
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
export function selectProfiles(profiles: Profile[] | undefined, user: string | undefined): Profile[] {
  const all = profiles ?? [emptyProfile()];
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
