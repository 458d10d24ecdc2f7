import * as vscode from 'vscode';
import { type CompletionCandidate, type SnippetContext, completionsAt, hoverAt, snippetContextAt } from '../core';
import { CommandId } from './commands';
import type { DiagnosticsController } from './diagnostics';
import type { TemplateCache } from './template-cache';
import type { WorkspaceInputs } from './workspace-inputs';

interface SnippetEntry {
  prefix: string;
  description: string;
  context: Exclude<SnippetContext, undefined>;
  body: string[];
}

/** The snippets file, shipped as data and read from the extension folder (kept out of the code bundle). */
const SNIPPETS_FILE = ['snippets', 'braze-webhook.snippets.json'];

async function readSnippets(extensionUri: vscode.Uri): Promise<Array<[string, SnippetEntry]>> {
  try {
    const bytes = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(extensionUri, ...SNIPPETS_FILE));
    return Object.entries(JSON.parse(new TextDecoder().decode(bytes)) as Record<string, SnippetEntry>);
  } catch {
    return [];
  }
}

const KIND: Record<CompletionCandidate['kind'], vscode.CompletionItemKind> = {
  attribute: vscode.CompletionItemKind.Variable,
  namespace: vscode.CompletionItemKind.Module,
  filter: vscode.CompletionItemKind.Function,
  option: vscode.CompletionItemKind.Property,
  field: vscode.CompletionItemKind.Field,
  snippet: vscode.CompletionItemKind.Snippet,
};

export class HoverProvider implements vscode.HoverProvider {
  constructor(
    private readonly templates: TemplateCache,
    private readonly inputs: WorkspaceInputs,
  ) {}

  async provideHover(document: vscode.TextDocument, position: vscode.Position): Promise<vscode.Hover | undefined> {
    const file = this.templates.get(document);
    const { customAttributes, salesforce } = await this.inputs.get();
    const info = hoverAt(file, document.offsetAt(position), { customAttributeSamples: customAttributes, salesforce });
    if (!info) return undefined;
    return new vscode.Hover(new vscode.MarkdownString(info.markdown), new vscode.Range(document.positionAt(info.range.start), document.positionAt(info.range.end)));
  }
}

/**
 * Completions inside Braze files only (the provider is registered with a file pattern): attribute
 * tags after `${`, custom attribute keys from the sample profiles, filters, connected_content
 * options, Lead field names as body keys, and the snippets from `snippets/` for the context.
 */
export class CompletionProvider implements vscode.CompletionItemProvider {
  static readonly triggers = ['{', '.', '|', ':', '"', ' '];
  private snippets: Promise<Array<[string, SnippetEntry]>> | undefined;

  constructor(
    private readonly templates: TemplateCache,
    private readonly inputs: WorkspaceInputs,
    private readonly extensionUri: vscode.Uri,
  ) {}

  async provideCompletionItems(document: vscode.TextDocument, position: vscode.Position): Promise<vscode.CompletionItem[]> {
    const file = this.templates.get(document);
    const offset = document.offsetAt(position);
    const { customAttributes, salesforce } = await this.inputs.get();
    const items = completionsAt(file, offset, { customAttributeKeys: [...customAttributes.keys()], salesforce }).map((c) => toItem(document, c));
    const context = snippetContextAt(file, offset);
    this.snippets ??= readSnippets(this.extensionUri);
    for (const [name, snippet] of await this.snippets) {
      if (snippet.context !== context) continue;
      const item = new vscode.CompletionItem(snippet.prefix, vscode.CompletionItemKind.Snippet);
      item.detail = name;
      item.documentation = new vscode.MarkdownString(snippet.description);
      item.insertText = new vscode.SnippetString(snippet.body.join('\n'));
      item.sortText = `~${snippet.prefix}`;
      items.push(item);
    }
    return items;
  }
}

function toItem(document: vscode.TextDocument, candidate: CompletionCandidate): vscode.CompletionItem {
  const item = new vscode.CompletionItem(candidate.label, KIND[candidate.kind]);
  item.detail = candidate.detail;
  if (candidate.documentation) item.documentation = new vscode.MarkdownString(candidate.documentation);
  item.insertText = candidate.snippet ? new vscode.SnippetString(candidate.insertText) : candidate.insertText;
  if (candidate.sortText) item.sortText = candidate.sortText;
  item.range = new vscode.Range(document.positionAt(candidate.replaceStart), document.positionAt(candidate.replaceEnd));
  return item;
}

/** "Preview · N profiles · M problems" above the template. */
export class CodeLensProvider implements vscode.CodeLensProvider {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeCodeLenses = this.changed.event;

  constructor(
    private readonly diagnostics: DiagnosticsController,
    private readonly inputs: WorkspaceInputs,
  ) {
    diagnostics.onDidUpdate(() => this.changed.fire());
  }

  async provideCodeLenses(document: vscode.TextDocument): Promise<vscode.CodeLens[]> {
    const { profiles } = await this.inputs.get();
    const problems = this.diagnostics.problemsFor(document).length;
    const title = vscode.l10n.t('Preview · {0} profiles · {1} problems', profiles.length, problems);
    return [new vscode.CodeLens(new vscode.Range(0, 0, 0, 0), { title, command: CommandId.PreviewRequest, arguments: [document.uri] })];
  }
}
