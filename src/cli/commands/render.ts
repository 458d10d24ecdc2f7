import { resolve } from 'node:path';
import {
  MAX_TEMPLATE_CHARS,
  type Dependencies,
  type LintConfig,
  type Problem,
  type Profile,
  type RenderedRequest,
  type TemplateFile,
  allRules,
  lintRendered,
  lintStatic,
  offsetToLineColumn,
  parseTemplateFile,
  redactRequest,
  renderProfile,
  sortProblems,
  toCurl,
  toHttpDocument,
  toLineColumnProblem,
  toRenderJson,
} from '../../core';
import { CliError } from '../cli-error';
import { loadRunInputs, selectProfiles } from '../inputs';
import { displayPath, looksBinary, makeContentBlockReader, readTextFile } from '../node-fs';
import { toInertJson, toTerminalSafe } from '../terminal';

export interface RenderOptions {
  template: string;
  /** Profiles files, read in order; none (and none in the config) means one user with every attribute empty. */
  profiles: string[];
  user?: string;
  mocks?: string;
  scenario?: string;
  format: 'http' | 'curl' | 'json';
  revealSecrets: boolean;
  /** Configuration file; `braze-webhook.config.json` in the current directory when absent. */
  config?: string;
}

/** One rendered profile with the findings `lint` reports for it. */
interface RenderedProfile {
  profile: Profile;
  /** Redacted unless secrets are revealed. */
  request: RenderedRequest;
  problems: Problem[];
}

/**
 * `braze-webhook render`: prints the request Braze would send, per profile, with every finding
 * `lint` reports for that profile (static rules and the rendered rules, same configuration).
 * Returns the exit code: 1 when a finding is an error, as for `lint`.
 */
export async function runRender(options: RenderOptions, write: (text: string) => void, warn: (text: string) => void = () => undefined): Promise<number> {
  const templatePath = resolve(options.template);
  const file = readTemplate(templatePath);
  const inputs = loadRunInputs(options, warn);
  const profiles = selectProfiles(inputs.profiles, options.user);
  const deps: Dependencies = { resolveConnectedContent: inputs.resolver, readContentBlock: makeContentBlockReader(templatePath) };
  const staticProblems = lintStatic(file, allRules, inputs.config);
  const results: RenderedProfile[] = [];
  for (const profile of profiles) {
    const rendered = await renderProfile(file, profile, deps);
    results.push({
      profile,
      request: redactRequest(rendered, { reveal: options.revealSecrets }),
      problems: sortProblems([...staticProblems, ...renderedFindings(file, rendered, inputs.config)]),
    });
  }
  write(formatResults(results, options.format, file.lineStarts));
  return results.some((r) => r.problems.some((p) => p.severity === 'error')) ? 1 : 0;
}

/** Reads and parses the template; anything that cannot be rendered is exit 2 with file:line:column. */
function readTemplate(path: string): TemplateFile {
  const text = readTextFile(path);
  const shown = displayPath(path);
  if (looksBinary(text)) throw new CliError(`${shown}:1:1: not a text file`);
  const file = parseTemplateFile(text);
  if (file.syntaxErrors.length > 0) {
    const first = file.syntaxErrors[0];
    const at = offsetToLineColumn(file.lineStarts, first.startIndex);
    const why = file.text.length > MAX_TEMPLATE_CHARS ? '' : ' (the template is not valid JSON)';
    throw new CliError(`${shown}:${at.line}:${at.column}: ${first.message}${why}`);
  }
  if (!file.url) throw new CliError(`${shown}:1:1: the template has no "url" string; it is not a Braze webhook template`);
  return file;
}

/** The rendered rules for one profile, as `lint` runs them (on the unredacted request; messages redact themselves). */
function renderedFindings(file: TemplateFile, request: RenderedRequest, config: LintConfig): Problem[] {
  return lintRendered(file, [request], allRules, config);
}

function formatResults(results: RenderedProfile[], format: RenderOptions['format'], lineStarts: number[]): string {
  if (format === 'json') {
    const entries = results.map((r) => ({ ...toRenderJson(r.request, lineStarts), problems: r.problems.map((p) => toLineColumnProblem(p, lineStarts)) }));
    return toInertJson(`${JSON.stringify(entries, null, 2)}\n`);
  }
  const blocks = results.map(({ profile, request, problems }) => {
    const label = `Profile ${profile.ref.index}: ${profile.ref.label}`;
    if (format === 'curl') {
      const head = `# ${label}`;
      const body = request.aborted ? `# Aborted: ${request.aborted.reason} (Braze sends nothing)\n` : `${toCurl(request)}\n`;
      return `${head}\n${body}${problemsAsComments(problems, lineStarts)}`;
    }
    return toHttpDocument(request, label) + problemsAsComments(problems, lineStarts);
  });
  return toTerminalSafe(blocks.join('\n'));
}

function problemsAsComments(problems: Problem[], lineStarts: number[]): string {
  if (problems.length === 0) return '';
  return `${problems
    .map((p) => {
      const at = offsetToLineColumn(lineStarts, p.startIndex);
      return `# ${p.severity} ${p.ruleId} (line ${at.line}, column ${at.column}): ${p.message.replace(/\n/g, ' ')}`;
    })
    .join('\n')}\n`;
}
