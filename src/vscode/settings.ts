import * as vscode from 'vscode';
import type { EdgeProfilesMode } from './preview/preview-model';

/** Mirrors `contributes.configuration` (every key under `brazeWebhook.`). */
export interface Settings {
  lintEnabled: boolean;
  debounceMs: number;
  /** Glob for sample-profile files when the config file names none. */
  profilesGlob: string;
  /** Run rendered-request checks on the sample profiles while typing. */
  renderedChecks: boolean;
  /** Upper bound of profiles rendered per keystroke (the rest still show in the matrix on demand). */
  maxProfiles: number;
  /** Default connected_content fixture scenario. */
  scenario: string;
  /** The built-in edge-case profiles in the preview: a collapsed group, an open one, or none. */
  edgeProfiles: EdgeProfilesMode;
  /**
   * Org describe files by sObject name (workspace-relative paths): the lowest source, after the
   * CLI's `--describe` and the config file's `salesforce.describe` (issue 10, ADR 018).
   */
  salesforceDescribe: Record<string, string>;
}

const EDGE_PROFILES_MODES: readonly EdgeProfilesMode[] = ['collapsed', 'expanded', 'hidden'];

export const SETTINGS_SECTION = 'brazeWebhook';

/**
 * Reads the settings once; callers re-read on `onDidChangeConfiguration`. `salesforce.describe` is
 * the one resource setting (a folder may name its own describe files): it is read for the first
 * workspace folder, the folder whose files the extension reads. The window settings are read
 * without a resource (VS Code warns when a window setting is read for one).
 */
export function readSettings(scope?: vscode.ConfigurationScope): Settings {
  const c = vscode.workspace.getConfiguration(SETTINGS_SECTION, scope);
  const folder = vscode.workspace.getConfiguration(SETTINGS_SECTION, vscode.workspace.workspaceFolders?.[0]?.uri ?? null);
  return {
    lintEnabled: c.get<boolean>('lint.enable', true),
    debounceMs: Math.max(0, c.get<number>('lint.debounceMs', 250)),
    profilesGlob: c.get<string>('profiles', '**/*.braze-profiles.json'),
    renderedChecks: c.get<boolean>('lint.renderedChecks', true),
    maxProfiles: Math.max(1, c.get<number>('preview.maxProfiles', 200)),
    scenario: c.get<string>('preview.scenario', 'token-ok'),
    edgeProfiles: EDGE_PROFILES_MODES.find((m) => m === c.get<string>('preview.edgeProfiles')) ?? 'collapsed',
    salesforceDescribe: stringEntries(folder.get<unknown>('salesforce.describe')),
  };
}

/** The string members of a settings object (anything else a hand-edited settings.json holds is ignored). */
function stringEntries(value: unknown): Record<string, string> {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return {};
  return Object.fromEntries(Object.entries(value).filter((e): e is [string, string] => typeof e[1] === 'string' && e[1].trim() !== ''));
}

/** The test-send switches: application-scoped, so a workspace's settings cannot turn sending on (ADR 017). */
export interface SendSettings {
  enabled: boolean;
  allowedHosts: string[];
  allowLoopback: boolean;
}

/**
 * Reads the send settings from the user's own (global) settings only. They are declared with
 * `"scope": "application"`, which VS Code never takes from a workspace; reading `globalValue`
 * keeps that true even if a workspace file names them.
 */
export function readSendSettings(): SendSettings {
  const c = vscode.workspace.getConfiguration(SETTINGS_SECTION);
  const user = <T>(key: string): T | undefined => c.inspect<T>(key)?.globalValue;
  const hosts = user<unknown>('send.allowedHosts');
  return {
    enabled: user<boolean>('send.enable') === true,
    allowedHosts: Array.isArray(hosts) ? hosts.filter((h): h is string => typeof h === 'string') : [],
    allowLoopback: user<boolean>('send.allowLoopback') === true,
  };
}
