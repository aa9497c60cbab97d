import { berlinCalendar } from '../testing/berlin-calendar';
import { parisCalendar, singaporeCalendar, sydneyCalendar } from '../testing/jurisdiction-calendars';
import { formatInZone, localPartsOf, localToInstant, offsetAt } from './time-zone';

function intlOffset(zone: string, ms: number): number {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: zone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  }).formatToParts(new Date(ms));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const local = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'));
  return Math.round((local - ms) / 60_000);
}

describe('time zones', () => {
  it.each(['Asia/Shanghai', 'Europe/London', 'America/Los_Angeles'])(
    'agrees with the IANA database on %s for every half hour of 2025-2031',
    (zone) => {
      const mismatches: string[] = [];
      for (let ms = Date.UTC(2025, 0, 1); ms < Date.UTC(2032, 0, 1); ms += 1_800_000) {
        if (offsetAt(zone, ms) !== intlOffset(zone, ms)) mismatches.push(new Date(ms).toISOString());
      }
      expect(mismatches).toEqual([]);
    },
  );

  it.each([berlinCalendar, parisCalendar, sydneyCalendar, singaporeCalendar])(
    'reads the offsets a $id calendar carries as data like the IANA database for every half hour of 2026-2027',
    (calendar) => {
      const zone = { id: calendar.timeZone!, utcOffsets: calendar.utcOffsets! };
      const mismatches: string[] = [];
      for (let ms = Date.UTC(2026, 0, 1); ms < Date.UTC(2028, 0, 1); ms += 1_800_000) {
        if (offsetAt(zone, ms) !== intlOffset(calendar.timeZone!, ms)) mismatches.push(new Date(ms).toISOString());
      }
      expect(mismatches).toEqual([]);
    },
  );

  it.each([
    // Europe/London: BST from 01:00 UTC on the last Sunday of March (29 March 2026) to 01:00 UTC on the last
    // Sunday of October (25 October 2026).
    ['Europe/London', '2026-03-29T00:59:00Z', 0],
    ['Europe/London', '2026-03-29T01:00:00Z', 60],
    ['Europe/London', '2026-10-25T00:59:00Z', 60],
    ['Europe/London', '2026-10-25T01:00:00Z', 0],
    // America/Los_Angeles: PDT from 02:00 PST on the second Sunday of March (8 March 2026, 10:00 UTC) to
    // 02:00 PDT on the first Sunday of November (1 November 2026, 09:00 UTC).
    ['America/Los_Angeles', '2026-03-08T09:59:00Z', -480],
    ['America/Los_Angeles', '2026-03-08T10:00:00Z', -420],
    ['America/Los_Angeles', '2026-11-01T08:59:00Z', -420],
    ['America/Los_Angeles', '2026-11-01T09:00:00Z', -480],
    ['Asia/Shanghai', '2026-07-01T00:00:00Z', 480],
  ])('%s at %s is %i minutes from UTC', (zone, iso, offset) => {
    expect(offsetAt(zone, Date.parse(iso))).toBe(offset);
  });

  it('maps local midnights to instants on both sides of a change', () => {
    const day = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;
    expect(new Date(localToInstant('Europe/London', day('2026-03-29'), 0)).toISOString()).toBe(
      '2026-03-29T00:00:00.000Z',
    );
    expect(new Date(localToInstant('Europe/London', day('2026-03-30'), 0)).toISOString()).toBe(
      '2026-03-29T23:00:00.000Z',
    );
    expect(new Date(localToInstant('America/Los_Angeles', day('2026-11-02'), 0)).toISOString()).toBe(
      '2026-11-02T08:00:00.000Z',
    );
    expect(new Date(localToInstant('America/Los_Angeles', day('2026-11-01'), 0)).toISOString()).toBe(
      '2026-11-01T07:00:00.000Z',
    );
    expect(localPartsOf('Asia/Shanghai', Date.parse('2026-03-02T23:30:00Z'))).toEqual({
      dayIndex: day('2026-03-03'),
      minutes: 7 * 60 + 30,
    });
    expect(formatInZone('America/Los_Angeles', Date.parse('2026-03-17T07:00:00Z'))).toBe('2026-03-17T00:00:00-07:00');
  });
});

describe('time zones as data', () => {
  // America/Santiago in 2026 (IANA tz): summer time (-03) ends at 24:00 on Sat 4 April, when clocks go back to
  // 23:00 (-04); it begins at 24:00 on Sat 5 September, when clocks jump to 01:00 on the 6th (-03).
  const santiago = {
    id: 'America/Santiago',
    utcOffsets: {
      source: 'IANA tz database 2026d',
      transitions: [
        { from: '2026-01-01T00:00:00.000Z', offset: -180 },
        { from: '2026-04-05T03:00:00.000Z', offset: -240 },
        { from: '2026-09-06T04:00:00.000Z', offset: -180 },
      ],
    },
  };
  const day = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;
  const at = (ms: number) => new Date(ms).toISOString();

  it('reads the offset of the span an instant falls in, the first before it and the last after', () => {
    expect(offsetAt(santiago, Date.parse('2025-06-01T00:00:00Z'))).toBe(-180);
    expect(offsetAt(santiago, Date.parse('2026-04-05T02:59:59Z'))).toBe(-180);
    expect(offsetAt(santiago, Date.parse('2026-04-05T03:00:00Z'))).toBe(-240);
    expect(offsetAt(santiago, Date.parse('2030-01-01T00:00:00Z'))).toBe(-180);
  });

  it('ends a day whose midnight is skipped at the change, and one whose midnight repeats at the later one', () => {
    // 6 September begins at 01:00 -03, the instant of the change: Saturday 5 September ends then.
    expect(at(localToInstant(santiago, day('2026-09-06'), 0))).toBe('2026-09-06T04:00:00.000Z');
    // 4 April is over for good at the second midnight, 00:00 -04.
    expect(at(localToInstant(santiago, day('2026-04-05'), 0))).toBe('2026-04-05T04:00:00.000Z');
    expect(localPartsOf(santiago, Date.parse('2026-04-05T03:30:00Z'))).toEqual({
      dayIndex: day('2026-04-04'),
      minutes: 23 * 60 + 30,
    });
    expect(formatInZone(santiago, Date.parse('2026-09-06T04:00:00Z'))).toBe('2026-09-06T01:00:00-03:00');
  });
});
