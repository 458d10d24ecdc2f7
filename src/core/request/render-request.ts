import type { Liquid } from 'liquidjs';
import type { AttributeReference } from '../liquid/braze-syntax';
import { type CompiledField, compileTemplate, decodedRangeToRaw, innermostError, sourceRangeToRaw, toErrorInfo } from '../liquid/compile';
import { sharedBrazeEngine } from '../liquid/create-braze-engine';
import { AbortSignal } from '../liquid/positioned-error';
import { createRenderContext, createSession, type RenderSession } from '../liquid/render-session';
import { CONNECTED_CONTENT_TIMEOUT_MS } from '../liquid/tags/connected-content';
import type { TemplateFile } from '../template/template-file';
import type { Dependencies, Problem, ProfileRef } from '../types';
import { classifyMissingReference, formatMissingReference } from './missing-reference';
import type { RenderedField, RenderedRequest, RenderedSubRequest } from './rendered-request';

export { describeReference } from './missing-reference';

/** What to render for: the Liquid scope of a profile and how to name it in problems. */
export interface RenderTarget {
  scope: Record<string, unknown>;
  ref?: ProfileRef;
}

/**
 * Fields that already hit a render or memory limit, with the problem message. Later profiles skip
 * them, so a hostile loop costs one limit per lint or preview, not one per profile.
 */
const limitHits = new WeakMap<CompiledField, string>();

/** Braze's composer defaults to POST. */
const DEFAULT_METHOD = 'POST';

/** Namespaces whose values come from the profile (content blocks come from files). */
const PROFILE_NAMESPACES_SKIPPED = new Set(['content_blocks']);

/**
 * Renders the webhook for one profile. Each field (URL, each header, the body or each body value)
 * renders in its own Liquid scope, as Braze does, so a `:save` variable exists only in the field
 * that made the call. Never throws; problems carry raw-file offsets.
 */
export async function renderRequest(
  file: TemplateFile,
  target: RenderTarget,
  deps: Dependencies,
  engine: Liquid = sharedBrazeEngine(),
): Promise<RenderedRequest> {
  const compiled = compileTemplate(file, engine);
  const now = deps.now?.() ?? new Date();
  const request: RenderedRequest = {
    method: (file.method?.value ?? DEFAULT_METHOD).toUpperCase(),
    url: '',
    headers: [],
    body: file.bodyMode === 'none' ? null : '',
    bodyMode: file.bodyMode,
    subrequests: [],
    aborted: null,
    problems: [],
    fields: [],
    profile: target.ref,
  };
  for (const field of compiled.fields) {
    if (request.aborted) break;
    const value = await renderField(field, target, deps, now, engine, request);
    if (value !== undefined) request.fields.push({ fieldId: field.field.id, value });
    // Liquid after an abort_message never renders: its references are not "rendered empty".
    const aborted = request.aborted as RenderedRequest['aborted'];
    const abortedAt = aborted?.fieldId === field.field.id ? aborted.range.end : Infinity;
    request.problems.push(...missingAttributeProblems(field, target).filter((p) => p.startIndex < abortedAt));
  }
  assemble(file, request);
  if (target.ref) for (const problem of request.problems) problem.profile = target.ref;
  return request;
}

async function renderField(
  compiledField: CompiledField,
  target: RenderTarget,
  deps: Dependencies,
  now: Date,
  engine: Liquid,
  request: RenderedRequest,
): Promise<string | undefined> {
  const { field, templates, parseError } = compiledField;
  if (!templates) {
    request.problems.push({ ruleId: 'render-error', severity: 'error', message: `Liquid does not parse: ${parseError?.message}`, startIndex: parseError?.startIndex ?? field.valueRange.start, endIndex: parseError?.endIndex ?? field.valueRange.end });
    return undefined;
  }
  const earlierHit = limitHits.get(compiledField);
  if (earlierHit) {
    request.problems.push({ ruleId: 'render-error', severity: 'error', message: earlierHit, startIndex: field.valueRange.start, endIndex: field.valueRange.end });
    return undefined;
  }
  const session = createSession(deps, field.id, now);
  const ctx = createRenderContext(target.scope, engine, session);
  try {
    const value = (await engine.render(templates, ctx)) as string;
    collectSubrequests(compiledField, session, request);
    collectPrintedCollections(session, request);
    return value;
  } catch (error) {
    collectSubrequests(compiledField, session, request);
    collectPrintedCollections(session, request);
    if (session.aborted || innermostError(error) instanceof AbortSignal) {
      const reason = session.aborted?.reason ?? (innermostError(error) as AbortSignal).reason;
      const info = toErrorInfo(compiledField, error);
      request.aborted = { reason, fieldId: field.id, range: { start: info.startIndex, end: info.endIndex } };
      return undefined;
    }
    const info = toErrorInfo(compiledField, error);
    const message = describeRenderError(info.message);
    if (isLimit(info.message)) limitHits.set(compiledField, message);
    request.problems.push({ ruleId: 'render-error', severity: 'error', message, startIndex: info.startIndex, endIndex: info.endIndex });
    return undefined;
  }
}

const MEMORY_LIMIT = /memory alloc limit exceeded|invalid string length|invalid array length/i;
const TIME_LIMIT = /render limit exceeded/i;

function isLimit(message: string): boolean {
  return MEMORY_LIMIT.test(message) || TIME_LIMIT.test(message);
}

function describeRenderError(message: string): string {
  if (MEMORY_LIMIT.test(message)) return 'Render stopped: the memory limit was hit (a huge range or string). Braze would fail this message too.';
  if (TIME_LIMIT.test(message)) return 'Render stopped: the time limit was hit (a very long loop). Braze would fail this message too.';
  return `Liquid failed while rendering: ${message}`;
}

function collectSubrequests(compiledField: CompiledField, session: RenderSession, request: RenderedRequest): void {
  for (const call of session.subrequests) {
    const sub: RenderedSubRequest = {
      fieldId: call.fieldId,
      method: call.request.method,
      url: call.request.url,
      headers: call.request.headers,
      body: call.request.body,
      options: call.request.options,
      response: {
        status: call.response.status,
        body: call.response.body,
        delayMs: call.response.delayMs,
        source: call.response.source,
        dropped: call.response.status === 0 || (call.response.delayMs ?? 0) > CONNECTED_CONTENT_TIMEOUT_MS,
      },
      range: sourceRangeToRaw(compiledField, call.tagBegin, call.tagEnd),
    };
    request.subrequests.push(sub);
  }
  session.subrequests.length = 0;
}

function collectPrintedCollections(session: RenderSession, request: RenderedRequest): void {
  if (session.printedCollections.length === 0) return;
  request.printedCollections ??= [];
  for (const printed of session.printedCollections) request.printedCollections.push({ fieldId: session.fieldId, ...printed });
}

/** Puts the rendered fields together into method, URL, headers and body. */
function assemble(file: TemplateFile, request: RenderedRequest): void {
  const byId = new Map<string, string>(request.fields.map((f: RenderedField) => [f.fieldId, f.value]));
  // Fidelity assumption: Braze trims the URL and header values (HTTP forbids line breaks there).
  request.url = (byId.get('url') ?? '').trim();
  request.headers = file.headers.filter((h) => byId.has(h.id)).map((h) => [h.key ?? '', (byId.get(h.id) ?? '').trim()]);
  if (request.aborted) {
    // Braze sends nothing; a half-built body would only mislead.
    request.body = null;
  } else if (file.bodyMode === 'raw') {
    request.body = byId.get('body') ?? '';
  } else if (file.bodyMode === 'json') {
    // Fidelity assumption (not documented in these words): the composer builds one JSON object
    // whose members are the rendered values as strings, escaped by construction.
    const entries = file.body.filter((f) => byId.has(f.id)).map((f) => [f.key ?? '', byId.get(f.id) ?? '']);
    request.body = JSON.stringify(Object.fromEntries(entries));
  }
}

/**
 * Info problems for `${…}` references the profile has no value for, saying what Braze renders
 * instead (empty, the output's `default`, nil in a tag: see `classifyMissingReference`).
 */
function missingAttributeProblems(compiledField: CompiledField, target: RenderTarget): Problem[] {
  const problems: Problem[] = [];
  const { field, rewrite } = compiledField;
  for (const reference of rewrite.references) {
    if (PROFILE_NAMESPACES_SKIPPED.has(reference.namespace)) continue;
    if (lookupReference(target.scope, reference) !== undefined) continue;
    const range = decodedRangeToRaw(field, reference.start, reference.end);
    problems.push({
      ruleId: 'render-missing-attribute',
      severity: 'info',
      message: formatMissingReference(classifyMissingReference(field.text, rewrite.regions, reference)),
      startIndex: range.start,
      endIndex: range.end,
    });
  }
  return problems;
}

/** The profile value a reference points at; `undefined` when missing, null or empty. */
export function lookupReference(scope: Record<string, unknown>, reference: AttributeReference): unknown {
  const path = [...(reference.namespace ? reference.namespace.split('.') : []), ...reference.name.split('.')];
  let current: unknown = scope;
  for (const key of path) {
    if (current === null || typeof current !== 'object' || !Object.prototype.hasOwnProperty.call(current, key)) return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current === null || current === '' ? undefined : current;
}
