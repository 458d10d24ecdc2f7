import { toJsonStringContent } from '../../lint/apply-fixes';
import type { RegionNode, RuleDefinition } from '../../lint/types';
import { docsUrl } from '../docs-url';
import { ccOption, ccUrl, fieldRegions, isTokenCall, savedVariable, variableUses } from '../oauth-helpers';
import texts from './texts.json';

/** Tags that open a block closed by `end<name>`. */
const BLOCK_TAGS = new Set(['if', 'unless', 'case', 'for', 'tablerow', 'capture']);

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A failed token fetch must abort the send. Without a guard the token renders empty, the header
 * goes out as `Bearer `, Salesforce answers 401 INVALID_SESSION_ID, and Braze does not retry a 401
 * (https://www.braze.com/docs/user_guide/channels/webhooks/create_a_webhook/). Braze documents
 * aborting on a missing Connected Content value with `abort_message`
 * (https://www.braze.com/docs/user_guide/personalization_and_dynamic_content/connected_content/aborting_connected_content/).
 * `__http_status_code__` is only documented for 2xx JSON answers, so a test on it only works as
 * `!= 200`; testing `access_token` itself is the safe form.
 */
export const OauthAbortGuard: RuleDefinition = {
  meta: {
    id: 'oauth-abort-guard',
    docs: {
      recommended: true,
      url: docsUrl('oauth-abort-guard'),
    },
    severity: 'warning',
    kind: 'static',
    schema: {},
    texts,
    fixable: true,
  },
  create(context) {
    return {
      ConnectedContentTag(node) {
        if (!isTokenCall(node)) return;
        const variable = savedVariable(node);
        if (!variable) return;
        const own = fieldRegions(context, node.field);
        const after = own.filter((r) => r.start >= node.region.end && r.kind === 'tag');
        const verdict = findGuard(after, tokenPatterns(after, variable));
        if (verdict.kind === 'guarded') return;
        if (verdict.kind === 'inverted') {
          const range = context.toRaw(node.field, verdict.region.start, verdict.region.end);
          context.report({ messageId: 'inverted', data: { variable }, startIndex: range.start, endIndex: range.end });
          return;
        }
        const url = ccUrl(node);
        const range = context.toRaw(node.field, url.start, url.end);
        const at = context.toRaw(node.field, node.region.end, node.region.end).start;
        const guard = `{% if ${variable}.access_token == blank %}{% abort_message('Salesforce token request failed') %}{% endif %}`;
        // Without :save, the field may read another name that cc-save-missing's fix turns into the
        // :save; a guard on `connected` would then abort every send. Only fix what the field reads.
        const fixable = ccOption(node, 'save') !== undefined || variableUses(own).some((u) => u.root === variable);
        context.report({
          messageId: 'noGuard',
          data: { variable },
          startIndex: range.start,
          endIndex: range.end,
          ...(fixable ? { fix: [{ startIndex: at, endIndex: at, insert: toJsonStringContent(guard) }] } : {}),
        });
      },
    };
  },
};

type Verdict = { kind: 'guarded' } | { kind: 'none' } | { kind: 'inverted'; region: RegionNode };

/** Patterns for the token: `X.access_token` (or `X['access_token']`), and names assigned from it. */
interface TokenPatterns {
  token: string;
  status: string;
}

function tokenPatterns(tags: RegionNode[], variable: string): TokenPatterns {
  const v = escape(variable);
  const token = `\\b${v}\\s*(?:\\.\\s*access_token(?!\\w)|\\[\\s*['"]access_token['"]\\s*\\])`;
  const aliases: string[] = [];
  for (const tag of tags) {
    if (tag.name !== 'assign') continue;
    const inner = tag.field.text.slice(tag.innerStart, tag.innerEnd);
    const alias = new RegExp(`^\\s*assign\\s+([A-Za-z_]\\w*)\\s*=\\s*${token}\\s*$`).exec(inner);
    if (alias) aliases.push(`\\b${escape(alias[1])}(?![\\w.[])`);
  }
  return { token: [token, ...aliases].join('|'), status: `\\b${v}\\s*\\.\\s*__http_status_code__(?!\\w)` };
}

/** Looks for `if`/`unless` on the token with an `abort_message` in the branch taken on failure. */
function findGuard(tags: RegionNode[], patterns: TokenPatterns): Verdict {
  let inverted: RegionNode | undefined;
  for (let i = 0; i < tags.length; i++) {
    const tag = tags[i];
    if (tag.name !== 'if' && tag.name !== 'unless') continue;
    const condition = conditionOf(tag);
    const failWhenTrue = failurePolarity(condition, patterns);
    if (failWhenTrue === 'unrelated') continue;
    const aborts = abortBranches(tags, i);
    if (aborts.size === 0) continue;
    const onFailure = failWhenTrue === undefined ? undefined : (tag.name === 'unless') !== failWhenTrue ? 'then' : 'else';
    if (onFailure === undefined || aborts.has(onFailure)) return { kind: 'guarded' };
    inverted ??= tag;
  }
  return inverted ? { kind: 'inverted', region: inverted } : { kind: 'none' };
}

function conditionOf(tag: RegionNode): string {
  const inner = tag.field.text.slice(tag.innerStart, tag.innerEnd);
  return inner.replace(/^\s*\w+/, '').replace(/\{\{|\}\}/g, '').trim();
}

/**
 * Whether the condition is true when the token request failed: `X.access_token == blank` → true,
 * `X.access_token` / `!= blank` → false, `X.__http_status_code__ != 200` → true; undefined when
 * it mentions the token but is too complex to tell; `unrelated` when it does not mention it.
 */
function failurePolarity(condition: string, patterns: TokenPatterns): boolean | undefined | 'unrelated' {
  const token = `(?:${patterns.token})`;
  const { status } = patterns;
  if (!new RegExp(`${token}|${status}`).test(condition)) return 'unrelated';
  if (/\s(?:and|or)\s/.test(condition)) return undefined;
  const empty = `(?:blank|nil|null|empty|''|"")`;
  const tokenTest = new RegExp(`^(?:${token}\\s*(==|!=|<>)\\s*${empty}|${empty}\\s*(==|!=|<>)\\s*${token})$`).exec(condition);
  if (tokenTest) return (tokenTest[1] ?? tokenTest[2]) === '==';
  if (new RegExp(`^${token}$`).test(condition)) return false;
  const statusTest = new RegExp(`^${status}\\s*(==|!=|<>)\\s*200$`).exec(condition);
  if (statusTest) return statusTest[1] !== '==';
  return undefined;
}

/** Branches (`then` / `else`) of the block opened at `tags[open]` that contain an abort_message. */
function abortBranches(tags: RegionNode[], open: number): Set<'then' | 'else'> {
  const found = new Set<'then' | 'else'>();
  let depth = 0;
  let branch: 'then' | 'else' = 'then';
  for (let i = open + 1; i < tags.length; i++) {
    const name = tags[i].name ?? '';
    if (BLOCK_TAGS.has(name)) depth++;
    else if (name.startsWith('end') && BLOCK_TAGS.has(name.slice(3))) {
      if (depth === 0) break;
      depth--;
    } else if (depth === 0 && (name === 'else' || name === 'elsif')) branch = 'else';
    else if (name === 'abort_message') found.add(branch);
  }
  return found;
}
