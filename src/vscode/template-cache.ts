import type * as vscode from 'vscode';
import { parseTemplateFile, type TemplateFile } from '../core';

/** Parses each template document once per version; lint, render, hovers and lenses share it. */
export class TemplateCache {
  private readonly entries = new Map<string, { version: number; file: TemplateFile }>();

  get(document: vscode.TextDocument): TemplateFile {
    const key = document.uri.toString();
    const cached = this.entries.get(key);
    if (cached && cached.version === document.version) return cached.file;
    const file = parseTemplateFile(document.getText());
    this.entries.set(key, { version: document.version, file });
    return file;
  }

  delete(document: vscode.TextDocument): void {
    this.entries.delete(document.uri.toString());
  }
}
