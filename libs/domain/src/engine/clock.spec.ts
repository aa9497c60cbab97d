import { cnCalendar, gbEngCalendar, usCaCalendar } from '../calendar/calendars';
import { berlinCalendar } from '../testing/berlin-calendar';
import { sydneyCalendar } from '../testing/jurisdiction-calendars';
import { clockStatus, dueFrom, extendClock, pauseClock, restartClock, resumeClock, startClock } from './clock';

describe('clock', () => {
  describe(dueFrom.name, () => {
    it('ends a working-day period at the end of its last working day, counting make-up Saturdays', () => {
      expect(dueFrom(cnCalendar, '2026-02-10T08:00:00Z', { value: 15, unit: 'workingDays' })).toEqual({
        dueDate: '2026-03-09',
        dueAt: '2026-03-09T16:00:00.000Z', // midnight in Beijing (UTC+8)
      });
    });

    it('counts calendar days straight through holidays', () => {
      expect(dueFrom(gbEngCalendar, '2026-04-01T12:00:00Z', { value: 21, unit: 'calendarDays' }).dueDate).toBe(
        '2026-04-22',
      );
    });

    it('is exact for second-scale units used by integration tests', () => {
      expect(dueFrom(cnCalendar, '2026-02-16T00:00:00Z', { value: 5, unit: 'seconds' })).toEqual({
        dueAt: '2026-02-16T00:00:05.000Z',
      });
      expect(dueFrom(cnCalendar, '2026-02-16T00:00:00Z', { value: 2, unit: 'hours' }).dueAt).toBe(
        '2026-02-16T02:00:00.000Z',
      );
    });
  });

  describe(pauseClock.name, () => {
    it('shifts a working-day deadline by the working days the clock was stopped', () => {
      const sut = startClock(gbEngCalendar, '2026-03-02T09:00:00Z', { value: 10, unit: 'workingDays' });
      expect(sut.dueDate).toBe('2026-03-16');

      pauseClock(gbEngCalendar, sut, 'rfi:rfi-1', '2026-03-04T09:00:00Z');
      expect(sut.remaining).toBe(8);
      resumeClock(gbEngCalendar, sut, 'rfi:rfi-1', '2026-03-11T15:00:00Z');

      expect(sut.dueDate).toBe('2026-03-23');
      expect(sut.pauses).toEqual([{ reason: 'rfi:rfi-1', from: '2026-03-04T09:00:00Z', to: '2026-03-11T15:00:00Z' }]);
    });

    it('keeps running only when every reason to stop has ended', () => {
      const sut = startClock(cnCalendar, '2026-03-02T09:00:00Z', { value: 60, unit: 'seconds' });
      pauseClock(cnCalendar, sut, 'a', '2026-03-02T09:00:10Z');
      pauseClock(cnCalendar, sut, 'b', '2026-03-02T09:00:20Z');
      resumeClock(cnCalendar, sut, 'a', '2026-03-02T09:00:30Z');
      expect(sut.pausedBy).toEqual(['b']);

      resumeClock(cnCalendar, sut, 'b', '2026-03-02T09:01:10Z');

      expect(sut.dueAt).toBe('2026-03-02T09:02:00.000Z');
    });

    it('stretches across a holiday block when paused before it', () => {
      const sut = startClock(cnCalendar, '2026-02-09T09:00:00Z', { value: 5, unit: 'workingDays' });
      expect(sut.dueDate).toBe('2026-02-14');
      pauseClock(cnCalendar, sut, 'x', '2026-02-11T09:00:00Z');
      resumeClock(cnCalendar, sut, 'x', '2026-02-13T09:00:00Z');

      expect(sut.dueDate).toBe('2026-02-25');
    });
  });

  it('restarts a full period from the resubmittal', () => {
    const sut = startClock(gbEngCalendar, '2026-03-02T09:00:00Z', { value: 30, unit: 'calendarDays' });
    pauseClock(gbEngCalendar, sut, 'rfi', '2026-03-20T09:00:00Z');
    restartClock(gbEngCalendar, sut, '2026-04-10T09:00:00Z');

    expect(sut.dueDate).toBe('2026-05-10');
    expect(sut.pausedBy).toEqual([]);
  });

  it('adds an agreed extension to a running or a stopped clock', () => {
    const running = startClock(gbEngCalendar, '2026-03-02T09:00:00Z', { value: 56, unit: 'calendarDays' });
    extendClock(gbEngCalendar, running, { value: 28, unit: 'calendarDays' });
    expect(running.dueDate).toBe('2026-05-25');

    const stopped = startClock(gbEngCalendar, '2026-03-02T09:00:00Z', { value: 10, unit: 'workingDays' });
    pauseClock(gbEngCalendar, stopped, 'x', '2026-03-02T10:00:00Z');
    extendClock(gbEngCalendar, stopped, { value: 5, unit: 'workingDays' });
    resumeClock(gbEngCalendar, stopped, 'x', '2026-03-02T11:00:00Z');
    expect(stopped.dueDate).toBe('2026-03-23');
  });

  describe('exact remainders', () => {
    /*
     * A paused calendar-day clock keeps what is left to its last counted day, not to the day it rolled forward
     * to, and rolls forward once, when it ends (Cal. Gov. Code §6707 and Code Civ. Proc. §12a: a last day
     * that is a holiday moves to the next business day; the move is not part of the period).
     */
    it('us-ca: 45 days from 1 October keep 9 days left, not 10, when paused on 6 November', () => {
      const period = { value: 45, unit: 'calendarDays', counting: { rollForward: true } } as const;
      // Thu 1 Oct 2026, 09:00 PDT. Day 30 is 31 Oct, day 45 is Sun 15 Nov, rolled to Mon 16 Nov.
      const sut = startClock(usCaCalendar, '2026-10-01T16:00:00Z', period);
      expect(sut.dueDate).toBe('2026-11-16');

      // Fri 6 Nov, 10:00 PST (after the DST change of 1 November): 7..15 November are 9 days.
      pauseClock(usCaCalendar, sut, 'rfi:1', '2026-11-06T18:00:00Z');
      expect(sut.remaining).toBe(9);

      // Resumed Mon 16 Nov: 9 days after it is Wed 25 Nov, a working day (Thanksgiving is the 26th).
      resumeClock(usCaCalendar, sut, 'rfi:1', '2026-11-16T17:00:00Z');
      expect(sut.dueDate).toBe('2026-11-25');
      expect(sut.dueAt).toBe('2026-11-26T08:00:00.000Z');
    });

    it('us-ca: a period whose last day is Lincoln Day runs on past it, though it counts as a working day', () => {
      // Code Civ. Proc. §12a with §135 and Gov. Code §6700(a): 12 February is a judicial holiday, so a last
      // day on it rolls forward; state offices are open (Gov. Code §19853 does not list it).
      const period = { value: 30, unit: 'calendarDays', counting: { rollForward: true } } as const;
      // Wed 13 Jan 2027, 09:00 PST: 14..31 January are 18 days, day 30 is Fri 12 Feb (Lincoln Day); Sat 13,
      // Sun 14 and Mon 15 Feb (Presidents' Day, third Monday) follow, so the period ends Tue 16 Feb.
      expect(startClock(usCaCalendar, '2027-01-13T17:00:00Z', period).dueDate).toBe('2027-02-16');
      // A working-day count is not rolled: one working day after Thu 11 Feb is Fri 12 Feb.
      const workingDays = { value: 1, unit: 'workingDays' } as const;
      expect(startClock(usCaCalendar, '2027-02-11T17:00:00Z', workingDays).dueDate).toBe('2027-02-12');
    });

    it('gb-eng: 25 days from 2 December keep 13 days left across Christmas and the year end', () => {
      const period = { value: 25, unit: 'calendarDays', counting: { rollForward: true } } as const;
      // Wed 2 Dec 2026: day 25 is Sun 27 Dec; Mon 28 Dec is the Boxing Day substitute, so it ends Tue 29 Dec.
      const sut = startClock(gbEngCalendar, '2026-12-02T10:00:00Z', period);
      expect(sut.dueDate).toBe('2026-12-29');

      // Mon 14 Dec: 15..27 December are 13 days.
      pauseClock(gbEngCalendar, sut, 'rfi:1', '2026-12-14T10:00:00Z');
      expect(sut.remaining).toBe(13);
      expect(clockStatus(gbEngCalendar, sut, '2026-12-18T10:00:00Z')).toMatchObject({ paused: true, remaining: 13 });

      // Resumed Mon 21 Dec: day 13 is Sun 3 Jan 2027, rolled to Mon 4 Jan (New Year's Day was Fri 1 Jan).
      resumeClock(gbEngCalendar, sut, 'rfi:1', '2026-12-21T10:00:00Z');
      expect(sut.dueDate).toBe('2027-01-04');
    });
  });

  /*
   * Exact remainders at a change of summer time, a month end and a year end. Each period is calendar days with
   * roll-forward (gb-eng: bank holidays 2026; us-ca: Code Civ. Proc. §12a; au-nsw: Interpretation Act 1987 (NSW)
   * s.36, on a calendar published as data). `rolled` is what the remainder would be if counted to the rolled day:
   * the days the pause would gain.
   */
  describe('exact remainders, counted by hand', () => {
    it.each([
      {
        /*
         * Mon 16 Mar 2026 (GMT): Mar 17-31 are days 1-15, day 20 is Sun 5 Apr (Easter Sunday), rolled past Easter
         * Monday to Tue 7 Apr. Stopped Mon 23 Mar: 24-31 March and 1-5 April are 13 days (15 to the 7th). Runs
         * again Wed 1 Apr, in BST: 2-14 April, Tue 14 April, midnight BST.
         */
        name: 'gb-eng: across the change to summer time and Easter',
        calendar: gbEngCalendar,
        days: 20,
        start: '2026-03-16T10:00:00Z',
        dueDate: '2026-04-07',
        paused: '2026-03-23T10:00:00Z',
        remaining: 13,
        rolled: 15,
        resumed: '2026-04-01T09:00:00Z',
        endDate: '2026-04-14',
        endAt: '2026-04-14T23:00:00.000Z',
      },
      {
        /*
         * Wed 21 Jan 2026: day 10 is Sat 31 Jan, rolled to Mon 2 Feb. Stopped Mon 26 Jan: 27-31 January are 5 days
         * (7 to the 2nd). Runs again Tue 3 Feb: day 5 is Sun 8 Feb, rolled once, to Mon 9 Feb.
         */
        name: 'gb-eng: a last day on 31 January',
        calendar: gbEngCalendar,
        days: 10,
        start: '2026-01-21T10:00:00Z',
        dueDate: '2026-02-02',
        paused: '2026-01-26T10:00:00Z',
        remaining: 5,
        rolled: 7,
        resumed: '2026-02-03T10:00:00Z',
        endDate: '2026-02-09',
        endAt: '2026-02-10T00:00:00.000Z',
      },
      {
        /*
         * Thu 1 Oct 2026 (PDT): day 30 is Sat 31 Oct, rolled to Mon 2 Nov. Stopped Mon 19 Oct: 20-31 October are
         * 12 days (14 to the 2nd). Runs again Tue 27 Oct: 28-31 October and 1-8 November, Sun 8 Nov, rolled to
         * Mon 9 Nov (Veterans Day is Wed 11th), ending at midnight PST.
         */
        name: 'us-ca: a last day on 31 October, across the change back to PST',
        calendar: usCaCalendar,
        days: 30,
        start: '2026-10-01T16:00:00Z',
        dueDate: '2026-11-02',
        paused: '2026-10-19T16:00:00Z',
        remaining: 12,
        rolled: 14,
        resumed: '2026-10-27T16:00:00Z',
        endDate: '2026-11-09',
        endAt: '2026-11-10T08:00:00.000Z',
      },
      {
        /*
         * Sat 12 Dec 2026: 13-31 December are days 1-19, day 20 is Fri 1 Jan 2027, New Year's Day, rolled to Mon
         * 4 Jan. Stopped Fri 18 Dec: 19-31 December and 1 January are 14 days (17 to the 4th). Runs again Mon
         * 21 Dec: 22-31 December and 1-4 January, Mon 4 January.
         */
        name: 'us-ca: a last day on New Year’s Day, across the year end',
        calendar: usCaCalendar,
        days: 20,
        start: '2026-12-12T18:00:00Z',
        dueDate: '2027-01-04',
        paused: '2026-12-18T18:00:00Z',
        remaining: 14,
        rolled: 17,
        resumed: '2026-12-21T18:00:00Z',
        endDate: '2027-01-04',
        endAt: '2027-01-05T08:00:00.000Z',
      },
      {
        /*
         * Wed 25 Mar 2026 (AEDT): day 10 is Sat 4 Apr, Easter Saturday, rolled past Easter Sunday and Monday to
         * Tue 7 Apr. Stopped Mon 30 Mar: 31 March and 1-4 April are 5 days (8 to the 7th). Runs again Wed 8 Apr,
         * in AEST: 9-13 April, Mon 13 April, midnight AEST (14:00 UTC).
         */
        name: 'au-nsw: across Easter and the end of southern summer time',
        calendar: sydneyCalendar,
        days: 10,
        start: '2026-03-24T23:00:00Z',
        dueDate: '2026-04-07',
        paused: '2026-03-29T23:00:00Z',
        remaining: 5,
        rolled: 8,
        resumed: '2026-04-07T23:00:00Z',
        endDate: '2026-04-13',
        endAt: '2026-04-13T14:00:00.000Z',
      },
    ])('$name: keeps $remaining days, not $rolled', (row) => {
      const period = { value: row.days, unit: 'calendarDays', counting: { rollForward: true } } as const;
      const sut = startClock(row.calendar, row.start, period);
      expect(sut.dueDate).toBe(row.dueDate);

      pauseClock(row.calendar, sut, 'rfi:1', row.paused);
      expect(sut.remaining).toBe(row.remaining);

      resumeClock(row.calendar, sut, 'rfi:1', row.resumed);
      expect({ dueDate: sut.dueDate, dueAt: sut.dueAt }).toEqual({ dueDate: row.endDate, dueAt: row.endAt });
    });
  });

  it.each([
    /*
     * Wed 21 Jan 2026 on gb-eng: day 10 is Sat 31 Jan, rolled to Mon 2 Feb, the last day on which the authority
     * may act. Stopped on that Monday (in time) nothing is left after it: running again on Wed 11 Feb, the period
     * ends that day. Stopped on Sunday 1 Feb, Monday is left: Thu 12 Feb. Counted to Saturday the clock would
     * come back already overdue (Mon 9 and Tue 10 Feb).
     */
    { paused: '2026-02-02T10:00:00Z', remaining: 0, dueDate: '2026-02-11' },
    { paused: '2026-02-01T10:00:00Z', remaining: 1, dueDate: '2026-02-12' },
  ])(
    'gb-eng: a clock stopped on $paused, in the days its end rolled over, keeps $remaining to the rolled day',
    (row) => {
      const period = { value: 10, unit: 'calendarDays', counting: { rollForward: true } } as const;
      const sut = startClock(gbEngCalendar, '2026-01-21T10:00:00Z', period);
      expect(sut.dueDate).toBe('2026-02-02');

      pauseClock(gbEngCalendar, sut, 'rfi:1', row.paused);
      expect(sut.remaining).toBe(row.remaining);
      resumeClock(gbEngCalendar, sut, 'rfi:1', '2026-02-11T10:00:00Z');

      expect(sut.dueDate).toBe(row.dueDate);
      expect(clockStatus(gbEngCalendar, sut, '2026-02-11T10:00:00Z')).toMatchObject({ overdue: false });
    },
  );

  it('de-be: a month clock stopped on the Monday its end rolled to keeps nothing after that day', () => {
    // A month after Sat 31 Jan 2026 is Sat 28 Feb (BGB §188(3)), moved to Mon 2 March (§193). Stopped on that
    // Monday, in time; running again Thu 5 March, the period ends that day, at midnight CET.
    const period = { value: 1, unit: 'months', counting: { rollForward: true } } as const;
    const sut = startClock(berlinCalendar, '2026-01-31T09:00:00Z', period);
    expect(sut.dueDate).toBe('2026-03-02');
    pauseClock(berlinCalendar, sut, 'rfi:1', '2026-03-02T09:00:00Z');
    expect(sut.remaining).toBe(0);
    resumeClock(berlinCalendar, sut, 'rfi:1', '2026-03-05T09:00:00Z');
    expect({ dueDate: sut.dueDate, dueAt: sut.dueAt }).toEqual({
      dueDate: '2026-03-05',
      dueAt: '2026-03-05T23:00:00.000Z',
    });
  });

  describe('months', () => {
    it('gb-eng: a stopped three-month clock keeps its days and an extension adds a month from its last day', () => {
      // Three months after Mon 2 Nov 2026: Tue 2 Feb 2027.
      const sut = startClock(gbEngCalendar, '2026-11-02T10:00:00Z', { value: 3, unit: 'months' });
      expect(sut.dueDate).toBe('2027-02-02');

      // Stopped Tue 1 Dec: 2 Dec..2 Feb is 31 + 31 + 1 = 63 calendar days (a month has no fixed length).
      pauseClock(gbEngCalendar, sut, 'rfi:1', '2026-12-01T10:00:00Z');
      expect(clockStatus(gbEngCalendar, sut, '2026-12-03T10:00:00Z')).toMatchObject({
        remaining: 63,
        remainingUnit: 'calendarDays',
      });

      // Runs again Tue 8 Dec: 63 days later is Tue 9 Feb 2027 (the stop of 7 days is added, BGB §209 likewise).
      resumeClock(gbEngCalendar, sut, 'rfi:1', '2026-12-08T10:00:00Z');
      expect(sut.dueDate).toBe('2027-02-09');

      // One month more counts from the last day: Tue 9 March.
      extendClock(gbEngCalendar, sut, { value: 1, unit: 'months' });
      expect(sut.dueDate).toBe('2027-03-09');
    });
  });

  describe(clockStatus.name, () => {
    it('reports days remaining, overdue and a stopped clock as a status page shows them', () => {
      const sut = startClock(gbEngCalendar, '2026-03-02T09:00:00Z', { value: 10, unit: 'workingDays' });

      expect(clockStatus(gbEngCalendar, sut, '2026-03-09T12:00:00Z')).toMatchObject({
        remaining: 5,
        remainingUnit: 'workingDays',
        overdue: false,
        paused: false,
      });
      expect(clockStatus(gbEngCalendar, sut, '2026-03-17T00:00:00Z')).toMatchObject({ overdue: true, remaining: -1 });

      pauseClock(gbEngCalendar, sut, 'x', '2026-03-09T12:00:00Z');
      expect(clockStatus(gbEngCalendar, sut, '2026-03-12T12:00:00Z')).toMatchObject({
        paused: true,
        remaining: 5,
        overdue: false,
        dueDate: '2026-03-19',
      });
    });
  });
});
