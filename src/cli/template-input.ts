import { resolve } from 'node:path';
import { MAX_TEMPLATE_CHARS, type TemplateFile, offsetToLineColumn, parseTemplateFile } from '../core';
import { CliError } from './cli-error';
import { displayPath, looksBinary, readTextFile } from './node-fs';

/** One template a command works on: parsed, with its absolute path and the path to show. */
export interface TemplateInput {
  file: TemplateFile;
  path: string;
  shown: string;
}

/** Reads and parses a TEMPLATE argument; a binary file or invalid JSON is an input error (exit 2) at its position. */
export function loadTemplate(argument: string): TemplateInput {
  const path = resolve(argument);
  const text = readTextFile(path);
  const shown = displayPath(path);
  if (looksBinary(text)) throw new CliError(`${shown}:1:1: not a text file`);
  const file = parseTemplateFile(text);
  if (file.syntaxErrors.length > 0) {
    const first = file.syntaxErrors[0];
    const at = offsetToLineColumn(file.lineStarts, first.startIndex);
    const why = file.text.length > MAX_TEMPLATE_CHARS ? '' : ' (the template is not valid JSON)';
    throw new CliError(`${shown}:${at.line}:${at.column}: ${first.message}${why}`);
  }
  return { file, path, shown };
}
