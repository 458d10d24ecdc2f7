/**
 * JSON text (already valid) with the characters JSON.stringify leaves raw but a terminal may act
 * on (DEL, C1 controls such as U+009B CSI, U+2028/2029, bidi embeddings, overrides and isolates)
 * written as \u escapes: same JSON value.
 */
export function toInertJson(json: string): string {
  return json.replace(/[\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * Makes text inert for a terminal: control characters (ANSI escapes, NUL, …) from profiles or
 * responses are shown as `\u001b`-style escapes instead of being interpreted, and so are the bidi
 * embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069), which would reorder what the
 * terminal shows (a URL reading as another host). Newlines and tabs stay.
 */
export function toTerminalSafe(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
