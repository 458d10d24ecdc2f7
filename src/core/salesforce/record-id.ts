/** Key prefix of Lead record Ids (domain.md §7); the built-in model's `keyPrefix`. Id checks live in field-checks.ts. */
export const LEAD_KEY_PREFIX = '00Q';
