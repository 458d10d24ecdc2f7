import type { Profile } from '../profile';
import { renderProfile } from '../request/render-profile';
import type { RenderedRequest } from '../request/rendered-request';
import type { SalesforceSchema } from '../salesforce/model';
import type { TemplateFile } from '../template/template-file';
import type { Dependencies, Problem } from '../types';
import { lintRendered, lintStatic, sortProblems } from './linter';
import type { LintConfig, RuleDefinition } from './types';

export interface LintOptions {
  rules: readonly RuleDefinition[];
  config?: LintConfig;
  /** Sample profiles; rendered-request rules run only when some are given. */
  profiles?: readonly Profile[];
  /** Needed with profiles: the connected_content resolver (fixtures) and content blocks. */
  deps?: Dependencies;
  /** What the run knows of Salesforce sObjects (built-in Lead model, org describes). */
  salesforce?: SalesforceSchema;
}

export interface LintResult {
  problems: Problem[];
  /** The rendered request per profile (empty without profiles), for previews. */
  requests: RenderedRequest[];
}

/**
 * Static rules always; rendered-request rules for each profile when profiles are given and the
 * file parses (a broken file renders nothing useful).
 */
export async function lintTemplate(file: TemplateFile, options: LintOptions): Promise<LintResult> {
  const staticProblems = lintStatic(file, options.rules, options.config, options.salesforce);
  const rendered = await lintProfiles(file, options);
  return { problems: sortProblems([...staticProblems, ...rendered.problems]), requests: rendered.requests };
}

/**
 * Only the rendered-request part: renders each profile and runs the rendered rules. For callers
 * that already have the static problems (the editor publishes those first).
 */
export async function lintProfiles(file: TemplateFile, options: LintOptions): Promise<LintResult> {
  if (!options.profiles?.length || !options.deps || file.syntaxErrors.length > 0 || !file.url) {
    return { problems: [], requests: [] };
  }
  const requests: RenderedRequest[] = [];
  for (const profile of options.profiles) requests.push(await renderProfile(file, profile, options.deps));
  return { problems: lintRendered(file, requests, options.rules, options.config, options.salesforce), requests };
}
