import * as vscode from 'vscode';
import { type Problem, type TextEdit, applyFixes } from '../core';
import { CommandId } from './commands';
import { DIAGNOSTIC_SOURCE, type DiagnosticsController } from './diagnostics';

/** Core edits (raw offsets) as a WorkspaceEdit on the document. */
export function editsToWorkspaceEdit(document: vscode.TextDocument, edits: readonly TextEdit[]): vscode.WorkspaceEdit {
  const edit = new vscode.WorkspaceEdit();
  for (const e of edits) edit.replace(document.uri, new vscode.Range(document.positionAt(e.startIndex), document.positionAt(e.endIndex)), e.insert);
  return edit;
}

/** Kind of the "fix all safe problems" source action (also usable in editor.codeActionsOnSave). */
export const FIX_ALL_KIND = vscode.CodeActionKind.SourceFixAll.append('brazeWebhook');

/**
 * Quick fixes from the core's fix data (the safe fix preferred), suggestions as further quick
 * fixes, and one "fix all" for every safe fix in the file.
 */
export class CodeActionProvider implements vscode.CodeActionProvider {
  static readonly metadata: vscode.CodeActionProviderMetadata = {
    providedCodeActionKinds: [vscode.CodeActionKind.QuickFix, FIX_ALL_KIND],
  };

  constructor(private readonly diagnostics: DiagnosticsController) {}

  provideCodeActions(document: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    // Only kinds the caller asked for: VS Code drops (and logs) any other.
    const wants = (kind: vscode.CodeActionKind) => !context.only || context.only.contains(kind);
    const actions: vscode.CodeAction[] = [];
    const fixable = this.diagnostics.problemsFor(document).filter((p) => p.fix).length > 0;
    if (wants(vscode.CodeActionKind.QuickFix)) {
      let ours = false;
      for (const diagnostic of context.diagnostics) {
        if (diagnostic.source !== DIAGNOSTIC_SOURCE) continue;
        const problem = this.diagnostics.findProblem(document, diagnostic);
        if (problem) actions.push(...actionsFor(document, diagnostic, problem));
        ours ||= problem !== undefined;
      }
      // Also in the light bulb next to one of our problems, as a quick fix.
      if (fixable && ours) actions.push(fixAllAction(document, vscode.CodeActionKind.QuickFix));
    }
    // "Source Action…" and editor.codeActionsOnSave ask for source / source.fixAll.
    if (fixable && context.only && wants(FIX_ALL_KIND)) actions.push(fixAllAction(document, FIX_ALL_KIND));
    return actions;
  }
}

function fixAllAction(document: vscode.TextDocument, kind: vscode.CodeActionKind): vscode.CodeAction {
  const action = new vscode.CodeAction(vscode.l10n.t('Fix all safe Braze webhook problems'), kind);
  action.command = { command: CommandId.FixAll, title: action.title, arguments: [document.uri] };
  return action;
}

function actionsFor(document: vscode.TextDocument, diagnostic: vscode.Diagnostic, problem: Problem): vscode.CodeAction[] {
  const actions: vscode.CodeAction[] = [];
  if (problem.fix) {
    const action = new vscode.CodeAction(vscode.l10n.t('Fix: {0}', describeFix(document, problem.fix.edits)), vscode.CodeActionKind.QuickFix);
    action.edit = editsToWorkspaceEdit(document, problem.fix.edits);
    action.diagnostics = [diagnostic];
    action.isPreferred = true;
    actions.push(action);
  }
  for (const suggestion of problem.suggest ?? []) {
    const action = new vscode.CodeAction(suggestion.message, vscode.CodeActionKind.QuickFix);
    action.edit = editsToWorkspaceEdit(document, suggestion.edits);
    action.diagnostics = [diagnostic];
    actions.push(action);
  }
  return actions;
}

function describeFix(document: vscode.TextDocument, edits: readonly TextEdit[]): string {
  const [first] = edits;
  const replaced = document.getText(new vscode.Range(document.positionAt(first.startIndex), document.positionAt(first.endIndex)));
  const shorten = (s: string) => (s.length > 40 ? `${s.slice(0, 37)}…` : s);
  if (replaced === '') return vscode.l10n.t('insert {0}', shorten(first.insert.trim()));
  if (first.insert === '') return vscode.l10n.t('remove {0}', shorten(replaced));
  return vscode.l10n.t('replace {0} with {1}', shorten(replaced), shorten(first.insert));
}

/**
 * Applies every safe fix that does not overlap another, as one undoable edit; fixes skipped for
 * overlapping come back as diagnostics on the next lint.
 */
export async function fixAllInDocument(document: vscode.TextDocument, problems: readonly Problem[]): Promise<boolean> {
  const { applied } = applyFixes(document.getText(), problems);
  if (applied.length === 0) return false;
  return vscode.workspace.applyEdit(editsToWorkspaceEdit(document, applied.flatMap((p) => p.fix?.edits ?? [])));
}
