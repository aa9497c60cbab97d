import { buildingPermitDefinition } from '../definitions';
import { applicant, CaseDriver, supervisorFor, system } from '../testing/case-driver';
import { replay, replayWithTransitions, stateAt } from './replay';

function recordedCase() {
  const sut = CaseDriver.for(buildingPermitDefinition, { floorAreaM2: 30000 }, '2026-03-02T09:00:00Z');
  sut.send({
    type: 'request-information',
    stepId: 'intake',
    items: [{ id: 'survey', description: 'Survey' }],
    at: '2026-03-03T09:00:00Z',
    actor: { id: 'b1', role: 'clerk', department: 'building' },
  });
  sut.send({ type: 'answer-information', stepId: 'intake', at: '2026-03-06T09:00:00Z', actor: applicant });
  sut.decide('intake', 'complete', '2026-03-09T09:00:00Z');
  for (const id of ['building-review', 'fire-review', 'environment-review', 'transport-review']) {
    sut.decide(id, 'approved', '2026-03-10T09:00:00Z');
  }
  sut.fireNextTimer(); // the decision is late: escalated
  sut.decide('decision', 'approved', sut.state.updatedAt, supervisorFor('building'));
  sut.send({ type: 'payment-confirmed', stepId: 'fee', reference: 'P', at: '2026-04-01T09:00:00Z', actor: system });
  return sut;
}

describe(replay.name, () => {
  it('reconstructs the live state from the recorded events', () => {
    const live = recordedCase();

    expect(replay(live.ctx, live.submission, live.events)).toEqual(live.state);
  });

  it('reproduces every transition exactly, so an auditor can check the log against it', () => {
    const live = recordedCase();
    const { transitions } = replayWithTransitions(live.ctx, live.submission, live.events);

    expect(transitions).toEqual(live.transitions);
    expect(transitions.map((t) => t.seq)).toEqual(transitions.map((_, i) => i + 1));
  });

  it('throws at the first event that was not legal (a tampered log)', () => {
    const live = recordedCase();
    const tampered = [...live.events];
    tampered.splice(2, 1);

    expect(() => replay(live.ctx, live.submission, tampered)).toThrow(/not active|claimed|is not allowed/);
  });
});

describe(stateAt.name, () => {
  it('reconstructs the case at a moment in time or after a transition', () => {
    const live = recordedCase();

    expect(stateAt(live.ctx, live.submission, live.events, { at: '2026-03-04T00:00:00Z' })).toMatchObject({
      status: 'awaiting_applicant',
    });
    const seq = live.transitions.find((t) => t.event === 'timer.escalated')?.seq ?? 0;
    const escalated = stateAt(live.ctx, live.submission, live.events, { seq });
    expect(escalated.seq).toBe(seq);
    expect(escalated.activeSteps[0]).toMatchObject({ stepId: 'decision', escalated: true });
  });
});
