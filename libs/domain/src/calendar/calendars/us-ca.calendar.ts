import type { WorkingCalendar } from '../working-calendar.types';

/**
 * California state holidays, 2026 (Government Code §6700), as observed by state agencies; Independence Day
 * falls on a Saturday and is observed on Friday 3 July.
 */
export const usCaCalendar: WorkingCalendar = {
  id: 'us-ca',
  name: 'California (state holidays, 2026)',
  weekendDays: [0, 6],
  holidays: [
    { date: '2026-01-01', name: "New Year's Day" },
    { date: '2026-01-19', name: 'Martin Luther King Jr. Day' },
    { date: '2026-02-16', name: "Presidents' Day" },
    { date: '2026-03-31', name: 'Cesar Chavez Day' },
    { date: '2026-05-25', name: 'Memorial Day' },
    { date: '2026-07-03', name: 'Independence Day (observed)' },
    { date: '2026-09-07', name: 'Labor Day' },
    { date: '2026-09-25', name: 'Native American Day' },
    { date: '2026-11-11', name: 'Veterans Day' },
    { date: '2026-11-26', name: 'Thanksgiving Day' },
    { date: '2026-11-27', name: 'Day after Thanksgiving' },
    { date: '2026-12-25', name: 'Christmas Day' },
  ],
  makeUpWorkingDays: [],
  coverage: { from: '2026-01-01', to: '2026-12-31' },
};
