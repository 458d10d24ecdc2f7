import { Context, type Liquid } from 'liquidjs';
import type { ConnectedContentRequest, ConnectedContentResponse, Dependencies } from '../types';
import type { PrintedCollection } from './ruby-output';

/** One connected_content call made while rendering a field. */
export interface SubRequestRecord {
  /** Field the call was made from (e.g. `header:Authorization`). */
  fieldId: string;
  request: ConnectedContentRequest;
  response: ConnectedContentResponse;
  /** Decoded-text offsets of the tag inside its field, before mapping to the file. */
  tagBegin: number;
  tagEnd: number;
}

/**
 * Per-render state that Braze tags and filters need (clock, resolver, what was called, abort).
 * It is attached to the liquidjs Context rather than to the scope, so templates cannot read it.
 */
export interface RenderSession {
  deps: Dependencies;
  now: Date;
  fieldId: string;
  subrequests: SubRequestRecord[];
  aborted?: { reason: string };
  /** Content blocks being rendered; Braze renders nested blocks only one level deep. */
  contentBlockDepth: number;
  /** Hashes and arrays that outputs printed, in order (a Lead field rarely wants one). */
  printedCollections: PrintedCollection[];
}

/** A fresh session for rendering one field. */
export function createSession(deps: Dependencies, fieldId: string, now: Date): RenderSession {
  return { deps, now, fieldId, subrequests: [], contentBlockDepth: 0, printedCollections: [] };
}

/**
 * Sessions are keyed by the Context's `globals` object: liquidjs hands the same object to the
 * contexts it spawns for `render`/`include`, so partials see the same session. Each render must
 * therefore get its own globals object (see `createRenderContext`).
 */
const sessions = new WeakMap<object, RenderSession>();

function keyOf(ctx: object): object {
  const globals = (ctx as { globals?: unknown }).globals;
  return globals && typeof globals === 'object' ? globals : ctx;
}

export function attachSession(ctx: object, session: RenderSession): void {
  sessions.set(keyOf(ctx), session);
}

export function sessionOf(ctx: object): RenderSession | undefined {
  return sessions.get(keyOf(ctx));
}

/** Braze's send time; `'now'` is UTC in Braze, and the clock is injectable for tests. */
export function nowOf(ctx: object): Date {
  return sessionOf(ctx)?.now ?? new Date();
}

/**
 * A liquidjs Context for one field render, with its own globals (a copy of the engine's, which
 * the Braze plugin fills with `content_blocks`) and the session attached.
 */
export function createRenderContext(scope: object, engine: Liquid, session: RenderSession): Context {
  const ctx = new Context(scope, engine.options, { globals: { ...engine.options.globals } }, { liquid: engine });
  attachSession(ctx, session);
  return ctx;
}
