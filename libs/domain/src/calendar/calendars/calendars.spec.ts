import { validateCalendar } from '../calendar-validator';
import { isWorkingDay } from '../working-calendar';
import { builtInCalendars, cnCalendar, gbEngCalendar, usCaCalendar } from '.';
import { gbEngHolidays } from './gb-eng.calendar';
import { usCaHolidays, usCaNoPeriodEndDays } from './us-ca.calendar';

const dates = (days: { date: string }[]) => days.map((d) => d.date);

describe('built-in calendars', () => {
  it('are valid, zoned and say how far their holidays are known', () => {
    for (const calendar of builtInCalendars) expect(validateCalendar(calendar).ok).toBe(true);
    expect(builtInCalendars.map((c) => [c.id, c.timeZone, c.coverage])).toEqual([
      ['cn', 'Asia/Shanghai', { from: '2025-01-01', to: '2026-12-31' }],
      ['gb-eng', 'Europe/London', { from: '2025-01-01', to: '2030-12-31' }],
      ['us-ca', 'America/Los_Angeles', { from: '2025-01-01', to: '2030-12-31' }],
    ]);
  });

  it.each([
    // gov.uk/bank-holidays (England and Wales) as published for 2025-2027.
    [
      2025,
      ['2025-01-01', '2025-04-18', '2025-04-21', '2025-05-05', '2025-05-26', '2025-08-25', '2025-12-25', '2025-12-26'],
    ],
    [
      2026,
      ['2026-01-01', '2026-04-03', '2026-04-06', '2026-05-04', '2026-05-25', '2026-08-31', '2026-12-25', '2026-12-28'],
    ],
    [
      2027,
      ['2027-01-01', '2027-03-26', '2027-03-29', '2027-05-03', '2027-05-31', '2027-08-30', '2027-12-27', '2027-12-28'],
    ],
    // 2028: 1 January is a Saturday, so Monday 3 January is the substitute day.
    [
      2028,
      ['2028-01-03', '2028-04-14', '2028-04-17', '2028-05-01', '2028-05-29', '2028-08-28', '2028-12-25', '2028-12-26'],
    ],
  ])('generates England and Wales bank holidays for %i', (year, expected) => {
    expect(dates(gbEngHolidays(year))).toEqual(expected);
  });

  it.each([
    [
      2025,
      ['01-01', '01-20', '02-17', '03-31', '05-26', '07-04', '09-01', '09-26', '11-11', '11-27', '11-28', '12-25'],
    ],
    // 4 July 2026 is a Saturday: not moved (holiday credit), so no weekday is off.
    [2026, ['01-01', '01-19', '02-16', '03-31', '05-25', '09-07', '09-25', '11-11', '11-26', '11-27', '12-25']],
    // 4 July 2027 is a Sunday: observed Monday 5 July; 25 December 2027 is a Saturday: not moved.
    [2027, ['01-01', '01-18', '02-15', '03-31', '05-31', '07-05', '09-06', '09-24', '11-11', '11-25', '11-26']],
    // 11 November 2028 is a Saturday: Veterans Day is observed on Friday 10 November (Gov. Code §6700(b)).
    [2028, ['01-17', '02-21', '03-31', '05-29', '07-04', '09-04', '09-22', '11-10', '11-23', '11-24', '12-25']],
  ])('generates California state holidays for %i', (year, expected) => {
    expect(dates(usCaHolidays(year)).map((d) => d.slice(5))).toEqual(expected);
  });

  it.each([
    // Lincoln Day, 12 February (Gov. Code §6700(a); a judicial holiday by Code Civ. Proc. §135): Wed 2025,
    // Thu 2026, Fri 2027, Mon 2029, Tue 2030; Sat 12 Feb 2028 is a weekend day already, so it is not listed.
    [2025, ['2025-02-12']],
    [2026, ['2026-02-12']],
    [2027, ['2027-02-12']],
    [2028, []],
    [2029, ['2029-02-12']],
    [2030, ['2030-02-12']],
    // 12 February 2023 was a Sunday: observed Monday 13 February (Gov. Code §6700(b)).
    [2023, ['2023-02-13']],
  ])('lists the California days on which a period may not end for %i', (year, expected) => {
    expect(dates(usCaNoPeriodEndDays(year))).toEqual(expected);
  });

  it('keeps Lincoln Day a working day of the us-ca calendar, closed only to period ends', () => {
    expect(isWorkingDay(usCaCalendar, '2027-02-12')).toBe(true);
    expect(dates(usCaCalendar.noPeriodEndDays ?? [])).toContain('2027-02-12');
  });

  it('refuses a no-period-end list that is not a list of days, repeats a holiday or leaves the coverage', () => {
    const with_ = (noPeriodEndDays: unknown) => validateCalendar({ ...usCaCalendar, noPeriodEndDays });
    expect(with_('2027-02-12')).toEqual({
      ok: false,
      errors: [expect.stringContaining('noPeriodEndDays: must be a list of { date, name }')],
    });
    expect(with_([{ date: '2027-02-30', name: 'x' }])).toEqual({
      ok: false,
      errors: [expect.stringContaining('noPeriodEndDays[0].date: must be a YYYY-MM-DD date')],
    });
    expect(with_([{ date: '2027-11-11', name: 'Veterans Day' }])).toEqual({
      ok: false,
      errors: ['noPeriodEndDays[0]: 2027-11-11 is already a holiday'],
    });
    expect(with_([{ date: '2031-02-12', name: 'Lincoln Day' }])).toEqual({
      ok: false,
      errors: ['coverage: 2031-02-12 lies outside the coverage it claims'],
    });
    const old = { ...usCaCalendar };
    delete old.noPeriodEndDays;
    expect(validateCalendar(old).ok).toBe(true);
  });

  it('holds the published Chinese arrangements of 2025 and 2026, with make-up working days', () => {
    expect(isWorkingDay(cnCalendar, '2025-01-26')).toBe(true); // Sunday worked before the Spring Festival
    expect(isWorkingDay(cnCalendar, '2025-10-08')).toBe(false); // National Day and Mid-Autumn, 1-8 October
    expect(isWorkingDay(cnCalendar, '2025-10-11')).toBe(true); // Saturday worked after it
    expect(isWorkingDay(cnCalendar, '2026-02-23')).toBe(false); // Spring Festival 2026, 15-23 February
    expect(isWorkingDay(cnCalendar, '2026-02-28')).toBe(true);
    expect(cnCalendar.holidays.some((h) => h.date.startsWith('2027'))).toBe(false);
    expect(isWorkingDay(gbEngCalendar, '2030-12-26')).toBe(false);
    expect(isWorkingDay(usCaCalendar, '2030-11-28')).toBe(false); // Thanksgiving 2030
  });
});
