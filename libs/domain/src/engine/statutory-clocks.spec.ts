import { cnCalendar } from '../calendar/calendars';
import type { WorkingCalendar } from '../calendar/working-calendar.types';
import type { Duration, ProcessDefinition } from '../definition/process-definition.types';
import { validateDefinition } from '../definition/definition-validator';
import { applicant, CaseDriver, clerkFor, supervisorFor, system } from '../testing/case-driver';
import { parisCalendar } from '../testing/jurisdiction-calendars';
import { rejectionReason } from './case-engine';

/*
 * The clock rules on one cn definition. Dates are counted by hand on the State Council 2026 arrangement
 * (Qingming 4-6 April 2026) in Beijing time (UTC+8): a local day ends at 16:00 UTC.
 */
const wd = (value: number): Duration => ({ value, unit: 'workingDays' });
const owner = { department: 'planning', role: 'clerk' } as const;

const definition: ProcessDefinition = {
  key: 'clock-rules',
  version: 1,
  title: 'Clock rules',
  requestType: 'permit',
  jurisdiction: 'cn',
  start: 'acceptance',
  steps: [
    {
      id: 'acceptance',
      title: 'Acceptance',
      kind: 'task',
      owner,
      duration: wd(5),
      informationRequests: { clock: 'pause' },
      onTimeout: { action: 'deemed', outcome: 'accepted', effect: 'complete', effectiveFrom: 'receipt' },
      next: { accepted: 'decision', rejected: { status: 'refused' } },
    },
    {
      id: 'decision',
      title: 'Decision',
      kind: 'task',
      owner,
      duration: wd(20),
      onTimeout: {
        action: 'deemed',
        outcome: 'approved',
        effect: 'approved',
        requiresNotice: true,
        noticePeriod: wd(10),
      },
      next: { approved: { status: 'approved' }, refused: { status: 'refused' } },
    },
  ],
  caseClock: {
    duration: wd(20),
    startsAfter: 'acceptance',
    pauseOnApplicant: true,
    thresholds: [
      { name: 'fee-refund-due', after: wd(10), consequence: 'flag' },
      { name: 'supervisor-review', after: wd(20), consequence: 'escalate' },
    ],
  },
  extensions: { byAgreement: true, byAuthority: true, maxCount: 2, maxTotal: wd(15) },
  actionWindows: [
    {
      name: 'information-within-3-days',
      action: 'request-information',
      stepId: 'acceptance',
      within: wd(3),
      anchor: 'receipt',
      default: 'the application is taken as complete',
    },
  ],
};

const clerk = clerkFor('planning');
const supervisor = supervisorFor('planning');
// Monday 2 March 2026, 10:00 in Beijing.
const received = '2026-03-02T02:00:00Z';

describe('statutory clocks', () => {
  it('the definition declaring every rule is valid', () => {
    expect(validateDefinition(definition)).toMatchObject({ ok: true });
  });

  it('back-dates a deemed acceptance to receipt, so the next period counts from then', () => {
    const sut = CaseDriver.for(definition, {}, received);
    // 5 working days after Mon 2 March: 3, 4, 5, 6, 9 March.
    expect(sut.step('acceptance').dueAt).toBe('2026-03-09T16:00:00.000Z');
    sut.fireNextTimer();

    expect(sut.last[0]).toMatchObject({
      event: 'timer.deemed-complete',
      outcome: 'accepted',
      data: { deemed: true, effectiveFrom: received },
    });
    // 20 working days after 2 March: 3-6 (4), 9-13 (9), 16-20 (14), 23-27 (19), 30 March (20). Counted from the
    // day the timer fired (10 March) it would be 8 April (Qingming 4-6 April skipped).
    expect(sut.state.caseClock).toMatchObject({ dueDate: '2026-03-30', dueAt: '2026-03-30T16:00:00.000Z' });
    expect(sut.step('decision').dueDate).toBe('2026-03-30');
  });

  it('refuses a request for information past its window, naming it and the default', () => {
    const sut = CaseDriver.for(definition, {}, received);
    const ask = {
      type: 'request-information' as const,
      stepId: 'acceptance',
      items: [{ id: 'site-plan', description: 'Site plan' }],
      actor: clerk,
    };
    // 3 working days after 2 March: the window closes at the end of Thursday 5 March (16:00 UTC).
    expect(rejectionReason(sut.ctx, sut.state, { ...ask, at: '2026-03-05T15:59:00Z' })).toBeNull();
    expect(rejectionReason(sut.ctx, sut.state, { ...ask, at: '2026-03-05T16:00:00Z' })).toBe(
      "the window 'information-within-3-days' (request-information within 3 workingDays of receipt) closed at " +
        '2026-03-06T00:00:00+08:00; the application is taken as complete',
    );
  });

  it('deems approval only when the notice period ends, and lets the authority decide until then', () => {
    const sut = CaseDriver.for(definition, {}, received);
    sut.fireNextTimer(); // acceptance deemed, back-dated: decision and case clock due 30 March
    sut.fireNextTimer(); // case clock due
    sut.fireNextTimer(); // decision due without notice: escalated, not approved
    expect(sut.state.status).toBe('in_progress');
    expect(sut.last[0]).toMatchObject({
      event: 'timer.escalated',
      data: { deemedApprovalWithheld: 'no notice given' },
    });

    // Notice on Tue 31 March: 10 working days after it are 1-3 April (3), 7-10 (7), 13-15 April (10).
    sut.send({ type: 'give-notice', stepId: 'decision', at: '2026-03-31T02:00:00Z', actor: applicant });
    expect(sut.last[0]).toMatchObject({ event: 'notice.given', data: { endsAt: '2026-04-15T16:00:00.000Z' } });
    expect(sut.state.status).toBe('in_progress');
    const decide = { type: 'decide', stepId: 'decision', outcome: 'refused', actor: clerk } as const;
    expect(rejectionReason(sut.ctx, sut.state, { ...decide, at: '2026-04-15T15:59:00Z' })).toBeNull();

    // The fee-refund threshold: 10 working days after 30 March = 31 March, 1-3, 7-10, 13, 14 April.
    expect(sut.state.timers[0]).toMatchObject({ id: 'threshold:fee-refund-due', dueAt: '2026-04-14T16:00:00.000Z' });
    sut.fireNextTimer();
    expect(sut.state.flags).toEqual([{ name: 'fee-refund-due', consequence: 'flag', at: '2026-04-14T16:00:00.000Z' }]);

    expect(sut.state.timers[0]).toMatchObject({ id: 'notice:decision:1', dueAt: '2026-04-15T16:00:00.000Z' });
    sut.fireNextTimer();
    expect(sut.state).toMatchObject({ status: 'approved', decision: { deemed: true, stepId: 'decision' } });
    expect(sut.transitions.map((t) => t.event)).toContain('timer.notice-period-ended');
    // The case is decided: the later escalation threshold no longer runs.
    expect(sut.state.timers).toEqual([]);
  });

  it('extends by the authority with a supervisor, and refuses extensions past the limits, naming them', () => {
    const sut = CaseDriver.for(definition, {}, received);
    sut.decide('acceptance', 'accepted', '2026-03-03T02:00:00Z', clerk);
    const dueBefore = sut.state.caseClock?.dueDate;
    const at = '2026-03-04T02:00:00Z';
    sut.send({ type: 'propose-extension', by: wd(10), reason: 'Expert hearing', basis: 'authority', at, actor: clerk });
    expect(
      rejectionReason(sut.ctx, sut.state, { type: 'accept-extension', extensionId: 'ext-1', at, actor: applicant }),
    ).toMatch(/awaits a supervisor/);
    sut.send({ type: 'approve-extension', extensionId: 'ext-1', at, actor: supervisor });
    expect(sut.last[0]).toMatchObject({
      event: 'extension.granted',
      data: { notify: 'applicant', reason: 'Expert hearing', by: wd(10) },
    });
    expect(sut.state.caseClock?.dueDate).not.toBe(dueBefore);

    const propose = { type: 'propose-extension', reason: 'More time', at, actor: clerk } as const;
    expect(rejectionReason(sut.ctx, sut.state, { ...propose, by: wd(6) })).toBe(
      "the limit of 15 workingDays of extensions of the case's statutory clock would be exceeded (10 granted, 6 asked)",
    );
    sut.send({ ...propose, by: wd(5) });
    sut.send({ type: 'accept-extension', extensionId: 'ext-2', at, actor: applicant });
    expect(rejectionReason(sut.ctx, sut.state, { ...propose, by: wd(1) })).toBe(
      "the limit of 2 extension(s) of the case's statutory clock is reached (2 granted)",
    );
  });

  describe('a validation dated back', () => {
    const accept = {
      type: 'decide',
      stepId: 'acceptance',
      outcome: 'accepted',
      reason: 'The site plan arrived by post on 3 March',
      // Fri 6 March, 10:00 in Beijing, dated back to Tue 3 March, 10:00.
      at: '2026-03-06T02:00:00Z',
      effectiveFrom: '2026-03-03T02:00:00Z',
      actor: clerk,
    } as const;

    it('starts the case clock from the day the application became valid, recorded on the transition', () => {
      const sut = CaseDriver.for(definition, {}, received);
      sut.send(accept);
      // 20 working days after Tue 3 March: 4-6 (3), 9-13 (8), 16-20 (13), 23-27 (18), 30, 31 March (20).
      // Counted from Fri 6 March it would be 9-13 (5), 16-20 (10), 23-27 (15), 30 March-3 April (20).
      expect(sut.state.caseClock).toMatchObject({ dueDate: '2026-03-31', dueAt: '2026-03-31T16:00:00.000Z' });
      expect(sut.step('decision').dueDate).toBe('2026-03-31');
      expect(sut.last[0]).toMatchObject({
        event: 'decided',
        stepId: 'acceptance',
        reason: 'The site plan arrived by post on 3 March',
        at: '2026-03-06T02:00:00Z',
        data: { effectiveFrom: '2026-03-03T02:00:00Z' },
      });
      expect(sut.last.find((t) => t.event === 'clock.started')).toMatchObject({
        data: { countsFrom: '2026-03-03T02:00:00Z' },
      });
    });

    it('is refused before receipt, in the future, without a reason, or on a step that starts no case clock', () => {
      const sut = CaseDriver.for(definition, {}, received);
      const refusal = (e: object) => rejectionReason(sut.ctx, sut.state, { ...accept, ...e });
      expect(refusal({ effectiveFrom: '2026-03-02T01:59:59Z' })).toBe(
        'a validation may be dated back only between receipt (2026-03-02T02:00:00Z) and now (2026-03-06T02:00:00Z), ' +
          'not to 2026-03-02T01:59:59Z',
      );
      expect(refusal({ effectiveFrom: '2026-03-06T02:00:01Z' })).toMatch(/only between receipt/);
      expect(refusal({ reason: undefined })).toBe('a validation dated back needs the reason why');
      expect(refusal({ effectiveFrom: '3 March' })).toMatch(/effectiveFrom/);
      expect(refusal({ effectiveFrom: received })).toBeNull();

      sut.decide('acceptance', 'accepted', '2026-03-03T02:00:00Z', clerk);
      expect(refusal({ stepId: 'decision', outcome: 'refused' })).toBe(
        "only the validation that starts the case clock may be dated back, not step 'decision'",
      );
    });
  });

  describe('extension grounds', () => {
    const label = (en: string, zh: string) => ({ en, 'zh-CN': zh });
    const grounded: ProcessDefinition = {
      ...definition,
      extensions: {
        byAgreement: true,
        maxCount: 3,
        maxTotal: wd(12),
        grounds: [
          { id: 'expert-report', label: label('Expert report', '专家评审'), maxCount: 1, maxTotal: wd(5) },
          { id: 'applicant-request', label: label("Applicant's request", '申请人申请'), maxTotal: wd(10) },
        ],
      },
    };

    it('limits each ground on its own and every ground together, naming the ground and the limit', () => {
      expect(validateDefinition(grounded)).toMatchObject({ ok: true });
      const sut = CaseDriver.for(grounded, {}, received);
      // Accepted Tue 3 March: 20 working days are 4-6 (3), 9-13 (8), 16-20 (13), 23-27 (18), 30, 31 March (20).
      sut.decide('acceptance', 'accepted', '2026-03-03T02:00:00Z', clerk);
      expect(sut.state.caseClock?.dueDate).toBe('2026-03-31');
      const at = '2026-03-04T02:00:00Z';
      const propose = { type: 'propose-extension', reason: 'More time', at, actor: clerk } as const;

      expect(rejectionReason(sut.ctx, sut.state, { ...propose, by: wd(5) })).toBe(
        "an extension names its ground, one of 'expert-report', 'applicant-request'",
      );
      expect(rejectionReason(sut.ctx, sut.state, { ...propose, by: wd(5), ground: 'weather' })).toBe(
        "an extension names its ground, one of 'expert-report', 'applicant-request' (not 'weather')",
      );

      sut.send({ ...propose, by: wd(5), ground: 'expert-report' });
      expect(sut.last[0]).toMatchObject({ event: 'extension.proposed', data: { ground: 'expert-report' } });
      sut.send({ type: 'accept-extension', extensionId: 'ext-1', at, actor: applicant });
      // 5 working days after 31 March: 1-3 April (3), Qingming 4-6 April off, 7, 8 April (5).
      expect(sut.state.caseClock?.dueDate).toBe('2026-04-08');
      expect(sut.state.extensions[0]).toMatchObject({ ground: 'expert-report', status: 'accepted' });

      expect(rejectionReason(sut.ctx, sut.state, { ...propose, by: wd(1), ground: 'expert-report' })).toBe(
        "the limit of 1 extension(s) on the ground 'expert-report' of the case's statutory clock is reached (1 granted)",
      );
      expect(rejectionReason(sut.ctx, sut.state, { ...propose, by: wd(11), ground: 'applicant-request' })).toBe(
        "the limit of 10 workingDays of extensions on the ground 'applicant-request' of the case's statutory clock " +
          'would be exceeded (0 granted, 11 asked)',
      );
      // Within the ground's 10 days, but 5 + 8 = 13 passes the 12 of every ground together.
      expect(rejectionReason(sut.ctx, sut.state, { ...propose, by: wd(8), ground: 'applicant-request' })).toBe(
        "the limit of 12 workingDays of extensions of the case's statutory clock would be exceeded (5 granted, 8 asked)",
      );
      expect(rejectionReason(sut.ctx, sut.state, { ...propose, by: wd(7), ground: 'applicant-request' })).toBeNull();
    });

    it('gives the refusal the ground and the limit as details', () => {
      const sut = CaseDriver.for(grounded, {}, received);
      sut.decide('acceptance', 'accepted', '2026-03-03T02:00:00Z', clerk);
      const event = {
        type: 'propose-extension',
        by: wd(6),
        ground: 'expert-report',
        reason: 'Expert',
        at: '2026-03-04T02:00:00Z',
        actor: clerk,
      } as const;
      expect(() => sut.send(event)).toThrow(
        expect.objectContaining({
          details: { limit: 'maxTotal', ground: 'expert-report', maxTotal: wd(5), granted: 0 },
        }),
      );
    });

    it('leaves definitions without grounds as they were: no ground is taken', () => {
      const sut = CaseDriver.for(definition, {}, received);
      sut.decide('acceptance', 'accepted', '2026-03-03T02:00:00Z', clerk);
      const propose = {
        type: 'propose-extension',
        by: wd(5),
        reason: 'x',
        at: '2026-03-04T02:00:00Z',
        actor: clerk,
      } as const;
      expect(rejectionReason(sut.ctx, sut.state, { ...propose, ground: 'expert-report' })).toBe(
        "definition 'clock-rules' declares no extension grounds",
      );
      expect(rejectionReason(sut.ctx, sut.state, propose)).toBeNull();
    });

    it('refuses malformed grounds, naming the path', () => {
      const faults = (grounds: unknown) => {
        const result = validateDefinition({ ...definition, extensions: { byAgreement: true, grounds } });
        return result.ok ? [] : result.errors;
      };
      expect(faults([])).toEqual([expect.stringContaining('extensions.grounds: must be a non-empty list')]);
      const one = { id: 'expert-report', label: label('Expert report', '专家评审') };
      expect(faults([one, { ...one, maxCount: 0 }])).toEqual([
        expect.stringContaining("extensions.grounds[1].id: 'expert-report' is declared twice"),
        expect.stringContaining('extensions.grounds[1].maxCount: must be a positive whole number'),
      ]);
      expect(faults([{ id: 'x', label: { en: 'X' }, maxTotal: { value: 1, unit: 'fortnights' } }])).toEqual([
        expect.stringContaining('extensions.grounds[0].label.zh-CN'),
        expect.stringContaining('extensions.grounds[0].maxTotal'),
      ]);
    });
  });

  it('marks a due date past the calendar provisional, and recounts it when a calendar covering it is published', () => {
    // Thu 10 December 2026; accepted Fri 11 December: 20 working days after it are 14-18 (5), 21-25 (10),
    // 28-31 (14) December, then only weekends are known: 1 January (15), 4-7 (19), 8 January 2027 (20).
    const sut = CaseDriver.for(definition, {}, '2026-12-10T02:00:00Z');
    sut.decide('acceptance', 'accepted', '2026-12-11T02:00:00Z', clerk);
    expect(sut.state.caseClock).toMatchObject({ dueDate: '2027-01-08', provisional: true });
    expect(sut.step('decision')).toMatchObject({ dueDate: '2027-01-08', dueProvisional: true });

    // A test revision with one 2027 holiday (not the official 2027 arrangement, which is not published):
    // with 1 January off, day 20 is Monday 11 January.
    const revised: WorkingCalendar = {
      ...cnCalendar,
      holidays: [...cnCalendar.holidays, { date: '2027-01-01', name: "New Year's Day" }],
      coverage: { from: '2025-01-01', to: '2027-12-31' },
    };
    sut.send({ type: 'calendar-published', calendar: revised, revision: 2, at: '2026-12-15T02:00:00Z', actor: system });

    expect(sut.state.caseClock).toMatchObject({ dueDate: '2027-01-11', dueAt: '2027-01-11T16:00:00.000Z' });
    expect(sut.state.caseClock?.provisional).toBeUndefined();
    expect(sut.step('decision').dueProvisional).toBeUndefined();
    expect(sut.last.filter((t) => t.event === 'deadline.recomputed').map((t) => t.data)).toEqual([
      expect.objectContaining({
        clock: 'case',
        revision: 2,
        old: { dueAt: '2027-01-08T16:00:00.000Z', dueDate: '2027-01-08', provisional: true },
        new: { dueAt: '2027-01-11T16:00:00.000Z', dueDate: '2027-01-11', provisional: false },
        shown: { old: '2027-01-09T00:00:00+08:00', new: '2027-01-12T00:00:00+08:00' },
      }),
      expect.objectContaining({ clock: 'decision', new: expect.objectContaining({ dueDate: '2027-01-11' }) }),
    ]);
    // An older revision arriving late changes nothing.
    const stale = {
      type: 'calendar-published',
      calendar: cnCalendar,
      revision: 1,
      at: '2026-12-15T03:00:00Z',
      actor: system,
    } as const;
    expect(rejectionReason(sut.ctx, sut.state, stale)).toBe("the case already runs on revision 2 of 'cn'");
  });
});

/*
 * Months in every place a duration goes, on Paris (a calendar published as data): the step, the case clock, a
 * window, an extension, a threshold and a notice period. Code de procédure civile art. 641: a period in months
 * ends on the day of the last month with the starting day's number, failing which on that month's last day; the
 * two months of silence of CRPA L231-1 are not moved off a Sunday. Received Tue 31 March 2026, 10:00 CEST.
 */
describe('months as a unit in every clock, counted by hand', () => {
  const months = (value: number): Duration => ({ value, unit: 'months' });
  const monthly: ProcessDefinition = {
    key: 'months-everywhere',
    version: 1,
    title: 'Months everywhere',
    requestType: 'permit',
    jurisdiction: parisCalendar.id,
    start: 'decision',
    steps: [
      {
        id: 'decision',
        title: 'Decision',
        kind: 'task',
        owner,
        duration: months(2),
        informationRequests: { clock: 'pause' },
        onTimeout: {
          action: 'deemed',
          outcome: 'approved',
          effect: 'approved',
          requiresNotice: true,
          noticePeriod: months(1),
        },
        next: { approved: { status: 'approved' }, refused: { status: 'refused' } },
      },
    ],
    caseClock: {
      duration: months(2),
      pauseOnApplicant: false,
      thresholds: [{ name: 'a-month-late', after: months(1), consequence: 'flag' }],
    },
    extensions: { byAgreement: true, maxCount: 1, maxTotal: months(1) },
    actionWindows: [
      {
        name: 'information-within-a-month',
        action: 'request-information',
        stepId: 'decision',
        within: months(1),
        anchor: 'receipt',
        default: 'the application is taken as complete',
      },
    ],
  };
  const start = () =>
    new CaseDriver(
      { definition: monthly, calendar: parisCalendar },
      { requestId: 'req-1', applicant, attributes: {}, at: '2026-03-31T08:00:00Z' },
    );

  it('is a valid definition', () => {
    expect(validateDefinition(monthly)).toMatchObject({ ok: true });
  });

  it('counts the step, the case clock and the window by the corresponding day', () => {
    const sut = start();
    // Two months after 31 March: Sun 31 May, not moved; midnight CEST is 22:00 UTC.
    expect(sut.step('decision')).toMatchObject({ dueDate: '2026-05-31', dueAt: '2026-05-31T22:00:00.000Z' });
    expect(sut.state.caseClock).toMatchObject({ dueDate: '2026-05-31', dueAt: '2026-05-31T22:00:00.000Z' });
    // One month after 31 March: April has no 31st, so Thu 30 April.
    const ask = {
      type: 'request-information' as const,
      stepId: 'decision',
      items: [{ id: 'plan', description: 'Plan de masse' }],
      actor: clerk,
    };
    expect(rejectionReason(sut.ctx, sut.state, { ...ask, at: '2026-04-30T21:59:00Z' })).toBeNull();
    expect(rejectionReason(sut.ctx, sut.state, { ...ask, at: '2026-04-30T22:30:00Z' })).toContain(
      'closed at 2026-05-01T00:00:00+02:00',
    );
  });

  it('extends the case clock by a month from its last day, and counts its threshold a month after that', () => {
    const sut = start();
    // Unextended, the threshold is a month after Sun 31 May: June has no 31st, so Tue 30 June.
    expect(sut.state.timers).toContainEqual(
      expect.objectContaining({ id: 'threshold:a-month-late', dueAt: '2026-06-30T22:00:00.000Z' }),
    );
    const at = '2026-04-15T08:00:00Z';
    sut.send({
      type: 'propose-extension',
      by: months(1),
      reason: 'Avis de l’architecte des Bâtiments de France',
      at,
      actor: clerk,
    });
    sut.send({ type: 'accept-extension', extensionId: 'ext-1', at, actor: applicant });
    // A month after Sun 31 May: June has no 31st, so Tue 30 June.
    expect(sut.state.caseClock).toMatchObject({ dueDate: '2026-06-30', dueAt: '2026-06-30T22:00:00.000Z' });
    // A month after Tue 30 June: Thu 30 July.
    expect(sut.state.timers).toContainEqual(
      expect.objectContaining({ id: 'threshold:a-month-late', dueAt: '2026-07-30T22:00:00.000Z' }),
    );
  });

  it('runs the notice period for a month after the notice', () => {
    const sut = start();
    sut.fireNextTimer(); // the case clock runs out at the end of Sun 31 May
    sut.fireNextTimer(); // so does the decision's period: without notice, escalated, not approved
    expect(sut.last[0]).toMatchObject({ event: 'timer.escalated', at: '2026-05-31T22:00:00.000Z' });
    // Notice on Mon 1 June: a month after it is Wed 1 July.
    sut.send({ type: 'give-notice', stepId: 'decision', at: '2026-06-01T08:00:00Z', actor: applicant });
    expect(sut.last[0]).toMatchObject({ event: 'notice.given', data: { endsAt: '2026-07-01T22:00:00.000Z' } });
  });
});
