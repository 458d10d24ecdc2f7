import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { type Dependencies, type Explanation, explainSalesforceError, offsetToLineColumn } from '../../core';
import { loadRunInputs } from '../inputs';
import { makeContentBlockReader, readTextFile } from '../node-fs';
import { toInertJson, toTerminalSafe } from '../terminal';
import { loadTemplate } from '../template-input';

export interface ExplainOptions {
  template: string;
  /** A file with the error body or the log line, or `-` for standard input. */
  error: string;
  profiles: string[];
  mocks?: string;
  scenario?: string;
  describe?: string[];
  config?: string;
  format: 'text' | 'json';
}

/**
 * `braze-webhook explain`: maps each error of a Salesforce error body (or a Braze Message Activity
 * Log line holding one) to the template text that produced it, with the sample profiles that
 * reproduce it and the fix. Exit 0 when an error was explained, 2 when the input holds none.
 */
export async function runExplain(options: ExplainOptions, write: (text: string) => void, warn: (text: string) => void, readStdin: () => string = () => readFileSync(0, 'utf8')): Promise<number> {
  const { file, path: templatePath, shown } = loadTemplate(options.template);
  const input = options.error === '-' ? readStdin() : readTextFile(resolve(options.error));
  const { salesforce, profiles, resolver, mocks, scenario } = loadRunInputs(options, warn);
  const deps: Dependencies = { resolveConnectedContent: resolver, readContentBlock: makeContentBlockReader(templatePath) };
  const explanation = await explainSalesforceError(file, input, { salesforce, profiles, deps, mocks, scenario });
  if (explanation.problem) {
    warn(`braze-webhook: ${options.error === '-' ? 'standard input' : options.error}: ${explanation.problem}\n`);
    return 2;
  }
  write(options.format === 'json' ? toInertJson(`${JSON.stringify(toJson(explanation, file.lineStarts, shown), null, 2)}\n`) : toTerminalSafe(toText(explanation, file.lineStarts, shown, profiles.length)));
  return 0;
}

function position(lineStarts: readonly number[], offset: number): string {
  const at = offsetToLineColumn(lineStarts, offset);
  return `${at.line}:${at.column}`;
}

function toText(explanation: Explanation, lineStarts: readonly number[], template: string, profileCount: number): string {
  const count = explanation.errors.length;
  const lines = [`${explanation.status ? `${explanation.status} from Salesforce: ` : ''}${count} error${count === 1 ? '' : 's'}`];
  explanation.errors.forEach((e, i) => {
    lines.push('', `${i + 1}. ${e.error.errorCode}${e.error.message ? ` — ${e.error.message}` : ''}${e.error.fields?.length ? ` (fields: ${e.error.fields.join(', ')})` : ''}`);
    for (const location of e.locations) lines.push(`   at ${template}:${position(lineStarts, location.range.start)} (${location.what})`);
    if (e.locations.length === 0) lines.push('   at: no place in this template produces it (it comes from the org or the token call)');
    lines.push(`   means: ${e.meaning}`);
    if (e.fix) lines.push(`   fix: ${e.fix}`);
    if (profileCount === 0) lines.push('   reproduced by: give --profiles to find the sample users it happens for');
    else lines.push(`   reproduced by: ${e.reproducedBy.length > 0 ? e.reproducedBy.map((p) => `profile ${p.index} (${p.label})`).join(', ') : `none of the ${profileCount} sample profiles`}`);
  });
  return `${lines.join('\n')}\n`;
}

function toJson(explanation: Explanation, lineStarts: readonly number[], template: string): unknown {
  return {
    status: explanation.status ?? null,
    errors: explanation.errors.map((e) => ({
      errorCode: e.error.errorCode,
      message: e.error.message,
      fields: e.error.fields ?? [],
      meaning: e.meaning,
      fix: e.fix ?? null,
      locations: e.locations.map((l) => {
        const start = offsetToLineColumn(lineStarts, l.range.start);
        const end = offsetToLineColumn(lineStarts, l.range.end);
        return { file: template, line: start.line, column: start.column, endLine: end.line, endColumn: end.column, what: l.what };
      }),
      reproducedBy: e.reproducedBy.map((p) => ({ index: p.index, label: p.label })),
    })),
  };
}
