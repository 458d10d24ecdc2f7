/**
 * Braze personalization tags and namespaces, with where a sample user holds each value.
 * Source: https://www.braze.com/docs/user_guide/personalization_and_dynamic_content/liquid/supported_personalization_tags
 * (domain.md §1.1) and the export fields of https://www.braze.com/docs/api/endpoints/export/user_data/post_users_identifier
 * (domain.md §5). Braze publishes no tag ↔ export-field table; the mapping is by name.
 */

/** A standard attribute tag, written `{{${tag}}}` in a template. */
export interface StandardAttribute {
  /** The name inside `${…}`, e.g. `first_name` for `{{${first_name}}}`. */
  tag: string;
  /** One line for hovers and completion. */
  description: string;
  /**
   * Where a `*.braze-profiles.json` user holds the value: an export field (`email`), a derived
   * path (`apps[].version`), or `message_context.<key>` when the export has no equivalent.
   */
  exportField: string;
}

/** Every standard `${…}` tag from Braze's "Supported personalization tags" table, in its order. */
export const STANDARD_ATTRIBUTES: readonly StandardAttribute[] = Object.freeze([
  { tag: 'city', description: 'City from the user profile.', exportField: 'home_city' },
  { tag: 'country', description: 'Country, ISO 3166-1 alpha-2 code (e.g. `US`).', exportField: 'country' },
  { tag: 'date_of_birth', description: 'Date of birth, `YYYY-MM-DD`.', exportField: 'dob' },
  { tag: 'email_address', description: 'Email address.', exportField: 'email' },
  { tag: 'first_name', description: 'First name.', exportField: 'first_name' },
  { tag: 'gender', description: 'Gender: M, F, O, N, P or empty.', exportField: 'gender' },
  { tag: 'language', description: 'Language, ISO 639-1 code (e.g. `en`).', exportField: 'language' },
  { tag: 'last_name', description: 'Last name.', exportField: 'last_name' },
  {
    tag: 'last_used_app_date',
    description: 'When the user last used any app.',
    exportField: 'apps[].last_used (the app with the latest last_used)',
  },
  {
    tag: 'most_recent_app_version',
    description: 'Version of the most recently used app.',
    exportField: 'apps[].version (the app with the latest last_used)',
  },
  {
    tag: 'most_recent_locale',
    description: 'Most recent device locale, e.g. `pt_BR`.',
    exportField: 'message_context.most_recent_locale',
  },
  {
    tag: 'most_recent_location',
    description: 'Most recent device location.',
    exportField: 'message_context.most_recent_location',
  },
  { tag: 'phone_number', description: 'Phone number, E.164 (e.g. `+14155550100`).', exportField: 'phone' },
  { tag: 'time_zone', description: 'IANA time zone name (e.g. `America/Chicago`).', exportField: 'time_zone' },
  {
    tag: 'user_id',
    description: 'The external_id; in the Salesforce update recipe it is the Lead Id.',
    exportField: 'external_id',
  },
  { tag: 'braze_id', description: 'Braze internal user id.', exportField: 'braze_id' },
  { tag: 'random_bucket_number', description: 'Random bucket number, 0–9999.', exportField: 'random_bucket' },
]);

/** A Liquid namespace written `{{name.${key}}}`. */
export interface LiquidNamespace {
  /** The object name before the dot, e.g. `custom_attribute`. */
  name: string;
  /** One line for hovers and completion. */
  description: string;
  /** Keys Braze documents, for completion; see `openKeys`. */
  keys: readonly string[];
  /** True when authors define the keys (custom attributes, event properties…), so any key is valid. */
  openKeys: boolean;
  /** Where the preview reads it from in a sample user (or the content-block folder). */
  source: string;
  /** Still rendered by Braze but superseded in its docs; lint reports it as info. */
  legacy?: boolean;
  /** False where Braze does not populate the namespace in webhooks (lint warns). */
  inWebhooks: boolean;
}

/** Device keys of `most_recently_used_device` (Braze's supported-tags page). */
const DEVICE_KEYS = [
  'browser',
  'id',
  'carrier',
  'ad_tracking_enabled',
  'idfa',
  'google_ad_id',
  'roku_ad_id',
  'model',
  'os',
  'platform',
  'foreground_push_enabled',
] as const;

/** Every `{{namespace.${key}}}` object Braze documents. */
export const NAMESPACES: readonly LiquidNamespace[] = Object.freeze([
  {
    name: 'custom_attribute',
    description:
      'Custom attributes; names may contain spaces and non-ASCII, nested values use a dotted path (`${address.city}`).',
    keys: [],
    openKeys: true,
    source: 'custom_attributes',
    inWebhooks: true,
  },
  {
    name: 'campaign',
    description: 'The campaign (in a Canvas: the Canvas step) that sends the message.',
    keys: ['api_id', 'dispatch_id', 'name', 'message_name', 'message_api_id'],
    openKeys: false,
    source: 'message_context.campaign',
    inWebhooks: true,
  },
  {
    name: 'canvas',
    description: 'The Canvas that sends the message.',
    keys: ['api_id', 'name', 'variant_name', 'variant_api_id'],
    openKeys: false,
    source: 'message_context.canvas',
    inWebhooks: true,
  },
  {
    name: 'event_properties',
    description: 'Properties of the custom event that triggered an action-based send.',
    keys: ['geofence_name', 'geofence_set_name'],
    openKeys: true,
    source: 'message_context.event_properties',
    inWebhooks: true,
  },
  {
    name: 'api_trigger_properties',
    description: 'The `trigger_properties` of an API-triggered campaign (max 50 KB, not saved to the profile).',
    keys: [],
    openKeys: true,
    source: 'message_context.api_trigger_properties',
    inWebhooks: true,
  },
  {
    name: 'canvas_entry_properties',
    description: 'Canvas entry properties, older syntax; current Braze docs use `context.${…}`.',
    keys: [],
    openKeys: true,
    source: 'message_context.canvas_entry_properties',
    legacy: true,
    inWebhooks: true,
  },
  {
    name: 'context',
    description: 'Canvas entry properties and Canvas context variables.',
    keys: [],
    openKeys: true,
    source: 'message_context.context',
    inWebhooks: true,
  },
  {
    name: 'subscribed_state',
    description: 'Subscription state: `${email_global}` or `${<subscription group id>}`.',
    keys: ['email_global'],
    openKeys: true,
    source: 'message_context.subscribed_state (email_global falls back to email_subscribe)',
    inWebhooks: true,
  },
  {
    name: 'most_recently_used_device',
    description: "The user's most recently used device; all keys empty for users who never used an app.",
    keys: DEVICE_KEYS,
    openKeys: false,
    source: 'message_context.most_recently_used_device, else devices[0]',
    inWebhooks: true,
  },
  {
    name: 'targeted_device',
    description: 'The device a push, in-app message or Banner is sent to; Braze does not list it for webhooks.',
    keys: DEVICE_KEYS.filter((key) => key !== 'browser' && key !== 'ad_tracking_enabled'),
    openKeys: false,
    source: 'message_context.targeted_device',
    inWebhooks: false,
  },
  {
    name: 'app',
    description: 'The app showing an in-app message (in-app messages only).',
    keys: ['api_id', 'name'],
    openKeys: false,
    source: 'message_context.app',
    inWebhooks: false,
  },
  {
    name: 'content_blocks',
    description: 'A Content Block by name (≤100 chars, ≤50 KB); nesting works one level deep only.',
    keys: [],
    openKeys: true,
    source: 'content_blocks/<name>.liquid',
    inWebhooks: true,
  },
]);
