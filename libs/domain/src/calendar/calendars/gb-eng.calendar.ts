import type { CalendarDay, WorkingCalendar } from '../working-calendar.types';
import { byDate, date, easterSunday, nthWeekday, shift, weekday, years } from './holiday-rules';
import { BUILT_IN_UTC_OFFSETS } from './utc-offsets';

/** The years generated. The rules are statutory, so later years only need this bound raised. */
export const GB_ENG_YEARS = { from: 2025, to: 2030 };

/**
 * England and Wales bank holidays by the Banking and Financial Dealings Act 1971 (Schedule 1) and the
 * standing royal proclamations: New Year's Day, Good Friday, Easter Monday, the first Monday of May, the last
 * Mondays of May and August, Christmas Day and Boxing Day; a holiday on a weekend is substituted by the next
 * weekday that is not already a holiday. Special one-off holidays are proclaimed separately: none is
 * proclaimed for 2025-2030, and one would be published as a calendar correction.
 */
export function gbEngHolidays(year: number): CalendarDay[] {
  const days: CalendarDay[] = [];
  const newYear = date(year, 1, 1);
  const ny = weekday(year, 1, 1);
  days.push(
    ny === 6 || ny === 0
      ? { date: shift(newYear, ny === 6 ? 2 : 1), name: "New Year's Day (substitute day)" }
      : { date: newYear, name: "New Year's Day" },
  );
  const easter = easterSunday(year);
  days.push({ date: shift(easter, -2), name: 'Good Friday' }, { date: shift(easter, 1), name: 'Easter Monday' });
  days.push(
    { date: nthWeekday(year, 5, 1, 1), name: 'Early May bank holiday' },
    { date: nthWeekday(year, 5, 1, -1), name: 'Spring bank holiday' },
    { date: nthWeekday(year, 8, 1, -1), name: 'Summer bank holiday' },
  );
  // 25 and 26 December: a weekend day moves to the next weekday the other does not already take.
  const christmas = weekday(year, 12, 25);
  const [xmas, boxing] =
    christmas === 5 // Friday: Boxing Day (Saturday) moves to Monday 28th
      ? [date(year, 12, 25), date(year, 12, 28)]
      : christmas === 6 // Saturday: Monday 27th and Tuesday 28th
        ? [date(year, 12, 27), date(year, 12, 28)]
        : christmas === 0 // Sunday: Boxing Day Monday 26th, Christmas Tuesday 27th
          ? [date(year, 12, 27), date(year, 12, 26)]
          : [date(year, 12, 25), date(year, 12, 26)];
  days.push(
    { date: xmas, name: xmas.endsWith('-25') ? 'Christmas Day' : 'Christmas Day (substitute day)' },
    { date: boxing, name: boxing.endsWith('-26') ? 'Boxing Day' : 'Boxing Day (substitute day)' },
  );
  return days.sort(byDate);
}

export const gbEngCalendar: WorkingCalendar = {
  id: 'gb-eng',
  name: `England and Wales (bank holidays, ${GB_ENG_YEARS.from}-${GB_ENG_YEARS.to})`,
  timeZone: 'Europe/London',
  utcOffsets: BUILT_IN_UTC_OFFSETS['gb-eng'],
  weekendDays: [0, 6],
  holidays: years(GB_ENG_YEARS.from, GB_ENG_YEARS.to).flatMap(gbEngHolidays),
  makeUpWorkingDays: [],
  coverage: { from: `${GB_ENG_YEARS.from}-01-01`, to: `${GB_ENG_YEARS.to}-12-31` },
};
