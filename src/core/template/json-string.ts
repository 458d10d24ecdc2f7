/**
 * A JSON string literal decoded together with a map from every decoded UTF-16 offset back to
 * the raw file offset it came from. Liquid inside webhook templates lives in such strings, so
 * every Liquid position has to go through this map to land on the right character of the file
 * (`\"`, `\\`, `\n`, `\uXXXX` and surrogate pairs all change lengths).
 */
export interface DecodedString {
  /** The decoded string value. */
  text: string;
  /**
   * `map[i]` is the raw offset where decoded code unit `i` starts; `map[text.length]` is the raw
   * offset of the closing quote. A decoded range `[s, e)` therefore covers raw `[map[s], map[e])`.
   */
  map: Uint32Array;
}

const SIMPLE_ESCAPES: Record<string, string> = {
  '"': '"',
  '\\': '\\',
  '/': '/',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
};

/**
 * Decodes the JSON string literal whose opening quote is at `quoteOffset` in `raw`.
 * Invalid escapes are kept as written (the JSON parser reports them), so decoding never throws.
 */
export function decodeJsonString(raw: string, quoteOffset: number, tokenLength: number): DecodedString {
  const closing = quoteOffset + tokenLength - 1;
  const end = raw[closing] === '"' && closing > quoteOffset ? closing : quoteOffset + tokenLength;
  const units: string[] = [];
  const offsets: number[] = [];
  let i = quoteOffset + 1;
  while (i < end) {
    const ch = raw[i];
    if (ch !== '\\') {
      units.push(ch);
      offsets.push(i);
      i += 1;
      continue;
    }
    const next = raw[i + 1];
    if (next !== undefined && next in SIMPLE_ESCAPES) {
      units.push(SIMPLE_ESCAPES[next]);
      offsets.push(i);
      i += 2;
      continue;
    }
    if (next === 'u' && /^[0-9a-fA-F]{4}$/.test(raw.slice(i + 2, i + 6))) {
      units.push(String.fromCharCode(parseInt(raw.slice(i + 2, i + 6), 16)));
      offsets.push(i);
      i += 6;
      continue;
    }
    units.push(ch);
    offsets.push(i);
    i += 1;
  }
  const map = new Uint32Array(offsets.length + 1);
  map.set(offsets);
  map[offsets.length] = end;
  return { text: units.join(''), map };
}

/** Raw range covering the decoded range `[start, end)`. */
export function toRawRange(decoded: DecodedString, start: number, end: number): { start: number; end: number } {
  const clamp = (n: number) => Math.max(0, Math.min(decoded.text.length, n));
  return { start: decoded.map[clamp(start)], end: decoded.map[clamp(end)] };
}
