import { toEighteenCharId } from '../connected-content/salesforce-id';

/** Key prefix of Lead record Ids. */
export const LEAD_KEY_PREFIX = '00Q';

export type RecordIdCheck = 'ok' | 'empty' | 'length' | 'characters' | 'prefix' | 'case-suffix';

/**
 * Checks a Lead Id: 15 case-sensitive or 18 case-insensitive base-62 characters, prefix `00Q`,
 * and for 18 characters a suffix that matches the case of the first 15 (domain.md §7).
 */
export function checkLeadId(id: string, keyPrefix = LEAD_KEY_PREFIX): RecordIdCheck {
  if (id === '') return 'empty';
  if (id.length !== 15 && id.length !== 18) return 'length';
  if (!/^[A-Za-z0-9]+$/.test(id)) return 'characters';
  if (id.slice(0, 3) !== keyPrefix) return 'prefix';
  if (id.length === 18 && toEighteenCharId(id.slice(0, 15)).slice(15).toUpperCase() !== id.slice(15).toUpperCase()) return 'case-suffix';
  return 'ok';
}
