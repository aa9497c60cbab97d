import type { WorkingCalendar } from '../calendar/working-calendar.types';

/**
 * Spec fixture: Berlin as an administrator would publish it. Public holidays 2026-2027 from the Berlin
 * Feiertagsgesetz (§1: New Year, Women's Day 8 March, Good Friday, Easter Monday, 1 May, Ascension, Whit
 * Monday, 3 October, Christmas Day and Boxing Day); offsets as the IANA database gives Europe/Berlin (CET,
 * CEST from 01:00 UTC on the last Sunday of March to 01:00 UTC on the last Sunday of October), typed by hand
 * so the domain specs need no time-zone package.
 */
export const berlinCalendar: WorkingCalendar = {
  id: 'de-be',
  name: 'Berlin',
  timeZone: 'Europe/Berlin',
  utcOffsets: {
    source: 'IANA tz database 2026d, Europe/Berlin',
    transitions: [
      { from: '2025-01-01T00:00:00.000Z', offset: 60 },
      { from: '2025-03-30T01:00:00.000Z', offset: 120 },
      { from: '2025-10-26T01:00:00.000Z', offset: 60 },
      { from: '2026-03-29T01:00:00.000Z', offset: 120 },
      { from: '2026-10-25T01:00:00.000Z', offset: 60 },
      { from: '2027-03-28T01:00:00.000Z', offset: 120 },
      { from: '2027-10-31T01:00:00.000Z', offset: 60 },
      { from: '2028-03-26T01:00:00.000Z', offset: 120 },
      { from: '2028-10-29T01:00:00.000Z', offset: 60 },
    ],
  },
  weekendDays: [0, 6],
  holidays: [
    { date: '2026-01-01', name: 'Neujahr' },
    { date: '2026-03-08', name: 'Internationaler Frauentag' },
    { date: '2026-04-03', name: 'Karfreitag' },
    { date: '2026-04-06', name: 'Ostermontag' },
    { date: '2026-05-01', name: 'Tag der Arbeit' },
    { date: '2026-05-14', name: 'Christi Himmelfahrt' },
    { date: '2026-05-25', name: 'Pfingstmontag' },
    { date: '2026-10-03', name: 'Tag der Deutschen Einheit' },
    { date: '2026-12-25', name: '1. Weihnachtstag' },
    { date: '2026-12-26', name: '2. Weihnachtstag' },
    { date: '2027-01-01', name: 'Neujahr' },
    { date: '2027-03-08', name: 'Internationaler Frauentag' },
    { date: '2027-03-26', name: 'Karfreitag' },
    { date: '2027-03-29', name: 'Ostermontag' },
    { date: '2027-05-01', name: 'Tag der Arbeit' },
    { date: '2027-05-06', name: 'Christi Himmelfahrt' },
    { date: '2027-05-17', name: 'Pfingstmontag' },
    { date: '2027-10-03', name: 'Tag der Deutschen Einheit' },
    { date: '2027-12-25', name: '1. Weihnachtstag' },
    { date: '2027-12-26', name: '2. Weihnachtstag' },
  ],
  makeUpWorkingDays: [],
  coverage: { from: '2026-01-01', to: '2027-12-31' },
};
