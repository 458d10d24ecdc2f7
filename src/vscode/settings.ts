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
}

const EDGE_PROFILES_MODES: readonly EdgeProfilesMode[] = ['collapsed', 'expanded', 'hidden'];

export const SETTINGS_SECTION = 'brazeWebhook';

/** Reads the settings once; callers re-read on `onDidChangeConfiguration`. */
export function readSettings(scope?: vscode.ConfigurationScope): Settings {
  const c = vscode.workspace.getConfiguration(SETTINGS_SECTION, scope);
  return {
    lintEnabled: c.get<boolean>('lint.enable', true),
    debounceMs: Math.max(0, c.get<number>('lint.debounceMs', 250)),
    profilesGlob: c.get<string>('profiles', '**/*.braze-profiles.json'),
    renderedChecks: c.get<boolean>('lint.renderedChecks', true),
    maxProfiles: Math.max(1, c.get<number>('preview.maxProfiles', 200)),
    scenario: c.get<string>('preview.scenario', 'token-ok'),
    edgeProfiles: EDGE_PROFILES_MODES.find((m) => m === c.get<string>('preview.edgeProfiles')) ?? 'collapsed',
  };
}
