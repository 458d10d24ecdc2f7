import { toJsonStringContent } from '../../lint/apply-fixes';
import type { RuleDefinition } from '../../lint/types';
import { docsUrl } from '../docs-url';
import { ccOption, ccUrl, hasLiquid, isTokenCall, optionValue } from '../oauth-helpers';
import texts from './texts.json';

/**
 * The token call must be a POST. connected_content sends GET unless `:method post`
 * (https://www.braze.com/docs/user_guide/personalization_and_dynamic_content/connected_content/making_an_api_call/),
 * and Salesforce's token endpoint only takes POST: otherwise it answers
 * `invalid_request: must use HTTP POST` (amazon-connect/amazon-connect-salesforce-cti#43).
 */
export const OauthTokenMethod: RuleDefinition = {
  meta: {
    id: 'oauth-token-method',
    docs: {
      recommended: true,
      url: docsUrl('oauth-token-method'),
    },
    severity: 'error',
    kind: 'static',
    schema: {},
    texts,
    fixable: true,
  },
  create(context) {
    return {
      ConnectedContentTag(node) {
        if (!isTokenCall(node)) return;
        const option = ccOption(node, 'method');
        if (!option) {
          const url = ccUrl(node);
          const range = context.toRaw(node.field, url.start, url.end);
          context.report({
            messageId: 'missingMethod',
            startIndex: range.start,
            endIndex: range.end,
            fix: [{ startIndex: range.end, endIndex: range.end, insert: toJsonStringContent(' :method post') }],
          });
          return;
        }
        const value = optionValue(node, option);
        if (value.text === '' || hasLiquid(value.text) || value.text.toLowerCase() === 'post') return;
        const range = context.toRaw(node.field, value.start, value.end);
        context.report({
          messageId: 'notPost',
          data: { method: value.text },
          startIndex: range.start,
          endIndex: range.end,
          fix: [{ startIndex: range.start, endIndex: range.end, insert: 'post' }],
        });
      },
    };
  },
};
