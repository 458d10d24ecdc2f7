import * as vscode from 'vscode';
import {
  BUILTIN_EDGE_PROFILES,
  CONFIG_FILE_NAME,
  type ConnectedContentResolver,
  type DescribeFileInput,
  type DescribeFileProblem,
  type LintConfig,
  type MockRule,
  type Profile,
  type SalesforceSchema,
  type ScenarioName,
  SCENARIOS,
  allRules,
  loadSalesforceSchema,
  makeFixtureResolver,
  parseConfig,
  parseMocks,
  parseProfiles,
  withDistinctLabels,
} from '../core';
import type { Settings } from './settings';
import type { ShippedFiles } from './shipped-files';
import { findWorkspaceFiles, readWorkspaceText as readText } from './workspace-files';

/** A profile with where it came from, for pickers. */
export interface SourcedProfile {
  profile: Profile;
  /** Workspace-relative file, or undefined for built-in edge cases. */
  source?: string;
}

/** What the workspace provides to lint and preview: config, sample profiles, fixtures. */
export interface WorkspaceInputsSnapshot {
  config: LintConfig;
  /** Profiles from the workspace files (config `profiles`, else the `brazeWebhook.profiles` glob). */
  profiles: SourcedProfile[];
  /** Built-in edge-case profiles (quotes, accents, emoji, long values…), numbered after the workspace ones. */
  edgeProfiles: SourcedProfile[];
  mockRules: MockRule[];
  /** Scenario from the config file, if any. */
  configScenario?: ScenarioName;
  /** Custom attribute keys of the workspace profiles, with up to 5 sample values each (hovers, completion). */
  customAttributes: Map<string, string[]>;
  /** The Salesforce model every rule, hover and completion reads: the built-in Lead data and the config's org describes. */
  salesforce: SalesforceSchema;
  /** Problems of the org describe files named in the config (the built-in model stays for a bad file). */
  describeProblems: DescribeFileProblem[];
  /** Each describe file read (config or setting), with its text and problems, for diagnostics in that file. */
  describeFiles: DescribeFileRead[];
}

/** One org describe file as read, for its diagnostics. */
export interface DescribeFileRead {
  uri: vscode.Uri;
  text: string;
  problems: DescribeFileProblem[];
}

/**
 * Loads and caches the workspace inputs; any change to a profiles, mocks or config file
 * invalidates the cache and fires `onDidChange`.
 */
export class WorkspaceInputs implements vscode.Disposable {
  private snapshot: Promise<WorkspaceInputsSnapshot> | undefined;
  private readonly emitter = new vscode.EventEmitter<void>();
  private readonly disposables: vscode.Disposable[] = [this.emitter];
  readonly onDidChange = this.emitter.event;
  /** The describe files the last load named (existing or not), each watched, so creating, changing or deleting one re-lints. */
  private describeWatch: { key: string; uris: Set<string>; watchers: vscode.Disposable[] } = { key: '', uris: new Set(), watchers: [] };

  constructor(
    private settings: Settings,
    private readonly shipped: ShippedFiles,
  ) {
    const watcher = vscode.workspace.createFileSystemWatcher(`**/{*.braze-profiles.json,*.braze-mocks.json,${CONFIG_FILE_NAME}}`);
    const invalidate = () => this.invalidate();
    this.disposables.push(watcher, watcher.onDidChange(invalidate), watcher.onDidCreate(invalidate), watcher.onDidDelete(invalidate));
    this.disposables.push(
      vscode.workspace.onDidSaveTextDocument((doc) => {
        if (/\.braze-(profiles|mocks)\.json$/.test(doc.uri.path) || doc.uri.path.endsWith(`/${CONFIG_FILE_NAME}`) || this.describeWatch.uris.has(doc.uri.toString())) invalidate();
      }),
    );
  }

  updateSettings(settings: Settings): void {
    this.settings = settings;
    this.invalidate();
  }

  invalidate(): void {
    this.snapshot = undefined;
    this.emitter.fire();
  }

  get(): Promise<WorkspaceInputsSnapshot> {
    // The rules' words are shipped data: every lint of a snapshot can use them (ADR 021).
    this.snapshot ??= Promise.all([this.shipped.ruleTexts(), this.load()]).then(([, snapshot]) => snapshot).catch(async () => ({ config: {}, profiles: [], edgeProfiles: edgeProfiles([]), mockRules: [], customAttributes: new Map(), ...(await this.salesforce({}, undefined)) }));
    return this.snapshot;
  }

  dispose(): void {
    for (const d of [...this.disposables, ...this.describeWatch.watchers]) d.dispose();
  }

  /** A resolver for the chosen scenario: the fixture resolver, never the network. */
  async resolver(scenario: string | undefined): Promise<ConnectedContentResolver> {
    const { mockRules, configScenario } = await this.get();
    const name = scenario && scenario in SCENARIOS ? (scenario as ScenarioName) : configScenario;
    return makeFixtureResolver({ rules: mockRules, scenario: name });
  }

  private async load(): Promise<WorkspaceInputsSnapshot> {
    const root = vscode.workspace.workspaceFolders?.[0]?.uri;
    const config = root ? await readConfig(vscode.Uri.joinPath(root, CONFIG_FILE_NAME)) : {};
    const profileUris = root && config.profiles?.length ? config.profiles.map((p) => vscode.Uri.joinPath(root, p)) : await findWorkspaceFiles(this.settings.profilesGlob, 50);
    profileUris.sort((a, b) => a.path.localeCompare(b.path));
    const profiles: SourcedProfile[] = [];
    for (const uri of profileUris) {
      const text = await readText(uri);
      if (text === undefined) continue;
      for (const profile of parseProfiles(text).profiles) {
        const index = profiles.length + 1;
        profiles.push({ profile: { ...profile, index, ref: { ...profile.ref, index } }, source: vscode.workspace.asRelativePath(uri) });
      }
    }
    const mockRules = root && config.mocks ? await readMocks(vscode.Uri.joinPath(root, config.mocks)) : [];
    const configScenario = config.scenario && config.scenario in SCENARIOS ? (config.scenario as ScenarioName) : undefined;
    const salesforce = await this.salesforce(config, root);
    return { config, profiles, edgeProfiles: edgeProfiles(profiles), mockRules, configScenario, customAttributes: customAttributeSamples(profiles), ...salesforce };
  }

  /**
   * The built-in models (shipped data, read once) plus the org describes the config names, else the
   * `brazeWebhook.salesforce.describe` setting (per sObject; ADR 008, ADR 018). Each named file is
   * watched, existing or not yet.
   */
  private async salesforce(config: LintConfig, root: vscode.Uri | undefined): Promise<Pick<WorkspaceInputsSnapshot, 'salesforce' | 'describeProblems' | 'describeFiles'>> {
    const paths = root ? describePaths(config.salesforce?.describe ?? {}, this.settings.salesforceDescribe) : [];
    if (root) this.watchDescribeFiles(root, paths);
    const org: DescribeFileInput[] = [];
    const read: Array<{ uri: vscode.Uri; text: string; file: string }> = [];
    for (const path of paths) {
      const uri = vscode.Uri.joinPath(root as vscode.Uri, path);
      const text = await readText(uri);
      if (text === undefined) continue;
      org.push({ file: path, text });
      read.push({ uri, text, file: path });
    }
    const { schema, problems } = loadSalesforceSchema({ builtIn: await this.shipped.salesforceModels(), org });
    const describeFiles = read.map(({ uri, text, file }) => ({ uri, text, problems: problems.filter((p) => p.file === file) }));
    return { salesforce: schema, describeProblems: problems, describeFiles };
  }

  private watchDescribeFiles(root: vscode.Uri, paths: readonly string[]): void {
    const key = `${root.toString()}|${paths.join('|')}`;
    if (key === this.describeWatch.key) return;
    for (const w of this.describeWatch.watchers) w.dispose();
    const invalidate = () => this.invalidate();
    const watchers = paths.flatMap((path) => {
      const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(root, path));
      return [watcher, watcher.onDidCreate(invalidate), watcher.onDidChange(invalidate), watcher.onDidDelete(invalidate)];
    });
    this.describeWatch = { key, uris: new Set(paths.map((p) => vscode.Uri.joinPath(root, p).toString())), watchers };
  }
}

/**
 * The describe files to load, lowest precedence first (for the same sObject a later describe wins,
 * as in the CLI): the setting's, except for an sObject the config names (names compare without
 * case, as Salesforce's do), then the config file's. The CLI's `--describe`, above both, has no
 * editor form.
 */
export function describePaths(fromConfig: Record<string, string>, fromSetting: Record<string, string>): string[] {
  const inConfig = new Set(Object.keys(fromConfig).map((sobject) => sobject.toLowerCase()));
  const fromSettingOnly = Object.entries(fromSetting).filter(([sobject]) => !inConfig.has(sobject.toLowerCase()));
  return [...new Set([...fromSettingOnly.map(([, path]) => path), ...Object.values(fromConfig)])];
}

function customAttributeSamples(profiles: readonly SourcedProfile[]): Map<string, string[]> {
  const samples = new Map<string, string[]>();
  for (const { profile } of profiles) {
    const attributes = profile.user.custom_attributes;
    if (!attributes || typeof attributes !== 'object') continue;
    for (const [key, value] of Object.entries(attributes)) {
      const list = samples.get(key) ?? [];
      if (list.length < 5 && value !== null && typeof value !== 'object') list.push(String(value));
      samples.set(key, list);
    }
  }
  return samples;
}

/** The built-in edge cases, numbered after the workspace's profiles, with labels none of those has. */
function edgeProfiles(workspace: readonly SourcedProfile[]): SourcedProfile[] {
  const numbered = parseProfiles(JSON.stringify(BUILTIN_EDGE_PROFILES)).profiles.map((p) => {
    const index = workspace.length + p.index;
    return { ...p, index, ref: { ...p.ref, index } };
  });
  return withDistinctLabels(numbered, workspace.map((p) => p.profile.ref.label), vscode.l10n.t('built-in')).map((profile) => ({ profile }));
}

async function readConfig(uri: vscode.Uri): Promise<LintConfig> {
  const text = await readText(uri);
  return text === undefined ? {} : parseConfig(text, allRules.map((r) => r.meta.id)).config;
}

async function readMocks(uri: vscode.Uri): Promise<MockRule[]> {
  const text = await readText(uri);
  return text === undefined ? [] : parseMocks(text).mocks.rules;
}

/** Reads `content_blocks/<name>.liquid` next to the template, then at the workspace root. */
export async function loadContentBlocks(names: readonly string[], documentUri: vscode.Uri): Promise<Map<string, string>> {
  const blocks = new Map<string, string>();
  const dir = vscode.Uri.joinPath(documentUri, '..');
  const root = vscode.workspace.getWorkspaceFolder(documentUri)?.uri;
  for (const name of names) {
    if (/[\\/]|^\.\.?$/.test(name)) continue;
    for (const base of root ? [dir, root] : [dir]) {
      const text = await readText(vscode.Uri.joinPath(base, 'content_blocks', `${name}.liquid`));
      if (text !== undefined) {
        blocks.set(name, text);
        break;
      }
    }
  }
  return blocks;
}
