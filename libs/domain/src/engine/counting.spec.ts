import { cnCalendar, gbEngCalendar, usCaCalendar } from '../calendar/calendars';
import type { WorkingCalendar } from '../calendar/working-calendar.types';
import type { Duration } from '../definition/process-definition.types';
import { berlinCalendar } from '../testing/berlin-calendar';
import { parisCalendar, singaporeCalendar, sydneyCalendar } from '../testing/jurisdiction-calendars';
import { validateCalendar } from '../calendar/calendar-validator';
import { clockStatus, dueFrom, startClock } from './clock';
import { startCase } from './case-engine';
import type { ProcessDefinition } from '../definition/process-definition.types';

/*
 * Every expected date below is counted by hand from the rule in the comment, on the published calendars:
 * cn = State Council arrangement 2026 (Asia/Shanghai, UTC+8 all year); gb-eng = bank holidays 2026
 * (Europe/London: BST 29 March-25 October 2026); us-ca = Gov. Code §19853 holidays 2026
 * (America/Los_Angeles: PDT 8 March-1 November 2026).
 */
interface Row {
  name: string;
  calendar: WorkingCalendar;
  at: string;
  duration: Duration;
  dueDate: string;
  dueAt: string;
  provisional?: true;
}

const wd = (value: number, counting?: Duration['counting']): Duration => ({ value, unit: 'workingDays', counting });
const cd = (value: number, counting?: Duration['counting']): Duration => ({ value, unit: 'calendarDays', counting });

const rows: Row[] = [
  {
    // Tue 1 Dec 2026, 09:00 Beijing; working days Dec 2,3,4 (3), 7-11 (8), 14-18 (13), 21-25 (18), 28, 29 (20).
    name: 'cn: 20 working days after receipt on 1 December 2026 end with 29 December, Beijing midnight',
    calendar: cnCalendar,
    at: '2026-12-01T01:00:00Z',
    duration: wd(20),
    dueDate: '2026-12-29',
    dueAt: '2026-12-29T16:00:00.000Z',
  },
  {
    // Fri 4 Dec: Dec 7-11 (5), 14-18 (10), 21-25 (15), 28-31 (19); day 20 is Fri 1 Jan 2027, past the calendar.
    name: 'cn: a count past the last published year is provisional',
    calendar: cnCalendar,
    at: '2026-12-04T01:00:00Z',
    duration: wd(20),
    dueDate: '2027-01-01',
    dueAt: '2027-01-01T16:00:00.000Z',
    provisional: true,
  },
  {
    // 23:30 UTC on Mon 2 March is 07:30 on Tue 3 March in Beijing: day 1 after it is Wed 4 March.
    name: 'cn: an early-morning event belongs to its Beijing day, not the UTC day before',
    calendar: cnCalendar,
    at: '2026-03-02T23:30:00Z',
    duration: wd(1),
    dueDate: '2026-03-04',
    dueAt: '2026-03-04T16:00:00.000Z',
  },
  {
    // "Within 5 working days beginning with" Mon 2 March: 2, 3, 4, 5, 6 March.
    name: 'cn: beginning with the day of receipt counts that day',
    calendar: cnCalendar,
    at: '2026-03-02T02:00:00Z',
    duration: wd(5, { from: 'beginning-with' }),
    dueDate: '2026-03-06',
    dueAt: '2026-03-06T16:00:00.000Z',
  },
  {
    // "5 working days after" Mon 2 March: 3, 4, 5, 6, 9 March.
    name: 'cn: after the day of receipt does not count it',
    calendar: cnCalendar,
    at: '2026-03-02T02:00:00Z',
    duration: wd(5, { from: 'after' }),
    dueDate: '2026-03-09',
    dueAt: '2026-03-09T16:00:00.000Z',
  },
  {
    // Thu 12 Feb: Fri 13 (1), Sat 14 is a make-up working day (2), 15-23 Spring Festival, Tue 24 (3).
    name: 'cn: make-up Saturdays count and the Spring Festival does not',
    calendar: cnCalendar,
    at: '2026-02-12T02:00:00Z',
    duration: wd(3),
    dueDate: '2026-02-24',
    dueAt: '2026-02-24T16:00:00.000Z',
  },
  {
    // Received Sat 3 Oct (National Day holiday): treated as received Thu 8 Oct; then Fri 9 (1), Sat 10 make-up
    // (2), 12-16 (7), 19, 20, 21 (10).
    name: 'cn: received on a holiday, the clock starts on the next working day',
    calendar: cnCalendar,
    at: '2026-10-03T02:00:00Z',
    duration: wd(10, { start: 'next-working-day' }),
    dueDate: '2026-10-21',
    dueAt: '2026-10-21T16:00:00.000Z',
  },
  {
    // The same receipt counted from the holiday itself: Thu 8 (1), 9 (2), Sat 10 (3), 12-16 (8), 19, 20 (10).
    name: 'cn: received on a holiday, counted on receipt',
    calendar: cnCalendar,
    at: '2026-10-03T02:00:00Z',
    duration: wd(10),
    dueDate: '2026-10-20',
    dueAt: '2026-10-20T16:00:00.000Z',
  },
  {
    // 08:30 UTC on Fri 6 March is 16:30 Beijing, after the 16:00 cut-off: received Mon 9; then 10-13, 16.
    name: 'cn: received after the cut-off, the clock starts on the next working day',
    calendar: cnCalendar,
    at: '2026-03-06T08:30:00Z',
    duration: wd(5, { start: 'next-working-day', cutOff: '16:00' }),
    dueDate: '2026-03-16',
    dueAt: '2026-03-16T16:00:00.000Z',
  },
  {
    // 15:30 Beijing, before the cut-off: received Fri 6; then 9-13.
    name: 'cn: received before the cut-off, it counts from that day',
    calendar: cnCalendar,
    at: '2026-03-06T07:30:00Z',
    duration: wd(5, { start: 'next-working-day', cutOff: '16:00' }),
    dueDate: '2026-03-13',
    dueAt: '2026-03-13T16:00:00.000Z',
  },
  {
    // Mon 2 March + 5 working days = Mon 9 March, ending at 17:00 Beijing (09:00 UTC).
    name: 'cn: a close-of-business time ends the last day early',
    calendar: cnCalendar,
    at: '2026-03-02T02:00:00Z',
    duration: wd(5, { endsAt: '17:00' }),
    dueDate: '2026-03-09',
    dueAt: '2026-03-09T09:00:00.000Z',
  },
  {
    // Wed 25 March (GMT) + 5 calendar days = Mon 30 March, in BST: its end is 23:00 UTC.
    name: 'gb-eng: across the change to summer time',
    calendar: gbEngCalendar,
    at: '2026-03-25T10:00:00Z',
    duration: cd(5),
    dueDate: '2026-03-30',
    dueAt: '2026-03-30T23:00:00.000Z',
  },
  {
    // Thu 22 Oct (BST): Fri 23 (1), Mon 26 (2), Tue 27 (3), in GMT again: its end is midnight UTC.
    name: 'gb-eng: across the change back to GMT',
    calendar: gbEngCalendar,
    at: '2026-10-22T10:00:00Z',
    duration: wd(3),
    dueDate: '2026-10-27',
    dueAt: '2026-10-28T00:00:00.000Z',
  },
  {
    // 23:30 UTC on Sat 24 Oct is 00:30 BST on Sun 25 Oct: one day beginning with Sunday ends that Sunday.
    name: 'gb-eng: an event just after local midnight in summer time falls on the local day',
    calendar: gbEngCalendar,
    at: '2026-10-24T23:30:00Z',
    duration: cd(1, { from: 'beginning-with' }),
    dueDate: '2026-10-25',
    dueAt: '2026-10-26T00:00:00.000Z',
  },
  {
    // DMPO 2015 art. 34(2): 8 weeks beginning with the day after receipt. Mon 7 Sep + 56 days = Mon 2 Nov.
    name: 'gb-eng: an 8-week determination period',
    calendar: gbEngCalendar,
    at: '2026-09-07T09:00:00Z',
    duration: cd(56),
    dueDate: '2026-11-02',
    dueAt: '2026-11-03T00:00:00.000Z',
  },
  {
    // Sat 12 Dec + 14 = Sat 26 Dec; Sun 27; Mon 28 is the Boxing Day substitute; Tue 29 is the next working day.
    name: 'gb-eng: a last day on a weekend rolls forward past a substitute bank holiday and the year end stays',
    calendar: gbEngCalendar,
    at: '2026-12-12T10:00:00Z',
    duration: cd(14, { rollForward: true }),
    dueDate: '2026-12-29',
    dueAt: '2026-12-30T00:00:00.000Z',
  },
  {
    // The same period without roll-forward ends on Saturday 26 December.
    name: 'gb-eng: without roll-forward the last day stays on the weekend',
    calendar: gbEngCalendar,
    at: '2026-12-12T10:00:00Z',
    duration: cd(14),
    dueDate: '2026-12-26',
    dueAt: '2026-12-27T00:00:00.000Z',
  },
  {
    // Tue 24 Mar + 10 = Fri 3 Apr (Good Friday); Sat, Sun, Mon 6 (Easter Monday); Tue 7 April, in BST.
    name: 'gb-eng: roll-forward over Easter',
    calendar: gbEngCalendar,
    at: '2026-03-24T10:00:00Z',
    duration: cd(10, { rollForward: true }),
    dueDate: '2026-04-07',
    dueAt: '2026-04-07T23:00:00.000Z',
  },
  {
    // Thu 24 Dec 2026: Tue 29 (1; 25 and 28 are bank holidays), 30, 31 (3), Fri 1 Jan 2027 is New Year's Day
    // on the generated 2027 rules, Mon 4 (4), Tue 5 (5).
    name: 'gb-eng: across the year end on the generated 2027 holidays',
    calendar: gbEngCalendar,
    at: '2026-12-24T10:00:00Z',
    duration: wd(5),
    dueDate: '2027-01-05',
    dueAt: '2027-01-06T00:00:00.000Z',
  },
  {
    // Mon 2 March: 3, 4, 5, 6, 9, 10, 11, 12, 13, 16 (10). PDT from 8 March: the end is 07:00 UTC on 17 March,
    // so a letter sent at 17:30 on the 16th (00:30 UTC on the 17th) is on time.
    name: 'us-ca: a deadline ends at midnight in California after the change to PDT',
    calendar: usCaCalendar,
    at: '2026-03-02T17:00:00Z',
    duration: wd(10),
    dueDate: '2026-03-16',
    dueAt: '2026-03-17T07:00:00.000Z',
  },
  {
    // Thu 29 Oct (PDT): Fri 30 (1), Mon 2 Nov (2), in PST again: the end is 08:00 UTC.
    name: 'us-ca: across the change back to PST',
    calendar: usCaCalendar,
    at: '2026-10-29T17:00:00Z',
    duration: wd(2),
    dueDate: '2026-11-02',
    dueAt: '2026-11-03T08:00:00.000Z',
  },
  {
    // Wed 25 Nov: 26 and 27 are Thanksgiving holidays; Mon 30 (1), Tue 1 Dec (2), Wed 2 (3).
    name: 'us-ca: Thanksgiving does not count',
    calendar: usCaCalendar,
    at: '2026-11-25T17:00:00Z',
    duration: wd(3),
    dueDate: '2026-12-02',
    dueAt: '2026-12-03T08:00:00.000Z',
  },
  {
    // 06:30 UTC on Tue 3 March is 22:30 PST on Mon 2 March: day 1 after it is Tue 3 March.
    name: 'us-ca: a late-evening event belongs to its California day',
    calendar: usCaCalendar,
    at: '2026-03-03T06:30:00Z',
    duration: wd(1),
    dueDate: '2026-03-03',
    dueAt: '2026-03-04T08:00:00.000Z',
  },
  {
    // Mon 2 March + 1 working day = Tue 3 March, ending at 17:00 PST (01:00 UTC on the 4th).
    name: 'us-ca: close of business at 17:00',
    calendar: usCaCalendar,
    at: '2026-03-02T17:00:00Z',
    duration: wd(1, { endsAt: '17:00' }),
    dueDate: '2026-03-03',
    dueAt: '2026-03-04T01:00:00.000Z',
  },
  {
    // Wed 23 Dec: Thu 24 (1), Fri 25 Christmas, Mon 28 (2), 29, 30, Thu 31 (5): ends 08:00 UTC on 1 Jan 2027.
    name: 'us-ca: up to the year end',
    calendar: usCaCalendar,
    at: '2026-12-23T17:00:00Z',
    duration: wd(5),
    dueDate: '2026-12-31',
    dueAt: '2027-01-01T08:00:00.000Z',
  },
  {
    /*
     * Cal. Gov. Code §911.2(a): a claim "not later than six months after the accrual". Accrued Mon 31 Aug 2026:
     * February 2027 has no 31st, so the last day is Sun 28 Feb (corresponding-day rule, last day of the month);
     * Code Civ. Proc. §12a moves a last day on a holiday (Sunday) to Mon 1 March. PST: 08:00 UTC on the 2nd.
     */
    name: 'us-ca: six months after 31 August end with February, rolled past the weekend into March',
    calendar: usCaCalendar,
    at: '2026-08-31T17:00:00Z',
    duration: { value: 6, unit: 'months', counting: { rollForward: true } },
    dueDate: '2027-03-01',
    dueAt: '2027-03-02T08:00:00.000Z',
  },
  {
    // One month after Mon 5 Oct 2026 (PDT) is Thu 5 Nov (PST since 1 November): the end is 08:00 UTC, not 07:00.
    name: 'us-ca: a month across the change back to PST',
    calendar: usCaCalendar,
    at: '2026-10-05T17:00:00Z',
    duration: { value: 1, unit: 'months' },
    dueDate: '2026-11-05',
    dueAt: '2026-11-06T08:00:00.000Z',
  },
  {
    /*
     * Six months "beginning with" a decision notice of Mon 31 Aug 2026 (the planning appeal period, TCPA 1990
     * s.78, DMPO 2015 art. 37(2)): the day before the corresponding day, and February 2027 has no 31st, so the
     * last day of February (Dodds v Walker [1980] 1 WLR 1061). No roll-forward: it ends on Sunday 28 February.
     */
    name: 'gb-eng: six months beginning with 31 August end on the last day of February',
    calendar: gbEngCalendar,
    at: '2026-08-31T10:00:00Z',
    duration: { value: 6, unit: 'months', counting: { from: 'beginning-with' } },
    dueDate: '2027-02-28',
    dueAt: '2027-03-01T00:00:00.000Z',
  },
  {
    // One month after Wed 30 Sep 2026 (BST) is Fri 30 Oct, in GMT since 25 October: midnight is 00:00 UTC.
    name: 'gb-eng: a month after receipt across the end of summer time',
    calendar: gbEngCalendar,
    at: '2026-09-30T10:00:00Z',
    duration: { value: 1, unit: 'months' },
    dueDate: '2026-10-30',
    dueAt: '2026-10-31T00:00:00.000Z',
  },
  {
    // A year after Tue 29 Feb 2028: 2029 has no 29 February, so the last day of that February, Wed 28th.
    name: 'gb-eng: a year after 29 February ends on 28 February',
    calendar: gbEngCalendar,
    at: '2028-02-29T10:00:00Z',
    duration: { value: 1, unit: 'years' },
    dueDate: '2029-02-28',
    dueAt: '2029-03-01T00:00:00.000Z',
  },
  /*
   * de-be: BGB §187(1) (the day of the event does not count), §188(2)-(3) (a month ends on the corresponding
   * day, or the month's last), §193 (a last day on a Saturday, Sunday or public holiday moves to the next
   * working day), on Berlin's holidays (Feiertagsgesetz §1). CET is UTC+1, CEST UTC+2 from 29 March 2026.
   */
  {
    // Tue 3 Mar 2026 + 1 month = Fri 3 Apr, Good Friday; Sat, Sun, Easter Monday 6 April; Tue 7 April, in CEST.
    name: 'de-be: a month after 3 March rolls past Easter, across the change to summer time',
    calendar: berlinCalendar,
    at: '2026-03-03T09:00:00Z',
    duration: { value: 1, unit: 'months', counting: { rollForward: true } },
    dueDate: '2026-04-07',
    dueAt: '2026-04-07T22:00:00.000Z',
  },
  {
    // Sat 31 Jan 2026 + 1 month: February has no 31st, so Sat 28 Feb (§188(3)); §193 moves it to Mon 2 March.
    name: 'de-be: a month from 31 January ends with February, moved to the Monday',
    calendar: berlinCalendar,
    at: '2026-01-31T09:00:00Z',
    duration: { value: 1, unit: 'months', counting: { rollForward: true } },
    dueDate: '2026-03-02',
    dueAt: '2026-03-02T23:00:00.000Z',
  },
  {
    // VwGO §70: an objection within one month of notice. Notified Thu 3 Dec 2026: Sun 3 Jan 2027, so Mon 4 Jan.
    name: 'de-be: an objection period across the year end',
    calendar: berlinCalendar,
    at: '2026-12-03T09:00:00Z',
    duration: { value: 1, unit: 'months', counting: { rollForward: true } },
    dueDate: '2027-01-04',
    dueAt: '2027-01-04T23:00:00.000Z',
  },
  {
    // Fri 23 Oct 2026 (CEST): Mon 26 (1, CET since the 25th), 27, 28, 29, Fri 30 (5): midnight is 23:00 UTC.
    name: 'de-be: working days across the change back to CET',
    calendar: berlinCalendar,
    at: '2026-10-23T08:00:00Z',
    duration: wd(5),
    dueDate: '2026-10-30',
    dueAt: '2026-10-30T23:00:00.000Z',
  },
  /*
   * au-nsw, published as data (no code for Australia/Sydney): Interpretation Act 1987 (NSW) s.36 (the day of the
   * event does not count; a last day on a Saturday, Sunday or public holiday moves to the next day that is not),
   * on the Public Holidays Act 2010 (NSW) holidays. Southern summer time: AEDT (UTC+11) until 03:00 on Sun
   * 5 April 2026, AEST (UTC+10) until 02:00 on Sun 4 October 2026, AEDT again.
   */
  {
    /*
     * 23:00 UTC on Tue 31 March is 10:00 AEDT on Wed 1 April. Thu 2 (1); Good Friday 3, Easter Saturday 4,
     * Easter Sunday 5 (AEST from 03:00), Easter Monday 6; Tue 7 (2), 8 (3), 9 (4), Fri 10 (5). Midnight AEST
     * is 14:00 UTC on the 10th (counted on UTC days the last day would be Thu 9 April).
     */
    name: 'au-nsw: five working days across Easter and the end of southern summer time',
    calendar: sydneyCalendar,
    at: '2026-03-31T23:00:00Z',
    duration: wd(5),
    dueDate: '2026-04-10',
    dueAt: '2026-04-10T14:00:00.000Z',
  },
  {
    // 09:00 AEST on Wed 30 Sep: Thu 1 Oct (1), Fri 2 (2), AEDT from Sun 4, Labour Day Mon 5, Tue 6 (3), Wed 7 (4),
    // Thu 8 (5). Midnight AEDT is 13:00 UTC.
    name: 'au-nsw: five working days across Labour Day and the start of summer time',
    calendar: sydneyCalendar,
    at: '2026-09-29T23:00:00Z',
    duration: wd(5),
    dueDate: '2026-10-08',
    dueAt: '2026-10-08T13:00:00.000Z',
  },
  {
    // 09:00 AEDT on Sat 31 Jan (still the 30th in UTC): February has no 31st, so Sat 28 Feb; s.36 moves it past
    // Sunday to Mon 2 March.
    name: 'au-nsw: a month from 31 January ends with February, moved to the Monday',
    calendar: sydneyCalendar,
    at: '2026-01-30T22:00:00Z',
    duration: { value: 1, unit: 'months', counting: { rollForward: true } },
    dueDate: '2026-03-02',
    dueAt: '2026-03-02T13:00:00.000Z',
  },
  {
    /*
     * 10:00 AEDT on Wed 23 Dec: Thu 24 (1); Christmas 25, Boxing Day 26, Sun 27, the additional day Mon 28;
     * Tue 29 (2), 30 (3), Thu 31 (4); New Year's Day Fri 1 Jan 2027, Sat 2, Sun 3; Mon 4 (5), Tue 5 (6).
     */
    name: 'au-nsw: six working days across Christmas, the additional Boxing Day and the year end',
    calendar: sydneyCalendar,
    at: '2026-12-22T23:00:00Z',
    duration: wd(6),
    dueDate: '2027-01-05',
    dueAt: '2027-01-05T13:00:00.000Z',
  },
  /*
   * sg, published as data (Asia/Singapore, UTC+8 all year), on the Holidays Act 1998 holidays gazetted for 2026.
   */
  {
    /*
     * Thu 26 March: Fri 27 (1), Mon 30 (2), Tue 31 (3), Wed 1 Apr (4), Thu 2 (5); Good Friday 3; Mon 6 (6): Easter
     * Monday is no holiday in Singapore. The offset stays +08:00 while Europe (29 March) and Sydney (5 April)
     * change theirs.
     */
    name: 'sg: working days across Good Friday keep their offset when other zones change',
    calendar: singaporeCalendar,
    at: '2026-03-26T02:00:00Z',
    duration: wd(6),
    dueDate: '2026-04-06',
    dueAt: '2026-04-06T16:00:00.000Z',
  },
  {
    // A calendar month (Interpretation Act 1965 s.2) after Tue 31 March: April has no 31st, so Thu 30 April.
    name: 'sg: a month from 31 March ends on 30 April',
    calendar: singaporeCalendar,
    at: '2026-03-31T02:00:00Z',
    duration: { value: 1, unit: 'months' },
    dueDate: '2026-04-30',
    dueAt: '2026-04-30T16:00:00.000Z',
  },
  {
    // Tue 22 Dec: Wed 23 (1), Thu 24 (2), Christmas Fri 25, Mon 28 (3), Tue 29 (4), Wed 30 (5).
    name: 'sg: five working days over Christmas up to the year end',
    calendar: singaporeCalendar,
    at: '2026-12-22T02:00:00Z',
    duration: wd(5),
    dueDate: '2026-12-30',
    dueAt: '2026-12-30T16:00:00.000Z',
  },
  {
    // The same receipt, 8 working days: Thu 31 (6), Fri 1 Jan 2027 (7: no 2027 holidays are published here),
    // Mon 4 Jan (8), past the coverage: provisional.
    name: 'sg: a count into a year not yet published is provisional',
    calendar: singaporeCalendar,
    at: '2026-12-22T02:00:00Z',
    duration: wd(8),
    dueDate: '2027-01-04',
    dueAt: '2027-01-04T16:00:00.000Z',
    provisional: true,
  },
  /*
   * fr-75, published as data (Europe/Paris): Code de procédure civile art. 641 (a period in months ends on the
   * day of the last month with the same number, failing which on the month's last day) and art. 642 (a period
   * ending on a Saturday, Sunday or public holiday runs to the next working day), which the Conseil d'État applies
   * to the two-month appeal period of CJA R421-1. Silence kept for two months on a request is acceptance
   * (loi 2013-1005, CRPA L231-1): the implicit decision is born at the end of the period, not moved.
   */
  {
    // Received Mon 2 Feb 2026, 10:00 CET: two months is Thu 2 April, in CEST since 29 March: 22:00 UTC.
    name: 'fr-75: silence for two months across the change to summer time',
    calendar: parisCalendar,
    at: '2026-02-02T09:00:00Z',
    duration: { value: 2, unit: 'months' },
    dueDate: '2026-04-02',
    dueAt: '2026-04-02T22:00:00.000Z',
  },
  {
    // Received Thu 31 Dec 2026: February 2027 has no 31st, so the last day of February, Sun 28 (art. 641), not moved.
    name: 'fr-75: silence for two months from 31 December ends on the last day of February',
    calendar: parisCalendar,
    at: '2026-12-31T09:00:00Z',
    duration: { value: 2, unit: 'months' },
    dueDate: '2027-02-28',
    dueAt: '2027-02-28T23:00:00.000Z',
  },
  {
    // Notified Tue 3 Nov 2026: two months is Sun 3 Jan 2027; art. 642 moves it to Mon 4 Jan (CET: 23:00 UTC).
    name: 'fr-75: a two-month appeal period across the year end, moved off the Sunday',
    calendar: parisCalendar,
    at: '2026-11-03T09:00:00Z',
    duration: { value: 2, unit: 'months', counting: { rollForward: true } },
    dueDate: '2027-01-04',
    dueAt: '2027-01-04T23:00:00.000Z',
  },
  {
    // Notified Fri 28 Aug 2026 (CEST): two months is Wed 28 October, in CET since the 25th: 23:00 UTC.
    name: 'fr-75: a two-month appeal period across the change back to standard time',
    calendar: parisCalendar,
    at: '2026-08-28T08:00:00Z',
    duration: { value: 2, unit: 'months', counting: { rollForward: true } },
    dueDate: '2026-10-28',
    dueAt: '2026-10-28T23:00:00.000Z',
  },
];

describe('calendars published as data for jurisdictions without code', () => {
  it.each([sydneyCalendar, singaporeCalendar, parisCalendar])('$id ($timeZone) passes the validator', (calendar) => {
    expect(validateCalendar(calendar)).toMatchObject({ ok: true });
  });

  /*
   * The limit that started this: counted on UTC days, an event at 00:30 local time on the day after the last day
   * is still on the last day in UTC (east of Greenwich) and was taken as in time.
   */
  it.each([
    // 5 working days from Wed 1 April (see the table): the last day is Fri 10 April; 00:30 AEST on Sat 11 April
    // is 14:30 UTC on the 10th.
    {
      calendar: sydneyCalendar,
      at: '2026-03-31T23:00:00Z',
      days: 5,
      lastMinute: '2026-04-10T13:59:00Z',
      late: '2026-04-10T14:30:00Z',
    },
    // 5 working days from Tue 22 Dec: the last day is Wed 30 Dec; 00:30 on Thu 31 Dec in Singapore is 16:30 UTC on the 30th.
    {
      calendar: singaporeCalendar,
      at: '2026-12-22T02:00:00Z',
      days: 5,
      lastMinute: '2026-12-30T15:59:00Z',
      late: '2026-12-30T16:30:00Z',
    },
  ])('$calendar.id: 00:30 local time on the day after the last day is late, 23:59 on it is not', (row) => {
    const sut = startClock(row.calendar, row.at, wd(row.days));
    expect(clockStatus(row.calendar, sut, row.lastMinute)).toMatchObject({ overdue: false, remaining: 0 });
    expect(clockStatus(row.calendar, sut, row.late)).toMatchObject({ overdue: true });
    expect(row.late.slice(0, 10)).toBe(sut.dueDate);
  });
});

describe('counting conventions', () => {
  it.each(rows)('$name', (row) => {
    expect(dueFrom(row.calendar, row.at, row.duration)).toEqual({
      dueDate: row.dueDate,
      dueAt: row.dueAt,
      ...(row.provisional ? { provisional: true } : {}),
    });
  });
});

/** The same table through the reducer: a case whose first step has the row's period, on the row's calendar. */
function oneStep(calendar: WorkingCalendar, duration: Duration): ProcessDefinition {
  return {
    key: 'counting',
    version: 1,
    title: 'Counting',
    requestType: 'permit',
    jurisdiction: calendar.id,
    start: 'decision',
    steps: [
      {
        id: 'decision',
        title: 'Decision',
        kind: 'task',
        owner: { department: 'planning', role: 'clerk' },
        duration,
        next: { approved: { status: 'approved' } },
      },
    ],
  };
}

describe('counting conventions in the reducer', () => {
  it.each(rows)('$name', (row) => {
    const { state } = startCase(
      { definition: oneStep(row.calendar, row.duration), calendar: row.calendar },
      { requestId: 'r-1', applicant: { id: 'a', role: 'applicant' }, attributes: {}, at: row.at },
    );
    expect(state.activeSteps[0]).toMatchObject({ dueDate: row.dueDate, dueAt: row.dueAt });
    expect(state.activeSteps[0].dueProvisional).toBe(row.provisional);
    expect(state.timers[0]).toMatchObject({ kind: 'step-due', dueAt: row.dueAt });
  });
});
