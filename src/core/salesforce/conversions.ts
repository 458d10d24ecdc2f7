import type { SObjectField } from './model';

/** What each type accepts from a string (Braze sends every value as one), for messages and hovers. */
export const CONVERTS: Partial<Record<SObjectField['type'], string>> = {
  int: 'only digits ("250")',
  long: 'only digits',
  double: 'a plain number ("48.85")',
  currency: 'a plain number ("1500000", no currency sign or separators)',
  percent: 'a plain number',
  boolean: 'only "true" or "false"',
  date: 'an ISO 8601 date ("2026-03-01")',
  datetime: 'an ISO 8601 date-time ("2026-03-01T12:00:00Z")',
};
