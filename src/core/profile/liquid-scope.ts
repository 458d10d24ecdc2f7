import { MESSAGE_CONTEXT_KEYS } from './export-fields';
import type { Profile } from './parse-profiles';

/**
 * Standard tags that are one export field under another name (domain.md §5). Braze publishes no
 * such table; the pairs follow the names in "Supported personalization tags" and the export docs.
 */
const RENAMED_FIELDS: ReadonlyArray<readonly [tag: string, exportField: string]> = [
  ['user_id', 'external_id'],
  ['braze_id', 'braze_id'],
  ['first_name', 'first_name'],
  ['last_name', 'last_name'],
  ['email_address', 'email'],
  ['phone_number', 'phone'],
  ['city', 'home_city'],
  ['country', 'country'],
  ['date_of_birth', 'dob'],
  ['language', 'language'],
  ['time_zone', 'time_zone'],
  ['gender', 'gender'],
  ['random_bucket_number', 'random_bucket'],
];

/** Export `devices[]` keys that `most_recently_used_device` exposes under the same or another name. */
const DEVICE_FIELDS: ReadonlyArray<readonly [liquidKey: string, exportKey: string]> = [
  ['id', 'device_id'],
  ['carrier', 'carrier'],
  ['model', 'model'],
  ['os', 'os'],
  ['idfa', 'idfa'],
  ['google_ad_id', 'google_ad_id'],
  ['roku_ad_id', 'roku_ad_id'],
  ['ad_tracking_enabled', 'ad_tracking_enabled'],
];

/** `os` prefixes → Braze's `platform` values (ios, android, kindle, android_china, web, tvos). */
const PLATFORM_BY_OS: ReadonlyArray<readonly [RegExp, string]> = [
  [/^(ios|ipados)\b/i, 'ios'],
  [/^tvos\b/i, 'tvos'],
  [/^android\b/i, 'android'],
  [/^fire ?os\b/i, 'kindle'],
];

/**
 * The Liquid scope Braze would build for this user: keys are the names used in templates
 * (`first_name` for `{{${first_name}}}`, `custom_attribute` for `{{custom_attribute.${x}}}`).
 *
 * - Renamed export fields map as in RENAMED_FIELDS (`user_id` ← `external_id`, `city` ← `home_city`…).
 * - `most_recent_app_version` / `last_used_app_date` come from the `apps[]` entry with the latest
 *   `last_used` (earliest entry wins ties; `apps[0]` when no date parses).
 * - `custom_attribute` is `custom_attributes` as written, nested objects kept for dotted paths.
 * - Everything in `message_context` is copied under its own name.
 * - `most_recently_used_device`: `message_context.most_recently_used_device`, else derived from
 *   `devices[0]`. Assumption: Braze does not document the order of `devices[]`; we take the first
 *   entry as the most recent. `platform` is inferred from `os` (e.g. "iOS 17.2" → `ios`) and left
 *   out when unclear; `browser` and `foreground_push_enabled` have no export field.
 * - `subscribed_state.email_global` falls back to the export's `email_subscribe` (both use
 *   `opted_in` / `subscribed` / `unsubscribed`; inferred, not documented as the same value).
 *
 * Missing and `null` fields are absent, so Liquid renders them empty and `| default:` applies.
 * Nested values are shared with `profile.user`; treat the scope as read-only.
 */
export function toLiquidScope(profile: Profile): Record<string, unknown> {
  const user = profile.user;
  const scope: Record<string, unknown> = {};
  for (const [tag, field] of RENAMED_FIELDS) setPresent(scope, tag, own(user, field));
  Object.assign(scope, appAttributes(own(user, 'apps')));
  if (isPlainObject(own(user, 'custom_attributes'))) scope.custom_attribute = own(user, 'custom_attributes');

  const context = own(user, 'message_context');
  if (isPlainObject(context)) {
    for (const key of MESSAGE_CONTEXT_KEYS) setPresent(scope, key, own(context, key));
  }
  if (scope.most_recently_used_device === undefined) {
    setPresent(scope, 'most_recently_used_device', deviceFromExport(own(user, 'devices')));
  }
  setPresent(scope, 'subscribed_state', subscribedState(scope.subscribed_state, own(user, 'email_subscribe')));
  return scope;
}

/** `most_recent_app_version` and `last_used_app_date` from the most recently used app. */
function appAttributes(apps: unknown): Record<string, unknown> {
  if (!Array.isArray(apps)) return {};
  let latest: Record<string, unknown> | undefined;
  let latestTime = -Infinity;
  for (const app of apps) {
    if (!isPlainObject(app)) continue;
    const time = Date.parse(String(own(app, 'last_used')));
    const comparable = Number.isNaN(time) ? -Infinity : time;
    if (latest === undefined || comparable > latestTime) {
      latest = app;
      latestTime = comparable;
    }
  }
  const attributes: Record<string, unknown> = {};
  if (latest) {
    setPresent(attributes, 'most_recent_app_version', own(latest, 'version'));
    setPresent(attributes, 'last_used_app_date', own(latest, 'last_used'));
  }
  return attributes;
}

/** `most_recently_used_device` derived from the first export device (see toLiquidScope). */
function deviceFromExport(devices: unknown): Record<string, unknown> | undefined {
  const first: unknown = Array.isArray(devices) ? devices[0] : undefined;
  if (!isPlainObject(first)) return undefined;
  const device: Record<string, unknown> = {};
  for (const [liquidKey, exportKey] of DEVICE_FIELDS) setPresent(device, liquidKey, own(first, exportKey));
  const os = own(first, 'os');
  const platform = typeof os === 'string' ? PLATFORM_BY_OS.find(([pattern]) => pattern.test(os))?.[1] : undefined;
  setPresent(device, 'platform', platform);
  return device;
}

function subscribedState(fromContext: unknown, emailSubscribe: unknown): unknown {
  if (typeof emailSubscribe !== 'string') return fromContext;
  if (fromContext === undefined) return { email_global: emailSubscribe };
  if (!isPlainObject(fromContext) || Object.hasOwn(fromContext, 'email_global')) return fromContext;
  return { email_global: emailSubscribe, ...fromContext };
}

function setPresent(target: Record<string, unknown>, key: string, value: unknown): void {
  if (value !== undefined && value !== null) target[key] = value;
}

function own(record: Record<string, unknown>, key: string): unknown {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
