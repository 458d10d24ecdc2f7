import * as vscode from 'vscode';
import { type EditorDocs, type SnippetContext, setShippedRuleTexts, toEditorDocs } from '../core';
import { readWorkspaceText } from './files';

/** One entry of snippets/braze-webhook.snippets.json (format: snippets/README.md). */
export interface SnippetEntry {
  prefix: string;
  description: string;
  context: Exclude<SnippetContext, undefined>;
  body: string[];
}

/** The built-in sObject models shipped under data/salesforce/ (.vscodeignore and the vsix test keep them in the package). */
const BUILT_IN_MODEL_FILES = ['lead.json'];

/**
 * Data files the package ships next to the code, read once when first needed through
 * `workspace.fs` (the extension's own location is `file:` on the desktop and `http(s):` in VS Code
 * for the Web). Kept out of the code bundle: data there counts against its size budget and is
 * parsed on every activation.
 */
export class ShippedFiles {
  private snippetsRead: Promise<Array<[string, SnippetEntry]>> | undefined;
  private sampleUsersRead: Promise<string> | undefined;
  private modelsRead: Promise<unknown[]> | undefined;
  private editorDocsRead: Promise<EditorDocs> | undefined;
  private ruleTextsRead: Promise<void> | undefined;

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

  /**
   * The built-in Salesforce models (`data/salesforce/*.json`, ADR 008), parsed; a missing or broken
   * file is left out, so the Salesforce rules know less but never crash.
   */
  salesforceModels(): Promise<unknown[]> {
    this.modelsRead ??= Promise.all(BUILT_IN_MODEL_FILES.map((name) => this.read('data', 'salesforce', name))).then((texts) =>
      texts.flatMap((text) => {
        try {
          return text === undefined ? [] : [JSON.parse(text) as unknown];
        } catch {
          return [];
        }
      }),
    );
    return this.modelsRead;
  }

  /**
   * The hover and completion texts (`data/editor-docs.json`, ADR 020), read on the first hover or
   * completion. A missing or broken file gives empty tables: hovers keep their other facts.
   */
  editorDocs(): Promise<EditorDocs> {
    this.editorDocsRead ??= this.read('data', 'editor-docs.json').then((text) => {
      try {
        return toEditorDocs(text === undefined ? undefined : JSON.parse(text));
      } catch {
        return toEditorDocs(undefined);
      }
    });
    return this.editorDocsRead;
  }

  /**
   * The rules' words (`dist/rule-texts.json`, ADR 021), installed for the rules to read; every lint
   * and the rule list wait for this. A missing or broken file leaves each message saying so.
   */
  ruleTexts(): Promise<void> {
    this.ruleTextsRead ??= this.read('dist', 'rule-texts.json').then((text) => {
      try {
        setShippedRuleTexts(text === undefined ? {} : JSON.parse(text));
      } catch {
        setShippedRuleTexts({});
      }
    });
    return this.ruleTextsRead;
  }

  private read(...path: string[]): Promise<string | undefined> {
    return readWorkspaceText(vscode.Uri.joinPath(this.extensionUri, ...path));
  }
}
