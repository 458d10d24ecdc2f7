import * as vscode from 'vscode';
import { type ScenarioName, SCENARIOS, allRules, toBrazeWebhookObject, toCurl, toHttpDocument } from '../core';
import { fixAllInDocument } from './code-actions';
import { CommandId, isTemplateUri } from './commands';
import type { DiagnosticsController } from './diagnostics';
import { PreviewPanel } from './preview/preview-panel';
import type { PreviewSession } from './preview/preview-session';
import type { FirstRun } from './first-run';
import type { SalesforceFeature } from './salesforce-feature';
import type { SendDialogs, SendFeature, SendServices } from './send';
import type { WorkspaceInputs } from './workspace-inputs';
import type { NewFileArgs } from './new-template';
import { renderedUriFor } from './rendered-document';
import { readSendSettings } from './settings';
import type { ShippedFiles } from './shipped-files';
import type { TemplateCache } from './template-cache';

export interface CommandServices {
  extensionUri: vscode.Uri;
  session: PreviewSession;
  diagnostics: DiagnosticsController;
  templates: TemplateCache;
  shipped: ShippedFiles;
  /** The rarely used commands (their own bundle in the Node build). */
  firstRun: () => FirstRun;
  context: vscode.ExtensionContext;
  inputs: WorkspaceInputs;
  /** The test-send commands (their own bundle, Node host only); absent in the web build (ADR 017). */
  send?: () => SendFeature;
  /** Test mode only: the send modals, replaced by the tests. */
  sendDialogs?: Partial<SendDialogs>;
  /** Explain Salesforce Error… and the simulation (their own bundle in the Node build; bundled in on the web). */
  salesforce: () => SalesforceFeature;
}

/** Runs a test-send command, or says it needs the desktop host (VS Code for the Web would hit CORS). */
function withSend(s: CommandServices, run: (feature: SendFeature, services: SendServices) => unknown): unknown {
  if (!s.send) {
    void vscode.window.showWarningMessage(vscode.l10n.t('Test sends need the desktop VS Code: in VS Code for the Web the browser would send the request, and Salesforce refuses it (CORS).'));
    return undefined;
  }
  return run(s.send(), { context: s.context, session: s.session, templates: s.templates, inputs: s.inputs, dialogOverrides: s.sendDialogs });
}

/** The template a command acts on: its argument, the active editor, or the preview's template. */
function targetTemplate(session: PreviewSession, arg?: unknown): vscode.Uri | undefined {
  if (arg instanceof vscode.Uri && isTemplateUri(arg.path)) return arg;
  const active = vscode.window.activeTextEditor?.document.uri;
  if (active && isTemplateUri(active.path)) return active;
  return session.target;
}

async function requireTemplate(session: PreviewSession, arg?: unknown): Promise<vscode.Uri | undefined> {
  const uri = targetTemplate(session, arg);
  if (!uri) void vscode.window.showWarningMessage(vscode.l10n.t('Open a *.braze-webhook.json template first.'));
  return uri;
}

export type CommandHandler = (...args: unknown[]) => unknown;

/** Every rule's id and description, for "Show Rule Documentation" (the descriptions are shipped data, ADR 021). */
async function ruleList(shipped: ShippedFiles): Promise<Array<{ id: string; description: string }>> {
  await shipped.ruleTexts();
  return allRules.map((r) => ({ id: r.meta.id, description: r.meta.texts.description }));
}

/** `{ kind?, name? }` from a caller that skips the prompts (tests, the walkthrough). */
function isNewFileArgs(arg: unknown): arg is NewFileArgs {
  return typeof arg === 'object' && arg !== null && !(arg instanceof vscode.Uri);
}

/**
 * The handler of every command; each returns something awaitable so callers (and tests) can wait
 * on it. The thin entry (extension.ts) registers the commands and forwards to these.
 */
export function makeCommandHandlers(s: CommandServices): Record<CommandId, CommandHandler> {
  return {
    [CommandId.PreviewRequest]: async (arg) => {
      const uri = await requireTemplate(s.session, arg);
      if (!uri) return undefined;
      s.session.retarget(uri);
      PreviewPanel.createOrShow(s.extensionUri, s.session);
      return uri;
    },
    [CommandId.OpenRenderedRequest]: async (arg) => {
      const uri = await requireTemplate(s.session, arg);
      if (!uri) return undefined;
      const document = await vscode.workspace.openTextDocument(renderedUriFor(uri));
      await vscode.window.showTextDocument(document, { viewColumn: vscode.ViewColumn.Beside, preview: true, preserveFocus: true });
      return document;
    },
    [CommandId.SelectProfile]: async (arg) => {
      const profiles = await s.session.profiles();
      let index = typeof arg === 'number' ? arg : undefined;
      if (index === undefined) {
        type Item = vscode.QuickPickItem & { index?: number };
        const mine = profiles.filter((p) => p.source !== undefined);
        const builtIn = profiles.filter((p) => p.source === undefined);
        const items: Item[] = [
          { label: vscode.l10n.t('Your sample profiles'), kind: vscode.QuickPickItemKind.Separator },
          ...mine.map((p) => ({ label: p.profile.ref.label, description: p.source, index: p.profile.index })),
          { label: vscode.l10n.t('Built-in edge cases'), kind: vscode.QuickPickItemKind.Separator },
          ...builtIn.map((p) => ({ label: p.profile.ref.label, index: p.profile.index })),
        ];
        const picked = await vscode.window.showQuickPick(items, { placeHolder: vscode.l10n.t('Sample profile for the preview') });
        index = picked?.index;
      }
      if (index !== undefined && profiles.some((p) => p.profile.index === index)) s.session.select({ profileIndex: index });
      return s.session.profileIndex;
    },
    [CommandId.SelectScenario]: async (arg) => {
      let name = typeof arg === 'string' ? arg : undefined;
      if (name === undefined) {
        const picked = await vscode.window.showQuickPick(
          Object.entries(SCENARIOS).map(([label, info]) => ({ label, description: info.description })),
          { placeHolder: vscode.l10n.t('connected_content fixture scenario') },
        );
        name = picked?.label;
      }
      if (name && name in SCENARIOS) s.session.select({ scenario: name as ScenarioName });
      return s.session.scenario;
    },
    [CommandId.ToggleRevealSecrets]: () => {
      s.session.select({ revealed: !s.session.revealed });
      return s.session.revealed;
    },
    [CommandId.CopyAsCurl]: async (arg) => copyRendered(s, arg, 'curl'),
    [CommandId.CopyAsHttp]: async (arg) => copyRendered(s, arg, 'http'),
    [CommandId.CopyAsBrazeObject]: async (arg) => {
      const uri = await requireTemplate(s.session, arg);
      if (!uri) return undefined;
      const document = await vscode.workspace.openTextDocument(uri);
      const { object, patchRewritten } = toBrazeWebhookObject(s.templates.get(document));
      const text = JSON.stringify(object, null, 2);
      await vscode.env.clipboard.writeText(text);
      const note = patchRewritten ? vscode.l10n.t(" PATCH became POST …?_HttpMethod=PATCH: Braze's webhook object has no PATCH.") : '';
      void vscode.window.showInformationMessage(vscode.l10n.t('Copied the Braze webhook object.') + note);
      return text;
    },
    [CommandId.NewTemplate]: (arg) => s.firstRun().newTemplate(s.shipped, isNewFileArgs(arg) ? arg : undefined),
    [CommandId.NewSampleProfiles]: (arg) => s.firstRun().newSampleProfiles(s.shipped, isNewFileArgs(arg) ? arg : undefined),
    [CommandId.ShowRuleDocs]: async (arg) => s.firstRun().showRuleDocs(s.extensionUri, await ruleList(s.shipped), arg),
    [CommandId.SendTestRequest]: (arg) => withSend(s, (f, services) => f.sendTestRequest(services, arg)),
    [CommandId.FetchDescribe]: (arg) => withSend(s, (f, services) => f.fetchDescribe(services, arg)),
    [CommandId.ManageCredentials]: (arg) => withSend(s, (f, services) => f.manageCredentials(services, arg)),
    [CommandId.DescribeHowTo]: (arg) =>
      s.firstRun().showDescribeHowTo(s.extensionUri, {
        canFetch: s.send !== undefined && readSendSettings().enabled && vscode.workspace.isTrusted,
        pick: arg === 'config' || arg === 'setting' || arg === 'fetch' ? arg : undefined,
      }),
    [CommandId.ExplainSalesforceError]: (arg) => s.salesforce().explainSalesforceError({ session: s.session, templates: s.templates, inputs: s.inputs }, arg),
    [CommandId.FixAll]: async (arg) => {
      const uri = await requireTemplate(s.session, arg);
      if (!uri) return false;
      const document = await vscode.workspace.openTextDocument(uri);
      return fixAllInDocument(document, s.diagnostics.problemsFor(document));
    },
  };
}

/** Copies the selected profile's rendered request (redacted unless revealed). */
async function copyRendered(s: CommandServices, arg: unknown, format: 'curl' | 'http'): Promise<string | undefined> {
  const uri = await requireTemplate(s.session, arg);
  if (!uri) return undefined;
  const result = await s.session.compute(uri);
  if (!result?.request) {
    if (result?.state.notice) void vscode.window.showWarningMessage(result.state.notice);
    return undefined;
  }
  if (result.request.aborted) {
    void vscode.window.showWarningMessage(vscode.l10n.t('This profile aborts the message: Braze sends nothing ({0}).', result.request.aborted.reason));
    return undefined;
  }
  const text = format === 'curl' ? toCurl(result.request) : toHttpDocument(result.request);
  await vscode.env.clipboard.writeText(text);
  void vscode.window.showInformationMessage(
    s.session.revealed ? vscode.l10n.t('Copied the request with secrets revealed.') : vscode.l10n.t('Copied the request (secrets redacted).'),
  );
  return text;
}
