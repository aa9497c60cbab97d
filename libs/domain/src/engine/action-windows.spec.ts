import { cnCalendar, gbEngCalendar } from '../calendar/calendars';
import type { WorkingCalendar } from '../calendar/working-calendar.types';
import type { ProcessDefinition } from '../definition/process-definition.types';
import { validateDefinition } from '../definition/definition-validator';
import { applicant, CaseDriver, clerkFor } from '../testing/case-driver';
import { sydneyCalendar } from '../testing/jurisdiction-calendars';
import { rejectionReason } from './case-engine';
import type { CaseEvent } from './case-event.types';

/*
 * A further request for information allowed only within 5 working days of the applicant's supplement (the
 * answer to the last one), the window opening afresh at each answer. Counted by hand on the published
 * calendars: gb-eng (BST from 29 March 2026) and cn (Qingming 4-6 April 2026, UTC+8).
 */
function definitionOn(calendar: WorkingCalendar): ProcessDefinition {
  return {
    key: 'supplement-window',
    version: 1,
    title: 'Supplement window',
    requestType: 'permit',
    jurisdiction: calendar.id,
    start: 'review',
    steps: [
      {
        id: 'review',
        title: 'Review',
        kind: 'task',
        owner: { department: 'planning', role: 'clerk' },
        duration: { value: 40, unit: 'workingDays' },
        informationRequests: { clock: 'pause' },
        next: { approved: { status: 'approved' }, refused: { status: 'refused' } },
      },
    ],
    actionWindows: [
      {
        name: 'further-request-after-supplement',
        action: 'request-information',
        stepId: 'review',
        within: { value: 5, unit: 'workingDays' },
        anchor: { event: 'answer-information', stepId: 'review' },
        default: 'the application is taken as supplemented',
      },
    ],
  };
}

const clerk = clerkFor('planning');
let item = 0;
const request = (at: string): CaseEvent => ({
  type: 'request-information',
  stepId: 'review',
  at,
  actor: clerk,
  items: [{ id: `i-${++item}`, description: 'Drainage plan' }],
});
const answer = (at: string): CaseEvent => ({ type: 'answer-information', stepId: 'review', at, actor: applicant });

function caseOn(calendar: WorkingCalendar, at: string): CaseDriver {
  const definition = definitionOn(calendar);
  expect(validateDefinition(definition)).toMatchObject({ ok: true });
  return new CaseDriver({ definition, calendar }, { requestId: 'req-1', applicant, attributes: {}, at });
}

describe('action windows anchored on a recorded event', () => {
  it('gb-eng: restarts at each supplement and refuses a late request, naming the window and its anchor', () => {
    const sut = caseOn(gbEngCalendar, '2026-03-02T09:00:00Z');
    // No supplement yet: the window limits nothing.
    sut.send(request('2026-03-03T10:00:00Z'));
    // Supplement Mon 9 March: 10, 11, 12, 13, 16 March; a request on the 16th is in time.
    sut.send(answer('2026-03-09T10:00:00Z'));
    sut.send(request('2026-03-16T16:00:00Z'));
    // Supplement Wed 25 March: 26, 27, 30, 31 March, Wed 1 April (BST): the window closes at 23:00 UTC.
    sut.send(answer('2026-03-25T10:00:00Z'));

    expect(rejectionReason(sut.ctx, sut.state, request('2026-04-02T08:00:00Z'))).toBe(
      "the window 'further-request-after-supplement' (request-information within 5 workingDays of the latest " +
        "'answer-information' on 'review') closed at 2026-04-02T00:00:00+01:00; the application is taken as supplemented",
    );
    expect(rejectionReason(sut.ctx, sut.state, request('2026-04-01T22:59:00Z'))).toBeNull();
  });

  it('cn: counts the window over the Qingming holiday from the latest supplement', () => {
    const sut = caseOn(cnCalendar, '2026-03-23T02:00:00Z');
    sut.send(request('2026-03-24T02:00:00Z'));
    // Supplement Thu 2 April: Fri 3 (1), Qingming 4-6 April, Tue 7 (2), 8, 9, Fri 10 April (5); Beijing midnight.
    sut.send(answer('2026-04-02T02:00:00Z'));

    expect(rejectionReason(sut.ctx, sut.state, request('2026-04-10T15:59:00Z'))).toBeNull();
    expect(rejectionReason(sut.ctx, sut.state, request('2026-04-10T16:00:00Z'))).toContain(
      'closed at 2026-04-11T00:00:00+08:00',
    );
  });

  /*
   * The same window at a month end, a year end and a change of summer time. cn: 行政许可法 art. 32 (a one-time
   * notice of what to supplement) and art. 82 (its periods are working days, statutory holidays excluded), on the
   * State Council arrangement for 2026 (Sat 28 Feb a make-up working day). gb-eng: bank holidays 2026 (Boxing
   * Day on Saturday 26 December, substitute Monday 28). au-nsw: a calendar published as data, AEST from 5 April.
   */
  it.each([
    {
      // Supplement Thu 26 Feb: Fri 27 (1), Mon 2 Mar (2), 3 (3), 4 (4), Thu 5 (5): closes at midnight GMT.
      name: 'gb-eng: across the end of February',
      calendar: gbEngCalendar,
      start: '2026-02-16T09:00:00Z',
      answered: '2026-02-26T10:00:00Z',
      lastMinute: '2026-03-05T23:59:00Z',
      closed: '2026-03-06T00:00:00+00:00',
    },
    {
      // Supplement Tue 22 Dec: 23 (1), 24 (2); 25, 26, 27, Mon 28 (substitute); 29 (3), 30 (4), Thu 31 (5).
      name: 'gb-eng: over Christmas to the year end',
      calendar: gbEngCalendar,
      start: '2026-12-01T10:00:00Z',
      answered: '2026-12-22T10:00:00Z',
      lastMinute: '2026-12-31T23:59:00Z',
      closed: '2027-01-01T00:00:00+00:00',
    },
    {
      // Supplement Fri 27 Feb: Sat 28 (1, make-up working day), Mon 2 Mar (2), 3 (3), 4 (4), Thu 5 (5).
      name: 'cn: across the end of February, counting its make-up Saturday',
      calendar: cnCalendar,
      start: '2026-02-24T02:00:00Z',
      answered: '2026-02-27T02:00:00Z',
      lastMinute: '2026-03-05T15:59:00Z',
      closed: '2026-03-06T00:00:00+08:00',
    },
    {
      // Supplement Thu 24 Dec: Fri 25 (1; Christmas is a working day in China), Mon 28 (2), 29 (3), 30 (4), Thu 31 (5).
      name: 'cn: up to the year end',
      calendar: cnCalendar,
      start: '2026-12-01T02:00:00Z',
      answered: '2026-12-24T02:00:00Z',
      lastMinute: '2026-12-31T15:59:00Z',
      closed: '2027-01-01T00:00:00+08:00',
    },
    {
      /*
       * Supplement Wed 1 April, 10:00 AEDT (23:00 UTC on 31 March): Thu 2 (1); Easter 3-6 April, AEST from Sun 5;
       * Tue 7 (2), 8 (3), 9 (4), Fri 10 (5). A request at 00:30 AEST on Sat 11 April (14:30 UTC on the 10th) is late.
       */
      name: 'au-nsw: over Easter and the end of southern summer time',
      calendar: sydneyCalendar,
      start: '2026-03-23T23:00:00Z',
      answered: '2026-03-31T23:00:00Z',
      lastMinute: '2026-04-10T13:59:00Z',
      closed: '2026-04-11T00:00:00+10:00',
    },
  ])('$name: the window closes at local midnight after its last day', (row) => {
    const sut = caseOn(row.calendar, row.start);
    sut.send(request(new Date(Date.parse(row.start) + 86_400_000).toISOString()));
    sut.send(answer(row.answered));

    expect(rejectionReason(sut.ctx, sut.state, request(row.lastMinute))).toBeNull();
    const closedAt = new Date(Date.parse(row.closed)).toISOString();
    expect(rejectionReason(sut.ctx, sut.state, request(closedAt))).toContain(`closed at ${row.closed};`);
    const halfPast = new Date(Date.parse(row.closed) + 30 * 60_000).toISOString();
    expect(rejectionReason(sut.ctx, sut.state, request(halfPast))).toContain(`closed at ${row.closed};`);
  });
});
