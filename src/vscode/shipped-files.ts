import * as vscode from 'vscode';
import type { SnippetContext } from '../core';
import { readWorkspaceText } from './files';

/** One entry of snippets/braze-webhook.snippets.json (format: snippets/README.md). */
export interface SnippetEntry {
  prefix: string;
  description: string;
  context: Exclude<SnippetContext, undefined>;
  body: string[];
}

/**
 * Data files the package ships next to the code, read once when first needed through
 * `workspace.fs` (the extension's own location is `file:` on the desktop and `http(s):` in VS Code
 * for the Web). Kept out of the code bundle: data there counts against its size budget and is
 * parsed on every activation.
 */
export class ShippedFiles {
  private snippetsRead: Promise<Array<[string, SnippetEntry]>> | undefined;
  private sampleUsersRead: Promise<string> | undefined;

  constructor(private readonly extensionUri: vscode.Uri) {}

  /** The snippets, by name, in file order; none when the file cannot be read. */
  snippets(): Promise<Array<[string, SnippetEntry]>> {
    this.snippetsRead ??= this.read('snippets', 'braze-webhook.snippets.json').then((text) => (text ? Object.entries(JSON.parse(text) as Record<string, SnippetEntry>) : []));
    return this.snippetsRead;
  }

  /** The starter sample-users file (Braze's export format) for "New Sample Users File". */
  sampleUsers(): Promise<string> {
    this.sampleUsersRead ??= this.read('snippets', 'sample-users.braze-profiles.json').then((text) => text ?? '{\n  "users": []\n}\n');
    return this.sampleUsersRead;
  }

  private read(...path: string[]): Promise<string | undefined> {
    return readWorkspaceText(vscode.Uri.joinPath(this.extensionUri, ...path));
  }
}
