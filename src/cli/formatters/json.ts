import { toInertJson } from '../terminal';
import type { FileReport } from './types';

/** `[{file, problems: [{ruleId, severity, message, line, column, endLine, endColumn, profile?}]}]`. */
export function formatJson(reports: readonly FileReport[]): string {
  return toInertJson(`${JSON.stringify(reports, null, 2)}\n`);
}
