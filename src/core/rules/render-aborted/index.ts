import type { RuleDefinition } from '../../lint/types';
import { DEFAULT_ABORT_REASON } from '../../liquid/tags/abort-message';
import { docsUrl } from '../docs-url';
import { quoteRendered } from '../rendered-helpers';
import texts from './texts.json';

/**
 * The message aborts for a profile (`abort_message`, or connected_content retries exhausted):
 * Braze sends nothing for that user, logs the reason in the Message Activity Log, does not count
 * a send, and in a Canvas the user moves on to the next step. Often intended (a guard), so info.
 * https://www.braze.com/docs/user_guide/personalization_and_dynamic_content/liquid/aborting_messages/
 */
export const RenderAborted: RuleDefinition = {
  meta: {
    id: 'render-aborted',
    docs: {
      recommended: true,
      url: docsUrl('render-aborted'),
    },
    severity: 'info',
    kind: 'rendered',
    schema: {},
    texts,
  },
  create(context) {
    return {
      RenderedRequest(request) {
        if (!request.aborted) return;
        const { reason, range } = request.aborted;
        context.report({
          messageId: reason === DEFAULT_ABORT_REASON ? 'abortedNoReason' : 'aborted',
          data: { reason: quoteRendered(request, reason, 200) },
          startIndex: range.start,
          endIndex: range.end,
        });
      },
    };
  },
};
