import assert from 'node:assert/strict';
import { type ReadDirectory, findMatchingFiles, globToRegExp } from './glob';

describe('globToRegExp', () => {
  const cases: Array<[glob: string, path: string, matches: boolean]> = [
    ['**/*.braze-profiles.json', 'sample.braze-profiles.json', true],
    ['**/*.braze-profiles.json', 'a/b/sample.braze-profiles.json', true],
    ['**/*.braze-profiles.json', 'sample.braze-profiles.json.bak', false],
    ['*.json', 'a/x.json', false],
    ['profiles/?.json', 'profiles/a.json', true],
    ['profiles/?.json', 'profiles/ab.json', false],
    ['a.b', 'axb', false],
  ];
  for (const [glob, path, matches] of cases) {
    it(`${glob} ${matches ? 'matches' : 'does not match'} ${path}`, () => {
      assert.equal(globToRegExp(glob).test(path), matches);
    });
  }
});

describe('findMatchingFiles (injected directory reads)', () => {
  /** A tree as `dir → entries`; a directory name ending in '/' is a directory. */
  const tree: Record<string, string[]> = {
    '': ['z.braze-profiles.json', 'profiles/', 'node_modules/', '.git/', '.vscode/', 'broken/', 'notes.txt'],
    profiles: ['a.braze-profiles.json', 'deep/'],
    'profiles/deep': ['b.braze-profiles.json'],
    node_modules: ['pkg.braze-profiles.json'],
    '.git': ['x.braze-profiles.json'],
    '.vscode': ['team.braze-profiles.json'],
  };
  const reads: string[] = [];
  const readDirectory: ReadDirectory = async (dir) => {
    reads.push(dir);
    const entries = tree[dir];
    if (!entries) throw new Error(`EACCES ${dir}`);
    return entries.map((e) => [e.replace(/\/$/, ''), e.endsWith('/')] as const);
  };

  it('finds every match at any depth, sorted, skipping dependency and VCS folders, and survives an unreadable folder', async () => {
    reads.length = 0;
    const found = await findMatchingFiles(readDirectory, '**/*.braze-profiles.json', { maxResults: 50 });
    assert.deepEqual(found, ['.vscode/team.braze-profiles.json', 'profiles/a.braze-profiles.json', 'profiles/deep/b.braze-profiles.json', 'z.braze-profiles.json']);
    assert.ok(!reads.includes('node_modules') && !reads.includes('.git'), `walked into ${reads.join(', ')}`);
    assert.ok(reads.includes('broken'), 'the unreadable folder was tried');
  });

  it('stops at maxResults and at maxEntries', async () => {
    assert.equal((await findMatchingFiles(readDirectory, '**/*.braze-profiles.json', { maxResults: 2 })).length, 2);
    assert.deepEqual(await findMatchingFiles(readDirectory, '**/*.braze-profiles.json', { maxResults: 50, maxEntries: 7 }), ['z.braze-profiles.json'], 'the root has 7 entries: nothing below it is looked at');
  });

  it('matches the whole relative path, not only the name', async () => {
    assert.deepEqual(await findMatchingFiles(readDirectory, 'profiles/*.braze-profiles.json', { maxResults: 50 }), ['profiles/a.braze-profiles.json']);
  });
});
