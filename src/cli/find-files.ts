import { readdirSync, realpathSync, statSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';
import { SKIPPED_DIRECTORIES, TEMPLATE_FILE_SUFFIX, globToRegExp } from '../core';

/** Files a folder may hold next to templates that are never templates themselves. */
const NOT_TEMPLATES = /(?:\.braze-profiles\.json|\.braze-mocks\.json|^braze-webhook\.config\.json|^package(?:-lock)?\.json|^tsconfig.*\.json)$/;

function baseName(path: string): string {
  return path.slice(path.lastIndexOf(sep) + 1);
}

/**
 * Every file below `dir`, symlinks followed: a symlinked file is listed under its link's path, a
 * symlinked folder is walked under its link's path. Each real folder is walked once (`seen` holds
 * real paths), so a link to the folder itself or to an ancestor ends the walk there instead of
 * looping. A dangling link is listed when it is named like a template, so reading it reports it.
 */
function walk(dir: string, out: string[], seen: Set<string> = new Set()): void {
  const real = realpathSync(dir);
  if (seen.has(real)) return;
  seen.add(real);
  const entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const path = join(dir, entry.name);
    const kind = entry.isSymbolicLink() ? linkTarget(path) : entry.isDirectory() ? 'directory' : entry.isFile() ? 'file' : 'other';
    if (kind === 'directory') {
      if (!SKIPPED_DIRECTORIES.has(entry.name)) walk(path, out, seen);
    } else if (kind === 'file' || (kind === 'dangling' && entry.name.endsWith(TEMPLATE_FILE_SUFFIX))) {
      out.push(path);
    }
  }
}

/** What a symlink points at; `dangling` when its target does not exist (or is a loop of links). */
function linkTarget(path: string): 'directory' | 'file' | 'dangling' | 'other' {
  try {
    const stat = statSync(path);
    return stat.isDirectory() ? 'directory' : stat.isFile() ? 'file' : 'other';
  } catch {
    return 'dangling';
  }
}

export interface FoundFiles {
  files: string[];
  /** Paths that do not exist or matched nothing: exit code 2. */
  missing: string[];
  /** Folders given as PATHS with no template below them: exit code 2, nothing was checked there. */
  empty: string[];
  /**
   * Other `*.json` files seen in those folders (not profiles, fixtures or config): the CLI reads
   * them to point out webhook templates that are named wrongly.
   */
  otherJson: string[];
}

/**
 * Expands the CLI's PATHS: a file is taken as it is; a directory means every
 * `*.braze-webhook.json` below it; a pattern with `*`/`?` is matched below its fixed prefix.
 * No argument means the current directory.
 */
export function findTemplateFiles(args: readonly string[]): FoundFiles {
  const files = new Set<string>();
  const missing: string[] = [];
  const empty: string[] = [];
  const otherJson: string[] = [];
  for (const arg of args.length > 0 ? args : ['.']) {
    if (/[*?]/.test(arg)) {
      const normalized = arg.split(sep).join('/');
      const slash = normalized.lastIndexOf('/', normalized.search(/[*?]/));
      const fixed = slash >= 0 ? normalized.slice(0, slash + 1) : '';
      const base = resolve(fixed || '.');
      const matcher = globToRegExp(normalized.slice(fixed.length));
      const found: string[] = [];
      try {
        walk(base, found);
      } catch {
        missing.push(arg);
        continue;
      }
      const matches = found.filter((f) => matcher.test(f.slice(base.length + 1).split(sep).join('/')));
      if (matches.length === 0) missing.push(arg);
      for (const m of matches) files.add(m);
      continue;
    }
    const path = resolve(arg);
    let isDirectory: boolean;
    try {
      isDirectory = statSync(path).isDirectory();
    } catch {
      missing.push(arg);
      continue;
    }
    if (!isDirectory) {
      files.add(path);
      continue;
    }
    const found: string[] = [];
    walk(path, found);
    const templates = found.filter((f) => f.endsWith(TEMPLATE_FILE_SUFFIX));
    if (templates.length === 0) empty.push(arg);
    for (const f of templates) files.add(f);
    otherJson.push(...found.filter((f) => /\.json$/i.test(f) && !f.endsWith(TEMPLATE_FILE_SUFFIX) && !NOT_TEMPLATES.test(baseName(f))));
  }
  return { files: [...files].sort(), missing, empty, otherJson: [...new Set(otherJson)].sort() };
}
