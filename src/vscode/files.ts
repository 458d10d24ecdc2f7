import * as vscode from 'vscode';

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
