/**
 * Field names and JSON types of a user object returned by Braze's `POST /users/export/ids`
 * (https://www.braze.com/docs/api/endpoints/export/user_data/post_users_identifier, domain.md §5),
 * plus the one extra key this project adds: `message_context`.
 */

/** A JSON value type as jsonc-parser names it. */
export type JsonKind = 'string' | 'number' | 'boolean' | 'object' | 'array';

/**
 * Export fields whose type we check. `null` is always accepted: the export uses it for unset
 * fields. Fields not listed here (Braze adds new ones) are accepted as they are.
 */
export const EXPORT_FIELD_KINDS: Readonly<Record<string, readonly JsonKind[]>> = Object.freeze({
  created_at: ['string'],
  external_id: ['string'],
  braze_id: ['string'],
  user_aliases: ['array'],
  first_name: ['string'],
  last_name: ['string'],
  email: ['string'],
  dob: ['string'],
  home_city: ['string'],
  country: ['string'],
  phone: ['string'],
  language: ['string'],
  time_zone: ['string'],
  last_coordinates: ['array'],
  gender: ['string'],
  random_bucket: ['number'],
  total_revenue: ['number'],
  attributed_campaign: ['string'],
  attributed_source: ['string'],
  attributed_adgroup: ['string'],
  attributed_ad: ['string'],
  push_subscribe: ['string'],
  email_subscribe: ['string'],
  push_opted_in_at: ['string'],
  custom_attributes: ['object'],
  custom_events: ['array'],
  purchases: ['array'],
  devices: ['array'],
  push_tokens: ['array'],
  apps: ['array'],
  campaigns_received: ['array'],
  canvases_received: ['array'],
  cards_clicked: ['array'],
  uninstalled_at: ['string'],
  message_context: ['object'],
});

/**
 * Keys allowed in a user's `message_context`: Liquid values that have no export equivalent
 * because they describe the send (campaign, trigger) or live outside the export (locale).
 * The order is the order `toLiquidScope` copies them in.
 */
export const MESSAGE_CONTEXT_KINDS: Readonly<Record<string, readonly JsonKind[]>> = Object.freeze({
  event_properties: ['object'],
  api_trigger_properties: ['object'],
  canvas: ['object'],
  campaign: ['object'],
  context: ['object'],
  canvas_entry_properties: ['object'],
  subscribed_state: ['object'],
  most_recently_used_device: ['object'],
  most_recent_locale: ['string'],
  // Braze does not document how `${most_recent_location}` renders; accept text or an object.
  most_recent_location: ['string', 'object'],
  targeted_device: ['object'],
  app: ['object'],
});

/** Names of the `message_context` keys, in copy order. */
export const MESSAGE_CONTEXT_KEYS: readonly string[] = Object.freeze(Object.keys(MESSAGE_CONTEXT_KINDS));

/**
 * Liquid tag names people write as if they were export fields. In an export file they are
 * ignored, so the tag would render empty; the value says where the data belongs instead.
 */
export const LIQUID_NAMES_MISUSED_AS_FIELDS: Readonly<Record<string, string>> = Object.freeze({
  user_id: 'external_id',
  email_address: 'email',
  phone_number: 'phone',
  city: 'home_city',
  date_of_birth: 'dob',
  random_bucket_number: 'random_bucket',
  custom_attribute: 'custom_attributes',
  most_recent_app_version: 'apps[].version',
  last_used_app_date: 'apps[].last_used',
});
