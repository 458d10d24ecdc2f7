import * as vscode from 'vscode';
import { decodeTextBytes, withoutByteOrderMark } from '../core/util/decode-text';

/**
 * A workspace file's text through `vscode.workspace.fs`, which serves every file system the
 * editor has: `file:` on the desktop, `vscode-vfs:` in vscode.dev/github.dev, test-web's
 * `vscode-test-web:` (ADR 013). Undefined when it cannot be read. Decoded as the CLI decodes it
 * (UTF-16 by its byte order mark: Windows PowerShell's `sf … > lead.describe.json` writes
 * UTF-16LE), without the mark, as VS Code shows the file, so offsets match its document. Imports
 * one small module of the core, not the core, so the first-run bundle can use it.
 */
export async function readWorkspaceText(uri: vscode.Uri): Promise<string | undefined> {
  let bytes: Uint8Array;
  try {
    bytes = await vscode.workspace.fs.readFile(uri);
  } catch {
    return undefined;
  }
  return withoutByteOrderMark(decodeTextBytes(bytes).text);
}

export async function uriExists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

/**
 * `<base><suffix>` in `folder`, or `<base>-2<suffix>`, `<base>-3<suffix>`…: the first name that no
 * file and no open document (an unsaved one included) already has.
 */
export async function freeFileName(folder: vscode.Uri, base: string, suffix: string): Promise<string> {
  const open = new Set(vscode.workspace.textDocuments.map((d) => d.uri.path));
  for (let n = 1; ; n++) {
    const name = `${base}${n === 1 ? '' : `-${n}`}${suffix}`;
    const uri = vscode.Uri.joinPath(folder, name);
    if (!open.has(uri.path) && !(await uriExists(uri))) return name;
  }
}
