import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { lstatSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';

/** A fresh temporary folder; remove it with `removeWorkspace`. */
export function createWorkspace(prefix: string): string {
  return mkdtempSync(join(tmpdir(), `bw-${prefix}-`));
}

export function removeWorkspace(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

/** Files up to this size are compared by content hash too. */
const HASH_LIMIT = 4 * 1024 * 1024;

/** What identifies one entry of a folder tree: kind, size, mtime and a content hash. */
export interface EntryState {
  kind: 'file' | 'dir' | 'symlink' | 'other';
  size: number;
  mtimeMs: number;
  mode: number;
  /** sha256 of a file's bytes, or a symlink's target. */
  content: string;
}

/**
 * Every entry below `dir` with its size, mode, mtime and (for files up to 4 MB) content hash.
 * Unreadable files (chmod 000 when not root) are recorded by metadata only.
 */
export function snapshotTree(dir: string): Map<string, EntryState> {
  const states = new Map<string, EntryState>();
  const visit = (path: string) => {
    const stat = lstatSync(path);
    const key = relative(dir, path) || '.';
    if (stat.isSymbolicLink()) {
      states.set(key, { kind: 'symlink', size: stat.size, mtimeMs: stat.mtimeMs, mode: stat.mode, content: readlinkSync(path) });
    } else if (stat.isDirectory()) {
      states.set(key, { kind: 'dir', size: 0, mtimeMs: stat.mtimeMs, mode: stat.mode, content: '' });
      for (const name of readdirSync(path)) visit(join(path, name));
    } else if (stat.isFile()) {
      let content: string;
      try {
        // Size and mtime already catch any write; hashing is for small files only, to stay fast.
        content = stat.size <= HASH_LIMIT ? createHash('sha256').update(readFileSync(path)).digest('hex') : '(large: size and mtime only)';
      } catch {
        content = '(unreadable)';
      }
      states.set(key, { kind: 'file', size: stat.size, mtimeMs: stat.mtimeMs, mode: stat.mode, content });
    } else {
      states.set(key, { kind: 'other', size: stat.size, mtimeMs: stat.mtimeMs, mode: stat.mode, content: '' });
    }
  };
  visit(dir);
  return states;
}

/**
 * Fails when anything below the snapshot's folder was created, deleted or changed (content,
 * size, mode or mtime), except the paths in `allowed` (relative to the folder).
 */
export function assertTreeUnchanged(before: Map<string, EntryState>, after: Map<string, EntryState>, what: string, allowed: readonly string[] = []): void {
  const changed: string[] = [];
  for (const key of new Set([...before.keys(), ...after.keys()])) {
    if (allowed.includes(key)) continue;
    const a = before.get(key);
    const b = after.get(key);
    if (!a) changed.push(`created ${key}`);
    else if (!b) changed.push(`deleted ${key}`);
    else if (a.kind === 'dir' && b.kind === 'dir') continue;
    else if (a.content !== b.content || a.size !== b.size || a.mtimeMs !== b.mtimeMs || a.mode !== b.mode) changed.push(`modified ${key}`);
  }
  assert.deepEqual(changed, [], `${what} touched user files`);
}
