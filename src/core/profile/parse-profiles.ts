import type { Node } from 'jsonc-parser';
import type { OffsetRange, ProfileRef } from '../types';
import {
  createProblemList,
  type FileProblem,
  memberValue,
  objectMembers,
  ownValue,
  type ProblemList,
  problemAt,
  toJsonValue,
} from '../util/file-problem';
import { parseJsonTree } from '../util/json-tree';
import { stripBom } from '../util/positions';
import { closestName } from './did-you-mean';
import {
  EXPORT_FIELD_KINDS,
  type JsonKind,
  LIQUID_NAMES_MISUSED_AS_FIELDS,
  MESSAGE_CONTEXT_KEYS,
  MESSAGE_CONTEXT_KINDS,
} from './export-fields';

/** A problem in a `*.braze-profiles.json` file (raw offsets, see FileProblem). */
export type ProfileProblem = FileProblem;

/** One sample user, read from a `*.braze-profiles.json` file. */
export interface Profile {
  /**
   * 1-based position of the user in the file (in `users`, in the top-level array, or 1 for a
   * single user object). Entries that are not objects are skipped but still counted, so "#3"
   * always means the third entry a person sees in the file.
   */
  index: number;
  /** The user object exactly as written, in Braze export field names. */
  user: Record<string, unknown>;
  /** Identifies this user in problems and pickers. */
  ref: ProfileRef;
  /** Raw offsets of this user's `{…}` in the file. */
  range: OffsetRange;
}

/** Result of `parseProfiles`. `profiles` holds every usable user even when there are problems. */
export interface ParsedProfiles {
  profiles: Profile[];
  problems: ProfileProblem[];
}

/** Keys that identify a Braze export envelope or error response rather than a user. */
const ENVELOPE_KEYS = new Set(['message', 'errors', 'users', 'invalid_user_ids']);

/**
 * Reads sample users from a `*.braze-profiles.json` file: what Braze's `POST /users/export/ids`
 * returns (https://www.braze.com/docs/api/endpoints/export/user_data/post_users_identifier), as
 * the whole response `{"message":"success","users":[…]}`, the `users` array, or one user object.
 *
 * Never throws. A leading BOM is stripped and every offset points into the text *without* it
 * (types.ts convention), so offsets are the same with or without a BOM. Syntax errors are
 * reported and the users jsonc-parser could recover are still returned, so a preview keeps
 * working while a file is being typed; callers that need certainty treat any `error` problem as
 * fatal. Documents nested deeper than MAX_JSON_DEPTH are refused whole (one error, no users).
 */
export function parseProfiles(text: string): ParsedProfiles {
  const source = stripBom(text);
  const { root, errors } = parseJsonTree(source);
  const problems = createProblemList();
  for (const error of errors) {
    problems.report({ code: 'json-syntax', severity: 'error', ...error });
  }
  const profiles: Profile[] = [];
  if (root) {
    const seenExternalIds = new Map<string, number>();
    for (const entry of findUserNodes(root, problems)) {
      const profile = readUser(entry.node, entry.index, problems);
      if (!profile) continue;
      reportDuplicateExternalId(profile, entry.node, seenExternalIds, problems);
      profiles.push(profile);
    }
  }
  return { profiles, problems: problems.finish() };
}

interface UserEntry {
  node: Node;
  index: number;
}

/** The nodes that should be users, according to which of the three shapes the file has. */
function findUserNodes(root: Node, problems: ProblemList): UserEntry[] {
  if (root.type === 'array') return arrayEntries(root);
  if (root.type !== 'object') {
    problems.report(
      problemAt(
        root,
        'not-profiles',
        'error',
        `Expected a Braze user export: {"message": "success", "users": [...]}, an array of users, or one user object; found a ${root.type}.`,
      ),
    );
    return [];
  }
  const users = memberValue(root, 'users');
  if (users) return readEnvelope(root, users, problems);
  if (isErrorResponse(root)) {
    reportErrorResponse(root, problems);
    return [];
  }
  return [{ node: root, index: 1 }];
}

function arrayEntries(array: Node): UserEntry[] {
  return (array.children ?? []).map((node, i) => ({ node, index: i + 1 }));
}

/** The `{"message": "success", "users": [...], "invalid_user_ids": [...]}` response. */
function readEnvelope(root: Node, users: Node, problems: ProblemList): UserEntry[] {
  const message = memberValue(root, 'message');
  if (message?.type === 'string' && message.value !== 'success') {
    problems.report(
      problemAt(message, 'export-message', 'warning', `Braze answered "${message.value}" rather than "success"; check the users below.`),
    );
  }
  reportInvalidUserIds(memberValue(root, 'invalid_user_ids'), problems);
  if (users.type !== 'array') {
    problems.report(problemAt(users, 'wrong-type', 'error', `"users" must be an array of user objects, not a ${users.type}.`));
    return [];
  }
  if (!users.children?.length) {
    problems.report(
      problemAt(users, 'no-users', 'warning', 'This export has no users, so there is nothing to preview. Check "invalid_user_ids".'),
    );
  }
  return arrayEntries(users);
}

/** `invalid_user_ids` lists the ids Braze could not find; worth knowing, not an error. */
function reportInvalidUserIds(node: Node | undefined, problems: ProblemList): void {
  if (node?.type !== 'array' || !node.children?.length) return;
  const ids = node.children.slice(0, 5).map((child) => JSON.stringify(toJsonValue(child)));
  const more = node.children.length > 5 ? ` and ${node.children.length - 5} more` : '';
  problems.report(problemAt(node, 'invalid-user-ids', 'info', `Braze found no user for ${ids.join(', ')}${more}.`));
}

/**
 * Braze error bodies look like `{"message": "Invalid API key"}` or `{"message": …, "errors": […]}`
 * (https://www.braze.com/docs/api/errors). An object with such keys and no user field is one.
 */
function isErrorResponse(root: Node): boolean {
  const keys = objectMembers(root).map((member) => member.key);
  if (keys.includes('errors')) return true;
  return keys.includes('message') && keys.every((key) => ENVELOPE_KEYS.has(key) || !Object.hasOwn(EXPORT_FIELD_KINDS, key));
}

function reportErrorResponse(root: Node, problems: ProblemList): void {
  const message = memberValue(root, 'message');
  const errors = memberValue(root, 'errors');
  const reason = describeErrorReason(message, errors);
  problems.report(
    problemAt(
      message ?? errors ?? root,
      'error-response',
      'error',
      `This is a Braze error response${reason}, not user profiles. Save the body of a successful POST /users/export/ids call ({"message": "success", "users": [...]}), its "users" array, or one user object.`,
    ),
  );
}

function describeErrorReason(message: Node | undefined, errors: Node | undefined): string {
  if (message?.type === 'string') return ` ("${message.value}")`;
  const first = errors?.children?.[0];
  if (first?.type === 'string') return ` ("${first.value}")`;
  const firstMessage = first ? memberValue(first, 'message') : undefined;
  if (firstMessage?.type === 'string') return ` ("${firstMessage.value}")`;
  return '';
}

/** Builds a Profile from one user node, reporting type problems; undefined when unusable. */
function readUser(node: Node, index: number, problems: ProblemList): Profile | undefined {
  if (node.type !== 'object') {
    problems.report(problemAt(node, 'not-an-object', 'warning', `Entry #${index} is a ${node.type}, not a user object; it is skipped.`));
    return undefined;
  }
  checkUserFields(node, problems);
  const user = toJsonValue(node) as Record<string, unknown>;
  return { index, user, ref: toProfileRef(user, index), range: { start: node.offset, end: node.offset + node.length } };
}

/** Label: external_id, else email, else braze_id, else `#<index>` (ProfileRef contract). */
function toProfileRef(user: Record<string, unknown>, index: number): ProfileRef {
  const externalId = nonEmptyString(user.external_id);
  const label = externalId ?? nonEmptyString(user.email) ?? nonEmptyString(user.braze_id) ?? `#${index}`;
  return externalId === undefined ? { index, label } : { index, external_id: externalId, label };
}

function nonEmptyString(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function checkUserFields(user: Node, problems: ProblemList): void {
  for (const { key, keyNode, valueNode } of objectMembers(user)) {
    if (!valueNode) continue;
    const kinds = ownValue(EXPORT_FIELD_KINDS, key);
    if (kinds) checkKind(valueNode, kinds, `"${key}"`, problems);
    if (key === 'message_context' && valueNode.type === 'object') checkMessageContext(valueNode, problems);
    reportMisplacedKey(key, keyNode, problems);
  }
}

/** Warns when a value has the wrong JSON type; `null` is how the export writes "unset". */
function checkKind(node: Node, kinds: readonly JsonKind[], what: string, problems: ProblemList): void {
  if (node.type === 'null' || (kinds as readonly string[]).includes(node.type)) return;
  problems.report(
    problemAt(
      node,
      'wrong-type',
      'warning',
      `${what} should be ${kinds.map(withArticle).join(' or ')} (as in a Braze export), not ${withArticle(node.type)}.`,
    ),
  );
}

function withArticle(kind: string): string {
  return /^[aeiou]/.test(kind) ? `an ${kind}` : `a ${kind}`;
}

/** Liquid tag names used as export fields, and message-context keys outside `message_context`. */
function reportMisplacedKey(key: string, keyNode: Node, problems: ProblemList): void {
  const exportName = ownValue(LIQUID_NAMES_MISUSED_AS_FIELDS, key);
  if (exportName) {
    problems.report(
      problemAt(
        keyNode,
        'liquid-name-as-field',
        'warning',
        `"${key}" is a Liquid tag name, not an export field: the preview ignores it. Braze exports this value as "${exportName}".`,
      ),
    );
  } else if (MESSAGE_CONTEXT_KEYS.includes(key)) {
    problems.report(
      problemAt(
        keyNode,
        'belongs-in-message-context',
        'warning',
        `"${key}" is not part of a Braze export, so the preview ignores it here; move it into "message_context".`,
      ),
    );
  }
}

function checkMessageContext(context: Node, problems: ProblemList): void {
  for (const { key, keyNode, valueNode } of objectMembers(context)) {
    const kinds = ownValue(MESSAGE_CONTEXT_KINDS, key);
    if (!kinds) {
      const guess = closestName(key, MESSAGE_CONTEXT_KEYS);
      const hint = guess ? ` Did you mean "${guess}"?` : ` Known keys: ${MESSAGE_CONTEXT_KEYS.join(', ')}.`;
      problems.report(problemAt(keyNode, 'unknown-message-context-key', 'warning', `Unknown message_context key "${key}".${hint}`));
    } else if (valueNode) {
      checkKind(valueNode, kinds, `message_context "${key}"`, problems);
    }
  }
}

function reportDuplicateExternalId(
  profile: Profile,
  node: Node,
  seen: Map<string, number>,
  problems: ProblemList,
): void {
  const id = profile.ref.external_id;
  if (id === undefined) return;
  const first = seen.get(id);
  if (first === undefined) {
    seen.set(id, profile.index);
    return;
  }
  const idNode = memberValue(node, 'external_id') ?? node;
  problems.report(
    problemAt(idNode, 'duplicate-external-id', 'warning', `external_id "${id}" is also used by user #${first}; labels will be ambiguous.`),
  );
}
