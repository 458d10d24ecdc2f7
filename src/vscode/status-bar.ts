import * as vscode from 'vscode';
import { CommandId, isTemplateUri } from './commands';
import type { PreviewSession } from './preview/preview-session';

/** Shows the sample profile the preview uses while a template is the active editor. */
export class ProfileStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('brazeWebhook.profile', vscode.StatusBarAlignment.Right, 100);
  private readonly disposables: vscode.Disposable[] = [this.item];

  constructor(private readonly session: PreviewSession) {
    this.item.name = vscode.l10n.t('Braze sample profile');
    this.item.command = CommandId.SelectProfile;
    this.disposables.push(session.onDidChangeSelection(() => void this.update()), vscode.window.onDidChangeActiveTextEditor(() => void this.update()));
    void this.update();
  }

  private async update(): Promise<void> {
    const editor = vscode.window.activeTextEditor;
    if (!editor || !isTemplateUri(editor.document.uri.path)) {
      this.item.hide();
      return;
    }
    const profiles = await this.session.profiles();
    const current = profiles.find((p) => p.profile.index === this.session.profileIndex) ?? profiles[0];
    this.item.text = `$(account) ${current.profile.ref.label}`;
    const counts = await this.session.profileCounts();
    this.item.tooltip = vscode.l10n.t('Sample profile of the preview. Your sample profiles: {0} · built-in edge cases: {1}. Click to choose.', counts.workspace, counts.builtIn);
    this.item.show();
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
