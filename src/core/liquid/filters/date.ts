/**
 * Braze's time filters: `time_zone` and a `date` that understands it.
 *
 * Braze treats `'now'` as the send time in UTC and converts with `time_zone`:
 * `{{ 'now' | time_zone: ${time_zone} | date: '%H' }}`.
 * https://www.braze.com/docs/user_guide/personalization_and_dynamic_content/liquid/filters/#time-zone-filter
 * https://www.braze.com/docs/user_guide/personalization_and_dynamic_content/liquid/liquid_use_cases/time_zones/
 *
 * Formatting is delegated to liquidjs's own `date` filter (its strftime already has Braze's `%s`
 * extension); this file only decides *which instant* and *which UTC offset* to format, the way
 * Ruby Liquid (which Braze runs) does:
 * - `'now'`/`'today'` (any case) are the injected send time, digits are Unix seconds, text is
 *   parsed with any offset it carries kept for display, text without an offset is UTC;
 * - an empty format returns the input unchanged; input that is not a time is returned unchanged;
 * - Ruby's composite directives (`%T`, `%F`, `%D`, …) are expanded before liquidjs formats.
 */
import { filters as liquidFilters, toValue } from 'liquidjs';
import { nowOf } from '../render-session';
import type { FilterContext, FilterHandler, FilterImplementation } from './index';

/**
 * A point in time plus the UTC offset to show it at: what `time_zone` returns and what `date`
 * formats. Printing it directly gives Ruby's `Time#to_s` shape, `2021-08-04 04:00:00 -0500`.
 */
export class ZonedTime {
  constructor(
    /** The instant itself (time-zone free). */
    readonly instant: Date,
    /** Minutes east of UTC at that instant (`-300` for Chicago in winter). */
    readonly utcOffsetMinutes: number,
  ) {}

  /** Ruby `Time#to_s` layout; UTC is printed as `UTC`, like a UTC `Time` in Ruby. */
  toString(): string {
    const wall = wallClock(this);
    const stamp = `${wall.slice(0, 10)} ${wall.slice(11, 19)}`;
    return this.utcOffsetMinutes === 0
      ? `${stamp} UTC`
      : `${stamp} ${formatOffset(this.utcOffsetMinutes, '')}`;
  }

  /** ISO 8601 with the offset, as ActiveSupport writes times to JSON. */
  toJSON(): string {
    return `${wallClock(this)}${formatOffset(this.utcOffsetMinutes, ':')}`;
  }
}

/** `YYYY-MM-DDTHH:MM:SS.mmm` in the time's own offset. */
function wallClock(t: ZonedTime): string {
  return new Date(t.instant.getTime() + t.utcOffsetMinutes * 60_000).toISOString().slice(0, 23);
}

function formatOffset(minutes: number, separator: string): string {
  const abs = Math.abs(minutes);
  const hh = String(Math.floor(abs / 60)).padStart(2, '0');
  const mm = String(abs % 60).padStart(2, '0');
  return `${minutes < 0 ? '-' : '+'}${hh}${separator}${mm}`;
}

const ISO_LIKE =
  /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T\s]+(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?)?\s*(Z|UTC|GMT|[+-]\d{2}(?::?\d{2})?)?$/i;
const HAS_ZONE = /(?:\b(?:Z|UTC|GMT)\b|[+-]\d{2}:?\d{2}\s*(?:\(.*\))?$)/i;

/** Minutes east of UTC for `Z`, `UTC`, `+05:30`, `-0500`, `+05`. */
function parseOffsetDesignator(text: string): number | undefined {
  if (/^(?:Z|UTC|GMT)$/i.test(text)) return 0;
  const m = /^([+-])(\d{1,2})(?::?(\d{2}))?$/.exec(text);
  if (!m) return undefined;
  const minutes = Number(m[2]) * 60 + Number(m[3] ?? 0);
  return m[1] === '-' ? -minutes : minutes;
}

/**
 * Parses date text the way Ruby's `Time.parse` does on Braze's UTC servers: an explicit offset is
 * kept for display, no offset means UTC (never the machine's own zone).
 */
function parseTimeText(text: string): ZonedTime | undefined {
  const m = ISO_LIKE.exec(text.trim());
  if (m) {
    const [, y, mo, d, h = '0', mi = '0', s = '0', frac = '0', zone] = m;
    const offset = zone ? (parseOffsetDesignator(zone) ?? 0) : 0;
    const ms = Number(frac.slice(0, 3).padEnd(3, '0'));
    const wall = Date.UTC(+y, +mo - 1, +d, +h, +mi, +s, ms);
    const instant = new Date(wall - offset * 60_000);
    return Number.isNaN(instant.getTime()) ? undefined : new ZonedTime(instant, offset);
  }
  const parsed = new Date(text);
  if (Number.isNaN(parsed.getTime())) return undefined;
  if (HAS_ZONE.test(text)) return new ZonedTime(parsed, 0);
  // JavaScript read zone-less text in the machine's zone; reread the same wall clock as UTC.
  const asUtc = Date.UTC(
    parsed.getFullYear(),
    parsed.getMonth(),
    parsed.getDate(),
    parsed.getHours(),
    parsed.getMinutes(),
    parsed.getSeconds(),
    parsed.getMilliseconds(),
  );
  return new ZonedTime(new Date(asUtc), 0);
}

/**
 * Ruby Liquid's `to_date`, with Braze's send time for `now`: which instant a filter input means,
 * or undefined when the input is not a time (filters then return it unchanged).
 */
export function toZonedTime(ctx: object, value: unknown): ZonedTime | undefined {
  const v: unknown = toValue(value);
  if (v instanceof ZonedTime) return v;
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? undefined : new ZonedTime(v, 0);
  if (typeof v === 'number') {
    return Number.isInteger(v) ? new ZonedTime(new Date(v * 1000), 0) : undefined;
  }
  if (typeof v !== 'string' || v === '') return undefined;
  const lower = v.trim().toLowerCase();
  if (lower === 'now' || lower === 'today') return new ZonedTime(nowOf(ctx), 0);
  if (/^\d+$/.test(v)) return new ZonedTime(new Date(Number(v) * 1000), 0);
  return parseTimeText(v);
}

const zoneFormats = new Map<string, Intl.DateTimeFormat>();

/** Minutes east of UTC of IANA zone `zone` at `instant`; throws RangeError for unknown zones. */
function ianaOffsetMinutes(zone: string, instant: Date): number {
  let fmt = zoneFormats.get(zone);
  if (!fmt) {
    fmt = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    zoneFormats.set(zone, fmt);
  }
  const part: Record<string, number> = {};
  for (const p of fmt.formatToParts(instant)) part[p.type] = Number(p.value);
  const wall = Date.UTC(part.year, part.month - 1, part.day, part.hour, part.minute, part.second);
  const whole = Math.floor(instant.getTime() / 1000) * 1000;
  return Math.round((wall - whole) / 60_000);
}

/**
 * Minutes east of UTC that `zone` means at `instant`, or undefined for "no zone".
 * Accepts IANA names (`America/Chicago`), offset text (`-0500`, `+05:30`, `UTC`) and numbers
 * (hours when |n| ≤ 14, else seconds, like ActiveSupport's `TimeZone[]`; Braze's own example
 * writes `time_zone: -0005`, which Liquid reads as the number -5).
 */
function zoneOffsetMinutes(zone: unknown, instant: Date): number | undefined {
  const z: unknown = toValue(zone);
  if (z === null || z === undefined || z === '') return undefined;
  if (typeof z === 'number' && Number.isFinite(z)) {
    return Math.round(Math.abs(z) <= 14 ? z * 60 : z / 60);
  }
  const name = String(z).trim();
  const fixed = parseOffsetDesignator(name);
  if (fixed !== undefined) return fixed;
  try {
    return ianaOffsetMinutes(name, instant);
  } catch {
    throw new Error(
      `time_zone: unknown time zone "${name}" (use an IANA name such as America/Chicago or an offset such as -0500)`,
    );
  }
}

/**
 * `time_zone`: the same instant, shown in another zone, for a following `date` filter.
 * A nil or empty zone (a profile without `time_zone`) leaves the time in UTC, as ActiveSupport's
 * `in_time_zone(nil)` does; an unknown zone name fails the render so the mistake is visible.
 */
export function time_zone(this: FilterContext, value: unknown, zone?: unknown): unknown {
  const time = toZonedTime(this.context, value);
  if (!time) return value;
  const offset = zoneOffsetMinutes(zone, time.instant);
  return new ZonedTime(time.instant, offset ?? 0);
}

/** liquidjs's own `date`, which does the strftime work (including `%s`). */
const liquidDate = ((): FilterHandler => {
  const builtin = liquidFilters['date'];
  if (typeof builtin !== 'function') {
    throw new Error('liquidjs no longer exports its date filter as a function');
  }
  return builtin;
})();

/**
 * Ruby strftime shorthands that liquidjs's strftime lacks or renders with the machine locale
 * (`%c`, `%x`, `%X`). Braze's own time-zone example uses `%T`.
 */
const RUBY_COMPOSITES: Record<string, string> = {
  c: '%a %b %e %H:%M:%S %Y',
  D: '%m/%d/%y',
  F: '%Y-%m-%d',
  r: '%I:%M:%S %p',
  R: '%H:%M',
  T: '%H:%M:%S',
  v: '%e-%^b-%Y',
  x: '%m/%d/%y',
  X: '%H:%M:%S',
};

function expandRubyComposites(format: string): string {
  return format.replace(
    /%([%cDFrRTvxX])/g,
    (whole, code: string) => RUBY_COMPOSITES[code] ?? whole,
  );
}

/**
 * `date`: strftime formatting of Braze times (`%s` = Unix seconds). Replaces liquidjs's `date`
 * so that `'now'` is the injected send time, output is UTC unless `time_zone` came first, and
 * `time_zone`'s result is understood. Braze's `date` takes only the format.
 */
export function date(
  this: FilterContext,
  value: unknown,
  format?: unknown,
  ...rest: unknown[]
): unknown {
  if (rest.length > 0) {
    throw new Error(
      'date takes one argument (the format) in Braze; convert zones with time_zone first',
    );
  }
  const fmt: unknown = toValue(format);
  if (fmt === null || fmt === undefined || String(fmt) === '') return value;
  const time = toZonedTime(this.context, value);
  if (!time) return value;
  // liquidjs counts offsets like Date#getTimezoneOffset: minutes *west* of UTC.
  const westMinutes = time.utcOffsetMinutes === 0 ? 0 : -time.utcOffsetMinutes;
  return liquidDate.call(
    this,
    time.instant,
    expandRubyComposites(String(fmt)),
    westMinutes,
  ) as unknown;
}

/** The time family, keyed by Braze filter name. */
export const dateFilters: Record<string, FilterImplementation> = {
  time_zone,
  date,
};
