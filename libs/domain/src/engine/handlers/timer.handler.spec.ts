import { buildingPermitDefinition, landUseDefinition } from '../../definitions';
import { applicant, CaseDriver, supervisorFor } from '../../testing/case-driver';
import { rejectionReason } from '../case-engine';
import { fireTimer } from './timer.handler';

function atDecision() {
  const sut = CaseDriver.for(buildingPermitDefinition, {}, '2026-03-02T09:00:00Z');
  sut.decide('intake', 'complete', '2026-03-02T10:00:00Z');
  for (const id of ['building-review', 'fire-review', 'environment-review']) {
    sut.decide(id, 'approved', '2026-03-03T10:00:00Z');
  }
  return sut;
}

describe(fireTimer.name, () => {
  it('deems the application complete when completeness is not decided in time', () => {
    const sut = CaseDriver.for(buildingPermitDefinition, {}, '2026-03-02T09:00:00Z');
    sut.fireNextTimer();

    expect(sut.last[0]).toMatchObject({
      stepId: 'intake',
      event: 'timer.deemed-complete',
      outcome: 'complete',
      actor: { id: 'system', role: 'system' },
      at: '2026-04-02T07:00:00.000Z',
      data: { deemed: true },
    });
    expect(sut.state.history[0]).toMatchObject({ stepId: 'intake', outcome: 'complete', deemed: true });
    expect(sut.active()).toContain('plan-review');
  });

  it('does not deem an approval without the applicant notice: it escalates instead', () => {
    const sut = atDecision();
    sut.fireNextTimer();

    expect(sut.active()).toEqual(['decision']);
    expect(sut.step('decision').escalated).toBe(true);
    expect(sut.last[0]).toMatchObject({
      event: 'timer.escalated',
      data: { deemedApprovalWithheld: 'no notice given' },
    });
  });

  it('deems the decision approved at its deadline when notice was given', () => {
    const sut = atDecision();
    sut.send({ type: 'give-notice', stepId: 'decision', at: '2026-03-05T10:00:00Z', actor: applicant });
    sut.fireNextTimer();

    expect(sut.last[0]).toMatchObject({ stepId: 'decision', event: 'timer.deemed-approved', outcome: 'approved' });
    expect(sut.active()).toEqual(['fee']);
  });

  it('deems the approval at once when notice follows a breach', () => {
    const sut = atDecision();
    sut.fireNextTimer();
    const at = sut.state.updatedAt;
    sut.send({ type: 'give-notice', stepId: 'decision', at, actor: applicant });

    expect(sut.last.map((t) => t.event)).toEqual(['notice.given', 'deemed-approved', 'document.issued', 'activated']);
    expect(sut.active()).toEqual(['fee']);
  });

  it('refuses notice on a step the law cannot deem approved', () => {
    const sut = CaseDriver.for(buildingPermitDefinition);

    expect(
      rejectionReason(sut.ctx, sut.state, {
        type: 'give-notice',
        stepId: 'intake',
        at: '2026-03-03T10:00:00Z',
        actor: applicant,
      }),
    ).toBe("step 'intake' cannot be deemed approved");
  });

  it('ends a consultation period when its 21 days have run', () => {
    const sut = CaseDriver.for(landUseDefinition, { development: 'minor' }, '2026-03-02T09:00:00Z');
    sut.decide('validation', 'valid', '2026-03-04T09:00:00Z');
    expect(sut.step('consultation').dueDate).toBe('2026-03-25');
    sut.fireNextTimer();

    expect(sut.last[0]).toMatchObject({ stepId: 'consultation', event: 'timer.elapsed', outcome: 'elapsed' });
    expect(sut.active()).toEqual(['assessment']);
  });

  it('lapses the case when the applicant does not resubmit corrections in time', () => {
    const sut = CaseDriver.for(buildingPermitDefinition, {}, '2026-03-02T09:00:00Z');
    sut.decide('intake', 'complete', '2026-03-02T10:00:00Z');
    sut.decide('building-review', 'corrections', '2026-03-03T10:00:00Z');
    sut.decide('fire-review', 'approved', '2026-03-03T10:00:00Z');
    sut.decide('environment-review', 'approved', '2026-03-03T10:00:00Z');
    sut.fireNextTimer();

    expect(sut.state.status).toBe('lapsed');
    expect(sut.state.decision).toMatchObject({ status: 'lapsed', stepId: 'corrections' });
  });

  it('escalates the case when its statutory period passes, once', () => {
    const sut = CaseDriver.for(landUseDefinition, { development: 'minor' }, '2026-03-02T09:00:00Z');
    sut.decide('validation', 'valid', '2026-03-04T09:00:00Z');
    sut.fireNextTimer(); // consultation
    sut.fireNextTimer(); // case clock

    expect(sut.last[0]).toMatchObject({ stepId: null, event: 'timer.case-overdue', at: '2026-04-29T23:00:00.000Z' });
    expect(sut.state.caseOverdue).toBe(true);
    expect(sut.state.timers).toEqual([]);
  });

  it('only takes timers from the system actor', () => {
    const sut = CaseDriver.for(buildingPermitDefinition);
    const timer = sut.state.timers[0];

    expect(
      rejectionReason(sut.ctx, sut.state, {
        type: 'timer',
        timerId: timer.id,
        at: timer.dueAt,
        actor: supervisorFor('building'),
      }),
    ).toBe('a timer is for system, not supervisor');
  });
});
