import { type Context, type Emitter, type Liquid, Tag, type TagToken, type Template, type TopLevelToken } from 'liquidjs';
import { FIXTURE_SOURCES } from '../../connected-content/fixture-resolver';
import { isValidBrazeUrl } from '../../connected-content/url';
import type { ConnectedContentOptions, ConnectedContentRequest, ConnectedContentResponse } from '../../types';
import { type CcArgs, type CcOption, parseConnectedContentArgs } from '../connected-content-args';
import { AbortSignal, PositionedError } from '../positioned-error';
import { type RenderSession, sessionOf } from '../render-session';

/** Braze drops a response that takes longer than this. */
export const CONNECTED_CONTENT_TIMEOUT_MS = 2000;

/** Variable Braze saves a JSON response into when there is no `:save`. */
export const DEFAULT_SAVE_VARIABLE = 'connected';

type OptionTemplates = Map<string, Template[] | string>;

/**
 * `{% connected_content URL :option value … %}`: arguments parsed once; at render time the URL
 * and option values are rendered as Liquid, the request is built the way Braze builds it, and
 * the injected resolver answers it (the fixture resolver by default: nothing is ever sent).
 * https://www.braze.com/docs/user_guide/personalization_and_dynamic_content/connected_content/making_an_api_call/
 */
export class ConnectedContentTag extends Tag {
  readonly args: CcArgs;
  /** Offset of the arguments in the liquidjs source, for mapping option positions. */
  readonly argsOffset: number;
  private readonly urlTemplates: Template[] | string;
  private readonly optionTemplates: OptionTemplates = new Map();

  constructor(token: TagToken, remainTokens: TopLevelToken[], liquid: Liquid) {
    super(token, remainTokens, liquid);
    this.argsOffset = token.contentRange[1] - token.args.length;
    this.args = parseConnectedContentArgs(token.args);
    if (this.args.url.text === '') {
      throw new PositionedError('connected_content needs a URL', token.begin, token.end);
    }
    this.urlTemplates = this.parseValue(this.args.url.text, this.args.url.start);
    for (const option of this.args.options) {
      if (option.name && option.value.text) {
        this.optionTemplates.set(option.name, this.parseValue(option.value.text, option.value.start));
      }
    }
  }

  private failInvalidUrl(session: RenderSession, request: ConnectedContentRequest): never {
    const response: ConnectedContentResponse = { status: 0, body: '', source: FIXTURE_SOURCES.invalidUrl };
    session.subrequests.push({ fieldId: session.fieldId, request, response, tagBegin: this.token.begin, tagEnd: this.token.end });
    throw new PositionedError(invalidUrlMessage(request.url), this.token.begin, this.token.end);
  }

  /** The option as written, if present. */
  option(name: string): CcOption | undefined {
    return this.args.options.find((o) => o.name === name);
  }

  private parseValue(text: string, start: number): Template[] | string {
    // Literal values (no Liquid) are kept as text: nothing to parse now or to render later.
    if (!text.includes('{{') && !text.includes('{%')) return text;
    try {
      return this.liquid.parse(text);
    } catch (error) {
      const token = (error as { token?: { begin: number; end: number } }).token;
      const begin = this.argsOffset + start + (token?.begin ?? 0);
      const end = this.argsOffset + start + (token?.end ?? text.length);
      throw new PositionedError(String((error as Error).message).replace(/, line:\d+, col:\d+$/, ''), begin, end);
    }
  }

  *render(ctx: Context, emitter: Emitter): Generator<unknown, void, unknown> {
    const session = sessionOf(ctx);
    if (!session) throw new Error('connected_content has no resolver in this render');
    const url = typeof this.urlTemplates === 'string' ? this.urlTemplates : ((yield this.liquid.renderer.renderTemplates(this.urlTemplates, ctx)) as string);
    const rendered: Record<string, string> = {};
    for (const [name, templates] of this.optionTemplates) {
      rendered[name] = typeof templates === 'string' ? templates : ((yield this.liquid.renderer.renderTemplates(templates, ctx)) as string);
    }
    const request = buildRequest(url.trim(), this.args, rendered);
    if (!isValidBrazeUrl(request.url)) this.failInvalidUrl(session, request);
    const answer = session.deps.resolveConnectedContent(request);
    const response = (answer instanceof Promise ? yield answer : answer) as ConnectedContentResponse;
    session.subrequests.push({ fieldId: session.fieldId, request, response, tagBegin: this.token.begin, tagEnd: this.token.end });
    applyResponse(ctx, emitter, request, response);
  }
}

/**
 * A URL Braze cannot call (`aabbcc`, a `[insert_instance_name]` host, an empty URL): Braze makes
 * no call, the Message Activity Log shows "<url> is not a valid URL" and the message fails. The
 * call is still recorded (answered by nobody) so the preview shows what was attempted.
 * https://www.braze.com/docs/user_guide/getting_started/b2b_use_cases/b2b_salesforce_sales_cloud (Troubleshooting)
 */
function invalidUrlMessage(url: string): string {
  return url === '' ? 'the connected_content URL renders empty, which is not a valid URL' : `${url} is not a valid URL`;
}

/** Builds the request as Braze would send it. */
export function buildRequest(url: string, args: CcArgs, rendered: Record<string, string>): ConnectedContentRequest {
  const options = toOptions(args, rendered);
  const method = (options.method ?? 'GET').toUpperCase();
  const headers: Array<[string, string]> = [];
  const setHeader = (name: string, value: string) => {
    const existing = headers.findIndex(([n]) => n.toLowerCase() === name.toLowerCase());
    if (existing >= 0) headers[existing] = [name, value];
    else headers.push([name, value]);
  };
  // Braze: GET sends Content-Type application/json and Accept */*; a POST body defaults to
  // form encoding; :content_type sets both Content-Type and Accept.
  if (options.contentType) {
    setHeader('Content-Type', options.contentType);
    setHeader('Accept', options.contentType);
  } else if (method === 'POST') {
    setHeader('Content-Type', 'application/x-www-form-urlencoded');
  } else {
    setHeader('Content-Type', 'application/json');
    setHeader('Accept', '*/*');
  }
  for (const [name, value] of Object.entries(options.headers ?? {})) setHeader(name, value);
  if (options.basicAuth) setHeader('Authorization', `Basic <stored credential "${options.basicAuth}">`);
  const body = method === 'GET' ? null : encodeBody(options.body ?? '', options.contentType);
  return { method, url, headers, body, options };
}

function toOptions(args: CcArgs, rendered: Record<string, string>): ConnectedContentOptions {
  const has = (name: string) => args.options.some((o) => o.name === name);
  const options: ConnectedContentOptions = {};
  if (rendered.method !== undefined) options.method = rendered.method.trim();
  if (rendered.body !== undefined) options.body = rendered.body;
  if (rendered.content_type !== undefined) options.contentType = rendered.content_type.trim();
  if (rendered.headers !== undefined) options.headers = parseHeadersOption(rendered.headers);
  if (rendered.save !== undefined) options.save = rendered.save.trim();
  if (rendered.cache_max_age !== undefined) options.cacheMaxAge = Number(rendered.cache_max_age.trim());
  if (rendered.basic_auth !== undefined) options.basicAuth = rendered.basic_auth.trim();
  if (rendered.auth_credentials !== undefined) options.authCredentials = rendered.auth_credentials.trim();
  if (has('no_cache')) options.noCache = true;
  if (has('retry')) options.retry = true;
  return options;
}

function parseHeadersOption(text: string): Record<string, string> {
  try {
    const parsed: unknown = JSON.parse(text);
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return {};
    return Object.fromEntries(Object.entries(parsed).map(([k, v]) => [k, String(v)]));
  } catch {
    return {};
  }
}

/**
 * Braze JSON-encodes a form-style body (`k1=v1&k2=v2`) when `:content_type application/json`
 * is set; otherwise the body goes as written.
 * https://www.braze.com/docs/user_guide/personalization_and_dynamic_content/connected_content/making_an_api_call/
 */
export function encodeBody(body: string, contentType: string | undefined): string {
  const isJson = (contentType ?? '').toLowerCase().startsWith('application/json');
  const trimmed = body.trim();
  if (!isJson || trimmed === '' || trimmed.startsWith('{') || trimmed.startsWith('[')) return body;
  const pairs = trimmed.split('&').map((pair) => {
    const eq = pair.indexOf('=');
    return eq < 0 ? [pair, ''] : [pair.slice(0, eq), pair.slice(eq + 1)];
  });
  return JSON.stringify(Object.fromEntries(pairs));
}

/**
 * What Braze does with the answer: a JSON body is saved into the `:save` variable (or
 * `connected`), with `__http_status_code__` on 2xx objects; other text is inserted in place;
 * a 404 renders empty; a response slower than 2 s is dropped; with `:retry`, a 5xx aborts the
 * message once retries are exhausted.
 */
function applyResponse(ctx: Context, emitter: Emitter, request: ConnectedContentRequest, response: ConnectedContentResponse): void {
  if ((response.delayMs ?? 0) > CONNECTED_CONTENT_TIMEOUT_MS || response.status === 0) return;
  if (request.options.retry && response.status >= 500) {
    const session = sessionOf(ctx);
    const reason = `connected_content to ${request.url} failed after retries (HTTP ${response.status})`;
    if (session) session.aborted = { reason };
    throw new AbortSignal(reason);
  }
  const json = tryParseJson(response.body);
  if (json !== undefined && typeof json === 'object' && json !== null) {
    const saved = !Array.isArray(json) && response.status >= 200 && response.status < 300 ? { ...json, __http_status_code__: response.status } : json;
    ctx.bottom()[request.options.save || DEFAULT_SAVE_VARIABLE] = saved;
    return;
  }
  if (response.status >= 200 && response.status < 300) emitter.write(response.body);
}

function tryParseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
