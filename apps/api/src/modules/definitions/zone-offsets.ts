import type { UtcOffsets } from '@onewindow/domain';
import { TzDatabase } from 'timezonecomplete';
import { version as tzdataVersion } from 'tzdata/package.json';

/*
 * A calendar's zone offsets come from the IANA time-zone database as the `tzdata` package ships it (read
 * through timezonecomplete, which turns the database's rules into transitions): a maintained, pure-JS copy
 * that moves with each IANA release, unlike the host's ICU data, which differs between machines and Node
 * versions. They are generated once, when a calendar is published (and for the built-ins by
 * `npm run calendars:zones`), and travel in the calendar snapshot, so counting never reads zone data again.
 */

export const ZONE_DATA_SOURCE = `IANA tz database (tzdata ${tzdataVersion})`;

export function isKnownTimeZone(zone: string): boolean {
  return TzDatabase.instance().exists(zone);
}

/** The zone's offsets from 1 January of the year before `fromYear` to the end of the year after `toYear`. */
export function utcOffsetsOf(zone: string, fromYear: number, toYear: number): UtcOffsets {
  const transitions = TzDatabase.instance()
    .getTransitionsTotalOffsets(zone, fromYear - 1, toYear + 1)
    .map((t) => ({ from: new Date(t.at).toISOString(), offset: t.offset.minutes() }))
    // The database may repeat an offset (a change of abbreviation only): keep the changes.
    .filter((t, i, all) => i === 0 || t.offset !== all[i - 1].offset);
  return { source: ZONE_DATA_SOURCE, transitions };
}

/**
 * A calendar as it is published: its zone's offsets generated over its coverage years, replacing any the body
 * carried (a calendar read back and published again brings its old ones). A zone the database does not know
 * is a fault; anything else wrong is left for the calendar validator to name.
 */
export function withUtcOffsets(input: unknown): { calendar: unknown; errors: string[] } {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return { calendar: input, errors: [] };
  const { utcOffsets, ...calendar } = input as Record<string, unknown>;
  void utcOffsets;
  const { timeZone, coverage } = calendar;
  if (typeof timeZone !== 'string') return { calendar, errors: [] };
  if (!isKnownTimeZone(timeZone)) {
    return { calendar, errors: [`timeZone: '${timeZone}' is not a zone of the ${ZONE_DATA_SOURCE}`] };
  }
  const years = coverageYears(coverage);
  if (!years) return { calendar, errors: [] };
  return { calendar: { ...calendar, utcOffsets: utcOffsetsOf(timeZone, years.from, years.to) }, errors: [] };
}

function coverageYears(coverage: unknown): { from: number; to: number } | undefined {
  if (typeof coverage !== 'object' || coverage === null) return undefined;
  const { from, to } = coverage as Record<string, unknown>;
  const year = (d: unknown) => (typeof d === 'string' && /^\d{4}-/.test(d) ? Number(d.slice(0, 4)) : NaN);
  const range = { from: year(from), to: year(to) };
  // Years the validator would refuse (reversed, or beyond any statute's reach) generate nothing.
  const ok = range.from >= 1900 && range.to <= 2200 && range.from <= range.to;
  return ok ? range : undefined;
}
