import { type Context, type Liquid, Tag, type TagToken, type TopLevelToken } from 'liquidjs';
import { AbortSignal } from '../positioned-error';
import { sessionOf } from '../render-session';

/** What Braze logs for `{% abort_message %}` without a reason. */
export const DEFAULT_ABORT_REASON = '{% abort_message %} called';

/**
 * `{% abort_message('reason') %}` stops the message; the reason is a plain string, never Liquid.
 * https://www.braze.com/docs/user_guide/personalization_and_dynamic_content/liquid/aborting_messages/
 */
export class AbortMessageTag extends Tag {
  readonly reason: string;

  constructor(token: TagToken, remainTokens: TopLevelToken[], liquid: Liquid) {
    super(token, remainTokens, liquid);
    this.reason = parseAbortReason(token.args);
  }

  render(ctx: Context): void {
    const session = sessionOf(ctx);
    if (session) session.aborted = { reason: this.reason };
    throw new AbortSignal(this.reason);
  }
}

/** `('x')`, `("x")`, `()` or nothing; anything else is kept as written so it shows up in logs. */
export function parseAbortReason(args: string): string {
  const trimmed = args.trim();
  if (trimmed === '' || /^\(\s*\)$/.test(trimmed)) return DEFAULT_ABORT_REASON;
  const quoted = /^\(?\s*(['"])([\s\S]*)\1\s*\)?$/.exec(trimmed);
  return quoted ? quoted[2] : trimmed.replace(/^\(|\)$/g, '');
}
