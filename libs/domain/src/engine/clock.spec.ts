import { cnCalendar, gbEngCalendar, usCaCalendar } from '../calendar/calendars';
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
