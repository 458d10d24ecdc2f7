import { resolve } from 'node:path';
import {
  MAX_TEMPLATE_CHARS,
  type Dependencies,
  type Problem,
  type Profile,
  type RenderedRequest,
  offsetToLineColumn,
  parseTemplateFile,
  redactRequest,
  renderProfile,
  toCurl,
  toRenderJson,
  toHttpDocument,
} from '../../core';
import { CliError } from '../cli-error';
import { type LoadedInputs, loadMocksResolver, loadProfiles, selectProfiles } from '../inputs';
import { displayPath, looksBinary, makeContentBlockReader, readTextFile } from '../node-fs';
import { toInertJson, toTerminalSafe } from '../terminal';

export interface RenderOptions {
  template: string;
  /** Profiles files, read in order; none means one user with every attribute empty. */
  profiles: string[];
  user?: string;
  mocks?: string;
  scenario?: string;
  format: 'http' | 'curl' | 'json';
  revealSecrets: boolean;
}

/** `braze-webhook render`: prints the request Braze would send, per profile. Returns the exit code. */
export async function runRender(options: RenderOptions, write: (text: string) => void, warn: (text: string) => void = () => undefined): Promise<number> {
  const templatePath = resolve(options.template);
  const text = readTextFile(templatePath);
  const shown = displayPath(templatePath);
  if (looksBinary(text)) throw new CliError(`${shown}:1:1: not a text file`);
  const file = parseTemplateFile(text);
  if (file.syntaxErrors.length > 0) {
    const first = file.syntaxErrors[0];
    const at = offsetToLineColumn(file.lineStarts, first.startIndex);
    const why = file.text.length > MAX_TEMPLATE_CHARS ? '' : ' (the template is not valid JSON)';
    throw new CliError(`${shown}:${at.line}:${at.column}: ${first.message}${why}`);
  }
  if (!file.url) throw new CliError(`${shown}:1:1: the template has no "url" string; it is not a Braze webhook template`);
  const inputs: LoadedInputs = {
    profiles: options.profiles.length > 0 ? options.profiles.flatMap((path) => loadProfiles(resolve(path), warn)) : undefined,
    resolver: loadMocksResolver(options.mocks ? resolve(options.mocks) : undefined, options.scenario),
  };
  const profiles = selectProfiles(inputs.profiles, options.user);
  const deps: Dependencies = { resolveConnectedContent: inputs.resolver, readContentBlock: makeContentBlockReader(templatePath) };
  const results: RenderedRequest[] = [];
  for (const profile of profiles) {
    const rendered = await renderProfile(file, profile, deps);
    results.push(redactRequest(rendered, { reveal: options.revealSecrets }));
  }
  write(formatResults(results, profiles, options.format, file.lineStarts));
  return results.some((r) => r.problems.some((p) => p.severity === 'error')) ? 1 : 0;
}

function formatResults(results: RenderedRequest[], profiles: Profile[], format: RenderOptions['format'], lineStarts: number[]): string {
  if (format === 'json') return toInertJson(`${JSON.stringify(results.map((r) => toRenderJson(r, lineStarts)), null, 2)}\n`);
  const blocks = results.map((r, i) => {
    const label = `Profile ${profiles[i].ref.index}: ${profiles[i].ref.label}`;
    if (format === 'curl') {
      const head = `# ${label}`;
      return r.aborted ? `${head}\n# Aborted: ${r.aborted.reason} (Braze sends nothing)\n` : `${head}\n${toCurl(r)}\n`;
    }
    return toHttpDocument(r, label) + problemsAsComments(r.problems, lineStarts);
  });
  return toTerminalSafe(blocks.join('\n'));
}

function problemsAsComments(problems: Problem[], lineStarts: number[]): string {
  if (problems.length === 0) return '';
  return `${problems.map((p) => {
    const at = offsetToLineColumn(lineStarts, p.startIndex);
    return `# ${p.severity} ${p.ruleId} (line ${at.line}, column ${at.column}): ${p.message}`;
  }).join('\n')}\n`;
}

