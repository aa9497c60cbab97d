/*
 * Offsets of the jurisdictions' IANA time zones from a compact rule table, so every day count is the same in
 * the API, the auditor and the workflow sandbox whatever time-zone data the host happens to ship: a replayed
 * workflow must compute the same due instants years later. The table covers the current rules of each zone
 * (in force since 2007 for the United States, 1996 for the European Union, 1992 for China); the spec checks
 * it against the host's Intl data for 2025-2031.
 */

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

/** A daylight-saving change: the `nth` (1-based, or -1 for last) Sunday of `month` (1-12) at `utcMinutes` after 00:00 UTC. */
interface Change {
  month: number;
  nth: number;
  /** Minutes after that Sunday's 00:00 UTC; may be negative or exceed a day. */
  utcMinutes: number;
}

interface ZoneRule {
  /** Standard offset east of UTC, in minutes. */
  standard: number;
  daylight?: { save: number; start: Change; end: Change };
}

const ZONES: Record<string, ZoneRule> = {
  UTC: { standard: 0 },
  // China Standard Time, no daylight saving since 1991.
  'Asia/Shanghai': { standard: 480 },
  // EU rule: summer time from 01:00 UTC on the last Sunday of March to 01:00 UTC on the last Sunday of October.
  'Europe/London': {
    standard: 0,
    daylight: { save: 60, start: { month: 3, nth: -1, utcMinutes: 60 }, end: { month: 10, nth: -1, utcMinutes: 60 } },
  },
  // US rule (Energy Policy Act 2005, since 2007): 02:00 PST on the second Sunday of March (10:00 UTC) to
  // 02:00 PDT on the first Sunday of November (09:00 UTC).
  'America/Los_Angeles': {
    standard: -480,
    daylight: { save: 60, start: { month: 3, nth: 2, utcMinutes: 600 }, end: { month: 11, nth: 1, utcMinutes: 540 } },
  },
};

export const SUPPORTED_TIME_ZONES: readonly string[] = Object.keys(ZONES);

export function isSupportedTimeZone(zone: unknown): zone is string {
  return typeof zone === 'string' && Object.prototype.hasOwnProperty.call(ZONES, zone);
}

function rule(zone: string): ZoneRule {
  const found = isSupportedTimeZone(zone) ? ZONES[zone] : undefined;
  if (!found) throw new Error(`unsupported time zone '${zone}' (${SUPPORTED_TIME_ZONES.join(', ')})`);
  return found;
}

/** The instant of a daylight-saving change in `year`. */
function changeAt(year: number, change: Change): number {
  let day: number;
  if (change.nth > 0) {
    const first = Date.UTC(year, change.month - 1, 1) / DAY_MS;
    day = first + ((7 - weekday(first)) % 7) + (change.nth - 1) * 7;
  } else {
    const last = Date.UTC(year, change.month, 0) / DAY_MS;
    day = last - weekday(last);
  }
  return day * DAY_MS + change.utcMinutes * MINUTE_MS;
}

function weekday(dayIndex: number): number {
  return (((dayIndex + 4) % 7) + 7) % 7;
}

/** The zone's offset east of UTC, in minutes, at an instant (ms since the epoch). */
export function offsetAt(zone: string, ms: number): number {
  const r = rule(zone);
  if (!r.daylight) return r.standard;
  const year = new Date(ms).getUTCFullYear();
  const inDaylight = ms >= changeAt(year, r.daylight.start) && ms < changeAt(year, r.daylight.end);
  return r.standard + (inDaylight ? r.daylight.save : 0);
}

/**
 * The instant at which the local wall-clock time `minutes` after local midnight of day `dayIndex` (days since
 * 1970-01-01) occurs. The rule zones change offset at 01:00 or 02:00 local, never at midnight or in office
 * hours, so the times clocks use (midnight, close of business, cut-off) are never skipped or repeated.
 */
export function localToInstant(zone: string, dayIndex: number, minutes: number): number {
  const wall = dayIndex * DAY_MS + minutes * MINUTE_MS;
  const first = offsetAt(zone, wall - rule(zone).standard * MINUTE_MS);
  const guess = wall - first * MINUTE_MS;
  const second = offsetAt(zone, guess);
  return second === first ? guess : wall - Math.max(first, second) * MINUTE_MS;
}

/** The local day (days since 1970-01-01) and minutes after local midnight of an instant. */
export function localPartsOf(zone: string, ms: number): { dayIndex: number; minutes: number } {
  const local = ms + offsetAt(zone, ms) * MINUTE_MS;
  const dayIndex = Math.floor(local / DAY_MS);
  return { dayIndex, minutes: Math.floor((local - dayIndex * DAY_MS) / MINUTE_MS) };
}

/** `2026-12-31T23:59:59+08:00`-style rendering of an instant in a zone, for messages and status pages. */
export function formatInZone(zone: string, ms: number): string {
  const offset = offsetAt(zone, ms);
  const local = new Date(ms + offset * MINUTE_MS).toISOString().slice(0, 19);
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  return `${local}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
