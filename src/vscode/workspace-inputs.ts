import * as vscode from 'vscode';
import {
  BUILTIN_EDGE_PROFILES,
  CONFIG_FILE_NAME,
  type ConnectedContentResolver,
  type LintConfig,
  type MockRule,
  type Profile,
  type ScenarioName,
  SCENARIOS,
  allRules,
  makeFixtureResolver,
  parseConfig,
  parseMocks,
  parseProfiles,
  withDistinctLabels,
} from '../core';
import type { Settings } from './settings';
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

  constructor(private settings: Settings) {
    const watcher = vscode.workspace.createFileSystemWatcher(`**/{*.braze-profiles.json,*.braze-mocks.json,${CONFIG_FILE_NAME}}`);
    const invalidate = () => this.invalidate();
    this.disposables.push(watcher, watcher.onDidChange(invalidate), watcher.onDidCreate(invalidate), watcher.onDidDelete(invalidate));
    this.disposables.push(
      vscode.workspace.onDidSaveTextDocument((doc) => {
        if (/\.braze-(profiles|mocks)\.json$/.test(doc.uri.path) || doc.uri.path.endsWith(`/${CONFIG_FILE_NAME}`)) invalidate();
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
    this.snapshot ??= this.load().catch(() => ({ config: {}, profiles: [], edgeProfiles: edgeProfiles([]), mockRules: [], customAttributes: new Map() }));
    return this.snapshot;
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
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
    return { config, profiles, edgeProfiles: edgeProfiles(profiles), mockRules, configScenario, customAttributes: customAttributeSamples(profiles) };
  }
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
