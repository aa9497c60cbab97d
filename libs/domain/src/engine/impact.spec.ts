import type { Actor } from '../actor';
import type { ProcessDefinition } from '../definition/process-definition.types';
import { landUseDefinition } from '../definitions';
import { applicant, CaseDriver } from '../testing/case-driver';
import { apply, refusalOf } from './case-engine';
import { caseImpact } from './impact';
import { replay } from './replay';

const administrator: Actor = { id: 'admin-1', role: 'administrator' };

/** The consultation period grows from 21 to 30 days, as a new statute might make it. */
function longerConsultation(version = 2): ProcessDefinition {
  return {
    ...landUseDefinition,
    version,
    steps: landUseDefinition.steps.map((s) =>
      s.id === 'consultation' ? { ...s, duration: { value: 30, unit: 'calendarDays' as const } } : s,
    ),
  };
}

function inConsultation() {
  const sut = CaseDriver.for(landUseDefinition, { development: 'minor' }, '2026-03-02T09:00:00Z');
  sut.decide('validation', 'valid', '2026-03-04T10:00:00Z');
  return sut;
}

function migrateEvent(definition: ProcessDefinition, at: string, mapping?: Record<string, string>) {
  return {
    type: 'migrate-definition' as const,
    definition,
    ...(mapping ? { mapping } : {}),
    reason: 'Planning (Consultation) Act 2026',
    at,
    actor: administrator,
  };
}

describe(caseImpact.name, () => {
  it('moves the due date of a case in consultation by the longer period, counted from when it began', () => {
    const live = inConsultation();

    const sut = caseImpact(live, { candidate: longerConsultation(), at: '2026-03-10T09:00:00Z', actor: administrator });

    // 21 days from 4 March: 25 March; 30 days: 3 April (Good Friday). Working days in between on gb-eng:
    // 26, 27, 30, 31 March, 1, 2 April.
    expect(sut).toMatchObject({ mode: 'migrate', changed: true, stepsAdded: [], stepsRemoved: [], refused: [] });
    expect(sut.dueDates).toEqual([
      {
        clock: 'consultation',
        old: expect.objectContaining({ dueDate: '2026-03-25' }),
        new: expect.objectContaining({ dueDate: '2026-04-03' }),
        workingDays: 6,
      },
    ]);
  });

  it('leaves a case past consultation unchanged', () => {
    const live = inConsultation();
    live.fireNextTimer();

    const sut = caseImpact(live, { candidate: longerConsultation(), at: '2026-04-10T09:00:00Z', actor: administrator });

    expect(sut).toMatchObject({ changed: false, dueDates: [], outcome: { differs: false } });
  });

  it('names a case the candidate cannot carry: its current step is gone', () => {
    const live = inConsultation();
    const withoutConsultation: ProcessDefinition = {
      ...landUseDefinition,
      version: 2,
      // Nothing left to comment during.
      publication: { ...landUseDefinition.publication!, comments: undefined },
      steps: landUseDefinition.steps
        .filter((s) => s.id !== 'consultation')
        .map((s) => (s.id === 'validation' ? { ...s, next: { valid: 'assessment' } } : s)),
    };

    const sut = caseImpact(live, { candidate: withoutConsultation, at: '2026-03-10T09:00:00Z', actor: administrator });

    expect(sut.cannotCarry).toMatchObject({ code: 'CONFLICT', details: { reason: 'unmapped-step' } });
    expect(sut.changed).toBe(true);
  });

  it('replays a closed case from its start: actions the candidate would refuse and the outcome that differs', () => {
    const live = inConsultation();
    live.fireNextTimer(); // consultation elapsed on 25 March
    live.decide('assessment', 'recommend-approval', '2026-03-27T09:00:00Z');
    live.decide('determination', 'approved', '2026-03-30T09:00:00Z', {
      id: 's',
      role: 'supervisor',
      department: 'planning',
    });

    const sut = caseImpact(live, { candidate: longerConsultation(), at: '2026-05-01T09:00:00Z', actor: administrator });

    // Under 30 days the case is still in consultation on 27 March: the assessment could not have been made.
    expect(sut.mode).toBe('replay');
    expect(sut.refused.map((r) => [r.type, r.stepId])).toEqual([
      ['decide', 'assessment'],
      ['decide', 'determination'],
    ]);
    expect(sut.outcome).toEqual({ old: 'approved:approved', new: 'in_progress', differs: true });
  });
});

describe('migrate-definition', () => {
  it('carries a case in consultation to the new version: its timer moves and the migration is on the record', () => {
    const live = inConsultation();
    const v2 = longerConsultation();

    const { state, transitions } = apply(live.ctx, live.state, migrateEvent(v2, '2026-03-10T09:00:00Z'));

    expect(state.definitionVersion).toBe(2);
    expect(state.timers[0]).toMatchObject({ id: 'step-due:consultation:1', dueAt: state.activeSteps[0].dueAt });
    expect(state.activeSteps[0]).toMatchObject({ stepId: 'consultation', dueDate: '2026-04-03' });
    expect(transitions.map((t) => t.event)).toEqual(['definition.migrated', 'deadline.recomputed']);
    expect(transitions[0]).toMatchObject({
      actor: administrator,
      reason: 'Planning (Consultation) Act 2026',
      data: { from: { key: 'land-use', version: 1 }, to: { key: 'land-use', version: 2 } },
    });
    // Later events run under the new version and replay the same way.
    const events = [...live.events, migrateEvent(v2, '2026-03-10T09:00:00Z')];
    expect(replay(live.ctx, live.submission, events)).toEqual(state);
  });

  it('is refused a second time (already on that version), for a step mapped to nowhere, and for an applicant', () => {
    const live = inConsultation();
    const v2 = longerConsultation();
    live.send(migrateEvent(v2, '2026-03-10T09:00:00Z'));

    expect(refusalOf(live.ctx, live.state, migrateEvent(v2, '2026-03-11T09:00:00Z'))).toMatchObject({
      code: 'CONFLICT',
      details: { reason: 'already-migrated' },
    });
    const other = inConsultation();
    expect(
      refusalOf(other.ctx, other.state, migrateEvent(v2, '2026-03-10T09:00:00Z', { consultation: 'publicity' })),
    ).toMatchObject({ code: 'CONFLICT', details: { reason: 'unmapped-step', stepId: 'consultation' } });
    expect(
      refusalOf(other.ctx, other.state, { ...migrateEvent(v2, '2026-03-10T09:00:00Z'), actor: applicant }),
    ).toMatchObject({ code: 'NOT_ALLOWED' });
  });

  it('keeps time already used: a longer step period counts from when the step began, not from the migration', () => {
    const live = CaseDriver.for(landUseDefinition, { development: 'minor' }, '2026-03-02T09:00:00Z');
    const v2: ProcessDefinition = {
      ...landUseDefinition,
      version: 2,
      steps: landUseDefinition.steps.map((s) =>
        s.id === 'validation' ? { ...s, duration: { value: 15, unit: 'workingDays' as const } } : s,
      ),
    };

    const { state } = apply(live.ctx, live.state, migrateEvent(v2, '2026-03-05T09:00:00Z'));

    // 10 working days from 2 March end on 16 March; 15 on 23 March.
    expect(live.step('validation').dueDate).toBe('2026-03-16');
    expect(state.activeSteps[0].dueDate).toBe('2026-03-23');
  });
});
