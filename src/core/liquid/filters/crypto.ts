/**
 * Braze's encoding filters: digests, HMAC signatures and base64, all over the UTF-8 bytes of
 * the input. Pure JavaScript (@noble/hashes) so the core runs anywhere, without `node:crypto`.
 * https://www.braze.com/docs/user_guide/personalization_and_dynamic_content/liquid/advanced_filters/#encoding-filters
 */
import { hmac } from '@noble/hashes/hmac';
import { md5 as md5Hash, sha1 as sha1Hash } from '@noble/hashes/legacy';
import { sha256 as sha256Hash, sha512 as sha512Hash } from '@noble/hashes/sha2';
import type { CHash } from '@noble/hashes/utils';
import { toValue } from 'liquidjs';
import type { FilterImplementation } from './index';
import { toText } from './escape';

const utf8 = new TextEncoder();
const BASE64_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Lower-case hex of `bytes`, the form Braze's examples show. */
export function toHex(bytes: Uint8Array): string {
  let out = '';
  for (const b of bytes) out += b.toString(16).padStart(2, '0');
  return out;
}

/** Standard base64 (RFC 4648 §4) with `=` padding and no line breaks. */
export function toBase64(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const b0 = bytes[i];
    const b1 = i + 1 < bytes.length ? bytes[i + 1] : 0;
    const b2 = i + 2 < bytes.length ? bytes[i + 2] : 0;
    const triple = (b0 << 16) | (b1 << 8) | b2;
    out += BASE64_ALPHABET[(triple >> 18) & 63] + BASE64_ALPHABET[(triple >> 12) & 63];
    out += i + 1 < bytes.length ? BASE64_ALPHABET[(triple >> 6) & 63] : '=';
    out += i + 2 < bytes.length ? BASE64_ALPHABET[triple & 63] : '=';
  }
  return out;
}

function digestHex(hash: CHash, value: unknown): string {
  return toHex(hash(utf8.encode(toText(value))));
}

/**
 * HMAC of the input under `key`. A missing key is an error rather than an empty key: a nil
 * secret would otherwise yield a valid-looking but wrong signature in the preview (Ruby's
 * OpenSSL::HMAC also refuses nil).
 */
function sign(name: string, hash: CHash, value: unknown, key: unknown): Uint8Array {
  const k: unknown = toValue(key);
  if (k === null || k === undefined) {
    throw new Error(
      `${name} needs the secret key as its argument, e.g. {{ 'msg' | ${name}: 'key' }}`,
    );
  }
  return hmac(hash, utf8.encode(toText(k)), utf8.encode(toText(value)));
}

/** `md5`: hex MD5 digest. Braze: `'hey'` → `6057f13c496ecf7fd777ceb9e79ae285`. */
export function md5(value: unknown): string {
  return digestHex(md5Hash, value);
}

/** `sha1`: hex SHA-1 digest. */
export function sha1(value: unknown): string {
  return digestHex(sha1Hash, value);
}

/** `sha2`: hex SHA-256 digest (Braze: "256-bit, also known as SHA-256"). */
export function sha2(value: unknown): string {
  return digestHex(sha256Hash, value);
}

/**
 * `base64_encode`: base64 of the UTF-8 bytes. Braze: `'blah'` → `YmxhaA==`. No line breaks are
 * inserted, however long the input (strict encoding; unconfirmed for inputs over 60 bytes).
 */
export function base64_encode(value: unknown): string {
  return toBase64(utf8.encode(toText(value)));
}

/** `hmac_sha1_hex` (formerly `hmac_sha1`): HMAC-SHA1 signature as hex. */
export function hmac_sha1_hex(value: unknown, key?: unknown): string {
  return toHex(sign('hmac_sha1_hex', sha1Hash, value, key));
}

/** `hmac_sha1_base64`: HMAC-SHA1 signature as base64. */
export function hmac_sha1_base64(value: unknown, key?: unknown): string {
  return toBase64(sign('hmac_sha1_base64', sha1Hash, value, key));
}

/** `hmac_sha256_hex` (also `hmac_sha256`): HMAC-SHA256 signature as hex. */
export function hmac_sha256_hex(value: unknown, key?: unknown): string {
  return toHex(sign('hmac_sha256_hex', sha256Hash, value, key));
}

/** `hmac_sha256_base64`: HMAC-SHA256 signature as base64. */
export function hmac_sha256_base64(value: unknown, key?: unknown): string {
  return toBase64(sign('hmac_sha256_base64', sha256Hash, value, key));
}

/**
 * `hmac_sha512`: HMAC-SHA512 signature. Braze's filter page lists it without naming the output
 * encoding; hex is assumed, like its `hmac_sha1`/`hmac_sha256` siblings.
 * https://www.braze.com/docs/user_guide/personalization_and_dynamic_content/liquid/filters/#string-filters
 */
export function hmac_sha512(value: unknown, key?: unknown): string {
  return toHex(sign('hmac_sha512', sha512Hash, value, key));
}

/**
 * The encoding family, keyed by Braze filter name. `hmac_sha1` and `hmac_sha256` are the older
 * names Braze still lists; they replace liquidjs's own `hmac_sha256`, which may return a Promise.
 * `base64` is registered because Braze's table labels the row that way, though its example
 * uses `base64_encode`.
 */
export const cryptoFilters: Record<string, FilterImplementation> = {
  md5,
  sha1,
  sha2,
  base64_encode,
  base64: base64_encode,
  hmac_sha1_hex,
  hmac_sha1: hmac_sha1_hex,
  hmac_sha1_base64,
  hmac_sha256_hex,
  hmac_sha256: hmac_sha256_hex,
  hmac_sha256_base64,
  hmac_sha512,
};
