import { DomainError } from '../domain-error';
import { buildingPermitDefinition } from '../definitions';
import { applicant, CaseDriver, clerkFor, supervisorFor, system } from '../testing/case-driver';
import { apply, rejectionReason, startCase } from './case-engine';
import { nextTimer } from './finalize';

const T0 = '2026-03-02T09:00:00Z'; // a Monday

function permit(attributes = {}) {
  return CaseDriver.for(buildingPermitDefinition, attributes, T0);
}

function throughIntake(sut: CaseDriver) {
  return sut.decide('intake', 'complete', '2026-03-03T10:00:00Z');
}

describe(startCase.name, () => {
  it('records the submission and activates the first step with its due date', () => {
    const sut = permit();

    expect(sut.state.status).toBe('in_progress');
    expect(sut.active()).toEqual(['intake']);
    expect(sut.step('intake').dueDate).toBe('2026-04-01');
    expect(sut.last.map((t) => [t.seq, t.stepId, t.event, t.fromState, t.toState])).toEqual([
      [1, null, 'submitted', 'none', 'in_progress'],
      [2, 'intake', 'activated', 'pending', 'active'],
      [3, null, 'document.issued', 'due', 'issued'],
    ]);
    expect(sut.last[2].data).toMatchObject({ documentId: 'receipt-1', kind: 'receipt' });
    expect(nextTimer(sut.state)).toEqual({
      id: 'step-due:intake:1',
      kind: 'step-due',
      stepId: 'intake',
      dueAt: '2026-04-02T07:00:00.000Z', // the end of 1 April in California (PDT, UTC-7)
    });
  });

  it('refuses a submission whose calendar does not match the definition', () => {
    const calendar = { id: 'cn', name: 'x', weekendDays: [0, 6], holidays: [], makeUpWorkingDays: [] };
    expect(() =>
      startCase(
        { definition: buildingPermitDefinition, calendar },
        { requestId: 'r', applicant, attributes: {}, at: T0 },
      ),
    ).toThrow(/runs on calendar 'us-ca'/);
  });
});

describe(apply.name, () => {
  it('opens the joint plan review with building, fire and environment at once', () => {
    const sut = throughIntake(permit());

    expect(sut.active()).toEqual(['building-review', 'environment-review', 'fire-review', 'plan-review']);
    expect(sut.step('fire-review').owner).toEqual({ department: 'fire', role: 'clerk' });
    expect(sut.step('fire-review').dueDate).toBe(sut.step('plan-review').dueDate);
    expect(sut.transitions.find((t) => t.stepId === 'transport-review')?.event).toBe('skipped');
  });

  it('adds the transport review for large buildings (routing on attributes)', () => {
    const sut = throughIntake(permit({ floorAreaM2: 25000 }));

    expect(sut.active()).toContain('transport-review');
  });

  it('closes the joint review only when every department has decided, then moves to the decision', () => {
    const sut = throughIntake(permit());
    sut.decide('building-review', 'approved', '2026-03-04T10:00:00Z');
    sut.decide('fire-review', 'approved', '2026-03-05T10:00:00Z', undefined, { conditions: ['Sprinklers in hall B'] });

    expect(sut.active()).toContain('environment-review');
    sut.decide('environment-review', 'approved', '2026-03-06T10:00:00Z');

    expect(sut.active()).toEqual(['decision']);
    expect(sut.state.conditions.map((c) => c.text)).toEqual(['Sprinklers in hall B']);
    const closed = sut.last.find((t) => t.event === 'review.closed');
    expect(closed).toMatchObject({ stepId: 'plan-review', outcome: 'approved', toState: 'completed' });
  });

  it('sends the plans back for corrections when one department asks for them, and reviews them again', () => {
    const sut = throughIntake(permit());
    sut.decide('building-review', 'approved', '2026-03-04T10:00:00Z');
    sut.decide('fire-review', 'corrections', '2026-03-04T11:00:00Z');
    sut.decide('environment-review', 'approved', '2026-03-04T12:00:00Z');

    expect(sut.active()).toEqual(['corrections']);
    expect(sut.state.status).toBe('awaiting_applicant');

    sut.decide('corrections', 'resubmitted', '2026-03-10T09:00:00Z', applicant);

    expect(sut.state.status).toBe('in_progress');
    expect(sut.step('fire-review').activation).toBe(2);
    expect(sut.state.timers.map((t) => t.id)).toContain('step-due:plan-review:2');
  });

  it('runs a permit through decision, fee and issuance to approval', () => {
    const sut = throughIntake(permit());
    for (const id of ['building-review', 'fire-review', 'environment-review']) {
      sut.decide(id, 'approved', '2026-03-04T10:00:00Z');
    }
    sut.decide('decision', 'approved', '2026-03-05T10:00:00Z', supervisorFor('building'), {
      conditions: ['Work hours 7-19'],
    });
    sut.send({
      type: 'payment-confirmed',
      stepId: 'fee',
      reference: 'PAY-1',
      at: '2026-03-06T10:00:00Z',
      actor: system,
    });
    sut.decide('issuance', 'issued', '2026-03-09T10:00:00Z');

    expect(sut.state.status).toBe('approved');
    expect(sut.state.closed).toBe(true);
    // The only thing left to wait for is the permit's end of validity.
    expect(sut.state.timers.map((t) => t.kind)).toEqual(['document-expiry']);
    expect(sut.state.decision).toMatchObject({ status: 'approved', stepId: 'issuance', outcome: 'issued' });
    expect(sut.transitions.map((t) => t.seq)).toEqual(sut.transitions.map((_, i) => i + 1));
  });

  it('refuses a decision on a step that is not active', () => {
    const sut = permit();
    const event = {
      type: 'decide',
      stepId: 'fire-review',
      outcome: 'approved',
      at: T0,
      actor: clerkFor('fire'),
    } as const;

    expect(rejectionReason(sut.ctx, sut.state, event)).toBe("step 'fire-review' is not active");
    expect(() => apply(sut.ctx, sut.state, event)).toThrow(DomainError);
  });

  it('refuses an outcome the step does not allow, naming the allowed ones', () => {
    const sut = permit();
    const event = { type: 'decide', stepId: 'intake', outcome: 'maybe', at: T0, actor: clerkFor('building') } as const;

    expect(rejectionReason(sut.ctx, sut.state, event)).toBe(
      "outcome 'maybe' is not allowed for step 'intake' (allowed: complete)",
    );
  });

  it('refuses a clerk of another department', () => {
    const sut = throughIntake(permit());
    const event = {
      type: 'decide',
      stepId: 'fire-review',
      outcome: 'approved',
      at: '2026-03-04T10:00:00Z',
      actor: clerkFor('environment'),
    } as const;

    expect(rejectionReason(sut.ctx, sut.state, event)).toMatch(/belongs to department 'fire'/);
  });

  it('never changes the state it was given', () => {
    const sut = permit();
    const before = JSON.stringify(sut.state);
    apply(sut.ctx, sut.state, {
      type: 'decide',
      stepId: 'intake',
      outcome: 'complete',
      at: T0,
      actor: clerkFor('building'),
    });

    expect(JSON.stringify(sut.state)).toBe(before);
  });

  it('refuses events older than the last one and malformed events', () => {
    const sut = throughIntake(permit());

    expect(rejectionReason(sut.ctx, sut.state, { type: 'withdraw', at: T0, actor: applicant })).toMatch(/earlier/);
    expect(
      rejectionReason(sut.ctx, sut.state, { type: 'decide', at: '2026-03-04T10:00:00Z', actor: applicant } as never),
    ).toBe('decide.stepId: missing or malformed');
    expect(rejectionReason(sut.ctx, sut.state, { type: 'withdraw', at: '2026-03-04 10:00', actor: applicant })).toMatch(
      /ISO-8601/,
    );
  });

  it('escalates a step to a supervisor when its due date passes', () => {
    const sut = throughIntake(permit());
    sut.fireNextTimer();

    expect(sut.last).toEqual([
      expect.objectContaining({ stepId: 'plan-review', event: 'timer.escalated', actor: system }),
    ]);
    expect(sut.step('plan-review').escalated).toBe(true);
    expect(sut.step('fire-review').escalated).toBe(true);
    expect(sut.state.timers.find((t) => t.stepId === 'plan-review')).toBeUndefined();
  });

  it('refuses a timer before it is due and a timer that is not pending', () => {
    const sut = permit();
    const timer = sut.state.timers[0];

    expect(rejectionReason(sut.ctx, sut.state, { type: 'timer', timerId: timer.id, at: T0, actor: system })).toMatch(
      /is due at/,
    );
    expect(
      rejectionReason(sut.ctx, sut.state, { type: 'timer', timerId: 'nope', at: timer.dueAt, actor: system }),
    ).toBe("timer 'nope' is not pending");
  });
});
