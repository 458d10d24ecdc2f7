import type { Profile } from './parse-profiles';

/**
 * `profiles` with labels that differ from every label in `taken` and from each other: a label
 * already in use gets ` (<marker>)`, then a number. The built-in edge profiles use real-looking
 * ids (a valid Lead Id is one of the cases), which may be a user's own id too; two rows with the
 * same label would make the matrix and the pickers ambiguous.
 */
export function withDistinctLabels(profiles: readonly Profile[], taken: Iterable<string>, marker: string): Profile[] {
  const used = new Set(taken);
  return profiles.map((profile) => {
    let label = profile.ref.label;
    if (used.has(label)) {
      label = `${profile.ref.label} (${marker})`;
      for (let n = 2; used.has(label); n++) label = `${profile.ref.label} (${marker} ${n})`;
    }
    used.add(label);
    return label === profile.ref.label ? profile : { ...profile, ref: { ...profile.ref, label } };
  });
}
