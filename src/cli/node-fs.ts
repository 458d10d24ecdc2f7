import { readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { CliError } from './cli-error';

/** Refused before reading: no template or profile file is this large. */
export const MAX_INPUT_BYTES = 64 * 1024 * 1024;

/** Reads a UTF-8 text file or fails with a one-line message (exit 2). */
export function readTextFile(path: string): string {
  let size: number;
  try {
    const stat = statSync(path);
    if (stat.isDirectory()) throw new CliError(`${path}: is a directory, not a file`);
    size = stat.size;
  } catch (error) {
    if (error instanceof CliError) throw error;
    throw new CliError(`${path}: cannot read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
  if (size > MAX_INPUT_BYTES) throw new CliError(`${path}: file is ${Math.round(size / 1048576)} MB; the limit is ${MAX_INPUT_BYTES / 1048576} MB`);
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    throw new CliError(`${path}: cannot read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
}

/** True when the bytes are not text (a NUL byte in the first 8 KB, like git's heuristic). */
export function looksBinary(text: string): boolean {
  return text.slice(0, 8192).includes('\u0000');
}

/**
 * `content_blocks/<name>.liquid` next to the template, then at the workspace root (the current
 * directory for the CLI).
 */
export function makeContentBlockReader(templatePath: string, root: string = process.cwd()): (name: string) => string | undefined {
  const folders = [dirname(templatePath), root];
  return (name) => {
    if (/[\\/]|^\.\.?$/.test(name)) return undefined;
    for (const folder of folders) {
      const candidate = join(folder, 'content_blocks', `${name}.liquid`);
      try {
        return readFileSync(candidate, 'utf8');
      } catch {
        // try the next folder
      }
    }
    return undefined;
  };
}

/** A path as the user would like to read it: relative to the current directory when shorter. */
export function displayPath(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel && !rel.startsWith('..') && rel.length < path.length ? rel : path;
}
