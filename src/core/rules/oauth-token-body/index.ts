import { toJsonStringContent } from '../../lint/apply-fixes';
import type { ConnectedContentNode, RuleContext, RuleDefinition } from '../../lint/types';
import type { TextEdit } from '../../types';
import { docsUrl } from '../docs-url';
import {
  type CcBody,
  ccOption,
  ccUrl,
  type FormParam,
  hasLiquid,
  isTokenCall,
  literalRuns,
  optionSpan,
  optionValue,
  tokenBodyParams,
  whitespaceOutsideLiquid,
} from '../oauth-helpers';
import texts from './texts.json';

/** Percent-encodings for the characters form decoding would change or that are reserved. */
const ENCODE: Record<string, string> = { '+': '%2B', '/': '%2F' };

/**
 * The token request body must be the form-encoded client credentials grant:
 * `grant_type=client_credentials&client_id=<consumer key>&client_secret=<consumer secret>`
 * (https://help.salesforce.com/s/articleView?id=sf.remoteaccess_oauth_client_credentials_flow.htm).
 * Braze sends a POST body form-encoded unless `:content_type application/json`, which makes it
 * JSON-encode the body; inline bodies may not contain spaces
 * (https://www.braze.com/docs/user_guide/personalization_and_dynamic_content/connected_content/making_an_api_call/).
 * Salesforce answers a missing grant or a JSON body with `unsupported_grant_type`
 * (jsforce#706, CometD.NET#20), a bad client id with `invalid_client_id` and a bad secret with
 * `invalid_client`.
 */
export const OauthTokenBody: RuleDefinition = {
  meta: {
    id: 'oauth-token-body',
    docs: {
      recommended: true,
      url: docsUrl('oauth-token-body'),
    },
    severity: 'error',
    kind: 'static',
    schema: {},
    texts,
    fixable: true,
    hasSuggestions: true,
  },
  create(context) {
    return {
      ConnectedContentTag(node) {
        if (!isTokenCall(node)) return;
        checkEncoding(context, node);
        const body = tokenBodyParams(node);
        if (!body) {
          const url = ccUrl(node);
          const range = context.toRaw(node.field, url.start, url.end);
          context.report({ messageId: 'missingBody', startIndex: range.start, endIndex: range.end });
          return;
        }
        if (body.value.text === '' || body.opaque) return;
        if (body.json) {
          const range = context.toRaw(node.field, body.value.start, body.value.end);
          context.report({ messageId: 'jsonBody', startIndex: range.start, endIndex: range.end });
          return;
        }
        checkSpaces(context, node, body);
        checkParams(context, node, body);
      },
    };
  },
};

/** `:content_type …json…` or a JSON Content-Type in the call's own `:headers`. */
function checkEncoding(context: RuleContext, node: ConnectedContentNode): void {
  const contentType = ccOption(node, 'content_type');
  if (contentType && /json/i.test(contentType.value.text)) {
    const whole = optionSpan(node, contentType);
    const range = context.toRaw(node.field, whole.start, whole.end);
    const removeFrom = context.toRaw(node.field, whole.start - leadingSpace(node.field.text, whole.start), whole.end);
    context.report({
      messageId: 'jsonContentType',
      data: { value: contentType.value.text },
      startIndex: range.start,
      endIndex: range.end,
      suggest: [{ messageId: 'removeContentType', edits: [{ startIndex: removeFrom.start, endIndex: removeFrom.end, insert: '' }] }],
    });
  }
  const headers = ccOption(node, 'headers');
  if (!headers) return;
  const value = optionValue(node, headers);
  for (const match of value.text.matchAll(/"content-type"\s*:\s*"([^"]*)"/gi)) {
    if (!/json/i.test(match[1])) continue;
    const start = value.start + (match.index ?? 0);
    const range = context.toRaw(node.field, start, start + match[0].length);
    context.report({ messageId: 'jsonHeader', startIndex: range.start, endIndex: range.end });
  }
}

function leadingSpace(text: string, end: number): number {
  let n = 0;
  while (end - n - 1 >= 0 && /\s/.test(text[end - n - 1])) n++;
  return n;
}

function checkSpaces(context: RuleContext, node: ConnectedContentNode, body: CcBody): void {
  for (const run of whitespaceOutsideLiquid(body.value.text, body.value.start)) {
    const range = context.toRaw(node.field, run.start, run.end);
    const param = body.params.find((p) => p.hasEquals && run.start > p.value.start && run.end < p.value.end);
    context.report({
      messageId: 'bodySpace',
      startIndex: range.start,
      endIndex: range.end,
      suggest: param ? [{ messageId: 'encodeSpace', edits: [{ startIndex: range.start, endIndex: range.end, insert: '%20' }] }] : [],
    });
  }
}

function checkParams(context: RuleContext, node: ConnectedContentNode, body: CcBody): void {
  const bodyRange = context.toRaw(node.field, body.value.start, body.value.end);
  const atBody = { startIndex: bodyRange.start, endIndex: bodyRange.end };
  const dynamic = body.params.some((p) => hasLiquid(p.name.text));
  const find = (name: string) => body.params.find((p) => p.name.text.trim() === name);
  const grant = find('grant_type');
  if (!grant && !dynamic) {
    const at = context.toRaw(node.field, body.value.end, body.value.end).start;
    context.report({
      messageId: 'missingGrantType',
      ...atBody,
      fix: [{ startIndex: at, endIndex: at, insert: toJsonStringContent('&grant_type=client_credentials') }],
    });
  } else if (grant && !hasLiquid(grant.value.text) && grant.value.text !== 'client_credentials') {
    const range = context.toRaw(node.field, grant.value.start, grant.value.end);
    const isPassword = grant.value.text === 'password';
    context.report({
      messageId: isPassword ? 'passwordGrant' : 'wrongGrantType',
      data: { value: grant.value.text },
      startIndex: range.start,
      endIndex: range.end,
      ...(isPassword ? { severity: 'warning' as const } : {}),
    });
    if (isPassword) return;
  }
  const suppliedElsewhere = ccOption(node, 'basic_auth') || ccOption(node, 'auth_credentials') || /"authorization"\s*:/i.test(ccOption(node, 'headers')?.value.text ?? '');
  const credentials: Array<[string, 'missingClientId' | 'missingClientSecret']> = [
    ['client_id', 'missingClientId'],
    ['client_secret', 'missingClientSecret'],
  ];
  for (const [name, messageId] of credentials) {
    const param = find(name);
    if (param && param.value.text.trim() !== '') {
      checkEncoded(context, node, param);
      continue;
    }
    if (suppliedElsewhere || dynamic) continue;
    const range = param ? context.toRaw(node.field, param.pair.start, param.pair.end) : bodyRange;
    context.report({ messageId, startIndex: range.start, endIndex: range.end });
  }
}

/** A raw `+` or `/` in the literal part of a credential value: fix by percent-encoding it. */
function checkEncoded(context: RuleContext, node: ConnectedContentNode, param: FormParam): void {
  const edits: TextEdit[] = [];
  for (const run of literalRuns(param.value)) {
    for (let i = 0; i < run.text.length; i++) {
      const encoded = ENCODE[run.text[i]];
      if (!encoded) continue;
      const range = context.toRaw(node.field, run.start + i, run.start + i + 1);
      edits.push({ startIndex: range.start, endIndex: range.end, insert: encoded });
    }
  }
  if (edits.length === 0) return;
  const range = context.toRaw(node.field, param.value.start, param.value.end);
  context.report({ messageId: 'unencoded', data: { param: param.name.text.trim() }, startIndex: range.start, endIndex: range.end, fix: edits });
}
