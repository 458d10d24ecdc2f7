/**
 * Whether a JSON text has the shape of a Braze webhook template — Braze's webhook object: a `url`
 * string plus at least one of `request_method`, `body` or `request_headers`
 * (https://www.braze.com/docs/api/objects_filters/messaging/webhook_object) — for a file that is
 * not named `*.braze-webhook.json`, so the editor and the CLI can say how to rename it.
 *
 * Imports nothing: the extension's 4 KB entry calls it on every JSON file it sees (ADR 006), so a
 * cheap text check runs before the parse.
 */
export function looksLikeWebhookTemplate(text: string): boolean {
  if (text.length > MAX_CHARS || !/"url"\s*:/.test(text) || !/"(request_method|request_headers|body)"\s*:/.test(text)) return false;
  let value: unknown;
  try {
    value = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch {
    return false;
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) return false;
  const object = value as Record<string, unknown>;
  if (typeof object.url !== 'string' || !/^\s*(https?:\/\/|\{[{%])/i.test(object.url)) return false;
  return (
    (typeof object.request_method === 'string' && METHODS.has(object.request_method.toUpperCase())) ||
    isObject(object.request_headers) ||
    typeof object.body === 'string' ||
    isObject(object.body)
  );
}

/** Templates are small; a larger JSON file (a lockfile, a data dump) is not one. */
const MAX_CHARS = 512 * 1024;

/** The methods Braze's webhook composer offers. */
const METHODS = new Set(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']);

function isObject(value: unknown): boolean {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The template name for a look-alike file: `lead.json` → `lead.braze-webhook.json`. */
export function templateFileNameFor(fileName: string): string {
  return `${fileName.replace(/\.json$/i, '')}.braze-webhook.json`;
}
