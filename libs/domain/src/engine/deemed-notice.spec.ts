import { usCaCalendar } from '../calendar/calendars';
import type { WorkingCalendar } from '../calendar/working-calendar.types';
import type { Duration, ProcessDefinition } from '../definition/process-definition.types';
import { validateDefinition } from '../definition/definition-validator';
import { berlinCalendar } from '../testing/berlin-calendar';
import { applicant, CaseDriver } from '../testing/case-driver';
import { rejectionReason } from './case-engine';

/*
 * A deemed approval that takes effect only on the applicant's notice given after the period has ended, the form
 * of Cal. Gov. Code §65956(b) (a permit not acted on in time is deemed approved once the applicant gives the
 * required notice after the time limits expire). The same declared form on Berlin's calendar tests it across a
 * change of summer time; the periods are counted by hand in the comments.
 */
function definitionOn(calendar: WorkingCalendar, duration: Duration): ProcessDefinition {
  return {
    key: 'deemed-on-notice',
    version: 1,
    title: 'Deemed approval on notice after expiry',
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
        onTimeout: {
          action: 'deemed',
          outcome: 'approved',
          effect: 'approved',
          requiresNotice: true,
          noticeAfterExpiry: true,
        },
        next: { approved: { status: 'approved' }, refused: { status: 'refused' } },
      },
    ],
  };
}

function caseOn(calendar: WorkingCalendar, duration: Duration, at: string): CaseDriver {
  const definition = definitionOn(calendar, duration);
  expect(validateDefinition(definition)).toMatchObject({ ok: true });
  return new CaseDriver({ definition, calendar }, { requestId: 'req-1', applicant, attributes: {}, at });
}

const notice = (at: string) => ({ type: 'give-notice', stepId: 'decision', at, actor: applicant }) as const;

describe('deemed approval on a notice after expiry', () => {
  it('us-ca: refuses a notice within the 60 days, escalates at their end and deems approval at the notice', () => {
    // Received Mon 2 Mar 2026 (PST). Gov. Code §65950: 60 days; day 29 is 31 March, day 60 is Fri 1 May, PDT.
    const sut = caseOn(usCaCalendar, { value: 60, unit: 'calendarDays' }, '2026-03-02T17:00:00Z');
    expect(sut.step('decision')).toMatchObject({ dueDate: '2026-05-01', dueAt: '2026-05-02T07:00:00.000Z' });

    // 13:00 on the last day is within the period.
    expect(rejectionReason(sut.ctx, sut.state, notice('2026-05-01T20:00:00Z'))).toBe(
      "notice on 'decision' may be given only after its period ends at 2026-05-02T00:00:00-07:00: the approval is deemed from a notice given after expiry",
    );

    sut.fireNextTimer();
    expect(sut.last[0]).toMatchObject({
      event: 'timer.escalated',
      data: { deemedApprovalWithheld: 'notice may be given from now on' },
    });
    expect(sut.state.status).not.toBe('approved');

    // Notice on Mon 4 May, 09:00 PDT: the approval takes effect then.
    sut.send(notice('2026-05-04T16:00:00Z'));
    expect(sut.last.map((t) => t.event).slice(0, 2)).toEqual(['notice.given', 'deemed-approved']);
    expect(sut.state.status).toBe('approved');
    expect(sut.state.history.find((h) => h.stepId === 'decision')).toMatchObject({
      outcome: 'approved',
      deemed: true,
      at: '2026-05-04T16:00:00Z',
    });
  });

  it('de-be: the period of a month ends at Berlin midnight in summer time; a notice a minute before is refused', () => {
    // Received Tue 3 Mar 2026 (CET): a month is Fri 3 April, Good Friday, so Tue 7 April (BGB §193), in CEST.
    const sut = caseOn(
      berlinCalendar,
      { value: 1, unit: 'months', counting: { rollForward: true } },
      '2026-03-03T09:00:00Z',
    );
    expect(sut.step('decision')).toMatchObject({ dueDate: '2026-04-07', dueAt: '2026-04-07T22:00:00.000Z' });

    expect(rejectionReason(sut.ctx, sut.state, notice('2026-04-07T21:59:00Z'))).toContain(
      'after its period ends at 2026-04-08T00:00:00+02:00',
    );
    // At midnight the period is over: the notice deems the approval at once, before any timer has fired.
    sut.send(notice('2026-04-07T22:00:00Z'));
    expect(sut.state.status).toBe('approved');
    expect(sut.state.timers).toEqual([]);
  });

  /*
   * The form at a month end and a year end on both calendars. us-ca: Gov. Code §65950's 60 days, not moved
   * (PDT until 1 November 2026). de-be: a month counted as VwVfG §31(1) with BGB §§187(1), 188(2)-(3) and moved
   * off a weekend or holiday by §31(3) (BGB §193). A notice a minute before the local midnight that ends the
   * period is refused; one at 00:30 local time on the day after the last day deems the approval then.
   */
  it.each([
    {
      // Received Tue 1 Sep 2026 (PDT): Sep 2-30 are days 1-29, Oct 1-31 days 30-60: Sat 31 Oct, midnight PDT.
      name: 'us-ca: 60 days ending on 31 October, the night before PST',
      calendar: usCaCalendar,
      duration: { value: 60, unit: 'calendarDays' },
      at: '2026-09-01T16:00:00Z',
      dueDate: '2026-10-31',
      end: '2026-11-01T00:00:00-07:00',
    },
    {
      // Received Mon 2 Nov 2026 (PST): Nov 3-30 are days 1-28, Dec 1-31 days 29-59, Fri 1 Jan 2027 day 60.
      name: 'us-ca: 60 days ending on New Year’s Day across the year end',
      calendar: usCaCalendar,
      duration: { value: 60, unit: 'calendarDays' },
      at: '2026-11-02T17:00:00Z',
      dueDate: '2027-01-01',
      end: '2027-01-02T00:00:00-08:00',
    },
    {
      // Received Sat 31 Jan 2026: February has no 31st, so Sat 28 Feb (§188(3)), moved to Mon 2 March (§193).
      name: 'de-be: a month from 31 January, moved off the weekend into March',
      calendar: berlinCalendar,
      duration: { value: 1, unit: 'months', counting: { rollForward: true } },
      at: '2026-01-31T09:00:00Z',
      dueDate: '2026-03-02',
      end: '2026-03-03T00:00:00+01:00',
    },
    {
      // Received Thu 3 Dec 2026: a month is Sun 3 Jan 2027, moved to Mon 4 January.
      name: 'de-be: a month across the year end, moved off the Sunday',
      calendar: berlinCalendar,
      duration: { value: 1, unit: 'months', counting: { rollForward: true } },
      at: '2026-12-03T09:00:00Z',
      dueDate: '2027-01-04',
      end: '2027-01-05T00:00:00+01:00',
    },
  ] as const)('$name', (row) => {
    const sut = caseOn(row.calendar, row.duration, row.at);
    const endsAt = Date.parse(row.end);
    expect(sut.step('decision')).toMatchObject({ dueDate: row.dueDate, dueAt: new Date(endsAt).toISOString() });

    const lastMinute = new Date(endsAt - 60_000).toISOString();
    expect(rejectionReason(sut.ctx, sut.state, notice(lastMinute))).toContain(`after its period ends at ${row.end}:`);

    const halfPast = new Date(endsAt + 30 * 60_000).toISOString();
    sut.send(notice(halfPast));
    expect(sut.state.status).toBe('approved');
    expect(sut.state.history.find((h) => h.stepId === 'decision')).toMatchObject({ deemed: true, at: halfPast });
  });

  it('leaves the other forms as they were: a notice before expiry deems approval at the deadline', () => {
    const definition = definitionOn(usCaCalendar, { value: 60, unit: 'calendarDays' });
    const policy = definition.steps[0].onTimeout as { noticeAfterExpiry?: boolean };
    delete policy.noticeAfterExpiry;
    const sut = new CaseDriver(
      { definition, calendar: usCaCalendar },
      { requestId: 'req-1', applicant, attributes: {}, at: '2026-03-02T17:00:00Z' },
    );
    sut.send(notice('2026-04-01T16:00:00Z'));
    expect(sut.state.status).not.toBe('approved');
    sut.fireNextTimer();
    expect(sut.last[0]).toMatchObject({ event: 'timer.deemed-approved', at: '2026-05-02T07:00:00.000Z' });
  });

  it('de-be: the unchanged form over three months (the period of § 42a(2) VwVfG): deemed at the deadline', () => {
    /*
     * Three months from receipt of the complete application, counted as VwVfG § 31(1) with BGB §§ 187(1),
     * 188(2)-(3), moved off a weekend or holiday by § 31(3). Complete on Mon 30 Nov 2026: three months reach
     * February 2027, which has no 30th, so Sun 28 Feb; moved to Mon 1 March, ending at midnight CET. A notice given
     * before the end is taken, and the approval is deemed when the period ends, as before this form existed.
     */
    const definition = definitionOn(berlinCalendar, { value: 3, unit: 'months', counting: { rollForward: true } });
    const policy = definition.steps[0].onTimeout as { noticeAfterExpiry?: boolean };
    delete policy.noticeAfterExpiry;
    const sut = new CaseDriver(
      { definition, calendar: berlinCalendar },
      { requestId: 'req-1', applicant, attributes: {}, at: '2026-11-30T09:00:00Z' },
    );
    expect(sut.step('decision')).toMatchObject({ dueDate: '2027-03-01', dueAt: '2027-03-01T23:00:00.000Z' });

    sut.send(notice('2027-02-01T09:00:00Z'));
    expect(sut.state.status).not.toBe('approved');
    sut.fireNextTimer();
    expect(sut.last[0]).toMatchObject({ event: 'timer.deemed-approved', at: '2027-03-01T23:00:00.000Z' });
    expect(sut.state.status).toBe('approved');
  });
});
