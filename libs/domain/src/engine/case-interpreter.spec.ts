import { builtInCalendar } from '../calendar/calendars';
import { buildingPermitDefinition } from '../definitions';
import { applicant, clerkFor } from '../testing/case-driver';
import { startCase } from './case-engine';
import { CaseInterpreter, earliestStepDueAt } from './case-interpreter';

function newPermit() {
  const ctx = { definition: buildingPermitDefinition, calendar: builtInCalendar('us-ca')! };
  const started = startCase(ctx, { requestId: 'req-1', applicant, attributes: {}, at: '2026-03-02T09:00:00Z' });
  return new CaseInterpreter(ctx, started.state);
}

describe(CaseInterpreter.name, () => {
  it('applies a legal action and keeps the state it leads to', () => {
    const sut = newPermit();
    const outcome = sut.apply({
      type: 'decide',
      stepId: 'intake',
      outcome: 'complete',
      at: '2026-03-02T10:00:00Z',
      actor: clerkFor('building'),
    });

    expect(outcome.transitions.length).toBeGreaterThan(0);
    expect(sut.state).toBe(outcome.state);
    expect(sut.state.activeSteps.map((s) => s.stepId)).toContain('building-review');
  });

  it('leaves the case as it was when an offered event does not apply now', () => {
    const sut = newPermit();
    const before = sut.state;

    const outcome = sut.offer({
      type: 'decide',
      stepId: 'issuance',
      outcome: 'issued',
      at: '2026-03-02T10:00:00Z',
      actor: clerkFor('building'),
    });

    expect(outcome).toBeNull();
    expect(sut.state).toBe(before);
  });

  it('offers the earliest timer only once it is due, stamped with the time the case looked', () => {
    const sut = newPermit();
    const dueAt = sut.nextDueAt!;

    expect(sut.dueTimer(new Date(Date.parse(dueAt) - 1).toISOString())).toBeUndefined();
    expect(sut.dueTimer(dueAt)).toMatchObject({ type: 'timer', at: dueAt, actor: { id: 'system', role: 'system' } });
  });

  it('is settled only when the case is closed and no timer is pending', () => {
    const sut = newPermit();
    expect(sut.settled).toBe(false);

    sut.apply({ type: 'withdraw', at: '2026-03-02T10:00:00Z', actor: applicant });

    expect(sut.state.status).toBe('withdrawn');
    expect(sut.state.timers).toEqual([]);
    expect(sut.settled).toBe(true);
  });

  it('names the earliest due date of the active steps', () => {
    const sut = newPermit();
    expect(earliestStepDueAt(sut.state)).toBe(sut.state.activeSteps[0].dueAt);
  });
});
