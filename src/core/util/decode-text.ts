/** How a text file was stored: UTF-8 (with or without BOM), or UTF-16 announced by its byte order mark. */
export type TextEncoding = 'utf8' | 'utf16le' | 'utf16be';

/** Text decoded from a file's bytes, and the encoding to write it back in. */
export interface DecodedText {
  /** The text; a byte order mark stays as U+FEFF at the start, whatever the encoding. */
  text: string;
  encoding: TextEncoding;
}

/**
 * Decodes a file's bytes by its byte order mark: FF FE is UTF-16 little-endian, FE FF UTF-16
 * big-endian (what Windows editors save as "Unicode"), anything else UTF-8. UTF-16 without a mark
 * is not guessed at: its NUL bytes make it look binary, and it is reported as such. A stray last
 * byte of UTF-16 is dropped; the JSON check reports what is left.
 */
export function decodeTextBytes(bytes: Uint8Array): DecodedText {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return { text: utf16le(bytes), encoding: 'utf16le' };
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return { text: utf16le(swapPairs(bytes)), encoding: 'utf16be' };
  return { text: new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes), encoding: 'utf8' };
}

/** Text as the bytes of `encoding` (the inverse of `decodeTextBytes` for its encodings). */
export function encodeText(text: string, encoding: TextEncoding): Uint8Array {
  if (encoding === 'utf8') return new TextEncoder().encode(text);
  const le = new Uint8Array(text.length * 2);
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    le[2 * i] = unit & 0xff;
    le[2 * i + 1] = unit >> 8;
  }
  return encoding === 'utf16le' ? le : swapPairs(le);
}

function utf16le(bytes: Uint8Array): string {
  return new TextDecoder('utf-16le', { ignoreBOM: true }).decode(bytes.subarray(0, bytes.length - (bytes.length % 2)));
}

function swapPairs(bytes: Uint8Array): Uint8Array {
  const swapped = new Uint8Array(bytes.length - (bytes.length % 2));
  for (let i = 0; i + 1 < bytes.length; i += 2) {
    swapped[i] = bytes[i + 1];
    swapped[i + 1] = bytes[i];
  }
  return swapped;
}

/**
 * The text without the byte order mark `decodeTextBytes` keeps: what an editor shows, so offsets
 * into it are offsets into the document.
 */
export function withoutByteOrderMark(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
