/**
 * An error that knows its range in the liquidjs source (the rewritten text), for problems found
 * inside tag arguments that liquidjs only sees as one token.
 */
export class PositionedError extends Error {
  constructor(
    message: string,
    readonly start: number,
    readonly end: number,
  ) {
    super(message);
    this.name = 'PositionedError';
  }
}

/** Thrown by `{% abort_message %}` to stop the render; the reason is on the session. */
export class AbortSignal extends Error {
  constructor(readonly reason: string) {
    super(`aborted: ${reason}`);
    this.name = 'AbortSignal';
  }
}
