import {
  type Dependencies,
  type LintConfig,
  type Problem,
  type Profile,
  type RenderedRequest,
  type SalesforceAnswer,
  type SalesforceSchema,
  type TemplateFile,
  allRules,
  collectSecrets,
  lintRendered,
  lintStatic,
  offsetToLineColumn,
  isErrorAnswer,
  redactAnswer,
  redactRequest,
  renderProfile,
  simulateSalesforceAnswer,
  sortProblems,
  toAnswerComment,
  toCurl,
  toHttpDocument,
  toLineColumnProblem,
  toRenderJson,
} from '../../core';
import { CliError } from '../cli-error';
import { loadRunInputs, selectProfiles } from '../inputs';
import { makeContentBlockReader } from '../node-fs';
import { loadTemplate } from '../template-input';
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
  /** `--describe` files: org describes that win over the config's. */
  describe?: string[];
  /** Configuration file; `braze-webhook.config.json` in the current directory when absent. */
  config?: string;
}

/** One rendered profile with the findings `lint` reports for it and Salesforce's predicted answer. */
interface RenderedProfile {
  profile: Profile;
  /** Redacted unless secrets are revealed. */
  request: RenderedRequest;
  problems: Problem[];
  /** Redacted as the request is; null when the request is not a Salesforce REST call. */
  answer: SalesforceAnswer | null;
}

/**
 * `braze-webhook render`: prints the request Braze would send, per profile, with Salesforce's
 * predicted answer and every finding `lint` reports for that profile (static rules and the
 * rendered rules, same configuration and describes). Returns the exit code: 1 when a finding is
 * an error, as for `lint`, or when a profile's predicted answer is an error.
 */
export async function runRender(options: RenderOptions, write: (text: string) => void, warn: (text: string) => void = () => undefined): Promise<number> {
  const file = readTemplate(options.template);
  const inputs = loadRunInputs(options, warn);
  const profiles = selectProfiles(inputs.profiles, options.user);
  const deps: Dependencies = { resolveConnectedContent: inputs.resolver, readContentBlock: makeContentBlockReader(file.path) };
  const { config, salesforce } = inputs;
  const staticProblems = lintStatic(file.file, allRules, config, salesforce);
  const results: RenderedProfile[] = [];
  for (const profile of profiles) {
    const rendered = await renderProfile(file.file, profile, deps);
    const answer = simulateSalesforceAnswer(rendered, { salesforce, mocks: inputs.mocks, scenario: inputs.scenario });
    results.push({
      profile,
      request: redactRequest(rendered, { reveal: options.revealSecrets }),
      problems: sortProblems([...staticProblems, ...renderedFindings(file.file, rendered, config, salesforce)]),
      answer: answer && redactAnswer(answer, options.revealSecrets ? [] : collectSecrets(rendered)),
    });
  }
  write(formatResults(results, options.format, file.file.lineStarts));
  return results.some((r) => r.problems.some((p) => p.severity === 'error') || (r.answer !== null && isErrorAnswer(r.answer))) ? 1 : 0;
}

/** Reads and parses the template; anything that cannot be rendered is exit 2 with file:line:column. */
function readTemplate(argument: string): { file: TemplateFile; path: string } {
  const { file, path, shown } = loadTemplate(argument);
  if (!file.url) throw new CliError(`${shown}:1:1: the template has no "url" string; it is not a Braze webhook template`);
  return { file, path };
}

/** The rendered rules for one profile, as `lint` runs them (on the unredacted request; messages redact themselves). */
function renderedFindings(file: TemplateFile, request: RenderedRequest, config: LintConfig, salesforce: SalesforceSchema): Problem[] {
  return lintRendered(file, [request], allRules, config, salesforce);
}

function formatResults(results: RenderedProfile[], format: RenderOptions['format'], lineStarts: number[]): string {
  if (format === 'json') {
    const entries = results.map((r) => ({ ...toRenderJson(r.request, lineStarts, r.answer), problems: r.problems.map((p) => toLineColumnProblem(p, lineStarts)) }));
    return toInertJson(`${JSON.stringify(entries, null, 2)}\n`);
  }
  const blocks = results.map(({ profile, request, problems, answer }) => {
    const label = `Profile ${profile.ref.index}: ${profile.ref.label}`;
    if (format === 'curl') {
      const head = `# ${label}`;
      const command = request.aborted ? `# Aborted: ${request.aborted.reason} (Braze sends nothing)\n` : `${toCurl(request)}\n`;
      return `${head}\n${command}${answer ? `${toAnswerComment(answer)}\n` : ''}${problemsAsComments(problems, lineStarts)}`;
    }
    return toHttpDocument(request, label, answer) + problemsAsComments(problems, lineStarts);
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
