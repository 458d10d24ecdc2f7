import * as vscode from 'vscode';
import {
  type Credential,
  type FetchFunction,
  type PreparedSend,
  type SendPolicy,
  type SendSubject,
  credentialKey,
  describeCredentialRef,
  makeFetchTransport,
} from '../../core';
import type { PreviewSession } from '../preview/preview-session';
import { dependenciesFor } from '../render-service';
import { isTemplateUri } from '../commands';
import { readSendSettings, SETTINGS_SECTION } from '../settings';
import type { TemplateCache } from '../template-cache';
import type { WorkspaceInputs } from '../workspace-inputs';
import { CredentialStore } from './credential-store';
import { sendGate } from './gate';

/** The modal steps of a send. Tests replace them through the extension API in Test mode only (ADR 017). */
export interface SendDialogs {
  /** The first send to a host: may it be contacted (it is then added to the user's allowed hosts)? */
  allowHost(host: string): Promise<boolean>;
  /** Before every send or fetch: the request, redacted. */
  confirm(message: string, detail: string, action: string): Promise<boolean>;
  /** The first fetch of a describe: where to save it. */
  chooseDescribePath(defaultUri: vscode.Uri, sobject: string): Promise<vscode.Uri | undefined>;
}

/** What the send commands use of the extension proper. */
export interface SendServices {
  context: vscode.ExtensionContext;
  session: PreviewSession;
  templates: TemplateCache;
  inputs: WorkspaceInputs;
  /** Replacements of the modals, set by the tests through `BrazeWebhookApi` (only in Test mode). */
  dialogOverrides?: Partial<SendDialogs>;
}

const defaultDialogs: SendDialogs = {
  async allowHost(host) {
    const allow = vscode.l10n.t('Allow {0}', host);
    const picked = await vscode.window.showWarningMessage(
      vscode.l10n.t('Allow test sends to {0}?', host),
      { modal: true, detail: vscode.l10n.t('Braze Webhook will send real requests to {0} when you confirm a test send or a describe fetch. It is added to your user setting brazeWebhook.send.allowedHosts.', host) },
      allow,
    );
    return picked === allow;
  },
  async confirm(message, detail, action) {
    return (await vscode.window.showWarningMessage(message, { modal: true, detail }, action)) === action;
  },
  async chooseDescribePath(defaultUri, sobject) {
    return vscode.window.showSaveDialog({ defaultUri, filters: { JSON: ['json'] }, saveLabel: vscode.l10n.t('Save the {0} describe', sobject) });
  },
};

export function dialogs(s: SendServices): SendDialogs {
  const overrides = Object.entries(s.dialogOverrides ?? {}).filter(([, step]) => typeof step === 'function');
  return { ...defaultDialogs, ...Object.fromEntries(overrides) };
}

/** The global fetch of the Node extension host, shaped as Braze sends (no redirects, timeout, cancel). */
export const transport = makeFetchTransport(((url, init) => fetch(url, init)) as FetchFunction);

/** One send's starting point: the template, the preview's chosen profile, the inputs. */
export interface SendStart {
  uri: vscode.Uri;
  subject: SendSubject;
  policy: SendPolicy;
}

/**
 * The checks before anything is read: a trusted workspace, the user's switch on. Then the template
 * (argument, active editor or the preview's) and the profile the preview shows.
 */
export async function beginSend(s: SendServices, arg: unknown): Promise<SendStart | undefined> {
  const settings = readSendSettings();
  const refusal = sendGate({ nodeHost: true, trusted: vscode.workspace.isTrusted, enabled: settings.enabled });
  if (refusal === 'untrusted') {
    void vscode.window.showErrorMessage(vscode.l10n.t('Test sends are off in Restricted Mode. Trust this workspace first (only if you trust its templates and settings).'));
    return undefined;
  }
  if (refusal === 'disabled') {
    const open = vscode.l10n.t('Open Settings');
    void vscode.window
      .showWarningMessage(vscode.l10n.t('Test sends are off. Turn on the user setting brazeWebhook.send.enable to send a real request to your Salesforce org.'), open)
      .then((picked) => picked === open && vscode.commands.executeCommand('workbench.action.openSettings', `${SETTINGS_SECTION}.send`));
    return undefined;
  }
  const uri = arg instanceof vscode.Uri && isTemplateUri(arg.path) ? arg : templateInFocus(s);
  if (!uri) {
    void vscode.window.showWarningMessage(vscode.l10n.t('Open a *.braze-webhook.json template first.'));
    return undefined;
  }
  const document = await vscode.workspace.openTextDocument(uri);
  const file = s.templates.get(document);
  if (!file.url) {
    void vscode.window.showErrorMessage(vscode.l10n.t('The template cannot be rendered until it is valid JSON with a "url".'));
    return undefined;
  }
  const profiles = await s.session.profiles();
  const profile = (profiles.find((p) => p.profile.index === s.session.profileIndex) ?? profiles[0]).profile;
  const { salesforce } = await s.inputs.get();
  const deps = await dependenciesFor(file, uri, s.inputs, undefined);
  return { uri, subject: { file, profile, deps, salesforce }, policy: { allowedHosts: settings.allowedHosts, allowLoopback: settings.allowLoopback } };
}

function templateInFocus(s: SendServices): vscode.Uri | undefined {
  const active = vscode.window.activeTextEditor?.document.uri;
  return active && isTemplateUri(active.path) ? active : s.session.target;
}

/**
 * Asks once per new host (a modal naming it) and adds each allowed one to the user's settings;
 * undefined when the user declines one. Plans again with the new list.
 */
export async function allowHosts<T extends PreparedSend>(s: SendServices, start: SendStart, prepare: (policy: SendPolicy) => Promise<T>): Promise<T | undefined> {
  let prepared = await prepare(start.policy);
  if (prepared.hostsNotAllowed.length === 0) return prepared;
  for (const host of prepared.hostsNotAllowed) {
    if (!(await dialogs(s).allowHost(host))) return undefined;
    const hosts = [...readSendSettings().allowedHosts.filter((h) => h !== host), host];
    await vscode.workspace.getConfiguration(SETTINGS_SECTION).update('send.allowedHosts', hosts, vscode.ConfigurationTarget.Global);
    start.policy = { ...start.policy, allowedHosts: hosts };
  }
  prepared = await prepare(start.policy);
  return prepared.hostsNotAllowed.length === 0 ? prepared : undefined;
}

/** Shows why nothing can be sent; true when there is such a reason. */
export function showRefusals(prepared: PreparedSend): boolean {
  if (prepared.refusals.length === 0) return false;
  void vscode.window.showErrorMessage(vscode.l10n.t('Nothing was sent: {0}', prepared.refusals.map((r) => r.message).join(' ')));
  return true;
}

/** The credentials the token call names, from SecretStorage; undefined (with a way to store them) when one is missing. */
export async function loadCredentials(s: SendServices, prepared: PreparedSend): Promise<Map<string, Credential> | undefined> {
  const store = new CredentialStore(s.context.secrets, s.context.globalState);
  const credentials = new Map<string, Credential>();
  for (const ref of prepared.credentials) {
    const credential = await store.get(ref);
    if (credential) {
      credentials.set(credentialKey(ref), credential);
      continue;
    }
    const storeIt = vscode.l10n.t('Store Credential…');
    void vscode.window
      .showErrorMessage(vscode.l10n.t('Nothing was sent: the template uses {0}, and no value is stored under that name.', describeCredentialRef(ref)), storeIt)
      .then((picked) => picked === storeIt && vscode.commands.executeCommand('brazeWebhook.manageCredentials', { action: 'store', option: ref.option, name: ref.name }));
    return undefined;
  }
  return credentials;
}

/** Runs `work` under a cancellable notification; its signal aborts the request in flight. */
export function withCancellableProgress<T>(title: string, work: (signal: AbortSignal) => Promise<T>): Thenable<T> {
  return vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title, cancellable: true }, (_progress, token) => {
    const controller = new AbortController();
    token.onCancellationRequested(() => controller.abort());
    return work(controller.signal);
  });
}
