/** Every command the extension contributes (meta-tested against package.json). */
export enum CommandId {
  PreviewRequest = 'brazeWebhook.previewRequest',
  OpenRenderedRequest = 'brazeWebhook.openRenderedRequest',
  SelectProfile = 'brazeWebhook.selectProfile',
  SelectScenario = 'brazeWebhook.selectScenario',
  CopyAsCurl = 'brazeWebhook.copyAsCurl',
  CopyAsHttp = 'brazeWebhook.copyAsHttp',
  CopyAsBrazeObject = 'brazeWebhook.copyAsBrazeObject',
  FixAll = 'brazeWebhook.fixAll',
  ToggleRevealSecrets = 'brazeWebhook.toggleRevealSecrets',
  NewTemplate = 'brazeWebhook.newTemplate',
  NewSampleProfiles = 'brazeWebhook.newSampleProfiles',
  ShowRuleDocs = 'brazeWebhook.showRuleDocs',
  SendTestRequest = 'brazeWebhook.sendTestRequest',
  FetchDescribe = 'brazeWebhook.fetchDescribe',
  ManageCredentials = 'brazeWebhook.manageCredentials',
  DescribeHowTo = 'brazeWebhook.describeHowTo',
  ExplainSalesforceError = 'brazeWebhook.explainSalesforceError',
}

/** Files the extension works on. */
export const TEMPLATE_GLOB = '**/*.braze-webhook.json';

/**
 * URI schemes of documents a user edits: files (local, or remote to the extension host), unsaved
 * files, and virtual workspaces (GitHub Repositories, the web test host's file system). Not git's
 * or a diff's copies, nor our own rendered documents: no diagnostics or lenses there.
 */
export const EDITABLE_SCHEMES = ['file', 'untitled', 'vscode-remote', 'vscode-vfs', 'vscode-test-web'] as const;

export function isEditableScheme(scheme: string): boolean {
  return (EDITABLE_SCHEMES as readonly string[]).includes(scheme);
}

/** The document selector of every Braze provider: each filter names its scheme (ADR 015). */
export const TEMPLATE_SELECTOR = EDITABLE_SCHEMES.map((scheme) => ({ scheme, language: 'json', pattern: TEMPLATE_GLOB }));

export function isTemplateUri(path: string): boolean {
  return path.endsWith('.braze-webhook.json');
}

/**
 * A JSON file not named as one of ours (template, profiles, mocks, config): the only files looked
 * at for a template's shape, to suggest the right name.
 */
export function mayBeMisnamedTemplate(path: string, languageId: string): boolean {
  return languageId === 'json' && /\.json$/i.test(path) && !/\.braze-(webhook|profiles|mocks)\.json$/.test(path) && !path.endsWith('/braze-webhook.config.json');
}
