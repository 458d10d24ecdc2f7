/** Longer Liquid strings are reported, not parsed: nothing real comes near it, and parsing it would stall. */
export const MAX_FIELD_CHARS = 1_000_000;
