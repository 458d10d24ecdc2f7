import { STANDARD_ATTRIBUTES } from './attributes';
import { EXPORT_FIELD_KINDS } from './export-fields';
import { toLiquidScope } from './liquid-scope';
import { parseProfiles } from './parse-profiles';

/**
 * Export field names that are not also Liquid names (`email`, `custom_attributes`, `external_id`,
 * `home_city` …): a context holding one is a Braze export user, not a Liquid scope.
 */
const EXPORT_ONLY_KEYS = new Set(Object.keys(EXPORT_FIELD_KINDS).filter((key) => !STANDARD_ATTRIBUTES.some((a) => a.tag === key)));

/** What a `--context` file gives the Liquid render. */
export type ContextScope =
  | { kind: 'liquid-scope' | 'braze-export'; scope: Record<string, unknown> }
  /** An export response or array with no user or several: which one to render is not known. */
  | { kind: 'not-one-user'; users: number };

/**
 * The Liquid scope for a JSON context (`braze-webhook liquid --context`). Two shapes are read:
 * - a Liquid scope, used as it is (`{"first_name": …, "custom_attribute": {…}}`);
 * - a Braze export user (`{"external_id": …, "email": …, "custom_attributes": {…}}`), the export
 *   response with one user, or an array of one user: mapped as a sample profile is
 *   (`toLiquidScope`), with the object's own keys kept as well so nothing written is lost.
 * A context with `custom_attribute` is always a Liquid scope. `text` is the JSON `value` came from.
 * https://www.braze.com/docs/api/endpoints/export/user_data/post_users_identifier
 */
export function contextToLiquidScope(text: string, value: unknown): ContextScope {
  const isArray = Array.isArray(value);
  const record = !isArray && typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : undefined;
  const isEnvelope = record !== undefined && Array.isArray(record.users);
  const isExportUser = record !== undefined && !isEnvelope && !Object.hasOwn(record, 'custom_attribute') && Object.keys(record).some((key) => EXPORT_ONLY_KEYS.has(key));
  if (!isArray && !isEnvelope && !isExportUser) return { kind: 'liquid-scope', scope: record ?? {} };
  const { profiles } = parseProfiles(text);
  if (profiles.length !== 1) return { kind: 'not-one-user', users: profiles.length };
  const mapped = toLiquidScope(profiles[0]);
  return { kind: 'braze-export', scope: isExportUser ? { ...record, ...mapped } : mapped };
}
