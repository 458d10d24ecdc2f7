import type { RuleContext, RuleDefinition } from '../../lint/types';
import type { LiquidField } from '../../template/template-file';
import { docsUrl } from '../docs-url';
import { ccUrlInfo, splitForm, type UrlInfo, webhookUrls } from '../oauth-helpers';
import texts from './texts.json';

/** Query parameter names that carry credentials (compared lower-case, `-` read as `_`). */
const SECRET_PARAMS = new Set([
  'access_token',
  'api_key',
  'apikey',
  'auth_token',
  'client_secret',
  'id_token',
  'password',
  'private_key',
  'refresh_token',
  'secret',
  'session_id',
  'token',
]);

/**
 * No credentials in a URL. Braze logs the fully rendered URL of every Connected Content call and
 * keeps it up to 30 days
 * (https://www.braze.com/docs/user_guide/personalization_and_dynamic_content/connected_content/caching_responses/),
 * caches responses by URL, and shows webhook URLs in the Message Activity Log; servers and
 * proxies log URLs too. Credentials belong in a header, the :body, or a Braze credential.
 */
export const SecretInUrl: RuleDefinition = {
  meta: {
    id: 'secret-in-url',
    docs: {
      recommended: true,
      url: docsUrl('secret-in-url'),
    },
    severity: 'error',
    kind: 'static',
    schema: {},
    texts,
  },
  create(context) {
    return {
      Field({ field }) {
        if (field.kind !== 'url') return;
        for (const url of webhookUrls(context.fieldRegions(field), field)) check(context, field, url, 'inWebhookUrl');
      },
      ConnectedContentTag(node) {
        const url = ccUrlInfo(node);
        if (url) check(context, node.field, url, 'inConnectedContentUrl');
      },
    };
  },
};

function check(context: RuleContext, field: LiquidField, url: UrlInfo, messageId: 'inWebhookUrl' | 'inConnectedContentUrl'): void {
  if (url.userinfo && url.userinfo.text.includes(':')) {
    const range = context.toRaw(field, url.userinfo.start, url.userinfo.end);
    context.report({ messageId: 'userinfo', startIndex: range.start, endIndex: range.end });
  }
  if (!url.query) return;
  for (const param of splitForm(url.query.text, url.query.start)) {
    const name = decodeName(param.name.text);
    if (!SECRET_PARAMS.has(name) || param.value.text.trim() === '') continue;
    const range = context.toRaw(field, param.pair.start, param.pair.end);
    context.report({ messageId, data: { param: param.name.text }, startIndex: range.start, endIndex: range.end });
  }
}

function decodeName(name: string): string {
  let decoded = name;
  try {
    decoded = decodeURIComponent(name);
  } catch {
    // keep it as written
  }
  return decoded.trim().toLowerCase().replace(/-/g, '_');
}
