import type { CalendarDay, WorkingCalendar } from '../working-calendar.types';
import { byDate, date, nthWeekday, shift, weekday, years } from './holiday-rules';
import { BUILT_IN_UTC_OFFSETS } from './utc-offsets';

/** The years generated. The rules are statutory, so later years only need this bound raised. */
export const US_CA_YEARS = { from: 2025, to: 2030 };

/**
 * California state offices' holidays, Government Code §19853 (the paid holidays of state service; §6700's
 * longer list also names days on which offices stay open): a holiday on a Sunday is observed the Monday
 * after; on a Saturday it is not moved (employees get holiday credit), except Veterans Day, observed the
 * Friday before (§6700(b), §19853(b)).
 */
export function usCaHolidays(year: number): CalendarDay[] {
  const fixed = (month: number, day: number, name: string): CalendarDay => {
    const dow = weekday(year, month, day);
    const on = date(year, month, day);
    if (dow === 0) return { date: shift(on, 1), name: `${name} (observed)` };
    if (dow === 6 && month === 11 && day === 11) return { date: shift(on, -1), name: `${name} (observed)` };
    return { date: on, name };
  };
  const thanksgiving = nthWeekday(year, 11, 4, 4);
  const days: CalendarDay[] = [
    fixed(1, 1, "New Year's Day"),
    { date: nthWeekday(year, 1, 1, 3), name: 'Martin Luther King Jr. Day' },
    { date: nthWeekday(year, 2, 1, 3), name: "Presidents' Day" },
    fixed(3, 31, 'Cesar Chavez Day'),
    { date: nthWeekday(year, 5, 1, -1), name: 'Memorial Day' },
    fixed(7, 4, 'Independence Day'),
    { date: nthWeekday(year, 9, 1, 1), name: 'Labor Day' },
    { date: nthWeekday(year, 9, 5, 4), name: 'Native American Day' },
    fixed(11, 11, 'Veterans Day'),
    { date: thanksgiving, name: 'Thanksgiving Day' },
    { date: shift(thanksgiving, 1), name: 'Day after Thanksgiving' },
    fixed(12, 25, 'Christmas Day'),
  ];
  // A Saturday holiday stays on its weekend day: listed, it changes no count, so leave it out.
  return days.filter((d) => new Date(`${d.date}T00:00:00Z`).getUTCDay() !== 6).sort(byDate);
}

/**
 * Days on which a period may not end although state offices are open. Code of Civil Procedure §12a: when the
 * last day for an act is a holiday — all day on Saturdays and the judicial holidays of §135 — the period runs
 * to and including the next day that is not a holiday (§12 counts the period excluding the first day and
 * including the last; §12b adds days a public office is closed). §135 makes a judicial holiday of every full
 * day designated a holiday by Government Code §6700, except 9 September (Admission Day). Of §6700's days, the
 * one listed here is 12 February, Lincoln Day (§6700(a)), kept by the courts but no longer a paid holiday of
 * state service (§19853), observed the Monday after when it falls on a Sunday (§6700(b)); a Saturday is never
 * a last day already. Columbus Day and election days are left out: the texts cited do not settle whether
 * they end periods today, so they are not claimed here.
 */
export function usCaNoPeriodEndDays(year: number): CalendarDay[] {
  const on = date(year, 2, 12);
  const dow = weekday(year, 2, 12);
  if (dow === 6) return [];
  return [dow === 0 ? { date: shift(on, 1), name: 'Lincoln Day (observed)' } : { date: on, name: 'Lincoln Day' }];
}

export const usCaCalendar: WorkingCalendar = {
  id: 'us-ca',
  name: `California (state holidays, ${US_CA_YEARS.from}-${US_CA_YEARS.to})`,
  timeZone: 'America/Los_Angeles',
  utcOffsets: BUILT_IN_UTC_OFFSETS['us-ca'],
  weekendDays: [0, 6],
  holidays: years(US_CA_YEARS.from, US_CA_YEARS.to).flatMap(usCaHolidays),
  makeUpWorkingDays: [],
  noPeriodEndDays: years(US_CA_YEARS.from, US_CA_YEARS.to).flatMap(usCaNoPeriodEndDays),
  coverage: { from: `${US_CA_YEARS.from}-01-01`, to: `${US_CA_YEARS.to}-12-31` },
};
