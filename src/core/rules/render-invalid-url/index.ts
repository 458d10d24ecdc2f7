import { FIXTURE_SOURCES } from '../../connected-content';
import { isValidBrazeUrl, splitUrl } from '../../connected-content/url';
import { isPlaceholderHost } from '../../util/placeholders';
import type { RuleDefinition } from '../../lint/types';
import { DEFAULT_SAVE_VARIABLE } from '../../liquid/tags/connected-content';
import { docsUrl } from '../docs-url';
import { quoteRendered, renderedField } from '../rendered-helpers';
import texts from './texts.json';

/** Ports the webhook composer accepts in the URL. */
const ALLOWED_PORTS = new Set(['80', '443']);

/**
 * A webhook URL (or connected_content URL) that does not render to a URL Braze accepts for a
 * profile: a placeholder host, brackets, an empty host, whitespace inside, a port other than 80
 * or 443. Braze sends nothing and the Message Activity Log shows "<url> is not a valid URL"
 * (the recipe's own troubleshooting example). A host that parses but is a placeholder
 * (`MyDomainName.my.salesforce.com`, the snippets' default; `yourInstance…`) does not resolve:
 * Braze gets a connection error (599 in its troubleshooting page,
 * https://www.braze.com/docs/help/help_articles/api/webhook_connected_content_errors/).
 * https://www.braze.com/docs/user_guide/getting_started/b2b_use_cases/b2b_salesforce_sales_cloud (Troubleshooting)
 * https://www.braze.com/docs/user_guide/message_building_by_channel/webhooks/creating_a_webhook/ (ports 80 and 443)
 */
export const RenderInvalidUrl: RuleDefinition = {
  meta: {
    id: 'render-invalid-url',
    docs: {
      recommended: true,
      url: docsUrl('render-invalid-url'),
    },
    severity: 'error',
    kind: 'rendered',
    schema: {},
    texts,
  },
  create(context) {
    return {
      RenderedRequest(request) {
        for (const sub of request.subrequests) {
          const at = { startIndex: sub.range.start, endIndex: sub.range.end };
          if (sub.response.source === FIXTURE_SOURCES.invalidUrl) {
            context.report({ messageId: 'connectedContent', data: { url: quoteRendered(request, sub.url, 200) }, ...at });
          } else if (sub.response.source === FIXTURE_SOURCES.unresolvableHost) {
            const save = sub.options.save || DEFAULT_SAVE_VARIABLE;
            context.report({ messageId: 'connectedContentUnresolvable', data: { host: quoteRendered(request, splitUrl(sub.url)?.host ?? sub.url, 200), save }, ...at });
          }
        }
        const urlField = context.file.url;
        if (request.aborted || !urlField || renderedField(request, 'url') === undefined) return;
        const url = request.url;
        const at = { startIndex: urlField.valueRange.start, endIndex: urlField.valueRange.end };
        if (url === '') {
          context.report({ messageId: 'emptyUrl', ...at });
        } else if (!isValidBrazeUrl(url)) {
          context.report({ messageId: 'webhookUrl', data: { url: quoteRendered(request, url, 200) }, ...at });
        } else if (isPlaceholderHost(splitUrl(url)?.host ?? '')) {
          context.report({ messageId: 'webhookUnresolvable', data: { host: quoteRendered(request, splitUrl(url)?.host ?? '', 200) }, ...at });
        } else if (/\s/.test(url)) {
          context.report({ messageId: 'whitespace', data: { url: quoteRendered(request, url, 200) }, ...at });
        } else {
          const port = portOf(url);
          if (port !== undefined && !ALLOWED_PORTS.has(port)) context.report({ messageId: 'port', data: { port }, ...at });
        }
      },
    };
  },
};

/** The port written in an absolute URL's authority, if any. */
function portOf(url: string): string | undefined {
  const authority = /^[A-Za-z][A-Za-z0-9+.-]*:\/\/([^/?#]*)/.exec(url)?.[1];
  if (!authority) return undefined;
  const hostPort = authority.slice(authority.lastIndexOf('@') + 1);
  const match = /:(\d+)$/.exec(hostPort.startsWith('[') ? hostPort.slice(hostPort.indexOf(']') + 1) : hostPort);
  return match ? match[1] : undefined;
}
