import { toJsonStringContent } from '../../lint/apply-fixes';
import type { ConnectedContentNode, RegionNode, RuleContext, RuleDefinition } from '../../lint/types';
import { docsUrl } from '../docs-url';
import { fieldRegions, isTokenCall, savedVariable, variableUses } from '../oauth-helpers';
import texts from './texts.json';

/** Schemes Salesforce takes an OAuth access token with, as it writes them. */
const SCHEMES = ['Bearer', 'OAuth'];

/**
 * The header that fetches the token must render `Bearer <access_token>`.
 * Salesforce's REST API takes `Authorization: Bearer <token>`
 * (https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/dome_sobject_create.htm);
 * without the scheme it answers 401 (INVALID_AUTH_HEADER, see forcedotcom/postman-salesforce-apis#24
 * and restforce#489), and Braze does not retry a 401
 * ("Other 4XX: no retry", https://www.braze.com/docs/user_guide/channels/webhooks/create_a_webhook/).
 * Salesforce also accepts the older `OAuth <token>` scheme (restforce sends it). Auth schemes are
 * case-insensitive by RFC 7235 §2.1, so another casing is only worth a note. The token is the
 * `access_token` of the token response (`id`, `instance_url`, `signature` are not tokens).
 */
export const OauthBearerFormat: RuleDefinition = {
  meta: {
    id: 'oauth-bearer-format',
    docs: {
      recommended: true,
      url: docsUrl('oauth-bearer-format'),
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
        if (node.field.kind !== 'header' || !isTokenCall(node)) return;
        const variable = savedVariable(node);
        if (!variable) return;
        const own = fieldRegions(context, node.field);
        for (const region of own) {
          if (region.kind !== 'output') continue;
          const use = variableUses([region]).find((u) => u.root === variable);
          if (!use) continue;
          if (use.property !== 'access_token') {
            const range = context.toRaw(node.field, use.start, use.end);
            context.report({
              messageId: 'notAccessToken',
              data: { use: use.path, variable },
              startIndex: range.start,
              endIndex: range.end,
              suggest: [{ messageId: 'useAccessToken', data: { variable }, edits: [{ startIndex: range.start, endIndex: range.end, insert: `${variable}.access_token` }] }],
            });
            continue;
          }
          checkPrefix(context, node, own, region);
        }
      },
    };
  },
};

/** What the header renders before the token output, judged from the literal text before it. */
function checkPrefix(context: RuleContext, node: ConnectedContentNode, own: readonly RegionNode[], output: RegionNode): void {
  const { field } = node;
  if (own.some((r) => r.kind === 'output' && r.end <= output.start)) return;
  if (output.filters.some((f) => f.name === 'prepend')) return;
  let prefix = '';
  let last = 0;
  for (const region of own) {
    if (region.start >= output.start) break;
    prefix += field.text.slice(last, region.start);
    last = region.end;
  }
  prefix += field.text.slice(last, output.start);
  const range = context.toRaw(field, output.start, output.end);
  const atOutput = { startIndex: range.start, endIndex: range.end };
  // The fix rewrites the whole output so that a guard another fix inserts at the same offset
  // (oauth-abort-guard, right after the tag) lands before `Bearer `, not between it and the token.
  const prefixed = (text: string) => [{ ...atOutput, insert: toJsonStringContent(text + output.text) }];
  if (prefix.trim() === '') {
    context.report({ messageId: 'missingBearer', ...atOutput, fix: prefixed('Bearer ') });
    return;
  }
  const word = /(\S+)( *)$/.exec(prefix);
  if (!word) return;
  const [, scheme, spaces] = word;
  const expected = SCHEMES.find((s) => s.toLowerCase() === scheme.toLowerCase());
  if (spaces === '') {
    if (expected) {
      context.report({ messageId: 'noSpace', data: { scheme }, ...atOutput, fix: prefixed(' ') });
    } else {
      context.report({ messageId: 'wrongScheme', data: { scheme }, ...atOutput });
    }
    return;
  }
  if (!expected) {
    context.report({ messageId: 'wrongScheme', data: { scheme }, ...atOutput });
  } else if (expected !== scheme) {
    const schemeStart = output.start - spaces.length - scheme.length;
    if (field.text.slice(schemeStart, schemeStart + scheme.length) !== scheme) return;
    const schemeRange = context.toRaw(field, schemeStart, schemeStart + scheme.length);
    context.report({
      messageId: 'schemeCase',
      data: { expected },
      startIndex: schemeRange.start,
      endIndex: schemeRange.end,
      severity: 'info',
      fix: [{ startIndex: schemeRange.start, endIndex: schemeRange.end, insert: expected }],
    });
  }
}
