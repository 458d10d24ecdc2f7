import * as vscode from 'vscode';
import { CommandId } from './commands';
import { readWorkspaceText } from './files';

/**
 * Where a diagnostic's rule code links: a command URI that opens the rule's page rendered. VS Code
 * opens diagnostic code targets with commands allowed (hover, Problems panel); a plain file link
 * would open the page as raw Markdown, with unicode-highlight boxes around `·`, `…` and `—`.
 */
export function ruleDocsLink(ruleId: string): vscode.Uri {
  return vscode.Uri.parse(`command:${CommandId.ShowRuleDocs}?${encodeURIComponent(JSON.stringify([ruleId]))}`);
}

/** The packaged page for a rule, in the UI language when a translation exists (`docs/rules/<lang>/<id>.md`). */
export async function rulePage(extensionUri: vscode.Uri, ruleId: string, language = vscode.env.language): Promise<vscode.Uri> {
  const lang = language.toLowerCase().split('-')[0];
  const translated = vscode.Uri.joinPath(extensionUri, 'docs', 'rules', lang, `${ruleId}.md`);
  // Read, not stat: the extension's own files are http(s): in VS Code for the Web.
  if (lang !== 'en' && /^[a-z]{2,3}$/.test(lang) && (await readWorkspaceText(translated)) !== undefined) return translated;
  return vscode.Uri.joinPath(extensionUri, 'docs', 'rules', `${ruleId}.md`);
}

/**
 * "Braze Webhook: Show Rule Documentation": opens a rule's page in the Markdown preview (the
 * rule named by the argument, or one picked from `rules`). Resolves with the page shown.
 */
export async function showRuleDocs(extensionUri: vscode.Uri, rules: ReadonlyArray<{ id: string; description: string }>, arg?: unknown): Promise<vscode.Uri | undefined> {
  let ruleId = typeof arg === 'string' && rules.some((r) => r.id === arg) ? arg : undefined;
  if (!ruleId) {
    const picked = await vscode.window.showQuickPick(
      rules.map((r) => ({ label: r.id, detail: r.description })),
      { placeHolder: vscode.l10n.t('Which rule?'), matchOnDetail: true },
    );
    ruleId = picked?.label;
  }
  if (!ruleId) return undefined;
  const page = await rulePage(extensionUri, ruleId);
  // VS Code's built-in Markdown extension renders it; it activates on this command.
  if (vscode.extensions.getExtension('vscode.markdown-language-features')) await vscode.commands.executeCommand('markdown.showPreview', page);
  else await vscode.window.showTextDocument(page, { preview: true });
  return page;
}
