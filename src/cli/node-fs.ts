import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { type DecodedText, type TextEncoding, decodeTextBytes, encodeText, withoutByteOrderMark } from '../core';
import { CliError } from './cli-error';

/** Refused before reading: no template or profile file is this large. */
export const MAX_INPUT_BYTES = 64 * 1024 * 1024;

/** A text file's content and how it was stored, so a fix can write it back the same way. */
export type TextFile = DecodedText;

/** Reads a text file or fails with a one-line message (exit 2). See `readTextFileWithEncoding`. */
export function readTextFile(path: string): string {
  return readTextFileWithEncoding(path).text;
}

/**
 * Reads a text file, decoded by its byte order mark (UTF-16 LE or BE, else UTF-8; see
 * `decodeTextBytes`). Fails with a one-line message (exit 2).
 */
export function readTextFileWithEncoding(path: string): TextFile {
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
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    throw new CliError(`${path}: cannot read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
  return decodeTextBytes(bytes);
}

/** Writes text in the encoding it was read in (a byte order mark is whatever `text` starts with). */
export function writeTextFile(path: string, text: string, encoding: TextEncoding): void {
  writeFileSync(path, encodeText(text, encoding));
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
        // The byte order mark says how the file is stored; it is not part of the block (Braze's
        // blocks are typed in its editor and have none), as the editor reads it too.
        return withoutByteOrderMark(decodeTextBytes(readFileSync(candidate)).text);
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
