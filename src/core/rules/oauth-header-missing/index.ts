import type { RuleDefinition } from '../../lint/types';
import { objectMembers, rangeOf, type TemplateFile } from '../../template/template-file';
import type { TextEdit } from '../../types';
import { docsUrl } from '../docs-url';
import { intendedHeader } from '../header-helpers';
import { isLiteralHost, webhookUrls } from '../oauth-helpers';
import texts from './texts.json';

/**
 * Salesforce REST resources that need an access token: the REST API (`/services/data/vNN.N/…`)
 * and Apex REST (`/services/apexrest/…`). The version list `/services/data/` itself does not.
 */
const AUTHENTICATED_PATH = /^\/services\/(?:data\/v\d+(?:\.\d+)?|apexrest)(?:[/?#]|$)/i;

/**
 * The body of the `sf-oauth-header` snippet (snippets/braze-webhook.snippets.json), the member this
 * rule suggests. Kept here, not imported, because the snippets are shipped files the editor reads
 * at run time (they stay out of the bundle); test/meta/snippets.test.ts checks the two are equal.
 */
export const OAUTH_HEADER_SNIPPET_BODY =
  '"Authorization": "{% connected_content https://${1:MyDomainName}.my.salesforce.com/services/oauth2/token :method post :body grant_type=client_credentials :basic_auth ${2:salesforce_connected_app} :cache_max_age 900 :save token %}{% if token.access_token == blank %}{% abort_message(\'${3:Salesforce token request failed}\') %}{% endif %}Bearer {{token.access_token}}"$0';

/**
 * A webhook to Salesforce's REST API with no `Authorization` header at all. Every REST call needs
 * an OAuth access token in that header; without one Salesforce answers 401
 * `[{"message":"Session expired or invalid","errorCode":"INVALID_SESSION_ID"}]`
 * (https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/errorcodes.htm;
 * the same answer when the token is sent anywhere but the header, forcedotcom/postman-salesforce-apis#40),
 * and Braze does not retry a 401 ("Other 4XX: no retry",
 * https://www.braze.com/docs/user_guide/channels/webhooks/create_a_webhook/), so the Lead is lost.
 * A header that is only misnamed (`Autorización`) is `header-name`'s; a host that is literally
 * not Salesforce's may be a proxy that adds the token, and is left alone.
 */
export const OauthHeaderMissing: RuleDefinition = {
  meta: {
    id: 'oauth-header-missing',
    docs: {
      recommended: true,
      url: docsUrl('oauth-header-missing'),
    },
    severity: 'error',
    kind: 'static',
    schema: {},
    hasSuggestions: true,
    texts,
  },
  create(context) {
    return {
      TemplateFile(file) {
        const url = file.url;
        // A broken file may have lost its headers to the syntax error: json-syntax speaks for it.
        if (!url || file.syntaxErrors.length > 0) return;
        const target = webhookUrls(context.fieldRegions(url), url).find((info) => {
          const path = url.text.slice(info.port?.end ?? info.host.end, info.url.end);
          return AUTHENTICATED_PATH.test(path) && mayBeSalesforceHost(info.host.text);
        });
        if (!target) return;
        const keys = file.headers.map((h) => h.key ?? '');
        if (keys.some((key) => key.trim().toLowerCase() === 'authorization' || intendedHeader(key.trim())?.header === 'Authorization')) return;
        const range = context.toRaw(url, target.url.start, target.url.end);
        const myDomain = myDomainName(target.host.text);
        const edits = addHeaderEdits(file, oauthHeaderMember(myDomain));
        context.report({
          messageId: 'missing',
          startIndex: range.start,
          endIndex: range.end,
          suggest: edits ? [{ messageId: 'addHeader', data: { host: myDomain ? `${myDomain}.my.salesforce.com` : 'your My Domain' }, edits }] : undefined,
        });
      },
    };
  },
};

/** Salesforce's hosts, or a host not known yet (Liquid, a placeholder): not a literal other host. */
function mayBeSalesforceHost(host: string): boolean {
  if (!isLiteralHost(host)) return true;
  const lower = host.toLowerCase();
  return lower.endsWith('.salesforce.com') || lower.endsWith('.force.com');
}

/** `acme` of `acme.my.salesforce.com` (also `acme--sbx.sandbox.my.salesforce.com` → `acme--sbx.sandbox`). */
function myDomainName(host: string): string | undefined {
  const match = /^([a-z0-9][a-z0-9.-]*)\.my\.salesforce\.com$/i.exec(host);
  return match && isLiteralHost(host) ? match[1] : undefined;
}

/** The snippet's member text with its tab stops filled: the My Domain when known, else the snippet's defaults. */
function oauthHeaderMember(myDomain: string | undefined): string {
  return OAUTH_HEADER_SNIPPET_BODY.replace(/\$\{(\d+):([^{}]*)\}/g, (_whole, index: string, fallback: string) => (index === '1' && myDomain ? myDomain : fallback)).replace(/\$\d+/g, '');
}

/** Edits that add `member` to `request_headers` (creating it after `url` when absent), in the file's indentation. */
function addHeaderEdits(file: TemplateFile, member: string): TextEdit[] | undefined {
  const headers = file.members.find((m) => m.key === 'request_headers');
  const urlMember = file.members.find((m) => m.key === 'url');
  if (!urlMember) return undefined;
  const indent = indentationAt(file.text, urlMember.keyRange.start);
  const eol = file.text.includes('\r\n') ? '\r\n' : '\n';
  if (!headers) {
    const at = rangeOf(urlMember.valueNode).end;
    return [{ startIndex: at, endIndex: at, insert: `,${eol}${indent}"request_headers": {${eol}${indent}${indent}${member}${eol}${indent}}` }];
  }
  if (headers.valueNode.type !== 'object') return undefined;
  const [first] = objectMembers(headers.valueNode);
  if (first) {
    const at = first.keyRange.start;
    return [{ startIndex: at, endIndex: at, insert: `${member},${eol}${indentationAt(file.text, at)}` }];
  }
  const object = rangeOf(headers.valueNode);
  return [{ startIndex: object.start, endIndex: object.end, insert: `{${eol}${indent}${indent}${member}${eol}${indent}}` }];
}

/** The spaces or tabs before `offset` on its line (two spaces when the member shares a line with others). */
function indentationAt(text: string, offset: number): string {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const before = text.slice(lineStart, offset);
  return /^[ \t]*$/.test(before) && before !== '' ? before : '  ';
}

