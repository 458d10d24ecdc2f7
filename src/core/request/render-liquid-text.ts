import type { Liquid } from 'liquidjs';
import { compileField, innermostError, type LiquidErrorInfo, toErrorInfo } from '../liquid/compile';
import { sharedBrazeEngine } from '../liquid/create-braze-engine';
import { AbortSignal } from '../liquid/positioned-error';
import { createRenderContext, createSession } from '../liquid/render-session';
import { plainTextField } from '../template/template-file';
import type { Dependencies } from '../types';

export interface LiquidTextResult {
  output: string;
  aborted?: { reason: string };
  /** Parse or render error, with offsets into the source text. */
  error?: LiquidErrorInfo;
}

/** Renders one Braze Liquid text with `scope` used as the Liquid scope as it is. Never throws. */
export async function renderLiquidText(
  source: string,
  scope: Record<string, unknown>,
  deps: Dependencies,
  engine: Liquid = sharedBrazeEngine(),
): Promise<LiquidTextResult> {
  const compiled = compileField(plainTextField(source), engine);
  if (!compiled.templates) return { output: '', error: compiled.parseError };
  const session = createSession(deps, 'text', deps.now?.() ?? new Date());
  const ctx = createRenderContext(scope, engine, session);
  try {
    return { output: (await engine.render(compiled.templates, ctx)) as string };
  } catch (error) {
    const inner = innermostError(error);
    if (session.aborted || inner instanceof AbortSignal) {
      return { output: '', aborted: { reason: session.aborted?.reason ?? (inner as AbortSignal).reason } };
    }
    return { output: '', error: toErrorInfo(compiled, error) };
  }
}
