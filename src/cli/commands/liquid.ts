import { resolve } from 'node:path';
import { computeLineStarts, makeFixtureResolver, offsetToLineColumn, renderLiquidText, withoutByteOrderMark } from '../../core';
import { contextToLiquidScope } from '../../core/profile/context-scope';
import { CliError } from '../cli-error';
import { toTerminalSafe } from '../terminal';
import { displayPath, makeContentBlockReader, readTextFile } from '../node-fs';

export interface LiquidOptions {
  templateFile: string;
  context?: string;
  /** Braze's send time (`'now'`), ISO 8601; the real time when absent. */
  now?: string;
}

/**
 * `braze-webhook liquid`: renders one Braze Liquid text (like `npx liquidjs`). The context is a
 * Liquid scope used as it is, or a Braze export user mapped as a sample profile is. Returns the
 * exit code: 1 on abort_message or a Liquid error.
 */
export async function runLiquid(options: LiquidOptions, out: (text: string) => void, err: (text: string) => void): Promise<number> {
  const path = resolve(options.templateFile);
  const source = readTextFile(path);
  const scope = options.context ? readContext(resolve(options.context)) : {};
  const now = options.now === undefined ? undefined : parseNow(options.now);
  const result = await renderLiquidText(source, scope, {
    resolveConnectedContent: makeFixtureResolver({}),
    readContentBlock: makeContentBlockReader(path),
    ...(now ? { now: () => now } : {}),
  });
  if (result.error) {
    const at = offsetToLineColumn(computeLineStarts(source), result.error.startIndex);
    err(`${displayPath(path)}:${at.line}:${at.column}: ${result.error.message}\n`);
    return 1;
  }
  out(toTerminalSafe(result.output));
  if (result.aborted) {
    err(`aborted: ${result.aborted.reason}\n`);
    return 1;
  }
  return 0;
}

/** The Liquid scope from a context file: a Liquid-scope object, or a Braze export user (see contextToLiquidScope). */
function readContext(path: string): Record<string, unknown> {
  const text = withoutByteOrderMark(readTextFile(path));
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const position = /position (\d+)/.exec((error as Error).message);
    const at = offsetToLineColumn(computeLineStarts(text), position ? Number(position[1]) : 0);
    throw new CliError(`${displayPath(path)}:${at.line}:${at.column}: not valid JSON (${(error as Error).message})`);
  }
  if (!value || typeof value !== 'object') {
    throw new CliError(`${displayPath(path)}:1:1: the context must be a JSON object (a Liquid scope or a Braze export user)`);
  }
  const read = contextToLiquidScope(text, value);
  if (read.kind === 'not-one-user') {
    throw new CliError(`${displayPath(path)}:1:1: the context holds ${read.users} users; \`liquid\` renders for one. Keep one user object, or use \`render --profiles\` for several.`);
  }
  return read.scope;
}

function parseNow(text: string): Date {
  const time = /^\d{4}-\d{2}-\d{2}/.test(text) ? new Date(text) : new Date(NaN);
  if (Number.isNaN(time.getTime())) throw new CliError(`--now takes an ISO 8601 time such as 2026-03-01T12:00:00Z, not "${text}"`);
  return time;
}
