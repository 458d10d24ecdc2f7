import { toTerminalSafe } from '../terminal';
import type { FileReport } from './types';

/**
 * ESLint-style text: a block per file with problems, then a one-line summary. `unreadable` counts
 * the inputs that could not be read (missing, unreadable, or a folder with no template): then the
 * summary fails, whatever was found in the rest.
 */
export function formatText(reports: readonly FileReport[], unreadable = 0): string {
  const lines: string[] = [];
  const count = { error: 0, warning: 0, info: 0 };
  for (const report of reports) {
    if (report.problems.length === 0) continue;
    lines.push(report.file);
    for (const p of report.problems) {
      count[p.severity as keyof typeof count]++;
      const where = `${p.line}:${p.column}`.padEnd(8);
      lines.push(`  ${where}${p.severity.padEnd(9)}${p.message}  ${p.ruleId}`);
    }
    lines.push('');
  }
  const total = count.error + count.warning + count.info;
  const files = `${reports.length} file${reports.length === 1 ? '' : 's'}`;
  const found = `${total} problem${total === 1 ? '' : 's'} (${count.error} error${count.error === 1 ? '' : 's'}, ${count.warning} warning${count.warning === 1 ? '' : 's'}, ${count.info} info) in ${files}`;
  if (unreadable > 0) {
    lines.push(`✖ ${unreadable} input error${unreadable === 1 ? '' : 's'} (see above); ${total === 0 ? `${files} linted` : found}`);
  } else {
    lines.push(total === 0 ? `✔ ${files} linted, no problems` : `✖ ${found}`);
  }
  return toTerminalSafe(`${lines.join('\n')}\n`);
}
