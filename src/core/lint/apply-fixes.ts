import type { Problem, TextEdit } from '../types';

export interface FixResult {
  text: string;
  /** Problems whose fix was applied. */
  applied: Problem[];
}

/**
 * Applies the safe fixes of `problems` to `text`. A fix whose edits overlap an already chosen
 * fix is skipped (the next lint pass picks it up), as ESLint does.
 */
export function applyFixes(text: string, problems: readonly Problem[]): FixResult {
  const chosen: Array<{ problem: Problem; edits: TextEdit[] }> = [];
  const taken: Array<[number, number]> = [];
  const overlaps = (e: TextEdit) => taken.some(([s, t]) => e.startIndex < t && s < e.endIndex || (e.startIndex === e.endIndex && e.startIndex > s && e.startIndex < t));
  for (const problem of problems) {
    const edits = problem.fix?.edits;
    if (!edits?.length || edits.some(overlaps)) continue;
    chosen.push({ problem, edits });
    for (const e of edits) taken.push([e.startIndex, e.endIndex]);
  }
  const allEdits = chosen.flatMap((c) => c.edits).sort((a, b) => b.startIndex - a.startIndex || b.endIndex - a.endIndex);
  let result = text;
  for (const edit of allEdits) result = result.slice(0, edit.startIndex) + edit.insert + result.slice(edit.endIndex);
  return { text: result, applied: chosen.map((c) => c.problem) };
}

/** The text to insert inside a JSON string literal so that it decodes to `text`. */
export function toJsonStringContent(text: string): string {
  return JSON.stringify(text).slice(1, -1);
}
