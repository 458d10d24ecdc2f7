/** `*` (no slash), `**` (any depth) and `?` as a RegExp over `/`-separated paths. */
export function globToRegExp(glob: string): RegExp {
  let pattern = '';
  for (let i = 0; i < glob.length; i++) {
    const ch = glob[i];
    if (ch === '*' && glob[i + 1] === '*') {
      pattern += glob[i + 2] === '/' ? '(?:.*/)?' : '.*';
      i += glob[i + 2] === '/' ? 2 : 1;
    } else if (ch === '*') pattern += '[^/]*';
    else if (ch === '?') pattern += '[^/]';
    else pattern += ch.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${pattern}$`);
}

/** Directories never worth walking into: dependencies, VCS data, build output. */
export const SKIPPED_DIRECTORIES: ReadonlySet<string> = new Set(['node_modules', '.git', 'dist', 'out', '.vscode-test', 'test-host']);

/** One directory's entries, as `[name, isDirectory]`; `dir` is '' for the root, else 'a/b'. */
export type ReadDirectory = (dir: string) => Promise<ReadonlyArray<readonly [name: string, isDirectory: boolean]>>;

export interface FindMatchingOptions {
  /** Stop after this many matches. */
  maxResults: number;
  /** Stop after looking at this many entries in all (a huge tree is not walked to the end). */
  maxEntries?: number;
}

/**
 * Paths (relative, `/`-separated, sorted) below a root whose whole relative path matches `glob`
 * (`*`, `**`, `?`; braces are not expanded), found by walking the tree breadth-first through
 * `readDirectory`, skipping SKIPPED_DIRECTORIES. A directory that cannot be read is skipped.
 * The I/O is injected: the editor passes its file system API (any URI scheme), tests a table.
 */
export async function findMatchingFiles(readDirectory: ReadDirectory, glob: string, options: FindMatchingOptions): Promise<string[]> {
  const matcher = globToRegExp(glob);
  const maxEntries = options.maxEntries ?? 10_000;
  const found: string[] = [];
  const queue = [''];
  let seen = 0;
  while (queue.length > 0 && found.length < options.maxResults && seen < maxEntries) {
    const dir = queue.shift() as string;
    let entries: Awaited<ReturnType<ReadDirectory>>;
    try {
      entries = await readDirectory(dir);
    } catch {
      continue;
    }
    for (const [name, isDirectory] of [...entries].sort((a, b) => a[0].localeCompare(b[0]))) {
      if (++seen > maxEntries || found.length >= options.maxResults) break;
      const path = dir ? `${dir}/${name}` : name;
      if (isDirectory) {
        if (!SKIPPED_DIRECTORIES.has(name)) queue.push(path);
      } else if (matcher.test(path)) {
        found.push(path);
      }
    }
  }
  return found.sort();
}
