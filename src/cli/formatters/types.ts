import type { LineColumnProblem } from '../../core';

/** One linted file as the formatters see it: 1-based positions, clean files included. */
export interface FileReport {
  /** Path as shown to the user (relative to the current directory when possible). */
  file: string;
  problems: Array<LineColumnProblem & { profile?: string }>;
}
