import assert from 'node:assert/strict';
import { withDistinctLabels } from './distinct-labels';
import { BUILTIN_EDGE_PROFILES } from './edge-profiles';
import { parseProfiles } from './parse-profiles';

describe('withDistinctLabels', () => {
  const users = parseProfiles(JSON.stringify({ users: [{ external_id: '00QKY000001LyJR2A0' }, { external_id: 'ana' }] })).profiles;
  const edge = parseProfiles(JSON.stringify(BUILTIN_EDGE_PROFILES)).profiles;

  it('gives the built-in valid-Lead-Id profile its own label when a user has that id (issue 12)', () => {
    const labelled = withDistinctLabels(edge, users.map((u) => u.ref.label), 'built-in');
    const all = [...users.map((u) => u.ref.label), ...labelled.map((p) => p.ref.label)];
    assert.equal(new Set(all).size, all.length, all.join(', '));
    assert.ok(labelled.some((p) => p.ref.label === '00QKY000001LyJR2A0 (built-in)'));
    // The user data itself is untouched: only the label changes.
    assert.equal(labelled.find((p) => p.ref.label.startsWith('00QKY'))?.ref.external_id, '00QKY000001LyJR2A0');
  });

  it('keeps labels that are already distinct, and numbers repeated clashes', () => {
    const same = parseProfiles(JSON.stringify([{ external_id: 'a' }, { external_id: 'a' }, { external_id: 'b' }])).profiles;
    assert.deepEqual(withDistinctLabels(same, ['a'], 'x').map((p) => p.ref.label), ['a (x)', 'a (x 2)', 'b']);
    assert.equal(withDistinctLabels(same, [], 'x')[2], same[2]);
  });
});
