import * as vscode from 'vscode';
import type { CompletionCandidate } from '../core';
import { CommandId } from './commands';
import type { DiagnosticsController } from './diagnostics';
import type { EditorFeatures } from './editor-features';
import type { ShippedFiles } from './shipped-files';
import type { TemplateCache } from './template-cache';
import type { WorkspaceInputs } from './workspace-inputs';

const KIND: Record<CompletionCandidate['kind'], vscode.CompletionItemKind> = {
  attribute: vscode.CompletionItemKind.Variable,
  namespace: vscode.CompletionItemKind.Module,
  filter: vscode.CompletionItemKind.Function,
  option: vscode.CompletionItemKind.Property,
  field: vscode.CompletionItemKind.Field,
  snippet: vscode.CompletionItemKind.Snippet,
};

/**
 * The hover and completion providers are registered on activation; their work is done by the
 * editor features, loaded on the first hover or completion (`features`, ADR 020).
 */
export class HoverProvider implements vscode.HoverProvider {
  constructor(
    private readonly features: () => EditorFeatures,
    private readonly templates: TemplateCache,
    private readonly inputs: WorkspaceInputs,
    private readonly shipped: ShippedFiles,
  ) {}

  async provideHover(document: vscode.TextDocument, position: vscode.Position): Promise<vscode.Hover | undefined> {
    const file = this.templates.get(document);
    const [{ customAttributes, salesforce }, docs] = await Promise.all([this.inputs.get(), this.shipped.editorDocs()]);
    const info = this.features().hoverAt(file, document.offsetAt(position), { customAttributeSamples: customAttributes, salesforce, docs });
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

  constructor(
    private readonly features: () => EditorFeatures,
    private readonly templates: TemplateCache,
    private readonly inputs: WorkspaceInputs,
    private readonly shipped: ShippedFiles,
  ) {}

  async provideCompletionItems(document: vscode.TextDocument, position: vscode.Position): Promise<vscode.CompletionItem[]> {
    const file = this.templates.get(document);
    const offset = document.offsetAt(position);
    const [{ customAttributes, salesforce }, docs] = await Promise.all([this.inputs.get(), this.shipped.editorDocs()]);
    const { completionsAt, snippetContextAt } = this.features();
    const items = completionsAt(file, offset, { customAttributeKeys: [...customAttributes.keys()], salesforce, docs }).map((c) => toItem(document, c));
    const context = snippetContextAt(file, offset);
    for (const [name, snippet] of await this.shipped.snippets()) {
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

/** "1 problem", "3 problems": the preview and the CodeLens count alike. */
export function problemCount(n: number): string {
  return n === 1 ? vscode.l10n.t('1 problem') : vscode.l10n.t('{0} problems', n);
}

/**
 * "Preview · 3 sample profiles · 2 problems" above the template: the user's own profiles (the
 * preview lists the built-in edge cases apart) and the problems in the editor, which are the
 * preview's "Problems" list.
 */
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
    const n = profiles.length;
    const profilesText = n === 1 ? vscode.l10n.t('1 sample profile') : vscode.l10n.t('{0} sample profiles', n);
    const title = vscode.l10n.t('Preview · {0} · {1}', profilesText, problemCount(this.diagnostics.problemsFor(document).length));
    return [new vscode.CodeLens(new vscode.Range(0, 0, 0, 0), { title, command: CommandId.PreviewRequest, arguments: [document.uri] })];
  }
}
