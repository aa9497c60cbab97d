import { buildingPermitDefinition, gridConnectionDefinition, landUseDefinition } from '../../definitions';
import { applicant, CaseDriver, clerkFor, supervisorFor } from '../../testing/case-driver';
import { rejectionReason } from '../case-engine';
import { acceptExtension, proposeExtension } from './extension.handler';

const planning = supervisorFor('planning');

function validated() {
  const sut = CaseDriver.for(landUseDefinition, { development: 'major' }, '2026-03-02T09:00:00Z');
  sut.decide('validation', 'valid', '2026-03-03T09:00:00Z');
  return sut;
}

describe(proposeExtension.name, () => {
  it('records a proposal that changes nothing until the applicant agrees', () => {
    const sut = validated();
    const due = sut.state.caseClock?.dueDate;
    sut.send({
      type: 'propose-extension',
      by: { value: 28, unit: 'calendarDays' },
      reason: 'Awaiting highways consultee',
      at: '2026-03-10T09:00:00Z',
      actor: planning,
    });

    expect(due).toBe('2026-06-02');
    expect(sut.state.caseClock?.dueDate).toBe(due);
    expect(sut.state.extensions[0]).toMatchObject({ id: 'ext-1', stepId: null, status: 'proposed' });
  });

  it('refuses where the definition has no extensions, in the wrong unit, or twice at once', () => {
    const grid = CaseDriver.for(gridConnectionDefinition);
    const event = {
      type: 'propose-extension',
      by: { value: 5, unit: 'workingDays' },
      reason: 'x',
      at: '2026-03-10T09:00:00Z',
      actor: planning,
    } as const;
    expect(rejectionReason(grid.ctx, grid.state, event)).toBe(
      "definition 'grid-connection' does not allow extensions of time",
    );

    const sut = validated();
    expect(rejectionReason(sut.ctx, sut.state, event)).toBe("the extension must be in calendarDays, the clock's unit");
    sut.send({ ...event, by: { value: 14, unit: 'calendarDays' } });
    expect(rejectionReason(sut.ctx, sut.state, { ...event, by: { value: 14, unit: 'calendarDays' } })).toBe(
      "extension 'ext-1' awaits the applicant's answer",
    );
  });
});

describe(acceptExtension.name, () => {
  it('moves the statutory deadline by the agreed time and lifts an overdue flag', () => {
    const sut = validated();
    sut.fireNextTimer(); // consultation ends
    sut.fireNextTimer(); // 13 weeks pass
    expect(sut.state.caseOverdue).toBe(true);
    const at = sut.state.updatedAt;
    sut.send({
      type: 'propose-extension',
      by: { value: 28, unit: 'calendarDays' },
      reason: 'Committee date',
      at,
      actor: planning,
    });
    sut.send({ type: 'accept-extension', extensionId: 'ext-1', at, actor: applicant });

    expect(sut.state.caseClock?.dueDate).toBe('2026-06-30');
    expect(sut.state.caseOverdue).toBe(false);
    expect(sut.state.timers.map((t) => t.id)).toContain('case-due');
    expect(sut.last[0]).toMatchObject({ event: 'extension.accepted', data: { dueAt: '2026-06-30T23:00:00.000Z' } });
  });

  it('extends a step clock and lifts its escalation', () => {
    const sut = CaseDriver.for(buildingPermitDefinition, {}, '2026-03-02T09:00:00Z');
    sut.decide('intake', 'complete', '2026-03-02T10:00:00Z');
    sut.fireNextTimer();
    expect(sut.step('fire-review').escalated).toBe(true);
    const at = sut.state.updatedAt;
    sut.send({
      type: 'propose-extension',
      stepId: 'plan-review',
      by: { value: 5, unit: 'workingDays' },
      reason: 'x',
      at,
      actor: supervisorFor('building'),
    });
    sut.send({ type: 'accept-extension', extensionId: 'ext-1', at, actor: applicant });

    expect(sut.step('plan-review').dueDate).toBe('2026-04-07');
    expect(sut.step('fire-review').escalated).toBe(false);
  });

  it('is the applicant’s to give, and a declined proposal stays declined', () => {
    const sut = validated();
    sut.send({
      type: 'propose-extension',
      by: { value: 7, unit: 'calendarDays' },
      reason: 'x',
      at: '2026-03-10T09:00:00Z',
      actor: clerkFor('planning'),
    });

    expect(
      rejectionReason(sut.ctx, sut.state, {
        type: 'accept-extension',
        extensionId: 'ext-1',
        at: '2026-03-11T09:00:00Z',
        actor: planning,
      }),
    ).toBe('agreeing to an extension is for applicant, not supervisor');
    sut.send({ type: 'decline-extension', extensionId: 'ext-1', at: '2026-03-11T09:00:00Z', actor: applicant });
    expect(
      rejectionReason(sut.ctx, sut.state, {
        type: 'accept-extension',
        extensionId: 'ext-1',
        at: '2026-03-12T09:00:00Z',
        actor: applicant,
      }),
    ).toBe("extension 'ext-1' was already declined");
  });
});
