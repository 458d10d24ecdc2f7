import type { Node } from 'jsonc-parser';
import type { Severity } from '../types';

/**
 * A problem found while reading a data file (sample profiles, connected_content mocks).
 * Offsets are 0-based indices into the raw file text *without* a leading BOM, end exclusive,
 * the same convention as `Problem` in types.ts, so adapters convert both the same way.
 */
export interface FileProblem {
  /** Stable kebab-case identifier of the kind of problem, e.g. `json-syntax`, `wrong-type`. */
  code: string;
  severity: Severity;
  message: string;
  startIndex: number;
  endIndex: number;
}

/** Most problems one file reports; a hostile file with 100k bad entries must stay readable. */
export const MAX_FILE_PROBLEMS = 200;

/** Collects problems up to a limit, then summarises the rest in one final `info` problem. */
export interface ProblemList {
  report(problem: FileProblem): void;
  /** The collected problems, sorted by offset, plus the "N more" summary when capped. */
  finish(): FileProblem[];
}

/** Creates a capped problem list (see MAX_FILE_PROBLEMS). */
export function createProblemList(limit = MAX_FILE_PROBLEMS): ProblemList {
  const problems: FileProblem[] = [];
  let dropped = 0;
  return {
    report(problem) {
      if (problems.length < limit) problems.push(problem);
      else dropped++;
    },
    finish() {
      const sorted = [...problems].sort((a, b) => a.startIndex - b.startIndex);
      if (dropped > 0) {
        sorted.push({
          code: 'too-many-problems',
          severity: 'info',
          message: `${dropped} more problem(s) not shown; fix the ones above first.`,
          startIndex: 0,
          endIndex: 0,
        });
      }
      return sorted;
    },
  };
}

/** A problem whose range covers one JSON node. */
export function problemAt(node: Node, code: string, severity: Severity, message: string): FileProblem {
  return { code, severity, message, startIndex: node.offset, endIndex: node.offset + node.length };
}

/** One `"key": value` member of a JSON object node, in file order. */
export interface JsonMember {
  key: string;
  keyNode: Node;
  /** Undefined when the file is malformed (`"key":` with no value). */
  valueNode: Node | undefined;
}

/** Members of an object node in file order (empty for any other node). */
export function objectMembers(node: Node): JsonMember[] {
  if (node.type !== 'object') return [];
  const members: JsonMember[] = [];
  for (const property of node.children ?? []) {
    const [keyNode, valueNode] = property.children ?? [];
    if (keyNode?.type !== 'string') continue;
    members.push({ key: String(keyNode.value), keyNode, valueNode });
  }
  return members;
}

/** Value node of the member named `key`; the last one wins, as with `JSON.parse`. */
export function memberValue(node: Node, key: string): Node | undefined {
  const members = objectMembers(node);
  for (let i = members.length - 1; i >= 0; i--) {
    if (members[i].key === key) return members[i].valueNode;
  }
  return undefined;
}

/**
 * The plain value of a JSON node, like jsonc-parser's `getNodeValue`, except that every key
 * becomes an own property: `"__proto__"` in a file stays data instead of replacing the
 * prototype. Members without a value (malformed files) are left out. Recursion is bounded by
 * the depth guard of `parseJsonTree`.
 */
export function toJsonValue(node: Node): unknown {
  switch (node.type) {
    case 'object': {
      const value: Record<string, unknown> = {};
      for (const member of objectMembers(node)) {
        if (member.valueNode) defineOwn(value, member.key, toJsonValue(member.valueNode));
      }
      return value;
    }
    case 'array':
      return (node.children ?? []).map(toJsonValue);
    default:
      return node.value;
  }
}

function defineOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

/** `record[key]` only when it is an own property (never `constructor`, `toString`…). */
export function ownValue<T>(record: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}
