import { isMyDomainHost } from '../../connected-content';
import type { RuleDefinition } from '../../lint/types';
import { docsUrl } from '../docs-url';
import { ccUrlInfo, isLiteralHost, isTokenCall, type UrlInfo, webhookUrls } from '../oauth-helpers';
import texts from './texts.json';

/** Salesforce's generic login hosts: the client credentials grant is not served there. */
const LOGIN_HOSTS = new Set(['login.salesforce.com', 'test.salesforce.com']);

/**
 * The token request must go to the org's My Domain host.
 * Salesforce serves the client credentials flow only on My Domain
 * (https://help.salesforce.com/s/articleView?id=sf.remoteaccess_oauth_client_credentials_flow.htm);
 * `login.salesforce.com` / `test.salesforce.com` answer
 * `invalid_grant: request not supported on this domain` (pozil/pub-sub-api-node-client#58).
 * Instanced URLs such as `na1.salesforce.com` are discouraged and, from Spring '26, incorrect ones
 * are not redirected (help.salesforce.com "What Determines Your URL Formats"). A token belongs to
 * the org that issued it, so it only works against that org's host.
 */
export const OauthTokenHost: RuleDefinition = {
  meta: {
    id: 'oauth-token-host',
    docs: {
      recommended: true,
      url: docsUrl('oauth-token-host'),
    },
    severity: 'error',
    kind: 'static',
    schema: {},
    texts,
    hasSuggestions: true,
  },
  create(context) {
    const webhookHost = () => {
      const url = context.file.url;
      const info: UrlInfo | undefined = url ? webhookUrls(context.regions().filter((r) => r.field === url), url)[0] : undefined;
      return info && isLiteralHost(info.host.text) ? info.host.text.toLowerCase() : undefined;
    };
    return {
      ConnectedContentTag(node) {
        if (!isTokenCall(node)) return;
        const info = ccUrlInfo(node);
        if (!info || !isLiteralHost(info.host.text)) return;
        const host = info.host.text.toLowerCase();
        const range = context.toRaw(node.field, info.host.start, info.host.end);
        const target = webhookHost();
        const suggest =
          target && target !== host && isMyDomainHost(target)
            ? [{ messageId: 'useWebhookHost', data: { host: target }, edits: [{ startIndex: range.start, endIndex: range.end, insert: target }] }]
            : [];
        const at = { startIndex: range.start, endIndex: range.end, suggest };
        if (LOGIN_HOSTS.has(host)) {
          context.report({ messageId: 'loginHost', data: { host }, ...at });
        } else if (!isMyDomainHost(host) && host.endsWith('.salesforce.com')) {
          context.report({ messageId: 'instanceHost', data: { host }, severity: 'warning', ...at });
        } else if (target && target !== host) {
          context.report({ messageId: 'hostMismatch', data: { tokenHost: host, webhookHost: target }, severity: 'warning', ...at });
        }
      },
    };
  },
};
