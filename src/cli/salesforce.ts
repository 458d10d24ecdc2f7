import { resolve } from 'node:path';
import leadModel from '../../data/salesforce/lead.json';
import { type LintConfig, type SalesforceSchema, computeLineStarts, loadSalesforceSchema, offsetToLineColumn, withoutByteOrderMark } from '../core';
import { displayPath, readTextFile } from './node-fs';

/** The built-in sObject models, bundled into the CLI (the extension reads the same file from its folder, ADR 008). */
export const BUILT_IN_MODELS: readonly unknown[] = [leadModel];

/** Where the org describes of a run come from: `--describe` files win over the config's for the same sObject. */
export interface DescribeSources {
  /** `--describe FILE` values, as given. */
  flags: readonly string[];
  config: LintConfig;
  /** Directory the config's relative paths start from. */
  configDir: string;
}

/**
 * The Salesforce schema of a CLI run: the built-in models plus the org describes of the config
 * (`salesforce.describe`) and of `--describe`. A describe file that cannot be read is an input
 * error (exit 2, like a missing profiles file); one that is not a usable describe is reported on
 * `warn` with its position and left out, so the built-in model of its sObject stays in force.
 */
export function loadRunSchema(sources: DescribeSources, warn: (text: string) => void): SalesforceSchema {
  const fromConfig = Object.entries(sources.config.salesforce?.describe ?? {}).map(([sobject, path]) => ({ path: resolve(sources.configDir, path), expected: sobject }));
  const fromFlags = sources.flags.map((path) => ({ path: resolve(path), expected: undefined }));
  const files = [...fromConfig, ...fromFlags].map(({ path, expected }) => ({ file: displayPath(path), text: readTextFile(path), expected }));
  const { schema, problems, used } = loadSalesforceSchema({ builtIn: BUILT_IN_MODELS, org: files });
  for (const problem of problems) {
    const text = files.find((f) => f.file === problem.file)?.text ?? '';
    const at = offsetToLineColumn(computeLineStarts(withoutByteOrderMark(text)), problem.startIndex);
    const fallback = problem.severity === 'error' ? ' The file is not used; the built-in model stays in force.' : '';
    warn(`braze-webhook: ${problem.file}:${at.line}:${at.column}: ${problem.severity}: ${problem.message}${fallback}\n`);
  }
  for (const { file, sobject } of used) {
    const expected = files.find((f) => f.file === file)?.expected;
    if (expected && expected.toLowerCase() !== sobject.toLowerCase()) {
      warn(`braze-webhook: ${file}: the config names it the describe of ${expected}, but it describes ${sobject}; it is used for ${sobject}.\n`);
    }
  }
  return schema;
}

/** The schema of a run without org describes: the built-in Lead model. */
export function builtInSchema(): SalesforceSchema {
  builtIn ??= loadSalesforceSchema({ builtIn: BUILT_IN_MODELS }).schema;
  return builtIn;
}
let builtIn: SalesforceSchema | undefined;
