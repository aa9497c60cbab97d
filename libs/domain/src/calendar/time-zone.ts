/*
 * Offsets of a jurisdiction's IANA time zone, read from data so every day count is the same in the API, the
 * auditor and the workflow sandbox whatever time-zone data the host happens to ship: a replayed workflow must
 * compute the same due instants years later. A calendar published now carries its zone's UTC-offset
 * transitions, generated from the IANA database when it is published (see UtcOffsets). Calendars published
 * before that name one of four zones and are counted on a compact rule table of their current rules (in force
 * since 2007 for the United States, 1996 for the European Union, 1992 for China), as they always were.
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

/** Whether a zone is in the rule table: a calendar published without offsets may name only these. */

export function isRuleTimeZone(zone: unknown): boolean {
  return typeof zone === 'string' && Object.prototype.hasOwnProperty.call(ZONES, zone);
}

/** One span of a zone's offset: from the instant `from` (ISO-8601 UTC) on, `offset` minutes east of UTC. */
export interface UtcOffset {
  from: string;
  offset: number;
}

/**
 * A zone's offsets over the years a calendar covers, as the IANA time-zone database gives them (`source`
 * names the database release). Before the first entry its offset applies, after the last the last one.
 */
export interface UtcOffsets {
  source: string;
  transitions: UtcOffset[];
}

/** A zone: a rule-table name, or a zone's offsets as data. */
export type ZoneSource = string | { id: string; utcOffsets: UtcOffsets };

function rule(zone: string): ZoneRule {
  const found = isRuleTimeZone(zone) ? ZONES[zone] : undefined;
  if (!found) throw new Error(`time zone '${zone}' has no offsets: publish its calendar to generate them`);
  return found;
}

// Offset tables are parts of immutable calendar snapshots, so each is parsed once.
const tables = new WeakMap<UtcOffsets, { at: number[]; offset: number[] }>();

function table(offsets: UtcOffsets): { at: number[]; offset: number[] } {
  let t = tables.get(offsets);
  if (!t) {
    t = { at: offsets.transitions.map((o) => Date.parse(o.from)), offset: offsets.transitions.map((o) => o.offset) };
    tables.set(offsets, t);
  }
  return t;
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
export function offsetAt(zone: ZoneSource, ms: number): number {
  if (typeof zone !== 'string') {
    const t = table(zone.utcOffsets);
    let lo = 0;
    let hi = t.at.length - 1;
    // The last transition at or before `ms` (the first one's offset before it).
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (t.at[mid] <= ms) lo = mid;
      else hi = mid - 1;
    }
    return t.offset[lo];
  }
  const r = rule(zone);
  if (!r.daylight) return r.standard;
  const year = new Date(ms).getUTCFullYear();
  const inDaylight = ms >= changeAt(year, r.daylight.start) && ms < changeAt(year, r.daylight.end);
  return r.standard + (inDaylight ? r.daylight.save : 0);
}

/**
 * The instant at which the local wall-clock time `minutes` after local midnight of day `dayIndex` (days since
 * 1970-01-01) occurs. Some zones change at midnight: a skipped time counts with the offset before the change
 * (a skipped midnight is the moment of the change, the new day's first), a repeated one as its later
 * occurrence (a day ends when it is over for good).
 */
export function localToInstant(zone: ZoneSource, dayIndex: number, minutes: number): number {
  const wall = dayIndex * DAY_MS + minutes * MINUTE_MS;
  const before = offsetAt(zone, wall - DAY_MS);
  const after = offsetAt(zone, wall + DAY_MS);
  const fits = (offset: number) => offsetAt(zone, wall - offset * MINUTE_MS) === offset;
  const candidates = [before, after].filter(fits).map((offset) => wall - offset * MINUTE_MS);
  return candidates.length > 0 ? Math.max(...candidates) : wall - before * MINUTE_MS;
}

/** The local day (days since 1970-01-01) and minutes after local midnight of an instant. */
export function localPartsOf(zone: ZoneSource, ms: number): { dayIndex: number; minutes: number } {
  const local = ms + offsetAt(zone, ms) * MINUTE_MS;
  const dayIndex = Math.floor(local / DAY_MS);
  return { dayIndex, minutes: Math.floor((local - dayIndex * DAY_MS) / MINUTE_MS) };
}

/** `2026-12-31T23:59:59+08:00`-style rendering of an instant in a zone, for messages and status pages. */
export function formatInZone(zone: ZoneSource, ms: number): string {
  const offset = offsetAt(zone, ms);
  const local = new Date(ms + offset * MINUTE_MS).toISOString().slice(0, 19);
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  return `${local}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
