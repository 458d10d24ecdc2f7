import * as vscode from 'vscode';
import { freeFileName } from './files';
import type { ShippedFiles } from './shipped-files';

/** The whole-template snippets "New Salesforce Lead Template" offers (bodies stay in snippets/). */
const TEMPLATE_KINDS = {
  create: { prefix: 'sf-create-lead', fileName: 'create-lead' },
  update: { prefix: 'sf-update-lead-mql', fileName: 'update-lead-to-mql' },
  upsert: { prefix: 'sf-upsert-lead', fileName: 'upsert-lead' },
} as const;

export type TemplateKind = keyof typeof TEMPLATE_KINDS;

/** Arguments a caller (a test, the walkthrough) may pass instead of answering the prompts. */
export interface NewFileArgs {
  kind?: TemplateKind;
  /** File name; `.braze-webhook.json` (or `.braze-profiles.json`) is added when missing. */
  name?: string;
}

async function snippetBody(shipped: ShippedFiles, prefix: string): Promise<string> {
  const entry = (await shipped.snippets()).find(([, s]) => s.prefix === prefix)?.[1];
  if (!entry) throw new Error(`snippets/braze-webhook.snippets.json has no ${prefix}`);
  return entry.body.join('\n');
}

function kindItems(): Array<vscode.QuickPickItem & { template: TemplateKind }> {
  const t = vscode.l10n.t;
  return [
    { template: 'create', label: t('Create a Lead'), detail: t('POST …/sobjects/Lead/ with the Braze profile: the Braze recipe, corrected.') },
    { template: 'update', label: t('Update a Lead to MQL'), detail: t('PATCH …/sobjects/Lead/<Lead Id> when the Braze external_id is the Lead Id; aborts when it is blank.') },
    { template: 'upsert', label: t('Upsert a Lead by external Id'), detail: t('PATCH …/sobjects/Lead/<External_Id__c>/<value>: creates the Lead or updates the one that has this id.') },
  ];
}

/** The folder new files go to: the active file's folder inside the workspace, else the first workspace folder. */
function targetFolder(): vscode.Uri | undefined {
  const active = vscode.window.activeTextEditor?.document.uri;
  if (active && active.scheme !== 'untitled' && vscode.workspace.getWorkspaceFolder(active)) return vscode.Uri.joinPath(active, '..');
  return vscode.workspace.workspaceFolders?.[0]?.uri;
}

/** The suggested name: free in the target folder. */
async function suggestedName(folder: vscode.Uri | undefined, base: string, suffix: string): Promise<string> {
  return folder ? freeFileName(folder, base, suffix) : `${base}${suffix}`;
}

/** A file name that ends in `suffix` (`lead` and `lead.json` both become `lead<suffix>`). */
export function withSuffix(name: string, suffix: string): string {
  const trimmed = name.trim();
  return trimmed.endsWith(suffix) ? trimmed : `${trimmed.replace(/\.json$/i, '')}${suffix}`;
}

/** Why a typed name cannot be used, or undefined. */
function invalidName(name: string): string | undefined {
  if (name.trim() === '') return vscode.l10n.t('Type a file name.');
  if (/[\\/:*?"<>|]/.test(name)) return vscode.l10n.t('A file name cannot contain \\ / : * ? " < > |');
  return undefined;
}

async function askName(folder: vscode.Uri | undefined, suggested: string, suffix: string): Promise<string | undefined> {
  const value = await vscode.window.showInputBox({
    title: vscode.l10n.t('File name'),
    value: suggested,
    valueSelection: [0, suggested.length - suffix.length],
    prompt: folder ? vscode.l10n.t('Created in {0} once you save it.', vscode.workspace.asRelativePath(folder)) : undefined,
    validateInput: (text) => invalidName(text),
  });
  return value === undefined ? undefined : withSuffix(value, suffix);
}

/**
 * Opens a new, unsaved document that already has its file name (no save dialog, nothing written
 * until the user saves; ADR 015), and inserts `snippet` so its tab stops are live.
 */
async function openNamed(folder: vscode.Uri | undefined, name: string, snippet: vscode.SnippetString): Promise<vscode.TextEditor> {
  const uri = folder ? vscode.Uri.joinPath(folder, name).with({ scheme: 'untitled' }) : vscode.Uri.from({ scheme: 'untitled', path: name });
  const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri), { preview: false });
  await editor.insertSnippet(snippet, new vscode.Position(0, 0));
  return editor;
}

const TEMPLATE_SUFFIX = '.braze-webhook.json';
const PROFILES_SUFFIX = '.braze-profiles.json';

/** "Braze Webhook: New Salesforce Lead Template": create, update to MQL or upsert, from the snippets. */
export async function newTemplate(shipped: ShippedFiles, args?: NewFileArgs): Promise<vscode.TextEditor | undefined> {
  const kind = args?.kind ?? (await vscode.window.showQuickPick(kindItems(), { title: vscode.l10n.t('New Salesforce Lead Template'), placeHolder: vscode.l10n.t('What should the webhook do?') }))?.template;
  if (!kind) return undefined;
  const folder = targetFolder();
  const name = args?.name ? withSuffix(args.name, TEMPLATE_SUFFIX) : await askName(folder, await suggestedName(folder, TEMPLATE_KINDS[kind].fileName, TEMPLATE_SUFFIX), TEMPLATE_SUFFIX);
  if (!name) return undefined;
  return openNamed(folder, name, new vscode.SnippetString(await snippetBody(shipped, TEMPLATE_KINDS[kind].prefix)));
}

/** "Braze Webhook: New Sample Users File": snippets/sample-users.braze-profiles.json (Braze's export format). */
export async function newSampleProfiles(shipped: ShippedFiles, args?: NewFileArgs): Promise<vscode.TextEditor | undefined> {
  const folder = targetFolder();
  const name = args?.name ? withSuffix(args.name, PROFILES_SUFFIX) : await askName(folder, await suggestedName(folder, 'sample-users', PROFILES_SUFFIX), PROFILES_SUFFIX);
  if (!name) return undefined;
  return openNamed(folder, name, new vscode.SnippetString().appendText(await shipped.sampleUsers()));
}
