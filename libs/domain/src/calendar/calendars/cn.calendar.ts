import type { CalendarDay, WorkingCalendar } from '../working-calendar.types';

function span(from: number, to: number, month: string, name: string): CalendarDay[] {
  const days: CalendarDay[] = [];
  for (let d = from; d <= to; d++) days.push({ date: `2026-${month}-${String(d).padStart(2, '0')}`, name });
  return days;
}

/**
 * Mainland China, 2026: the State Council General Office notice of 4 November 2025 on holiday
 * arrangements. Holidays are whole blocks including the weekend days they absorb; the adjusted working
 * weekend days (调休上班) are listed as make-up working days.
 */
export const cnCalendar: WorkingCalendar = {
  id: 'cn',
  name: 'Mainland China (State Council holiday arrangements, 2026)',
  weekendDays: [0, 6],
  holidays: [
    ...span(1, 3, '01', "New Year's Day"),
    ...span(15, 23, '02', 'Spring Festival'),
    ...span(4, 6, '04', 'Qingming Festival'),
    ...span(1, 5, '05', 'Labour Day'),
    ...span(19, 21, '06', 'Dragon Boat Festival'),
    ...span(25, 27, '09', 'Mid-Autumn Festival'),
    ...span(1, 7, '10', 'National Day'),
  ],
  makeUpWorkingDays: [
    { date: '2026-01-04', name: "New Year's Day make-up working day" },
    { date: '2026-02-14', name: 'Spring Festival make-up working day' },
    { date: '2026-02-28', name: 'Spring Festival make-up working day' },
    { date: '2026-05-09', name: 'Labour Day make-up working day' },
    { date: '2026-09-20', name: 'National Day make-up working day' },
    { date: '2026-10-10', name: 'National Day make-up working day' },
  ],
  coverage: { from: '2026-01-01', to: '2026-12-31' },
};
