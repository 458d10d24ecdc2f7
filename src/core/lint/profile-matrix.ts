import type { RenderedRequest } from '../request/rendered-request';
import type { BrazeOutcome, SalesforceAnswer } from '../salesforce/simulate';
import type { Problem, ProfileRef, Severity } from '../types';
import { groupAcrossProfiles, sortProblems } from './linter';

/**
 * Where a sample profile comes from: the user's own files, or the built-in edge cases the
 * product adds (quotes, emoji, missing LastName…). The user's own come first everywhere.
 */
export type ProfileGroup = 'workspace' | 'builtIn';

/** One profile rendered once: its request and the rendered-rule findings for it (unmerged). */
export interface ProfileRun {
  profile: ProfileRef;
  group: ProfileGroup;
  request: RenderedRequest;
  /** Rendered-rule problems for this profile only, with the rule's own message. */
  problems: readonly Problem[];
  /**
   * Salesforce's predicted answer to this profile's webhook (`simulateSalesforceAnswer`), redacted
   * as the request is; null when there is none (aborted, not a Salesforce sObject URL); absent when
   * the caller did not simulate.
   */
  answer?: SalesforceAnswer | null;
}

/**
 * What happens to the request for one profile, as one row of the matrix shows it. A
 * discriminated union: a new source of truth (e.g. the simulated Salesforce answer) adds a kind
 * and a `ProfileStatusSource` that produces it; views switch over `kind`.
 */
export type ProfileStatus =
  /** No finding for this profile. */
  | { kind: 'clean' }
  /** The worst finding for this profile decides. */
  | { kind: 'findings'; worst: Severity }
  /** `abort_message` ran: Braze sends nothing for this user (not a failure by itself). */
  | { kind: 'aborted'; reason: string }
  /**
   * Salesforce's predicted answer decides (`statusFromAnswer`): its status, the error codes of its
   * body, what Braze does with it (`note`: one sentence), and the worst finding, if any.
   */
  | { kind: 'answered'; status: number; errorCodes: string[]; braze: BrazeOutcome; note: string; worst?: Severity };

/** Decides a row's status from its run. */
export type ProfileStatusSource = (run: ProfileRun) => ProfileStatus;

const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Today's status source: an error outranks an abort, an abort outranks warnings and infos. */
export const statusFromFindings: ProfileStatusSource = (run) => {
  const worst = worstSeverity(run.problems);
  if (worst === 'error') return { kind: 'findings', worst };
  if (run.request.aborted) return { kind: 'aborted', reason: run.request.aborted.reason };
  return worst ? { kind: 'findings', worst } : { kind: 'clean' };
};

/**
 * The simulation's status source: a row with a predicted answer shows it (status, error codes,
 * retried or dropped); a row without one (aborted, not a Salesforce URL, not simulated) keeps
 * `statusFromFindings`.
 */
export const statusFromAnswer: ProfileStatusSource = (run) => {
  if (!run.answer) return statusFromFindings(run);
  const worst = worstSeverity(run.problems);
  const { status, braze, brazeNote } = run.answer;
  const errorCodes = [...new Set(run.answer.errors.map((e) => e.errorCode))];
  return { kind: 'answered', status, errorCodes, braze, note: brazeNote, ...(worst ? { worst } : {}) };
};

/** A status whose answer means the webhook failed: not sent (0) or not 2xx. */
export function isErrorStatus(status: ProfileStatus): boolean {
  return status.kind === 'answered' && (status.status < 200 || status.status >= 300);
}

function worstSeverity(problems: readonly Problem[]): Severity | undefined {
  return [...problems].sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity])[0]?.severity;
}

export interface MatrixRow {
  profile: ProfileRef;
  group: ProfileGroup;
  status: ProfileStatus;
  /** Findings for this profile by severity (rendered rules only; static ones apply to every row). */
  counts: Record<Severity, number>;
}

/** A finding listed once, with every profile that triggers it. */
export interface MatrixFinding {
  problem: Problem;
  profiles: ProfileRef[];
  /** True when at least one of the user's own profiles triggers it (the editor reports those). */
  affectsWorkspace: boolean;
}

export interface ProfileMatrix {
  /** The user's profiles first, then the built-in ones, each in its given order. */
  rows: MatrixRow[];
  /** In file order; each once. */
  findings: MatrixFinding[];
}

/**
 * The matrix of a template over its sample profiles: one row per profile with a status and
 * counts, and each distinct finding once with the profiles it affects. The findings that affect
 * a workspace profile are exactly what the editor's diagnostics report for those profiles (same
 * merge key), so counts in the preview, the CodeLens and the Problems panel agree.
 */
export function buildProfileMatrix(runs: readonly ProfileRun[], statusOf: ProfileStatusSource = statusFromFindings): ProfileMatrix {
  const ordered = [...runs.filter((r) => r.group === 'workspace'), ...runs.filter((r) => r.group === 'builtIn')];
  const rows = ordered.map((run): MatrixRow => {
    const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
    for (const p of run.problems) counts[p.severity]++;
    return { profile: run.profile, group: run.group, status: statusOf(run), counts };
  });
  const workspace = new Set(ordered.filter((r) => r.group === 'workspace').map((r) => r.profile.index));
  const grouped = groupAcrossProfiles(ordered.flatMap((r) => r.problems.map((p) => ({ ...p, profile: r.profile }))));
  const order = new Map(sortProblems(grouped.map((g) => g.problem)).map((p, i) => [p, i]));
  const findings = grouped
    .map(({ problem, profiles }): MatrixFinding => ({ problem, profiles, affectsWorkspace: profiles.some((p) => workspace.has(p.index)) }))
    .sort((a, b) => (order.get(a.problem) ?? 0) - (order.get(b.problem) ?? 0));
  return { rows, findings };
}
