import * as vscode from 'vscode';
import { type ExplainedError, type ExplainedLocation, type Explanation, explainSalesforceError as explain, findErrors, offsetToLineColumn } from '../core';
import { isTemplateUri } from './commands';
import type { PreviewSession } from './preview/preview-session';
import { dependenciesFor } from './render-service';
import type { TemplateCache } from './template-cache';
import type { WorkspaceInputs } from './workspace-inputs';

/**
 * "Braze Webhook: Explain Salesforce Error…", in the Salesforce bundle (salesforce-feature.ts, loaded
 * the first time it is needed; ADR 018). The core's `explainSalesforceError` does the work, as for
 * `braze-webhook explain`.
 */

/** What the command reads from the extension proper. */
export interface ExplainServices {
  session: PreviewSession;
  templates: TemplateCache;
  inputs: WorkspaceInputs;
}

/** Arguments a caller (a test) may pass instead of the prompts. */
export interface ExplainArgs {
  template?: vscode.Uri;
  /** The error body or log line, instead of the input box. */
  text?: string;
  /** Reveal this item of the list instead of showing the quick pick. */
  reveal?: number;
}

/** One place to go to: an error and a template range that produced it. */
export interface ExplainItem extends vscode.QuickPickItem {
  error: ExplainedError;
  location?: ExplainedLocation;
}

export interface ExplainResult {
  template: vscode.Uri;
  explanation: Explanation;
  items: ExplainItem[];
  /** The range revealed in the template, when the user picked a place. */
  revealed?: vscode.Range;
}

/**
 * Asks for the error (prefilled from the selection or the clipboard when either holds one), maps
 * each `errorCode`/`fields` entry to the template position that produced it, and lists them with
 * the fix and the sample profiles that reproduce them; picking one reveals it. Text without an
 * error gets a message that offers to edit it again: nothing the user pasted is lost.
 */
export async function explainSalesforceError(s: ExplainServices, arg?: unknown): Promise<ExplainResult | undefined> {
  const args = isExplainArgs(arg) ? arg : {};
  const template = args.template ?? targetTemplate(s.session);
  if (!template) {
    void vscode.window.showWarningMessage(vscode.l10n.t('Open the *.braze-webhook.json template that sent the failing webhook first.'));
    return undefined;
  }
  let text = args.text ?? (await askForError(await prefill()));
  while (text !== undefined) {
    const result = await explainIn(s, template, text);
    if (!result.explanation.problem) return showExplanation(result, args.reveal);
    if (args.text !== undefined) {
      void vscode.window.showErrorMessage(vscode.l10n.t('No Salesforce error found: paste the response body ([{"message", "errorCode", "fields"}]) or the Braze Message Activity Log line that contains it.'));
      return result;
    }
    const again = vscode.l10n.t('Edit Again');
    const choice = await vscode.window.showErrorMessage(
      vscode.l10n.t('No Salesforce error found: paste the response body ([{"message", "errorCode", "fields"}]) or the Braze Message Activity Log line that contains it.'),
      again,
    );
    text = choice === again ? await askForError(text) : undefined;
  }
  return undefined;
}

function isExplainArgs(arg: unknown): arg is ExplainArgs {
  return typeof arg === 'object' && arg !== null && !(arg instanceof vscode.Uri);
}

function targetTemplate(session: PreviewSession): vscode.Uri | undefined {
  const active = vscode.window.activeTextEditor?.document.uri;
  return active && isTemplateUri(active.path) ? active : session.target;
}

/** The selection, else the clipboard, when it holds a Salesforce error; else nothing. */
async function prefill(): Promise<string> {
  const editor = vscode.window.activeTextEditor;
  const selected = editor && !editor.selection.isEmpty ? editor.document.getText(editor.selection) : '';
  if (selected && findErrors(selected).errors.length > 0) return oneLine(selected);
  const clipboard = await vscode.env.clipboard.readText().then(undefined, () => '');
  return clipboard && clipboard.length < 100_000 && findErrors(clipboard).errors.length > 0 ? oneLine(clipboard) : '';
}

/** The input box is one line; JSON reads the same with its line breaks as spaces. */
function oneLine(text: string): string {
  return text.replace(/\r?\n\s*/g, ' ').trim();
}

function askForError(value: string): Thenable<string | undefined> {
  return vscode.window.showInputBox({
    title: vscode.l10n.t('Explain Salesforce Error'),
    prompt: vscode.l10n.t("Paste Salesforce's error body or the Braze Message Activity Log line that shows it."),
    placeHolder: '[{"message":"No such column \'Foo__c\' on sobject of type Lead","errorCode":"INVALID_FIELD"}]',
    value,
    ignoreFocusOut: true,
    validateInput: (input) =>
      input.trim() === '' || findErrors(input).errors.length > 0
        ? undefined
        : { message: vscode.l10n.t('No Salesforce error in this text yet: it needs [{"errorCode": …}] or {"error": …}.'), severity: vscode.InputBoxValidationSeverity.Warning },
  });
}

async function explainIn(s: ExplainServices, template: vscode.Uri, text: string): Promise<ExplainResult> {
  const document = await vscode.workspace.openTextDocument(template);
  const file = s.templates.get(document);
  const { salesforce, mockRules } = await s.inputs.get();
  const profiles = (await s.session.profiles()).map((p) => p.profile);
  const deps = await dependenciesFor(file, template, s.inputs, s.session.scenario);
  const explanation = await explain(file, text, { salesforce, profiles, deps, mocks: mockRules, scenario: s.session.scenario });
  return { template, explanation, items: toItems(explanation, file.lineStarts) };
}

/** A quick-pick item per place each error comes from (or one saying it comes from the org). */
function toItems(explanation: Explanation, lineStarts: readonly number[]): ExplainItem[] {
  const t = vscode.l10n.t;
  return explanation.errors.flatMap((error): ExplainItem[] => {
    const code = error.error.fields?.length ? `${error.error.errorCode} (${error.error.fields.join(', ')})` : error.error.errorCode;
    const reproduced = error.reproducedBy.length > 0 ? t('reproduced by {0}', error.reproducedBy.map((p) => p.label).join(', ')) : t('no sample profile reproduces it');
    const detail = [error.meaning, error.fix ? t('Fix: {0}', error.fix) : undefined].filter(Boolean).join(' ');
    if (error.locations.length === 0) return [{ label: `$(info) ${code}`, description: t('no place in this template: the org or the token call'), detail: `${reproduced}. ${detail}`, error }];
    return error.locations.map((location) => {
      const at = offsetToLineColumn(lineStarts, location.range.start);
      return { label: `$(go-to-file) ${code}: ${location.what}`, description: `${at.line}:${at.column} · ${reproduced}`, detail, error, location };
    });
  });
}

async function showExplanation(result: ExplainResult, reveal: number | undefined): Promise<ExplainResult> {
  const { explanation } = result;
  const title = explanation.status
    ? vscode.l10n.t('{0} from Salesforce: pick an error to go to where the template produces it', explanation.status)
    : vscode.l10n.t('Pick an error to go to where the template produces it');
  const picked = reveal !== undefined ? result.items[reveal] : await vscode.window.showQuickPick(result.items, { title, matchOnDescription: true, matchOnDetail: true });
  if (!picked?.location) return result;
  const document = await vscode.workspace.openTextDocument(result.template);
  const range = new vscode.Range(document.positionAt(picked.location.range.start), document.positionAt(picked.location.range.end));
  const editor = await vscode.window.showTextDocument(document, { viewColumn: vscode.ViewColumn.One });
  editor.selection = new vscode.Selection(range.start, range.end);
  editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  return { ...result, revealed: range };
}
