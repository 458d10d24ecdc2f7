import * as vscode from 'vscode';

const decoder = new TextDecoder();

/**
 * A workspace file's text through `vscode.workspace.fs`, which serves every file system the
 * editor has: `file:` on the desktop, `vscode-vfs:` in vscode.dev/github.dev, test-web's
 * `vscode-test-web:` (ADR 013). Undefined when it cannot be read. Imports nothing from the core,
 * so the first-run bundle can use it.
 */
export async function readWorkspaceText(uri: vscode.Uri): Promise<string | undefined> {
  try {
    return decoder.decode(await vscode.workspace.fs.readFile(uri));
  } catch {
    return undefined;
  }
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
