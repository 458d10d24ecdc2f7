import { toJsonStringContent } from '../../lint/apply-fixes';
import type { RuleContext, RuleDefinition } from '../../lint/types';
import type { LiquidField } from '../../template/template-file';
import { docsUrl } from '../docs-url';
import { ccUrlInfo, type UrlInfo, webhookUrls } from '../oauth-helpers';
import texts from './texts.json';

/** Ports Braze connects to. */
const ALLOWED_PORTS = new Set(['80', '443']);

/**
 * Webhook and connected_content URLs must use https on a port Braze connects to.
 *
 * Braze "only allows URLs that communicate over port 80 (HTTP) and 443 (HTTPS)" and does not
 * follow redirects:
 * https://www.braze.com/docs/user_guide/personalization_and_dynamic_content/connected_content/making_an_api_call/
 * Over http the token request (client secret) and the webhook (Bearer token) travel in clear
 * text, and an https-only server's redirect to https is not followed.
 */
export const HttpsOnly: RuleDefinition = {
  meta: {
    id: 'https-only',
    docs: {
      recommended: true,
      url: docsUrl('https-only'),
    },
    severity: 'error',
    kind: 'static',
    schema: {},
    texts,
    hasSuggestions: true,
  },
  create(context) {
    return {
      Field({ field }) {
        if (field.kind !== 'url') return;
        for (const url of webhookUrls(context.fieldRegions(field), field)) check(context, field, url, 'httpWebhook');
      },
      ConnectedContentTag(node) {
        const url = ccUrlInfo(node);
        if (url) check(context, node.field, url, 'httpConnectedContent');
      },
    };
  },
};

function check(context: RuleContext, field: LiquidField, url: UrlInfo, httpMessage: 'httpWebhook' | 'httpConnectedContent'): void {
  if (url.scheme.text.toLowerCase() === 'http://') {
    const range = context.toRaw(field, url.scheme.start, url.scheme.end);
    context.report({
      messageId: httpMessage,
      startIndex: range.start,
      endIndex: range.end,
      suggest: [{ messageId: 'useHttps', edits: [{ startIndex: range.start, endIndex: range.end, insert: toJsonStringContent('https://') }] }],
    });
  }
  const port = url.port?.text.slice(1);
  if (url.port && port && !ALLOWED_PORTS.has(String(Number(port)))) {
    const range = context.toRaw(field, url.port.start, url.port.end);
    context.report({
      messageId: 'badPort',
      data: { port },
      startIndex: range.start,
      endIndex: range.end,
      suggest: [{ messageId: 'removePort', data: { port }, edits: [{ startIndex: range.start, endIndex: range.end, insert: '' }] }],
    });
  }
}
