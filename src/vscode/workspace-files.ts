import * as vscode from 'vscode';
import { findMatchingFiles } from '../core';

export { readWorkspaceText } from './files';

/** Where `vscode.workspace.findFiles` would not look either. */
const EXCLUDE = '**/node_modules/**';

/**
 * Workspace files matching `glob`, sorted by path. `workspace.findFiles` needs a search provider
 * for the folder's scheme; VS Code for the Web has one for some virtual file systems and not for
 * others (there it throws or finds nothing). So, outside `file:`, an empty or failed search falls
 * back to walking each workspace folder with `workspace.fs.readDirectory` (bounded; `*`, `**`
 * and `?` only, braces are not expanded).
 */
export async function findWorkspaceFiles(glob: string, maxResults: number): Promise<vscode.Uri[]> {
  let found: vscode.Uri[] = [];
  try {
    found = await vscode.workspace.findFiles(glob, EXCLUDE, maxResults);
  } catch {
    // No search provider for this scheme: walk instead.
  }
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (found.length === 0 && folders.some((f) => f.uri.scheme !== 'file')) found = await walkWorkspaceFolders(glob, maxResults);
  return found.sort((a, b) => a.path.localeCompare(b.path));
}

/** The fallback of `findWorkspaceFiles`, exported for the web suite to check it on a real virtual file system. */
export async function walkWorkspaceFolders(glob: string, maxResults: number): Promise<vscode.Uri[]> {
  const found: vscode.Uri[] = [];
  for (const folder of vscode.workspace.workspaceFolders ?? []) {
    const readDirectory = async (dir: string) => {
      const entries = await vscode.workspace.fs.readDirectory(dir ? vscode.Uri.joinPath(folder.uri, dir) : folder.uri);
      return entries.map(([name, type]) => [name, (type & vscode.FileType.Directory) !== 0] as const);
    };
    for (const path of await findMatchingFiles(readDirectory, glob, { maxResults: maxResults - found.length })) {
      found.push(vscode.Uri.joinPath(folder.uri, path));
    }
    if (found.length >= maxResults) break;
  }
  return found;
}
