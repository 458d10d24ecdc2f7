import * as vscode from 'vscode';
import { CommandId } from './commands';
import { uriExists } from './files';

/** The packaged page the command opens: how to produce the file, where to point at it, what the answer cannot predict. */
export const DESCRIBE_HOW_TO_PAGE = ['docs', 'org-describe.md'] as const;

/** What the caller knows about this host. */
export interface DescribeHowToOptions {
  /** Desktop host with test sends turned on: "Fetch Lead Describe from Org" can do it for the user (ADR 017). */
  canFetch: boolean;
  /** The action the user picked, for a caller that skips the notification (tests). */
  pick?: DescribeHowToAction;
}

export type DescribeHowToAction = 'config' | 'setting' | 'fetch';

/** The config the "Open braze-webhook.config.json" action offers when there is none (unsaved until the user saves it). */
export const CONFIG_WITH_DESCRIBE = `${JSON.stringify({ salesforce: { describe: { Lead: 'salesforce/lead.describe.json' } } }, null, 2)}\n`;

/**
 * "Braze Webhook: How to Get Your Org's Describe…": opens the packaged page in the Markdown preview
 * (the two commands that produce the file, both shapes accepted, where to point at it), then
 * offers the next step in a notification: open the config file (a new one is prefilled and left
 * unsaved), open the setting, or — on the desktop with sending on — fetch it (ADR 018). Resolves
 * with the page, without waiting for the notification.
 */
export async function showDescribeHowTo(extensionUri: vscode.Uri, options: DescribeHowToOptions): Promise<vscode.Uri> {
  const page = vscode.Uri.joinPath(extensionUri, ...DESCRIBE_HOW_TO_PAGE);
  if (vscode.extensions.getExtension('vscode.markdown-language-features')) await vscode.commands.executeCommand('markdown.showPreview', page);
  else await vscode.window.showTextDocument(page, { preview: true });
  if (options.pick) await runAction(options.pick);
  else void offerNextStep(options.canFetch);
  return page;
}

async function offerNextStep(canFetch: boolean): Promise<void> {
  const t = vscode.l10n.t;
  const actions: Array<{ title: string; action: DescribeHowToAction }> = [
    ...(canFetch ? [{ title: t('Fetch Lead Describe from Org'), action: 'fetch' as const }] : []),
    { title: t('Open braze-webhook.config.json'), action: 'config' },
    { title: t('Open the Setting'), action: 'setting' },
  ];
  const picked = await vscode.window.showInformationMessage(
    t('Save your org\'s describe as a JSON file in the workspace, then name it in braze-webhook.config.json ("salesforce": {"describe": {"Lead": "<path>"}}) or in the setting brazeWebhook.salesforce.describe.'),
    ...actions.map((a) => a.title),
  );
  const action = actions.find((a) => a.title === picked)?.action;
  if (action) await runAction(action);
}

async function runAction(action: DescribeHowToAction): Promise<void> {
  switch (action) {
    case 'fetch':
      await vscode.commands.executeCommand(CommandId.FetchDescribe);
      return;
    case 'setting':
      await vscode.commands.executeCommand('workbench.action.openSettings', 'brazeWebhook.salesforce.describe');
      return;
    case 'config':
      await openConfig();
      return;
  }
}

/** The workspace's config file; when there is none, a new one with `salesforce.describe`, unsaved. */
async function openConfig(): Promise<void> {
  const root = vscode.workspace.workspaceFolders?.[0]?.uri;
  if (!root) {
    void vscode.window.showWarningMessage(vscode.l10n.t('Open a folder first: the config file lives at its root.'));
    return;
  }
  const uri = vscode.Uri.joinPath(root, 'braze-webhook.config.json');
  if (await uriExists(uri)) {
    await vscode.window.showTextDocument(uri);
    return;
  }
  const document = await vscode.workspace.openTextDocument(uri.with({ scheme: 'untitled' }));
  const editor = await vscode.window.showTextDocument(document);
  await editor.edit((edit) => edit.insert(new vscode.Position(0, 0), CONFIG_WITH_DESCRIBE));
}
