/**
 * The one HTTP exchange a test send makes at a time. The core never reaches the network: the
 * adapters hand in their `fetch` (the CLI's and the extension host's global one) and
 * `makeFetchTransport` only shapes the exchange the way Braze makes it — no redirects followed,
 * a timeout, cancellable, the answer read whole (ADR 016).
 */

/** A request as it goes on the wire. */
export interface WireRequest {
  method: string;
  url: string;
  headers: Array<[string, string]>;
  body: string | null;
}

/** What came back. */
export interface WireResponse {
  status: number;
  headers: Array<[string, string]>;
  body: string;
  /** Time from sending to the whole answer read. */
  elapsedMs: number;
}

export interface TransportOptions {
  timeoutMs: number;
  signal?: AbortSignal;
}

/** Sends one request; rejects with a `TransportError`. */
export type HttpTransport = (request: WireRequest, options: TransportOptions) => Promise<WireResponse>;

/** Why no answer came: the timeout, the user's cancel, or the network. */
export class TransportError extends Error {
  constructor(
    readonly kind: 'timeout' | 'cancelled' | 'network',
    message: string,
  ) {
    super(message);
    this.name = 'TransportError';
  }
}

/** Braze answers larger than this are not read further (its own Connected Content limit is 1 MB). */
export const MAX_ANSWER_CHARS = 5_000_000;

/** The `fetch` an adapter hands in (the global one, or a test's). */
export type FetchFunction = (url: string, init: { method: string; headers: Array<[string, string]>; body?: string; redirect: 'manual'; signal: AbortSignal }) => Promise<{
  status: number;
  headers: { forEach(callback: (value: string, name: string) => void): void };
  text(): Promise<string>;
}>;

/**
 * A transport over `fetch`: `redirect: 'manual'` because Braze does not follow redirects (a 3xx is
 * the answer); one `AbortController` serves the timeout and the caller's cancel.
 */
export function makeFetchTransport(fetchFunction: FetchFunction, clock: () => number = () => Date.now()): HttpTransport {
  return async (request, { timeoutMs, signal }) => {
    if (signal?.aborted) throw new TransportError('cancelled', 'Cancelled before sending.');
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, timeoutMs);
    const cancel = () => controller.abort();
    signal?.addEventListener('abort', cancel);
    const started = clock();
    try {
      const response = await fetchFunction(request.url, {
        method: request.method,
        headers: request.headers,
        ...(request.body !== null && request.method !== 'GET' && request.method !== 'HEAD' ? { body: request.body } : {}),
        redirect: 'manual',
        signal: controller.signal,
      });
      const headers: Array<[string, string]> = [];
      response.headers.forEach((value, name) => headers.push([name, value]));
      const body = await response.text();
      return { status: response.status, headers, body: body.length > MAX_ANSWER_CHARS ? body.slice(0, MAX_ANSWER_CHARS) : body, elapsedMs: clock() - started };
    } catch (error) {
      if (timedOut) throw new TransportError('timeout', `No answer within ${formatSeconds(timeoutMs)}.`);
      if (signal?.aborted) throw new TransportError('cancelled', 'Cancelled.');
      throw new TransportError('network', `The request failed: ${describeNetworkError(error)}.`);
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener('abort', cancel);
    }
  };
}

function formatSeconds(ms: number): string {
  const seconds = ms / 1000;
  return `${Number.isInteger(seconds) ? seconds : seconds.toFixed(1)} s`;
}

/** `fetch failed` says nothing; its cause (ECONNREFUSED, ENOTFOUND, a TLS error) does. */
function describeNetworkError(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  if (cause?.code) return `${cause.code}${cause.message && !cause.message.includes(cause.code) ? ` (${cause.message})` : ''}`;
  return cause?.message ?? (error as Error).message ?? String(error);
}
