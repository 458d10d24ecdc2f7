/**
 * Characters a terminal may act on rather than print: C0 controls except tab and newline (ESC
 * starts ANSI/OSC sequences, CR overwrites, BEL, backspace, NUL), DEL, C1 controls (U+009B is a
 * one-character CSI), the Unicode line/paragraph separators, and the bidi embeddings, overrides
 * and isolates (U+202A–U+202E, U+2066–U+2069) that reorder what the terminal shows. The same set
 * `toTerminalSafe` escapes.
 */
// eslint-disable-next-line no-control-regex
const ACTIVE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/** Every active character in `text`, as `U+XXXX at <offset>: …context…`; empty when inert. */
export function activeCharacters(text: string): string[] {
  const found: string[] = [];
  for (const match of text.matchAll(ACTIVE)) {
    const at = match.index ?? 0;
    const code = match[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
    const context = JSON.stringify(text.slice(Math.max(0, at - 30), at + 10));
    found.push(`U+${code} at ${at}: ${context}`);
  }
  return found;
}
