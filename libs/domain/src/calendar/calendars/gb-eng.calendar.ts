import type { WorkingCalendar } from '../working-calendar.types';

/** England and Wales bank holidays, 2026 (Boxing Day falls on a Saturday, so the substitute is 28 December). */
export const gbEngCalendar: WorkingCalendar = {
  id: 'gb-eng',
  name: 'England and Wales (bank holidays, 2026)',
  weekendDays: [0, 6],
  holidays: [
    { date: '2026-01-01', name: "New Year's Day" },
    { date: '2026-04-03', name: 'Good Friday' },
    { date: '2026-04-06', name: 'Easter Monday' },
    { date: '2026-05-04', name: 'Early May bank holiday' },
    { date: '2026-05-25', name: 'Spring bank holiday' },
    { date: '2026-08-31', name: 'Summer bank holiday' },
    { date: '2026-12-25', name: 'Christmas Day' },
    { date: '2026-12-28', name: 'Boxing Day (substitute day)' },
  ],
  makeUpWorkingDays: [],
  coverage: { from: '2026-01-01', to: '2026-12-31' },
};
