import type { UtcOffsets } from '../calendar/time-zone';
import type { WorkingCalendar } from '../calendar/working-calendar.types';

/*
 * Spec fixtures: jurisdictions the project ships no code or calendar for, as an administrator would publish
 * them. Offsets are what `POST /calendars` generates from the IANA database (tzdata 1.0.51) over the coverage
 * years and a year either side, typed here so the domain specs need no time-zone package.
 */

const SOURCE = 'IANA tz database (tzdata 1.0.51)';

/** A zone with summer time: the offset from each instant on, alternating standard and summer. */
function alternating(zone: string, standard: number, summer: number, changes: string[], firstIsSummer: boolean) {
  const transitions = [{ from: '2025-01-01T00:00:00.000Z', offset: firstIsSummer ? summer : standard }];
  changes.forEach((from, i) => {
    const summerNow = (i % 2 === 0) !== firstIsSummer;
    transitions.push({ from, offset: summerNow ? summer : standard });
  });
  return { source: `${SOURCE}, ${zone}`, transitions } satisfies UtcOffsets;
}

/**
 * New South Wales: Australia/Sydney, AEST (UTC+10) and AEDT (UTC+11) from 02:00 on the first Sunday of October
 * to 03:00 on the first Sunday of April (southern summer). Public holidays 2026-2027 under the Public Holidays
 * Act 2010 (NSW), with its additional days (Boxing Day on a Saturday gives Monday 28 December 2026; in 2027
 * Christmas on a Saturday and Boxing Day on a Sunday give Monday 27 and Tuesday 28 December). The bank
 * holiday in August (banks only) is not a public holiday and is left out.
 */
export const sydneyCalendar: WorkingCalendar = {
  id: 'au-nsw',
  name: 'New South Wales',
  timeZone: 'Australia/Sydney',
  utcOffsets: alternating(
    'Australia/Sydney',
    600,
    660,
    [
      '2025-04-05T16:00:00.000Z',
      '2025-10-04T16:00:00.000Z',
      '2026-04-04T16:00:00.000Z',
      '2026-10-03T16:00:00.000Z',
      '2027-04-03T16:00:00.000Z',
      '2027-10-02T16:00:00.000Z',
      '2028-04-01T16:00:00.000Z',
      '2028-09-30T16:00:00.000Z',
    ],
    true,
  ),
  weekendDays: [0, 6],
  holidays: [
    { date: '2026-01-01', name: "New Year's Day" },
    { date: '2026-01-26', name: 'Australia Day' },
    { date: '2026-04-03', name: 'Good Friday' },
    { date: '2026-04-04', name: 'Easter Saturday' },
    { date: '2026-04-05', name: 'Easter Sunday' },
    { date: '2026-04-06', name: 'Easter Monday' },
    { date: '2026-04-25', name: 'Anzac Day' },
    { date: '2026-06-08', name: "King's Birthday" },
    { date: '2026-10-05', name: 'Labour Day' },
    { date: '2026-12-25', name: 'Christmas Day' },
    { date: '2026-12-26', name: 'Boxing Day' },
    { date: '2026-12-28', name: 'Boxing Day (additional day)' },
    { date: '2027-01-01', name: "New Year's Day" },
    { date: '2027-01-26', name: 'Australia Day' },
    { date: '2027-03-26', name: 'Good Friday' },
    { date: '2027-03-27', name: 'Easter Saturday' },
    { date: '2027-03-28', name: 'Easter Sunday' },
    { date: '2027-03-29', name: 'Easter Monday' },
    { date: '2027-04-25', name: 'Anzac Day' },
    { date: '2027-06-14', name: "King's Birthday" },
    { date: '2027-10-04', name: 'Labour Day' },
    { date: '2027-12-25', name: 'Christmas Day' },
    { date: '2027-12-26', name: 'Boxing Day' },
    { date: '2027-12-27', name: 'Christmas Day (additional day)' },
    { date: '2027-12-28', name: 'Boxing Day (additional day)' },
  ],
  makeUpWorkingDays: [],
  coverage: { from: '2026-01-01', to: '2027-12-31' },
};

/**
 * Singapore: Asia/Singapore, UTC+8 all year (no summer time). Public holidays 2026 as gazetted under the
 * Holidays Act 1998 (a holiday on a Sunday gives the Monday after). Only 2026 is covered here, so a count into
 * 2027 is provisional.
 */
export const singaporeCalendar: WorkingCalendar = {
  id: 'sg',
  name: 'Singapore',
  timeZone: 'Asia/Singapore',
  utcOffsets: { source: `${SOURCE}, Asia/Singapore`, transitions: [{ from: '2025-01-01T00:00:00.000Z', offset: 480 }] },
  weekendDays: [0, 6],
  holidays: [
    { date: '2026-01-01', name: "New Year's Day" },
    { date: '2026-02-17', name: 'Chinese New Year' },
    { date: '2026-02-18', name: 'Chinese New Year' },
    { date: '2026-03-21', name: 'Hari Raya Puasa' },
    { date: '2026-04-03', name: 'Good Friday' },
    { date: '2026-05-01', name: 'Labour Day' },
    { date: '2026-05-27', name: 'Hari Raya Haji' },
    { date: '2026-05-31', name: 'Vesak Day' },
    { date: '2026-06-01', name: 'Vesak Day (observed)' },
    { date: '2026-08-09', name: 'National Day' },
    { date: '2026-08-10', name: 'National Day (observed)' },
    { date: '2026-11-08', name: 'Deepavali' },
    { date: '2026-11-09', name: 'Deepavali (observed)' },
    { date: '2026-12-25', name: 'Christmas Day' },
  ],
  makeUpWorkingDays: [],
  coverage: { from: '2026-01-01', to: '2026-12-31' },
};

/**
 * France (Paris): Europe/Paris, CET (UTC+1) and CEST (UTC+2) from 01:00 UTC on the last Sunday of March to
 * 01:00 UTC on the last Sunday of October. Jours fériés of Code du travail L3133-1 for 2026-2027.
 */
export const parisCalendar: WorkingCalendar = {
  id: 'fr-75',
  name: 'Paris',
  timeZone: 'Europe/Paris',
  utcOffsets: alternating(
    'Europe/Paris',
    60,
    120,
    [
      '2025-03-30T01:00:00.000Z',
      '2025-10-26T01:00:00.000Z',
      '2026-03-29T01:00:00.000Z',
      '2026-10-25T01:00:00.000Z',
      '2027-03-28T01:00:00.000Z',
      '2027-10-31T01:00:00.000Z',
      '2028-03-26T01:00:00.000Z',
      '2028-10-29T01:00:00.000Z',
    ],
    false,
  ),
  weekendDays: [0, 6],
  holidays: [
    { date: '2026-01-01', name: "Jour de l'an" },
    { date: '2026-04-06', name: 'Lundi de Pâques' },
    { date: '2026-05-01', name: 'Fête du Travail' },
    { date: '2026-05-08', name: 'Victoire 1945' },
    { date: '2026-05-14', name: 'Ascension' },
    { date: '2026-05-25', name: 'Lundi de Pentecôte' },
    { date: '2026-07-14', name: 'Fête nationale' },
    { date: '2026-08-15', name: 'Assomption' },
    { date: '2026-11-01', name: 'Toussaint' },
    { date: '2026-11-11', name: 'Armistice 1918' },
    { date: '2026-12-25', name: 'Noël' },
    { date: '2027-01-01', name: "Jour de l'an" },
    { date: '2027-03-29', name: 'Lundi de Pâques' },
    { date: '2027-05-01', name: 'Fête du Travail' },
    { date: '2027-05-06', name: 'Ascension' },
    { date: '2027-05-08', name: 'Victoire 1945' },
    { date: '2027-05-17', name: 'Lundi de Pentecôte' },
    { date: '2027-07-14', name: 'Fête nationale' },
    { date: '2027-08-15', name: 'Assomption' },
    { date: '2027-11-01', name: 'Toussaint' },
    { date: '2027-11-11', name: 'Armistice 1918' },
    { date: '2027-12-25', name: 'Noël' },
  ],
  makeUpWorkingDays: [],
  coverage: { from: '2026-01-01', to: '2027-12-31' },
};
