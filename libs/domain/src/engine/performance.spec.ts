import { builtInCalendar } from '../calendar/calendars';
import { quarterlyPerformance } from './performance';

const gbEng = builtInCalendar('gb-eng')!;

describe(quarterlyPerformance.name, () => {
  it('counts received and decided per quarter, with the median working days and the share within the period', () => {
    const sut = quarterlyPerformance(
      [
        // Received Thu 1 Oct, decided Thu 8 Oct: 5 working days, within its period.
        {
          definitionKey: 'lu',
          receivedAt: '2026-10-01T09:00:00Z',
          decidedAt: '2026-10-08T09:00:00Z',
          dueAt: '2026-10-20T23:00:00Z',
        },
        // Received Fri 2 Oct, decided Fri 16 Oct: 10 working days, after its period ended on the 14th.
        {
          definitionKey: 'lu',
          receivedAt: '2026-10-02T09:00:00Z',
          decidedAt: '2026-10-16T09:00:00Z',
          dueAt: '2026-10-14T23:00:00Z',
        },
        // Received Mon 5 Oct, decided Tue 6 Oct: 1 working day, no statutory clock.
        { definitionKey: 'lu', receivedAt: '2026-10-05T09:00:00Z', decidedAt: '2026-10-06T09:00:00Z' },
        // Received in Q3, decided in Q4 (Mon 28 Sep → Mon 5 Oct): 5 working days, within.
        {
          definitionKey: 'lu',
          receivedAt: '2026-09-28T09:00:00Z',
          decidedAt: '2026-10-05T09:00:00Z',
          dueAt: '2026-10-05T23:00:00Z',
        },
        // Still open.
        { definitionKey: 'lu', receivedAt: '2026-11-02T09:00:00Z' },
      ],
      () => gbEng,
    );
    expect(sut).toEqual([
      {
        definitionKey: 'lu',
        quarter: '2026-Q4',
        received: 4,
        decided: 4,
        medianWorkingDays: 5,
        withinPeriodShare: 2 / 3,
      },
      {
        definitionKey: 'lu',
        quarter: '2026-Q3',
        received: 1,
        decided: 0,
        medianWorkingDays: null,
        withinPeriodShare: null,
      },
    ]);
  });

  it('counts days in the jurisdiction’s zone: 23:30 UTC on 31 March is 1 April in London (Q2)', () => {
    const [sut] = quarterlyPerformance([{ definitionKey: 'lu', receivedAt: '2026-03-31T23:30:00Z' }], () => gbEng);
    expect(sut.quarter).toBe('2026-Q2');
  });
});
