import { builtInCalendars, dayOf, endOfDay, type WorkingCalendar } from '@onewindow/domain';
import { utcOffsetsOf, withUtcOffsets, ZONE_DATA_SOURCE } from './zone-offsets';

const formats = new Map<string, Intl.DateTimeFormat>();

/** The host's own copy of the IANA database (ICU), an independent check of the generated transitions. */
function intlOffset(zone: string, ms: number): number {
  let format = formats.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-GB', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
    });
    formats.set(zone, format);
  }
  const parts = format.formatToParts(new Date(ms));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return Math.round((Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute')) - ms) / 60_000);
}

function calendarIn(timeZone: string): WorkingCalendar {
  const published = withUtcOffsets({
    id: 'x',
    name: timeZone,
    timeZone,
    weekendDays: [0, 6],
    holidays: [],
    makeUpWorkingDays: [],
    coverage: { from: '2026-01-01', to: '2027-12-31' },
  });
  return published.calendar as WorkingCalendar;
}

describe('zone offsets', () => {
  it('keeps the built-in calendars on the current database release (else: npm run calendars:zones)', () => {
    for (const c of builtInCalendars) {
      const years = [Number(c.coverage!.from.slice(0, 4)), Number(c.coverage!.to.slice(0, 4))] as const;
      expect(c.utcOffsets).toEqual(utcOffsetsOf(c.timeZone!, ...years));
    }
  });

  // Any IANA zone, without code: northern and southern summer time, none, a half-hour zone, and Santiago,
  // whose clocks change at midnight (the day then begins at 01:00, or midnight comes twice).
  it.each(['Europe/Berlin', 'Australia/Sydney', 'Asia/Singapore', 'Asia/Kolkata', 'America/Santiago'])(
    'generates %s as the IANA database has it, every local midnight of 2026-2027 included',
    (zone) => {
      const calendar = calendarIn(zone);
      const mismatches: string[] = [];
      for (let ms = Date.UTC(2026, 0, 1); ms < Date.UTC(2028, 0, 1); ms += 1_800_000) {
        const iso = new Date(ms).toISOString();
        const local = new Date(ms + intlOffset(zone, ms) * 60_000).toISOString().slice(0, 10);
        if (dayOf(iso, calendar) !== local) mismatches.push(`${iso} is not on ${local}`);
      }
      // A day ends at the first instant of the next local day (that day's midnight, or the change skipping it).
      for (let day = Date.UTC(2026, 0, 2); day < Date.UTC(2027, 11, 31); day += 86_400_000) {
        const date = new Date(day).toISOString().slice(0, 10);
        const end = Date.parse(endOfDay(date, calendar));
        const next = new Date(day + 86_400_000).toISOString().slice(0, 10);
        if (dayOf(new Date(end).toISOString(), calendar) !== next) mismatches.push(`${date} ends on the wrong day`);
        if (dayOf(new Date(end - 60_000).toISOString(), calendar) === next) {
          mismatches.push(`${date} ends late (${new Date(end).toISOString()})`);
        }
      }
      expect(mismatches).toEqual([]);
      expect(calendar.utcOffsets?.source).toBe(ZONE_DATA_SOURCE);
    },
  );

  it('refuses a zone the database does not know, naming it', () => {
    expect(withUtcOffsets({ id: 'x', timeZone: 'Mars/Olympus_Mons' }).errors).toEqual([
      `timeZone: 'Mars/Olympus_Mons' is not a zone of the ${ZONE_DATA_SOURCE}`,
    ]);
  });

  it('replaces offsets a published body carried with the generated ones', () => {
    const forged = { source: 'hand-made', transitions: [{ from: '2020-01-01T00:00:00Z', offset: 0 }] };
    const { calendar } = withUtcOffsets({ ...calendarIn('Europe/Berlin'), utcOffsets: forged });
    expect((calendar as WorkingCalendar).utcOffsets?.source).toBe(ZONE_DATA_SOURCE);
  });
});
