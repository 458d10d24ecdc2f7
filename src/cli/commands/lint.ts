import { basename, dirname, join, resolve, sep } from 'node:path';
import {
  TEMPLATE_FILE_SUFFIX,
  type Dependencies,
  type LintConfig,
  type Problem,
  type Profile,
  type RuleDefinition,
  type SalesforceSchema,
  allRules,
  applyFixes,
  lintTemplate,
  looksLikeWebhookTemplate,
  parseTemplateFile,
  shellQuote,
  toLineColumnProblem,
  toTemplateFileName,
} from '../../core';
import { type FoundFiles, findTemplateFiles } from '../find-files';
import { formatJson } from '../formatters/json';
import { formatSarif } from '../formatters/sarif';
import { formatText } from '../formatters/text';
import type { FileReport } from '../formatters/types';
import { loadRunInputs } from '../inputs';
import { type TextFile, displayPath, looksBinary, makeContentBlockReader, readTextFile, readTextFileWithEncoding, writeTextFile } from '../node-fs';

export interface LintCommandOptions {
  paths: string[];
  profiles: string[];
  mocks?: string;
  scenario?: string;
  format: 'text' | 'json' | 'sarif';
  maxWarnings?: number;
  fix: boolean;
  config?: string;
  /** `--describe` files: org describes that win over the config's. */
  describe?: string[];
}

/** `--fix` re-lints after each pass; fixes that overlapped are applied in the next one. */
const MAX_FIX_PASSES = 10;

/** `braze-webhook lint`: returns the exit code (0 clean, 1 errors or too many warnings, 2 unreadable). */
export async function runLint(options: LintCommandOptions, version: string, out: (text: string) => void, err: (text: string) => void): Promise<number> {
  const { config, profiles, resolver, salesforce } = loadRunInputs(options, err);
  const found = findTemplateFiles(options.paths);
  for (const missing of found.missing) err(`braze-webhook: ${missing}: no such file, or no match\n`);
  reportMisnamedTemplates(found, err);
  const reports: FileReport[] = [];
  let unreadable = found.missing.length + found.empty.length;
  for (const path of found.files) {
    let input: TextFile;
    try {
      input = readTextFileWithEncoding(path);
    } catch (error) {
      err(`braze-webhook: ${(error as Error).message}\n`);
      unreadable++;
      continue;
    }
    const deps: Dependencies = { resolveConnectedContent: resolver, readContentBlock: makeContentBlockReader(path) };
    const run: LintRun = { config, profiles, deps, salesforce };
    const { problems, lineStarts } = options.fix ? await fixFile(path, input, run) : await lintText(input.text, run);
    reports.push({ file: displayPath(path), problems: problems.map((p) => ({ ...toLineColumnProblem(p, lineStarts), ...(p.profile ? { profile: p.profile.label } : {}) })) });
  }
  out(format(reports, options.format, version, unreadable));
  if (unreadable > 0) return 2;
  const all = reports.flatMap((r) => r.problems);
  const errors = all.filter((p) => p.severity === 'error').length;
  const warnings = all.filter((p) => p.severity === 'warning').length;
  if (errors > 0) return 1;
  if (options.maxWarnings !== undefined && warnings > options.maxWarnings) {
    err(`braze-webhook: ${warnings} warnings, more than --max-warnings ${options.maxWarnings}\n`);
    return 1;
  }
  return 0;
}

interface LintedText {
  problems: Problem[];
  lineStarts: number[];
}

/** What every template of one lint run is checked with. */
interface LintRun {
  config: LintConfig;
  profiles: Profile[];
  deps: Dependencies;
  salesforce: SalesforceSchema;
}

async function lintText(text: string, run: LintRun): Promise<LintedText> {
  if (looksBinary(text)) {
    return { problems: [{ ruleId: 'json-syntax', severity: 'error', message: 'Invalid JSON: this is a binary file, not a webhook template.', startIndex: 0, endIndex: 0 }], lineStarts: [0] };
  }
  const file = parseTemplateFile(text);
  return { problems: (await lintTemplate(file, { rules: allRules, ...run })).problems, lineStarts: file.lineStarts };
}

/**
 * Applies safe fixes until none is left, writes the file once if it changed (same encoding and
 * byte order mark), returns what remains.
 */
async function fixFile(path: string, { text: original, encoding }: TextFile, run: LintRun): Promise<LintedText> {
  const hadBom = original.charCodeAt(0) === 0xfeff;
  let text = hadBom ? original.slice(1) : original;
  let linted = await lintText(text, run);
  for (let pass = 0; pass < MAX_FIX_PASSES; pass++) {
    const { text: fixed, applied } = applyFixes(text, linted.problems);
    if (applied.length === 0 || fixed === text) break;
    if (parseTemplateFile(fixed).syntaxErrors.length > 0) break;
    text = fixed;
    linted = await lintText(text, run);
  }
  const result = hadBom ? `\uFEFF${text}` : text;
  if (result !== original) writeTextFile(path, result, encoding);
  return linted;
}

function format(reports: FileReport[], kind: LintCommandOptions['format'], version: string, unreadable: number): string {
  switch (kind) {
    case 'json':
      return formatJson(reports);
    case 'sarif':
      return formatSarif(reports, allRules, version);
    default:
      return formatText(reports, unreadable);
  }
}

/** A path for a shell command line, quoted only when it needs to be. */
function shellArg(path: string): string {
  return /^[\w@%+=:,./-]+$/.test(path) ? path : shellQuote(path);
}

/** At most this many other `*.json` files are read to look for misnamed templates. */
const MAX_LOOKALIKE_READS = 200;

/**
 * A folder with no template is an input error (a CI run that checked nothing must not pass); the
 * `*.json` files in it shaped like a webhook template are named with the command that renames
 * them. Misnamed templates next to real ones get a note.
 */
function reportMisnamedTemplates(found: FoundFiles, err: (text: string) => void): void {
  const lookalikes = found.otherJson.slice(0, MAX_LOOKALIKE_READS).filter((path) => {
    try {
      return looksLikeWebhookTemplate(readTextFile(path));
    } catch {
      return false;
    }
  });
  const rename = (path: string) => `mv ${shellArg(displayPath(path))} ${shellArg(displayPath(join(dirname(path), toTemplateFileName(basename(path)))))}`;
  const noted = new Set<string>();
  for (const folder of found.empty) {
    err(`braze-webhook: ${folder}: no webhook template (*${TEMPLATE_FILE_SUFFIX}) here; nothing was linted.\n`);
    const root = resolve(folder);
    for (const path of lookalikes.filter((p) => p.startsWith(root + sep))) {
      noted.add(path);
      err(`  ${displayPath(path)} looks like a webhook template; rename it to lint it:\n    ${rename(path)}\n`);
    }
  }
  for (const path of lookalikes.filter((p) => !noted.has(p))) {
    err(`braze-webhook: note: ${displayPath(path)} looks like a webhook template but is not named *${TEMPLATE_FILE_SUFFIX}, so it was not linted; to lint it: ${rename(path)}\n`);
  }
}

/** `--list-rules`: one line per rule from its meta. */
export function listRules(rules: readonly RuleDefinition[]): string {
  const width = Math.max(...rules.map((r) => r.meta.id.length));
  const lines = rules.map((r) => {
    const flags = [r.meta.kind === 'rendered' ? 'rendered' : 'static', r.meta.fixable ? 'fix' : '', r.meta.hasSuggestions ? 'suggest' : ''].filter(Boolean).join(',');
    return `${r.meta.id.padEnd(width)}  ${r.meta.severity.padEnd(7)}  ${flags.padEnd(22)}  ${r.meta.texts.description}`;
  });
  return `${lines.join('\n')}\n\nDocs: ${join('docs', 'rules')}/<id>.md in the package.\n`;
}
