import { buildingPermitDefinition, gridConnectionDefinition, landUseDefinition } from '../../definitions';
import { applicant, CaseDriver, clerkFor, supervisorFor, system } from '../../testing/case-driver';
import { rejectionReason } from '../case-engine';
import { appeal, pauseCaseClock, pledge, withdraw } from './case.handler';

function refusedLandUse() {
  const sut = CaseDriver.for(landUseDefinition, { development: 'minor' }, '2026-03-02T09:00:00Z');
  sut.decide('validation', 'valid', '2026-03-03T09:00:00Z');
  sut.fireNextTimer();
  sut.decide('assessment', 'recommend-refusal', '2026-03-30T09:00:00Z');
  sut.decide('determination', 'refused', '2026-04-01T09:00:00Z', supervisorFor('planning'), { reason: 'Overbearing' });
  return sut;
}

describe(withdraw.name, () => {
  it('withdraws the case before decision and cancels every open step', () => {
    const sut = CaseDriver.for(buildingPermitDefinition, {}, '2026-03-02T09:00:00Z');
    sut.decide('intake', 'complete', '2026-03-02T10:00:00Z');
    sut.send({ type: 'withdraw', reason: 'Project cancelled', at: '2026-03-03T09:00:00Z', actor: applicant });

    expect(sut.state).toMatchObject({ status: 'withdrawn', closed: true, activeSteps: [], timers: [] });
    expect(sut.last.filter((t) => t.event === 'cancelled').map((t) => t.stepId)).toEqual([
      'building-review',
      'fire-review',
      'environment-review',
      'plan-review',
    ]);
    expect(sut.last.at(-1)).toMatchObject({
      stepId: null,
      event: 'withdrawn',
      toState: 'withdrawn',
      reason: 'Project cancelled',
    });
  });

  it('refuses withdrawal after the decision and by anyone but the applicant', () => {
    const sut = refusedLandUse();

    expect(
      rejectionReason(sut.ctx, sut.state, { type: 'withdraw', at: '2026-04-02T09:00:00Z', actor: applicant }),
    ).toBe("case 'req-1' is closed (refused)");
    const open = CaseDriver.for(landUseDefinition);
    expect(
      rejectionReason(open.ctx, open.state, {
        type: 'withdraw',
        at: '2026-04-02T09:00:00Z',
        actor: clerkFor('planning'),
      }),
    ).toBe('withdrawing is for applicant, not clerk');
  });
});

describe(appeal.name, () => {
  it('reopens a refused case under appeal and lets the appeal allow it', () => {
    const sut = refusedLandUse();
    sut.send({ type: 'appeal', grounds: 'Policy misread', at: '2026-04-10T09:00:00Z', actor: applicant });

    expect(sut.state).toMatchObject({ status: 'under_appeal', closed: false });
    expect(sut.active()).toEqual(['appeal']);

    sut.decide('appeal', 'allowed', '2026-06-10T09:00:00Z', clerkFor('planning-inspectorate'), {
      conditions: ['Landscaping scheme'],
    });
    expect(sut.state).toMatchObject({ status: 'approved', closed: true, appeal: { outcome: 'allowed' } });
  });

  it('allows one appeal, within the window, of a refusal only', () => {
    const sut = refusedLandUse();
    const late = { type: 'appeal', grounds: 'x', at: '2026-10-01T09:00:00Z', actor: applicant } as const;
    expect(rejectionReason(sut.ctx, sut.state, late)).toBe('the appeal window closed at 2026-09-30T23:00:00.000Z');

    sut.send({ type: 'appeal', grounds: 'x', at: '2026-04-10T09:00:00Z', actor: applicant });
    sut.decide('appeal', 'dismissed', '2026-05-10T09:00:00Z', clerkFor('planning-inspectorate'));
    expect(sut.state.status).toBe('refused');
    expect(rejectionReason(sut.ctx, sut.state, { ...late, at: '2026-05-11T09:00:00Z' })).toBe(
      'the refusal was already appealed',
    );

    const open = CaseDriver.for(landUseDefinition);
    expect(rejectionReason(open.ctx, open.state, { ...late, at: '2026-03-03T09:00:00Z' })).toBe(
      'only a refusal can be appealed (case is in_progress)',
    );
  });
});

describe('appeal window', () => {
  it('keeps a refused case waiting on its appeal window, then closes it', () => {
    const sut = refusedLandUse();
    expect(sut.state.timers).toEqual([
      { id: 'appeal-window', kind: 'appeal-window', dueAt: '2026-09-30T23:00:00.000Z' },
    ]);
    sut.fireNextTimer();

    expect(sut.last[0]).toMatchObject({ stepId: null, event: 'timer.appeal-window-closed', toState: 'refused' });
    expect(sut.state.timers).toEqual([]);
    expect(
      rejectionReason(sut.ctx, sut.state, {
        type: 'appeal',
        grounds: 'x',
        at: '2026-10-02T09:00:00Z',
        actor: applicant,
      }),
    ).toBe('the appeal window closed at 2026-09-30T23:00:00.000Z');
  });
});

describe(pledge.name, () => {
  function approvedOnPledge() {
    const sut = CaseDriver.for(buildingPermitDefinition, {}, '2026-03-02T09:00:00Z');
    sut.decide('intake', 'complete', '2026-03-02T10:00:00Z');
    for (const id of ['building-review', 'fire-review', 'environment-review'])
      sut.decide(id, 'approved', '2026-03-03T10:00:00Z');
    sut.send({
      type: 'pledge',
      statement: 'We certify the fire plans meet code',
      items: ['fire-plans'],
      at: '2026-03-04T09:00:00Z',
      actor: applicant,
    });
    sut.decide('decision', 'approved-on-pledge', '2026-03-04T10:00:00Z', supervisorFor('building'));
    sut.send({ type: 'payment-confirmed', stepId: 'fee', reference: 'P-1', at: '2026-03-05T10:00:00Z', actor: system });
    sut.decide('issuance', 'issued', '2026-03-06T10:00:00Z');
    return sut;
  }

  it('approves on the pledge and keeps verifying after approval', () => {
    const sut = approvedOnPledge();

    expect(sut.state).toMatchObject({ status: 'approved', closed: false });
    expect(sut.active()).toEqual(['pledge-verification']);
  });

  it('revokes the approval when verification fails', () => {
    const sut = approvedOnPledge().decide('pledge-verification', 'failed', '2026-03-20T10:00:00Z');

    expect(sut.state).toMatchObject({ status: 'revoked', closed: true, decision: { status: 'revoked' } });
  });

  it('closes the approved case when verification passes', () => {
    const sut = approvedOnPledge().decide('pledge-verification', 'verified', '2026-03-20T10:00:00Z');

    expect(sut.state).toMatchObject({ status: 'approved', closed: true, activeSteps: [] });
  });

  it('refuses the pledge outcome without a pledge on file', () => {
    const sut = CaseDriver.for(buildingPermitDefinition, {}, '2026-03-02T09:00:00Z');
    sut.decide('intake', 'complete', '2026-03-02T10:00:00Z');
    for (const id of ['building-review', 'fire-review', 'environment-review'])
      sut.decide(id, 'approved', '2026-03-03T10:00:00Z');

    expect(
      rejectionReason(sut.ctx, sut.state, {
        type: 'decide',
        stepId: 'decision',
        outcome: 'approved-on-pledge',
        at: '2026-03-04T10:00:00Z',
        actor: supervisorFor('building'),
      }),
    ).toBe("outcome 'approved-on-pledge' needs the applicant's signed pledge on file");
  });
});

describe(pauseCaseClock.name, () => {
  it('stops and restarts the case clock for an excluded activity', () => {
    const sut = CaseDriver.for(gridConnectionDefinition, { supplySource: 'single' }, '2026-03-02T09:00:00Z');
    const due = sut.state.caseClock?.dueDate;
    sut.send({
      type: 'pause-clock',
      reason: 'Expert review',
      at: '2026-03-03T09:00:00Z',
      actor: supervisorFor('grid-utility'),
    });
    expect(sut.state.timers.map((t) => t.id)).not.toContain('case-due');
    sut.send({ type: 'resume-clock', at: '2026-03-10T09:00:00Z', actor: supervisorFor('grid-utility') });

    // 40 working days, skipping Qingming (4-6 April).
    expect(due).toBe('2026-04-28');
    // 39 left on 3 March, counted again from 10 March, skipping Qingming and Labour Day (1-5 May).
    expect(sut.state.caseClock?.dueDate).toBe('2026-05-08');
  });
});
