import type { Node } from 'jsonc-parser';
import { stripBom } from '../util/positions';
import { parseJsonTree } from '../util/json-tree';
import { MAX_TEMPLATE_CHARS } from './template-file';

/** What a webhook template's file name ends with; only these files are found in folders. */
export const TEMPLATE_FILE_SUFFIX = '.braze-webhook.json';

/** Members of Braze's webhook object that, next to a `url`, make a JSON file look like a template. */
const WEBHOOK_MEMBERS: Readonly<Record<string, Node['type'][]>> = {
  request_method: ['string'],
  request_headers: ['object'],
  body: ['string', 'object'],
};

/**
 * Whether JSON text has the shape of a webhook template — a string `url` and a
 * `request_method`, `request_headers` or `body` (Braze's messaging-API webhook object,
 * https://www.braze.com/docs/api/objects_filters/messaging/webhook_object) — so a file with
 * another name can be pointed out for renaming. Not a validation: a broken template of that shape
 * still counts, anything else (package.json, profiles, fixtures) does not.
 */
export function looksLikeWebhookTemplate(text: string): boolean {
  const body = stripBom(text);
  if (body.length > MAX_TEMPLATE_CHARS || !/^\s*\{/.test(body)) return false;
  const { root } = parseJsonTree(body);
  if (root?.type !== 'object') return false;
  const members = new Map<string, Node>();
  for (const property of root.children ?? []) {
    const [key, value] = property.children ?? [];
    if (key?.type === 'string' && value) members.set(String(key.value), value);
  }
  if (members.get('url')?.type !== 'string') return false;
  return Object.entries(WEBHOOK_MEMBERS).some(([name, types]) => {
    const value = members.get(name);
    return value !== undefined && types.includes(value.type);
  });
}

/** The name a template file should have: `lead.json` → `lead.braze-webhook.json`. */
export function toTemplateFileName(fileName: string): string {
  if (fileName.endsWith(TEMPLATE_FILE_SUFFIX)) return fileName;
  return `${fileName.replace(/\.json$/i, '')}${TEMPLATE_FILE_SUFFIX}`;
}
