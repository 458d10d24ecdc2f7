import { toJsonStringContent } from '../../lint/apply-fixes';
import type { RuleDefinition } from '../../lint/types';
import { docsUrl } from '../docs-url';
import { argsEnd, ccOption, ccUrl, hasLiquid, isTokenCall, optionValue } from '../oauth-helpers';
import texts from './texts.json';

/** Braze's bounds for `:cache_max_age`, in seconds. */
const MIN_CACHE = 300;
const MAX_CACHE = 14400;
/** Braze's own token example caches for 15 minutes. */
const PREFERRED_CACHE = 900;

/** A cache age Braze accepts that stays below the session timeout. */
export function suggestedCacheAge(sessionTimeoutSeconds: number): number {
  return Math.max(MIN_CACHE, Math.min(PREFERRED_CACHE, sessionTimeoutSeconds - MIN_CACHE));
}

/**
 * The token POST should be cached, for less than the session lifetime.
 * Braze does not cache POST calls unless `:cache_max_age` is set, and takes 5 minutes to 4 hours
 * (https://www.braze.com/docs/user_guide/personalization_and_dynamic_content/connected_content/caching_responses/;
 * and its "Make a Connected Content call" FAQ caches a token POST with `:cache_max_age 900`).
 * A Salesforce token lives as long as the org's session timeout (2 hours by default) and has no
 * `expires_in`; a cached token that outlives it gets 401 INVALID_SESSION_ID, which Braze does not
 * retry.
 */
export const OauthTokenCache: RuleDefinition = {
  meta: {
    id: 'oauth-token-cache',
    docs: {
      recommended: true,
      url: docsUrl('oauth-token-cache'),
    },
    severity: 'warning',
    kind: 'static',
    schema: {
      sessionTimeoutSeconds: {
        type: 'number',
        default: 7200,
        description: "The org's session timeout in seconds (Setup → Session Settings, or the Connected App's policy); tokens expire after it.",
      },
    },
    texts,
    fixable: true,
    hasSuggestions: true,
  },
  create(context) {
    const timeout = Number(context.options.sessionTimeoutSeconds);
    const suggested = suggestedCacheAge(timeout);
    return {
      ConnectedContentTag(node) {
        if (!isTokenCall(node)) return;
        const method = ccOption(node, 'method')?.value.text.trim().toLowerCase();
        if (method !== 'post') return;
        const option = ccOption(node, 'cache_max_age');
        // `:cache 900` is cc-unknown-option's to rename; adding a second cache option would clash.
        if (!option && ccOption(node, 'cache')) return;
        if (!option) {
          const url = ccUrl(node);
          const range = context.toRaw(node.field, url.start, url.end);
          const save = ccOption(node, 'save');
          const fixable = !ccOption(node, 'no_cache');
          const at = context.toRaw(node.field, save ? node.argsStart + save.start : argsEnd(node), save ? node.argsStart + save.start : argsEnd(node)).start;
          const insert = save ? `:cache_max_age ${suggested} ` : ` :cache_max_age ${suggested}`;
          context.report({
            messageId: 'noCache',
            data: { seconds: suggested },
            startIndex: range.start,
            endIndex: range.end,
            ...(fixable ? { fix: [{ startIndex: at, endIndex: at, insert: toJsonStringContent(insert) }] } : {}),
          });
          return;
        }
        const value = optionValue(node, option);
        if (value.text === '' || hasLiquid(value.text)) return;
        const range = context.toRaw(node.field, value.start, value.end);
        const at = { startIndex: range.start, endIndex: range.end };
        const replaceWith = (seconds: number) => [{ messageId: 'useSeconds', data: { seconds }, edits: [{ ...at, insert: String(seconds) }] }];
        if (!/^\d+$/.test(value.text)) {
          context.report({ messageId: 'notNumber', data: { value: value.text }, severity: 'error', ...at, suggest: replaceWith(suggested) });
          return;
        }
        const seconds = Number(value.text);
        if (seconds < MIN_CACHE || seconds > MAX_CACHE) {
          const bound = seconds < MIN_CACHE ? MIN_CACHE : Math.min(MAX_CACHE, suggested);
          context.report({ messageId: 'outOfRange', data: { value: value.text }, severity: 'error', ...at, suggest: replaceWith(bound) });
        } else if (seconds >= timeout) {
          context.report({ messageId: 'exceedsSession', data: { value: value.text, timeout }, ...at, suggest: replaceWith(suggested) });
        }
      },
    };
  },
};
