/**
 * Salesforce REST API versions: three releases a year, +1.0 each. Retirement facts from
 * help.salesforce.com articles 000354473 and 005321531 (domain.md §7); no date arithmetic here,
 * so lint results never depend on the clock.
 */
import { NEWEST_KNOWN_API_VERSION } from './model';

const RELEASES: Record<number, string> = {
  55: "Summer '22",
  56: "Winter '23",
  57: "Spring '23",
  58: "Summer '23",
  59: "Winter '24",
  60: "Spring '24",
  61: "Summer '24",
  62: "Winter '25",
  63: "Spring '25",
  64: "Summer '25",
  65: "Winter '26",
  66: "Spring '26",
  67: "Summer '26",
  68: "Winter '27",
};

export type ApiVersionStatus = 'malformed' | 'retired' | 'deprecated' | 'supported' | 'future';

export interface ApiVersionInfo {
  status: ApiVersionStatus;
  /** Major number, e.g. 60 for `v60.0`. */
  major?: number;
  release?: string;
}

/** Reads a `vNN.0` segment. `v60` (no `.0`) is malformed: Salesforce answers 404 NOT_FOUND. */
export function describeApiVersion(segment: string): ApiVersionInfo {
  const m = /^v(\d+)\.0$/.exec(segment);
  if (!m) return { status: 'malformed' };
  const major = Number(m[1]);
  const release = RELEASES[major];
  if (major <= 30) return { status: 'retired', major, release };
  if (major <= 40) return { status: 'deprecated', major, release };
  if (major > NEWEST_KNOWN_API_VERSION) return { status: 'future', major };
  return { status: 'supported', major, release };
}
