import { sha256 } from '@noble/hashes/sha2';
import { utf8ToBytes } from '@noble/hashes/utils';

const SUFFIX_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ012345';
const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/**
 * The 18-character form of a 15-character Salesforce Id: the 3-character suffix encodes which
 * characters are upper case, 5 per suffix character (domain.md §7; verified against
 * `00QKY000001LyJR` → `2A0`).
 */
export function toEighteenCharId(id15: string): string {
  let suffix = '';
  for (let chunk = 0; chunk < 3; chunk++) {
    let bits = 0;
    for (let i = 0; i < 5; i++) {
      const ch = id15[chunk * 5 + i] ?? '';
      if (ch >= 'A' && ch <= 'Z') bits |= 1 << i;
    }
    suffix += SUFFIX_ALPHABET[bits];
  }
  return id15 + suffix;
}

/**
 * A made-up but well-formed 18-character Id with the given 3-character key prefix (`00D` org,
 * `005` user), the same for the same seed. Shaped like real Ids: prefix, pod, zeros, sequence.
 */
export function fakeSalesforceId(prefix: string, seed: string): string {
  const digest = sha256(utf8ToBytes(`${prefix}:${seed}`));
  let sequence = '';
  for (let i = 0; i < 5; i++) sequence += BASE62[digest[i] % 62];
  return toEighteenCharId(`${prefix}5g00000${sequence}`);
}

/** Deterministic pseudo-random text over `alphabet`, derived from `seed` by chained SHA-256. */
export function deterministicText(seed: string, length: number, alphabet: string): string {
  let out = '';
  for (let block = 0; out.length < length; block++) {
    for (const byte of sha256(utf8ToBytes(`${seed}#${block}`))) {
      if (out.length === length) break;
      out += alphabet[byte % alphabet.length];
    }
  }
  return out;
}
