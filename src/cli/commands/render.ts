import { resolve } from 'node:path';
import {
  type Dependencies,
  type Problem,
  type Profile,
  type RenderedRequest,
  type SalesforceAnswer,
  allRules,
  collectSecrets,
  redactText,
  simulateSalesforceAnswer,
  toAnswerComment,
  lintRendered,
  lintStatic,
  offsetToLineColumn,
  redactRequest,
  renderProfile,
  toCurl,
  toRenderJson,
  toHttpDocument,
} from '../../core';
import { CliError } from '../cli-error';
import { loadMocks, loadProfiles, selectProfiles } from '../inputs';
import { makeContentBlockReader } from '../node-fs';
import { loadRunSchema } from '../salesforce';
import { loadTemplate } from '../template-input';
import { loadConfig } from './lint';
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
  /** `--describe` files: org describes that win over the config's. */
  describe?: string[];
  /** `--config FILE`; else braze-webhook.config.json in the current directory, when there is one. */
  config?: string;
}

/** `braze-webhook render`: prints the request Braze would send, per profile. Returns the exit code. */
export async function runRender(options: RenderOptions, write: (text: string) => void, warn: (text: string) => void = () => undefined): Promise<number> {
  const { file, path: templatePath, shown } = loadTemplate(options.template);
  if (!file.url) throw new CliError(`${shown}:1:1: the template has no "url" string; it is not a Braze webhook template`);
  const { config, configDir } = loadConfig(options.config);
  const salesforce = loadRunSchema({ flags: options.describe ?? [], config, configDir }, warn);
  const profiles = selectProfiles(options.profiles.length > 0 ? options.profiles.flatMap((path) => loadProfiles(resolve(path), warn)) : undefined, options.user);
  // Mocks and scenario as lint takes them (flags, else the config), so both give the same verdicts.
  const mocksPath = options.mocks ? resolve(options.mocks) : config.mocks ? resolve(configDir, config.mocks) : undefined;
  const mocks = loadMocks(mocksPath, options.scenario ?? config.scenario);
  const deps: Dependencies = { resolveConnectedContent: mocks.resolver, readContentBlock: makeContentBlockReader(templatePath) };
  // The same findings lint reports for each profile: static ones, then the rendered rules.
  const staticProblems = lintStatic(file, allRules, config, salesforce);
  const results: RenderResult[] = [];
  for (const profile of profiles) {
    const rendered = await renderProfile(file, profile, deps);
    const problems = [...staticProblems, ...lintRendered(file, [rendered], allRules, config, salesforce)];
    const answer = simulateSalesforceAnswer(rendered, { salesforce, mocks: mocks.rules, scenario: mocks.scenario });
    const secrets = options.revealSecrets ? [] : collectSecrets(rendered);
    results.push({ request: { ...redactRequest(rendered, { reveal: options.revealSecrets }), problems }, answer: answer && redactAnswer(answer, secrets) });
  }
  write(formatResults(results, profiles, options.format, file.lineStarts));
  const failing = results.some(({ request, answer }) => request.problems.some((p) => p.severity === 'error') || (answer !== null && isErrorAnswer(answer)));
  return failing ? 1 : 0;
}

/** One profile's rendered request (redacted, with its findings) and Salesforce's predicted answer. */
interface RenderResult {
  request: RenderedRequest;
  answer: SalesforceAnswer | null;
}

/** An answer that means the webhook failed: not sent, or not 2xx. */
function isErrorAnswer(answer: SalesforceAnswer): boolean {
  return answer.status < 200 || answer.status >= 300;
}

/** The answer's texts with the request's secrets replaced, as the request itself is. */
function redactAnswer(answer: SalesforceAnswer, secrets: string[]): SalesforceAnswer {
  if (secrets.length === 0) return answer;
  const safe = (text: string) => redactText(text, secrets);
  return { ...answer, body: safe(answer.body), summary: safe(answer.summary), caveats: answer.caveats.map(safe), conversions: answer.conversions.map(safe) };
}

function formatResults(results: RenderResult[], profiles: Profile[], format: RenderOptions['format'], lineStarts: number[]): string {
  if (format === 'json') return toInertJson(`${JSON.stringify(results.map((r) => toRenderJson(r.request, lineStarts, r.answer)), null, 2)}\n`);
  const blocks = results.map(({ request: r, answer }, i) => {
    const label = `Profile ${profiles[i].ref.index}: ${profiles[i].ref.label}`;
    if (format === 'curl') {
      const head = `# ${label}`;
      const command = r.aborted ? `${head}\n# Aborted: ${r.aborted.reason} (Braze sends nothing)\n` : `${head}\n${toCurl(r)}\n`;
      return command + (answer ? `${toAnswerComment(answer)}\n` : '') + problemsAsComments(r.problems, lineStarts);
    }
    return toHttpDocument(r, label, answer) + problemsAsComments(r.problems, lineStarts);
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

