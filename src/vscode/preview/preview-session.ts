import * as vscode from 'vscode';
import { type BrazeOutcome, type Problem, type ProfileStatus, type RenderedRequest, type SalesforceAnswer, type ScenarioName, type TemplateFile, SCENARIOS, emptyProfile, type simulateSalesforceAnswer, statusLine } from '../../core';
import { isTemplateUri } from '../commands';
import { problemCount } from '../language-features';
import { dependenciesFor } from '../render-service';
import type { Settings } from '../settings';
import type { TemplateCache } from '../template-cache';
import type { SourcedProfile, WorkspaceInputs } from '../workspace-inputs';
import { type PreviewLocalizer, computePreview } from './preview-model';
import type { PreviewState } from './protocol';

/** Everything one preview computation produced; the request fields are already redacted. */
export interface PreviewResult {
  document: vscode.TextDocument;
  file: TemplateFile;
  profile: SourcedProfile;
  /** Undefined when the template cannot be rendered (not valid JSON, or no url); see `state.notice`. */
  request?: RenderedRequest;
  /** Static problems plus the rendered ones of the selected profile (messages name no profile). */
  problems: Problem[];
  /** Salesforce's predicted answer for the selected profile (redacted as `request`), or null. */
  answer: SalesforceAnswer | null;
  state: PreviewState;
}

/** Localized UI strings for the webview. */
export function previewStrings(): Record<string, string> {
  const t = vscode.l10n.t;
  return {
    profile: t('Profile'),
    scenario: t('Scenario'),
    builtIn: t('built-in'),
    builtInProfiles: t('Built-in edge cases'),
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
    noProblems: t('No problems.'),
    matrix: t('Sample profiles'),
    status: t('Status'),
    problemsColumn: t('Problems'),
    profilesOf: t('Profiles:'),
    moreBuiltIn: t('+{0} built-in', '{0}'),
    onlySelected: t('Only for this built-in profile'),
    onlyBuiltIn: t('Only with built-in edge cases'),
    failed: t('The preview could not be updated'),
    patchNote: t("Braze's webhook object has no PATCH: the copy uses Salesforce's POST …?_HttpMethod=PATCH override."),
    answer: t('Salesforce answer'),
    notSent: t('not sent'),
    brazeDoes: t('Braze:'),
    converted: t('Converted:'),
    limitsLink: t('What is predicted'),
    addDescribe: t("How to Get Your Org's Describe…"),
  };
}

/** Words for the preview model, with English and Spanish plural forms (one / other). */
export function previewLocalizer(): PreviewLocalizer {
  const t = vscode.l10n.t;
  return {
    strings: previewStrings(),
    problemCount,
    problemsTitle: (n) => t('Problems ({0})', n),
    groupTitle: (group, n) => (group === 'workspace' ? t('Your sample profiles ({0})', n) : t('Built-in edge cases ({0})', n)),
    noProfilesHint: t('No sample users yet: add a *.braze-profiles.json file with users in Braze\'s export format (POST /users/export/ids).'),
    status: (status: ProfileStatus) => {
      switch (status.kind) {
        case 'clean':
          return t('ok');
        case 'aborted':
          return t('aborted');
        case 'findings':
          return status.worst === 'error' ? t('error') : status.worst === 'warning' ? t('warning') : t('info');
        case 'answered':
          return answerStatus(status);
      }
    },
    answerErrors: (n, total) => (n === 1 ? t('1 of {0} profiles gets an error answer from Salesforce', total) : t('{0} of {1} profiles get an error answer from Salesforce', n, total)),
    noAnswer: (reason) =>
      reason === 'aborted'
        ? t('No Salesforce answer: the message is aborted for this profile, so Braze sends nothing.')
        : t('No Salesforce answer: the URL is not a Salesforce REST sObject URL (…/services/data/vNN.0/sobjects/<sObject>/…), so nothing is predicted.'),
    answerSource: (answer) => (answer.source === 'mock' ? t('from your mock rule {0}', answer.origin ?? '') : answer.origin ? t('simulated, {0}', answer.origin) : t('simulated')),
    brazeOutcome,
    answerLimits: t("Not predicted: your org's validation rules, duplicate rules, triggers, flows and assignment rules."),
    modelNote: (sobject, builtIn) =>
      builtIn
        ? t("Built-in {0} model: your org's custom fields and picklist values are unknown. Add your org's describe.", sobject)
        : t("No model of {0}: only what any sObject answers is predicted. Add your org's describe.", sobject),
  };
}

function brazeOutcome(outcome: BrazeOutcome): string {
  const t = vscode.l10n.t;
  return outcome === 'delivered' ? t('delivered') : outcome === 'retried' ? t('retried') : t('dropped');
}

/** A matrix cell: "201 Created", "400 INVALID_FIELD · dropped", "503 · retried", "not sent · dropped". */
function answerStatus(status: Extract<ProfileStatus, { kind: 'answered' }>): string {
  if (status.braze === 'delivered') return statusLine(status.status);
  const head = status.status === 0 ? vscode.l10n.t('not sent') : [String(status.status), ...status.errorCodes].join(' ');
  return `${head} · ${brazeOutcome(status.braze)}`;
}

/**
 * A template's name as the workspace shows it: workspace-relative, also for a new, unsaved
 * template that already has its path (New Salesforce Lead Template).
 */
export function displayName(uri: vscode.Uri): string {
  if (uri.scheme !== 'untitled') return vscode.workspace.asRelativePath(uri);
  const folder = vscode.workspace.workspaceFolders?.find((f) => uri.path.startsWith(`${f.uri.path}/`));
  return folder ? vscode.workspace.asRelativePath(uri.with({ scheme: folder.uri.scheme, authority: folder.uri.authority })) : (uri.path.split('/').pop() ?? uri.path);
}

/** What the user chose for every view: the sample profile, the fixture scenario, reveal or not. */
export interface PreviewSelection {
  profileIndex?: number;
  scenario?: ScenarioName;
  revealed?: boolean;
}

/**
 * The preview's selection and the computation behind the panel, the rendered documents, the
 * status bar and the copy commands (ADR 014).
 *
 * - `target` is the template the preview *panel* shows: the active template editor, or the one a
 *   command was run on. Only the panel reads it; nothing that renders changes it.
 * - `compute(template)` renders the template it is given. A rendered `.http` document computes
 *   its own template this way: it is a view of the session, never its owner.
 * - `onDidChangeSelection` (profile, scenario, reveal, workspace inputs) makes every view
 *   re-render; `onDidChangeTarget` concerns the panel only.
 */
export class PreviewSession implements vscode.Disposable {
  private currentTarget: vscode.Uri | undefined;
  profileIndex = 1;
  scenario: ScenarioName;
  revealed = false;
  private readonly selectionChanged = new vscode.EventEmitter<void>();
  readonly onDidChangeSelection = this.selectionChanged.event;
  private readonly targetChanged = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChangeTarget = this.targetChanged.event;
  private readonly disposables: vscode.Disposable[] = [this.selectionChanged, this.targetChanged];

  constructor(
    private settings: Settings,
    private readonly templates: TemplateCache,
    private readonly inputs: WorkspaceInputs,
    /** Salesforce's simulation, from its own bundle (loaded on the first computation; ADR 018). */
    private readonly simulate: () => typeof simulateSalesforceAnswer,
  ) {
    this.scenario = settings.scenario in SCENARIOS ? (settings.scenario as ScenarioName) : 'token-ok';
    this.disposables.push(
      vscode.window.onDidChangeActiveTextEditor((editor) => {
        if (editor && isTemplateUri(editor.document.uri.path)) this.retarget(editor.document.uri);
      }),
      inputs.onDidChange(() => this.selectionChanged.fire()),
    );
  }

  /** The template the preview panel shows. */
  get target(): vscode.Uri | undefined {
    return this.currentTarget;
  }

  /** Points the preview panel at another template (a command's argument, the active editor). */
  retarget(template: vscode.Uri): void {
    if (this.currentTarget?.toString() === template.toString()) return;
    this.currentTarget = template;
    this.targetChanged.fire(template);
  }

  updateSettings(settings: Settings): void {
    this.settings = settings;
    this.selectionChanged.fire();
  }

  select(change: PreviewSelection): void {
    if (change.profileIndex !== undefined) this.profileIndex = change.profileIndex;
    if (change.scenario) this.scenario = change.scenario;
    if (change.revealed !== undefined) this.revealed = change.revealed;
    this.selectionChanged.fire();
  }

  /**
   * The workspace's profiles, then the built-in edge cases (unless the setting hides them); one
   * empty profile when there are none at all.
   */
  async profiles(): Promise<SourcedProfile[]> {
    const { profiles, edgeProfiles } = await this.inputs.get();
    const all = [...profiles.slice(0, this.settings.maxProfiles), ...(this.settings.edgeProfiles === 'hidden' ? [] : edgeProfiles)];
    return all.length > 0 ? all : [{ profile: emptyProfile() }];
  }

  /** How many profiles of each group the preview renders (the same numbers as its group headings). */
  async profileCounts(): Promise<{ workspace: number; builtIn: number }> {
    const { profiles, edgeProfiles } = await this.inputs.get();
    return { workspace: Math.min(profiles.length, this.settings.maxProfiles), builtIn: this.settings.edgeProfiles === 'hidden' ? 0 : edgeProfiles.length };
  }

  /** Renders `template` for every profile; undefined when the document changed meanwhile. */
  async compute(template: vscode.Uri): Promise<PreviewResult | undefined> {
    const document = await vscode.workspace.openTextDocument(template);
    const file = this.templates.get(document);
    const version = document.version;
    const profiles = await this.profiles();
    const { config, salesforce, mockRules } = await this.inputs.get();
    const computed = await computePreview({
      templateName: displayName(document.uri),
      file,
      profiles: profiles.map((p) => ({ profile: p.profile, builtIn: p.source === undefined })),
      selectedProfile: this.profileIndex,
      deps: await dependenciesFor(file, document.uri, this.inputs, this.scenario),
      config,
      salesforce,
      mocks: mockRules,
      simulate: this.simulate(),
      scenario: this.scenario,
      revealed: this.revealed,
      edgeProfiles: this.settings.edgeProfiles,
      notRenderable: vscode.l10n.t('The template cannot be rendered until it is valid JSON with a "url".'),
      localizer: previewLocalizer(),
    });
    if (document.version !== version) return undefined;
    return { document, file, profile: profiles[computed.selected], request: computed.request, problems: computed.problems, answer: computed.answer ?? null, state: computed.state };
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
