import { resolve } from 'node:path';
import { computeLineStarts, makeFixtureResolver, offsetToLineColumn, renderLiquidText } from '../../core';
import { CliError } from '../cli-error';
import { toTerminalSafe } from '../terminal';
import { displayPath, makeContentBlockReader, readTextFile } from '../node-fs';

export interface LiquidOptions {
  templateFile: string;
  context?: string;
}

/**
 * `braze-webhook liquid`: renders one Braze Liquid text (like `npx liquidjs`), the context used
 * as the Liquid scope as it is. Returns the exit code: 1 on abort_message or a Liquid error.
 */
export async function runLiquid(options: LiquidOptions, out: (text: string) => void, err: (text: string) => void): Promise<number> {
  const path = resolve(options.templateFile);
  const source = readTextFile(path);
  const scope = options.context ? readContext(resolve(options.context)) : {};
  const result = await renderLiquidText(source, scope, {
    resolveConnectedContent: makeFixtureResolver({}),
    readContentBlock: makeContentBlockReader(path),
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

function readContext(path: string): Record<string, unknown> {
  const text = readTextFile(path);
  try {
    const value: unknown = JSON.parse(text.replace(/^\uFEFF/, ''));
    if (value && typeof value === 'object' && !Array.isArray(value)) return value as Record<string, unknown>;
    throw new CliError(`${displayPath(path)}:1:1: the context must be a JSON object`);
  } catch (error) {
    if (error instanceof CliError) throw error;
    const position = /position (\d+)/.exec((error as Error).message);
    const at = offsetToLineColumn(computeLineStarts(text), position ? Number(position[1]) : 0);
    throw new CliError(`${displayPath(path)}:${at.line}:${at.column}: not valid JSON (${(error as Error).message})`);
  }
}
