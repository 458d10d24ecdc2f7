import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const repo = join(__dirname, '../..');

describe('precompiled schema validators', () => {
  it('are up to date with schemas/ (run `node scripts/build-validators.mjs` after editing a schema)', async () => {
    const { generateValidators } = (await import(join(repo, 'scripts/build-validators.mjs'))) as { generateValidators: () => string };
    assert.equal(readFileSync(join(repo, 'src/core/schema/generated/validators.js'), 'utf8'), generateValidators());
  });
});
