import type { CalendarDay, WorkingCalendar } from '../working-calendar.types';
import { BUILT_IN_UTC_OFFSETS } from './utc-offsets';

function span(year: number, month: number, from: number, to: number, name: string): CalendarDay[] {
  const days: CalendarDay[] = [];
  for (let d = from; d <= to; d++) {
    days.push({ date: `${year}-${String(month).padStart(2, '0')}-${String(d).padStart(2, '0')}`, name });
  }
  return days;
}

/*
 * Mainland China publishes its holiday arrangement year by year (State Council General Office notice, each
 * November for the next year); there is no rule to generate it from. Holidays are whole blocks including the
 * weekend days they absorb; the adjusted working weekend days (调休上班) are make-up working days. Coverage
 * ends with the last published year: a 2027 arrangement is added by publishing a calendar revision.
 */

/** 国办发明电〔2024〕12号, notice of 12 November 2024 on the 2025 arrangement. */
const holidays2025: CalendarDay[] = [
  ...span(2025, 1, 1, 1, "New Year's Day"),
  ...span(2025, 1, 28, 31, 'Spring Festival'),
  ...span(2025, 2, 1, 4, 'Spring Festival'),
  ...span(2025, 4, 4, 6, 'Qingming Festival'),
  ...span(2025, 5, 1, 5, 'Labour Day'),
  ...span(2025, 5, 31, 31, 'Dragon Boat Festival'),
  ...span(2025, 6, 1, 2, 'Dragon Boat Festival'),
  ...span(2025, 10, 1, 8, 'National Day and Mid-Autumn Festival'),
];
const makeUp2025: CalendarDay[] = [
  { date: '2025-01-26', name: 'Spring Festival make-up working day' },
  { date: '2025-02-08', name: 'Spring Festival make-up working day' },
  { date: '2025-04-27', name: 'Labour Day make-up working day' },
  { date: '2025-09-28', name: 'National Day make-up working day' },
  { date: '2025-10-11', name: 'National Day make-up working day' },
];

/** Notice of 4 November 2025 on the 2026 arrangement. */
const holidays2026: CalendarDay[] = [
  ...span(2026, 1, 1, 3, "New Year's Day"),
  ...span(2026, 2, 15, 23, 'Spring Festival'),
  ...span(2026, 4, 4, 6, 'Qingming Festival'),
  ...span(2026, 5, 1, 5, 'Labour Day'),
  ...span(2026, 6, 19, 21, 'Dragon Boat Festival'),
  ...span(2026, 9, 25, 27, 'Mid-Autumn Festival'),
  ...span(2026, 10, 1, 7, 'National Day'),
];
const makeUp2026: CalendarDay[] = [
  { date: '2026-01-04', name: "New Year's Day make-up working day" },
  { date: '2026-02-14', name: 'Spring Festival make-up working day' },
  { date: '2026-02-28', name: 'Spring Festival make-up working day' },
  { date: '2026-05-09', name: 'Labour Day make-up working day' },
  { date: '2026-09-20', name: 'National Day make-up working day' },
  { date: '2026-10-10', name: 'National Day make-up working day' },
];

export const cnCalendar: WorkingCalendar = {
  id: 'cn',
  name: 'Mainland China (State Council holiday arrangements, 2025-2026)',
  timeZone: 'Asia/Shanghai',
  utcOffsets: BUILT_IN_UTC_OFFSETS['cn'],
  weekendDays: [0, 6],
  holidays: [...holidays2025, ...holidays2026],
  makeUpWorkingDays: [...makeUp2025, ...makeUp2026],
  coverage: { from: '2025-01-01', to: '2026-12-31' },
};
