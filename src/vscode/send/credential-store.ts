import type * as vscode from 'vscode';
import { type Credential, type CredentialOption, type CredentialRef, credentialKey, parseCredentialText } from '../../core';

/** globalState key of the credential names (never their values). */
const INDEX_KEY = 'brazeWebhook.credentialNames';
const SECRET_PREFIX = 'brazeWebhook.credential:';

/**
 * The `:basic_auth` / `:auth_credentials` credentials of test sends, in VS Code's SecretStorage
 * (the OS keychain on the desktop) under `brazeWebhook.credential:<option>:<name>`. The value is
 * the text the CLI reads from its environment variable: `user:password`, or a JSON object of
 * headers. SecretStorage cannot list its keys, so the names (only) are kept in globalState.
 */
export class CredentialStore {
  constructor(
    private readonly secrets: vscode.SecretStorage,
    private readonly state: vscode.Memento,
  ) {}

  list(): CredentialRef[] {
    const stored = this.state.get<unknown>(INDEX_KEY);
    return Array.isArray(stored) ? stored.filter(isRef).sort((a, b) => credentialKey(a).localeCompare(credentialKey(b))) : [];
  }

  async get(ref: CredentialRef): Promise<Credential | undefined> {
    const text = await this.secrets.get(SECRET_PREFIX + credentialKey(ref));
    return text === undefined ? undefined : parseCredentialText(ref.option, text);
  }

  /** Stores a value; false when it has neither shape (nothing is stored then). */
  async store(ref: CredentialRef, text: string): Promise<boolean> {
    if (!parseCredentialText(ref.option, text)) return false;
    await this.secrets.store(SECRET_PREFIX + credentialKey(ref), text);
    const others = this.list().filter((r) => credentialKey(r) !== credentialKey(ref));
    await this.state.update(INDEX_KEY, [...others, { option: ref.option, name: ref.name }]);
    return true;
  }

  async delete(ref: CredentialRef): Promise<void> {
    await this.secrets.delete(SECRET_PREFIX + credentialKey(ref));
    await this.state.update(INDEX_KEY, this.list().filter((r) => credentialKey(r) !== credentialKey(ref)));
  }
}

const OPTIONS: readonly CredentialOption[] = ['basic_auth', 'auth_credentials'];

function isRef(value: unknown): value is CredentialRef {
  const v = value as Partial<CredentialRef> | null;
  return !!v && typeof v.name === 'string' && OPTIONS.includes(v.option as CredentialOption);
}

export function isCredentialOption(value: unknown): value is CredentialOption {
  return OPTIONS.includes(value as CredentialOption);
}
