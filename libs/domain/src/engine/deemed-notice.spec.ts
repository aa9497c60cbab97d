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
});
