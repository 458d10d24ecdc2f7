import * as vscode from 'vscode';
import { type Problem, type Severity, type TemplateFile, allRules, assertNever, computeLineStarts, lintProfiles, lintStatic, offsetToLineColumn, sortProblems, withoutByteOrderMark } from '../core';
import { isEditableScheme, isTemplateUri } from './commands';
import { dependenciesFor } from './render-service';
import { ruleDocsLink } from './rule-docs';
import type { Settings } from './settings';
import type { TemplateCache } from './template-cache';
import type { DescribeFileRead, WorkspaceInputs } from './workspace-inputs';

/** `diagnostic.source` of everything this extension reports. */
export const DIAGNOSTIC_SOURCE = 'braze-webhook';

export function severityToVscode(severity: Severity): vscode.DiagnosticSeverity {
  switch (severity) {
    case 'error':
      return vscode.DiagnosticSeverity.Error;
    case 'warning':
      return vscode.DiagnosticSeverity.Warning;
    case 'info':
      return vscode.DiagnosticSeverity.Information;
    default:
      return assertNever(severity);
  }
}

/** A core problem as a VS Code diagnostic; `code` opens the rule's page (shipped in the package) rendered. */
export function problemToDiagnostic(problem: Problem, document: vscode.TextDocument): vscode.Diagnostic {
  const range = new vscode.Range(document.positionAt(problem.startIndex), document.positionAt(problem.endIndex));
  const diagnostic = new vscode.Diagnostic(range, problem.message, severityToVscode(problem.severity));
  diagnostic.source = DIAGNOSTIC_SOURCE;
  diagnostic.code = { value: problem.ruleId, target: ruleDocsLink(problem.ruleId) };
  return diagnostic;
}

function describeDiagnostics({ text, problems }: DescribeFileRead): vscode.Diagnostic[] {
  const lineStarts = computeLineStarts(withoutByteOrderMark(text));
  const at = (offset: number) => {
    const { line, column } = offsetToLineColumn(lineStarts, offset);
    return new vscode.Position(line - 1, column - 1);
  };
  return problems.map((p) => {
    const message = p.severity === 'error' ? vscode.l10n.t('{0} The checks use the built-in model until this file can be read.', p.message) : p.message;
    const diagnostic = new vscode.Diagnostic(new vscode.Range(at(p.startIndex), at(p.endIndex)), message, severityToVscode(p.severity));
    diagnostic.source = DIAGNOSTIC_SOURCE;
    diagnostic.code = p.code;
    return diagnostic;
  });
}

/** Key that finds a problem again from a diagnostic VS Code hands back to a code-action provider. */
export function diagnosticKey(ruleId: string, range: vscode.Range, message: string): string {
  return `${ruleId}|${range.start.line}:${range.start.character}-${range.end.line}:${range.end.character}|${message}`;
}

interface LintedDocument {
  version: number;
  problems: Problem[];
  byKey: Map<string, Problem>;
}

/**
 * One DiagnosticCollection for template files: static rules at once (cheap, on every change,
 * debounced), then the rendered-request rules for the sample profiles (async, bounded, dropped
 * if the document changed meanwhile). Cleared on close.
 */
export class DiagnosticsController implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection(DIAGNOSTIC_SOURCE);
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly linted = new Map<string, LintedDocument>();
  private readonly disposables: vscode.Disposable[] = [this.collection];
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  /** Fires after a document's problems were updated (static or rendered). */
  readonly onDidUpdate = this.changed.event;
  private readonly finished = new vscode.EventEmitter<{ uri: vscode.Uri; version: number }>();
  /** Fires when every check (static and rendered) has run for a document version. */
  readonly onDidFinish = this.finished.event;
  private readonly finishedVersions = new Map<string, number>();
  /** Problems of the org describe files, in those files (a separate collection: they are not templates). */
  private readonly describeCollection = vscode.languages.createDiagnosticCollection(`${DIAGNOSTIC_SOURCE}-describe`);

  constructor(
    private settings: Settings,
    private readonly templates: TemplateCache,
    private readonly inputs: WorkspaceInputs,
  ) {
    this.disposables.push(
      this.changed,
      this.finished,
      this.describeCollection,
      vscode.workspace.onDidOpenTextDocument((d) => this.schedule(d, 0)),
      vscode.workspace.onDidChangeTextDocument((e) => this.schedule(e.document, this.settings.debounceMs)),
      vscode.workspace.onDidCloseTextDocument((d) => this.clear(d)),
      // A document reopened in an editor after its tab was closed gets no open event: lint it again.
      vscode.window.onDidChangeVisibleTextEditors((editors) => {
        for (const { document } of editors) if (!this.linted.has(document.uri.toString())) this.schedule(document, 0);
      }),
      // VS Code may keep a closed editor's document alive for a while; clear as soon as its last tab closes.
      vscode.window.tabGroups.onDidChangeTabs((e) => this.clearClosedTabs(e.closed)),
      inputs.onDidChange(() => {
        this.relintAll();
        void this.publishDescribeProblems();
      }),
    );
    for (const document of vscode.workspace.textDocuments) this.schedule(document, 0);
    void this.publishDescribeProblems();
  }

  /** A describe file that cannot be used (or a field it skips) gets its diagnostic there; the built-in model stays. */
  private async publishDescribeProblems(): Promise<void> {
    const { describeFiles } = await this.inputs.get();
    this.describeCollection.clear();
    for (const file of describeFiles) this.describeCollection.set(file.uri, describeDiagnostics(file));
  }

  updateSettings(settings: Settings): void {
    this.settings = settings;
    this.relintAll();
  }

  /** Problems of the current version of a document (for code actions, lenses and fix-all). */
  problemsFor(document: vscode.TextDocument): Problem[] {
    const entry = this.linted.get(document.uri.toString());
    return entry && entry.version === document.version ? entry.problems : [];
  }

  findProblem(document: vscode.TextDocument, diagnostic: vscode.Diagnostic): Problem | undefined {
    const entry = this.linted.get(document.uri.toString());
    const code = typeof diagnostic.code === 'object' ? String(diagnostic.code.value) : String(diagnostic.code);
    return entry?.byKey.get(diagnosticKey(code, diagnostic.range, diagnostic.message));
  }

  private relintAll(): void {
    for (const document of vscode.workspace.textDocuments) this.schedule(document, 0);
  }

  private schedule(document: vscode.TextDocument, delay: number): void {
    if (!isTemplateUri(document.uri.path) || !isEditableScheme(document.uri.scheme)) return;
    const key = document.uri.toString();
    clearTimeout(this.timers.get(key));
    if (!this.settings.lintEnabled) {
      this.collection.delete(document.uri);
      return;
    }
    this.timers.set(key, setTimeout(() => void this.lint(document), delay));
  }

  private async lint(document: vscode.TextDocument): Promise<void> {
    const key = document.uri.toString();
    this.timers.delete(key);
    if (document.isClosed) return;
    const version = document.version;
    const file = this.templates.get(document);
    const snapshot = await this.inputs.get();
    if (document.isClosed || document.version !== version) return;
    const staticProblems = lintStatic(file, allRules, snapshot.config, snapshot.salesforce);
    this.publish(document, version, staticProblems);
    if (this.settings.renderedChecks && snapshot.profiles.length > 0) {
      const rendered = await this.lintRendered(document, file);
      if (!rendered || document.isClosed || document.version !== version) return;
      this.publish(document, version, sortProblems([...staticProblems, ...rendered]));
    }
    this.finishedVersions.set(key, version);
    this.finished.fire({ uri: document.uri, version });
  }

  /** Resolves once every check has run for `version` (or a later one) of the document. */
  whenLinted(uri: vscode.Uri, version: number): Promise<void> {
    const key = uri.toString();
    if ((this.finishedVersions.get(key) ?? -1) >= version) return Promise.resolve();
    return new Promise((resolve) => {
      const subscription = this.onDidFinish((e) => {
        if (e.uri.toString() === key && e.version >= version) {
          subscription.dispose();
          resolve();
        }
      });
    });
  }

  private async lintRendered(document: vscode.TextDocument, file: TemplateFile): Promise<Problem[] | undefined> {
    const snapshot = await this.inputs.get();
    const profiles = snapshot.profiles.slice(0, this.settings.maxProfiles).map((p) => p.profile);
    const deps = await dependenciesFor(file, document.uri, this.inputs, this.settings.scenario);
    try {
      return (await lintProfiles(file, { rules: allRules, config: snapshot.config, profiles, deps, salesforce: snapshot.salesforce })).problems;
    } catch {
      return undefined;
    }
  }

  private publish(document: vscode.TextDocument, version: number, problems: Problem[]): void {
    const diagnostics = problems.map((p) => problemToDiagnostic(p, document));
    const byKey = new Map(problems.map((p, i) => [diagnosticKey(p.ruleId, diagnostics[i].range, diagnostics[i].message), p]));
    this.linted.set(document.uri.toString(), { version, problems, byKey });
    this.collection.set(document.uri, diagnostics);
    this.changed.fire(document.uri);
  }

  private clearClosedTabs(closed: readonly vscode.Tab[]): void {
    const open = new Set(vscode.window.tabGroups.all.flatMap((g) => g.tabs).flatMap((t) => (t.input instanceof vscode.TabInputText ? [t.input.uri.toString()] : [])));
    for (const tab of closed) {
      if (!(tab.input instanceof vscode.TabInputText) || open.has(tab.input.uri.toString())) continue;
      const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === (tab.input as vscode.TabInputText).uri.toString());
      if (document) this.clear(document);
      else this.collection.delete(tab.input.uri);
    }
  }

  private clear(document: vscode.TextDocument): void {
    const key = document.uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.delete(key);
    this.linted.delete(key);
    this.finishedVersions.delete(key);
    this.collection.delete(document.uri);
    this.templates.delete(document);
  }

  dispose(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    for (const d of this.disposables) d.dispose();
  }
}
