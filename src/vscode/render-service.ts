import * as vscode from 'vscode';
import { type Dependencies, type TemplateFile, contentBlockNames } from '../core';
import { loadContentBlocks, type WorkspaceInputs } from './workspace-inputs';

/**
 * Dependencies for rendering one template document: the fixture resolver for the scenario
 * (nothing is ever sent) and the content blocks it includes, read ahead from the workspace
 * (nested blocks one level deep, as Braze renders them).
 */
export async function dependenciesFor(file: TemplateFile, uri: vscode.Uri, inputs: WorkspaceInputs, scenario: string | undefined): Promise<Dependencies> {
  const names = file.fields.flatMap((f) => contentBlockNames(f.text));
  const blocks = names.length > 0 ? await loadContentBlocks(names, uri) : new Map<string, string>();
  const nested = [...blocks.values()].flatMap(contentBlockNames).filter((n) => !blocks.has(n));
  for (const [name, text] of nested.length > 0 ? await loadContentBlocks(nested, uri) : []) blocks.set(name, text);
  return { resolveConnectedContent: await inputs.resolver(scenario), readContentBlock: (name) => blocks.get(name) };
}
