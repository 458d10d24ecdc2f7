import * as vscode from 'vscode';
import {
  type Problem,
  type RenderedRequest,
  type ScenarioName,
  type TemplateFile,
  SCENARIOS,
  allRules,
  emptyProfile,
  lintRendered,
  lintStatic,
  redactRequest,
  renderProfile,
  toBrazeWebhookObject,
} from '../../core';
import { isTemplateUri } from '../commands';
import { dependenciesFor } from '../render-service';
import type { Settings } from '../settings';
import type { TemplateCache } from '../template-cache';
import type { SourcedProfile, WorkspaceInputs } from '../workspace-inputs';
import { buildPreviewState } from './preview-model';
import type { PreviewState } from './protocol';

/** Everything one preview computation produced; the request fields are already redacted. */
export interface PreviewResult {
  document: vscode.TextDocument;
  file: TemplateFile;
  profile: SourcedProfile;
  /** Undefined when the template cannot be rendered (not valid JSON, or no url); see `state.notice`. */
  request?: RenderedRequest;
  state: PreviewState;
}

/** Localized UI strings for the webview. */
export function previewStrings(): Record<string, string> {
  const t = vscode.l10n.t;
  return {
    profile: t('Profile'),
    scenario: t('Scenario'),
    builtIn: t('built-in'),
    revealSecrets: t('Reveal secrets'),
    hideSecrets: t('Hide secrets'),
    copyCurl: t('Copy as cURL'),
    copyHttp: t('Copy as HTTP'),
    copyBraze: t('Copy as Braze webhook object'),
    openDocument: t('Open as document'),
    subrequest: t('connected_content call'),
    stubbed: t('stubbed, not sent'),
    dropped: t('dropped: Braze inserts nothing'),
    aborted: t('Aborted: Braze sends nothing for this profile'),
    request: t('Webhook request'),
    problems: t('Problems'),
    noProblems: t('No problems for this profile.'),
    matrix: t('All profiles'),
    status: t('Status'),
    summary: t('Summary'),
    status_ok: t('ok'),
    status_warning: t('warning'),
    status_error: t('error'),
    status_aborted: t('aborted'),
    patchNote: t("Braze's webhook object has no PATCH: the copy uses Salesforce's POST …?_HttpMethod=PATCH override."),
  };
}

/**
 * The preview's selection (template, profile, scenario, reveal) and the computation behind the
 * panel, the rendered document, the status bar and the copy commands. Rendering is async and
 * bounded by the engine's limits; a result for an outdated document version is dropped.
 */
export class PreviewSession implements vscode.Disposable {
  template: vscode.Uri | undefined;
  profileIndex = 1;
  scenario: ScenarioName;
  revealed = false;
  private readonly changed = new vscode.EventEmitter<void>();
  /** Fires when the selection or the template changed: views should recompute. */
  readonly onDidChange = this.changed.event;
  private readonly disposables: vscode.Disposable[] = [this.changed];

  constructor(
    private settings: Settings,
    private readonly templates: TemplateCache,
    private readonly inputs: WorkspaceInputs,
  ) {
    this.scenario = settings.scenario in SCENARIOS ? (settings.scenario as ScenarioName) : 'token-ok';
    this.disposables.push(
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (this.template && e.document.uri.toString() === this.template.toString()) this.changed.fire();
      }),
      vscode.window.onDidChangeActiveTextEditor((editor) => {
        if (editor && isTemplateUri(editor.document.uri.path) && editor.document.uri.toString() !== this.template?.toString()) {
          this.template = editor.document.uri;
          this.changed.fire();
        }
      }),
      inputs.onDidChange(() => this.changed.fire()),
    );
  }

  updateSettings(settings: Settings): void {
    this.settings = settings;
  }

  select(change: { template?: vscode.Uri; profileIndex?: number; scenario?: ScenarioName; revealed?: boolean }): void {
    if (change.template) this.template = change.template;
    if (change.profileIndex !== undefined) this.profileIndex = change.profileIndex;
    if (change.scenario) this.scenario = change.scenario;
    if (change.revealed !== undefined) this.revealed = change.revealed;
    this.changed.fire();
  }

  /** Workspace profiles then the built-in edge cases; one empty profile when there are none at all. */
  async profiles(): Promise<SourcedProfile[]> {
    const { profiles, edgeProfiles } = await this.inputs.get();
    const all = [...profiles, ...edgeProfiles];
    return all.length > 0 ? all : [{ profile: emptyProfile() }];
  }

  async compute(): Promise<PreviewResult | undefined> {
    if (!this.template) return undefined;
    const document = await vscode.workspace.openTextDocument(this.template);
    const file = this.templates.get(document);
    const version = document.version;
    const profiles = (await this.profiles()).slice(0, this.settings.maxProfiles);
    const selected = profiles.find((p) => p.profile.index === this.profileIndex) ?? profiles[0];
    const { config, salesforce } = await this.inputs.get();
    const staticProblems = lintStatic(file, allRules, config, salesforce);
    const deps = await dependenciesFor(file, document.uri, this.inputs, this.scenario);
    const renderable = file.syntaxErrors.length === 0 && file.url !== undefined;
    const matrix: Array<{ index: number; label: string; request: RenderedRequest; problems: Problem[] }> = [];
    let request: RenderedRequest | undefined;
    let selectedProblems: Problem[] = [];
    if (renderable) {
      for (const sourced of profiles) {
        const rendered = await renderProfile(file, sourced.profile, deps);
        const problems = lintRendered(file, [rendered], allRules, config, salesforce);
        matrix.push({ index: sourced.profile.index, label: sourced.profile.ref.label, request: redactRequest(rendered), problems });
        if (sourced === selected) {
          request = redactRequest(rendered, { reveal: this.revealed });
          selectedProblems = problems;
        }
      }
    }
    if (document.version !== version) return undefined;
    const strings = previewStrings();
    const state = buildPreviewState({
      templateName: vscode.workspace.asRelativePath(document.uri),
      lineStarts: file.lineStarts,
      profiles: profiles.map((p) => ({ index: p.profile.index, label: p.profile.ref.label, builtIn: p.source === undefined })),
      selectedProfile: selected.profile.index,
      scenario: this.scenario,
      revealed: this.revealed,
      request,
      problems: [...staticProblems, ...selectedProblems],
      matrix,
      patchRewritten: toBrazeWebhookObject(file).patchRewritten,
      notice: renderable ? null : vscode.l10n.t('The template cannot be rendered until it is valid JSON with a "url".'),
      strings,
    });
    return { document, file, profile: selected, request, state };
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
