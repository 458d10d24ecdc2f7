import * as vscode from 'vscode';
import { type CredentialOption, type CredentialRef, describeCredentialRef } from '../../core';
import { CredentialStore, isCredentialOption } from './credential-store';
import type { SendServices } from './send-services';

/**
 * What a caller (the walkthrough, a test, the "Store Credential…" button) may pass instead of
 * answering prompts. `value` is the stored text itself (`user:password`, or a JSON object of
 * headers): it goes to SecretStorage and nowhere else.
 */
export interface CredentialArgs {
  action?: 'store' | 'delete' | 'list';
  option?: CredentialOption;
  name?: string;
  value?: string;
}

/**
 * "Braze Webhook: Manage Connected Content Credentials…": stores, lists and deletes the values of
 * `:basic_auth <name>` and `:auth_credentials <name>` in VS Code's SecretStorage. Returns the
 * stored names (never a value). Values are typed into password boxes and are never shown, logged
 * or written to a file (ADR 017).
 */
export async function manageCredentials(s: SendServices, arg: unknown): Promise<CredentialRef[]> {
  const store = new CredentialStore(s.context.secrets, s.context.globalState);
  const args: CredentialArgs = typeof arg === 'object' && arg !== null ? (arg as CredentialArgs) : {};
  const action = args.action ?? (await pickAction(store));
  if (action === 'list' || action === undefined) return store.list();
  if (typeof action === 'object') return deleteCredential(store, action);
  if (action === 'delete') return args.option && args.name ? deleteCredential(store, { option: args.option, name: args.name }, true) : store.list();
  const option = isCredentialOption(args.option) ? args.option : await pickOption();
  const name = option && (args.name ?? (await askName(option)));
  if (!option || !name) return store.list();
  const value = args.value ?? (option === 'basic_auth' ? await askBasic(name) : await askHeaders(name));
  if (value === undefined) return store.list();
  if (!(await store.store({ option, name }, value))) {
    void vscode.window.showErrorMessage(vscode.l10n.t('Not stored: the value of {0} must be {1}.', describeCredentialRef({ option, name }), option === 'basic_auth' ? 'user:password' : vscode.l10n.t('a JSON object of headers')));
    return store.list();
  }
  void vscode.window.showInformationMessage(vscode.l10n.t('Stored {0} in VS Code\'s secret storage.', describeCredentialRef({ option, name })));
  return store.list();
}

/** Store, or one of the stored credentials (to delete it). */
async function pickAction(store: CredentialStore): Promise<'store' | CredentialRef | undefined> {
  type Item = vscode.QuickPickItem & { ref?: CredentialRef };
  const items: Item[] = [
    { label: `$(add) ${vscode.l10n.t('Store a credential…')}` },
    ...store.list().map((ref) => ({ label: `$(trash) ${describeCredentialRef(ref)}`, description: vscode.l10n.t('delete'), ref })),
  ];
  const picked = await vscode.window.showQuickPick(items, { placeHolder: vscode.l10n.t('Connected Content credentials for test sends (values are never shown)') });
  if (!picked) return undefined;
  return picked.ref ?? 'store';
}

async function deleteCredential(store: CredentialStore, ref: CredentialRef, confirmed = false): Promise<CredentialRef[]> {
  const remove = vscode.l10n.t('Delete');
  if (confirmed || (await vscode.window.showWarningMessage(vscode.l10n.t('Delete the stored credential {0}?', describeCredentialRef(ref)), { modal: true }, remove)) === remove) {
    await store.delete(ref);
  }
  return store.list();
}

async function pickOption(): Promise<CredentialOption | undefined> {
  const picked = await vscode.window.showQuickPick(
    [
      { label: ':basic_auth', description: vscode.l10n.t('a user name and password, sent as HTTP Basic (for Salesforce: consumer key and secret)'), option: 'basic_auth' as const },
      { label: ':auth_credentials', description: vscode.l10n.t('header key/value pairs'), option: 'auth_credentials' as const },
    ],
    { placeHolder: vscode.l10n.t('Which kind of credential does the template name?') },
  );
  return picked?.option;
}

function askName(option: CredentialOption): Thenable<string | undefined> {
  return vscode.window.showInputBox({
    prompt: vscode.l10n.t('The credential name, as the template writes it after :{0}', option),
    validateInput: (value) => (/^\S+$/.test(value) ? undefined : vscode.l10n.t('One word, as in the template.')),
  });
}

async function askBasic(name: string): Promise<string | undefined> {
  const user = await vscode.window.showInputBox({ prompt: vscode.l10n.t('User name of {0} (for Salesforce: the consumer key)', name), ignoreFocusOut: true, validateInput: (v) => (v && !v.includes(':') ? undefined : vscode.l10n.t('A user name, without ":".')) });
  if (user === undefined) return undefined;
  const password = await vscode.window.showInputBox({ prompt: vscode.l10n.t('Password of {0} (for Salesforce: the consumer secret)', name), password: true, ignoreFocusOut: true });
  return password === undefined ? undefined : `${user}:${password}`;
}

async function askHeaders(name: string): Promise<string | undefined> {
  const header = await vscode.window.showInputBox({ prompt: vscode.l10n.t('Header name of {0} (e.g. Authorization)', name), ignoreFocusOut: true, validateInput: (v) => (/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(v) ? undefined : vscode.l10n.t('A header name.')) });
  if (header === undefined) return undefined;
  const value = await vscode.window.showInputBox({ prompt: vscode.l10n.t('Value of the {0} header', header), password: true, ignoreFocusOut: true });
  if (value === undefined) return undefined;
  const domain = await vscode.window.showInputBox({ prompt: vscode.l10n.t('Allowed domain (optional): the credential is used only for this host and its subdomains'), ignoreFocusOut: true });
  if (domain === undefined) return undefined;
  return JSON.stringify(domain.trim() ? { headers: { [header]: value }, domain: domain.trim() } : { [header]: value });
}
