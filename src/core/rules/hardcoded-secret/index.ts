import type { RuleDefinition } from '../../lint/types';
import { docsUrl } from '../docs-url';
import { hasLiquid, isPlaceholder, tokenBodyParams } from '../oauth-helpers';

/** Form parameters that carry a secret. */
const SECRET_PARAMS = new Set(['client_secret', 'password']);

/**
 * A client secret written into the template is readable by everyone who can open the template,
 * its exports and its repository. Braze can hold credentials itself (Settings → Connected Content)
 * and add them to a call with `:basic_auth` or `:auth_credentials`
 * (https://www.braze.com/docs/user_guide/personalization_and_dynamic_content/connected_content/making_an_api_call/#authentication-types).
 * Placeholders such as `[insert_client_secret]` are the `placeholder` rule's.
 */
export const HardcodedSecret: RuleDefinition = {
  meta: {
    id: 'hardcoded-secret',
    docs: {
      description: 'No literal client secret or password in a connected_content :body.',
      recommended: true,
      url: docsUrl('hardcoded-secret'),
    },
    severity: 'warning',
    kind: 'static',
    schema: {},
    messages: {
      literalSecret:
        'A literal {{param}} is written into this template: anyone who can read the template, an export of it or its repository can use it. Store it as a Braze Connected Content credential (Settings → Connected Content) and use :basic_auth or :auth_credentials instead.',
    },
  },
  create(context) {
    return {
      ConnectedContentTag(node) {
        const body = tokenBodyParams(node);
        for (const param of body?.params ?? []) {
          const name = param.name.text.trim();
          const value = param.value.text.trim();
          if (!SECRET_PARAMS.has(name) || value === '' || hasLiquid(value) || isPlaceholder(value)) continue;
          const range = context.toRaw(node.field, param.value.start, param.value.end);
          context.report({ messageId: 'literalSecret', data: { param: name }, startIndex: range.start, endIndex: range.end });
        }
      },
    };
  },
};
