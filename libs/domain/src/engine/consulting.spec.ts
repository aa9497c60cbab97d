import type { Actor } from '../actor';
import { validateDefinition } from '../definition/definition-validator';
import { landUseDefinition } from '../definitions';
import { CaseDriver, clerkFor } from '../testing/case-driver';
import type { CaseEvent } from './case-event.types';
import { CONSULTATION_INVITED, CONSULTATION_RESPONDED, consulteeActorId, inviteConsultees } from './consulting';

const highways: Actor = { id: consulteeActorId('highway-authority'), role: 'system', name: 'Highways' };
const clerk = clerkFor('planning');

function valid(development: 'minor' | 'major') {
  return CaseDriver.for(landUseDefinition, { development }).decide('validation', 'valid', '2026-03-03T10:00:00Z');
}

function response(at: string, extra: Partial<CaseEvent> = {}): CaseEvent {
  return {
    type: 'respond-consultation',
    organisation: 'highway-authority',
    link: 1,
    position: 'objection',
    text: 'The access is unsafe.',
    conditions: ['Visibility splays of 2.4 m by 43 m'],
    at,
    actor: highways,
    ...extra,
  } as CaseEvent;
}

describe(inviteConsultees.name, () => {
  it('invites the bodies the consultation names when it starts, each due when the 21-day period ends', () => {
    const sut = valid('minor');
    const invited = sut.last.filter((t) => t.event === CONSULTATION_INVITED);
    expect(invited.map((t) => t.data?.organisation)).toEqual(['highway-authority']);
    const period = sut.step('consultation').clock!.dueAt;
    expect(invited[0].data).toMatchObject({ link: 1, dueAt: period, stepId: 'consultation' });
  });

  it('consults the Environment Agency on major development only (its condition on the attributes)', () => {
    const sut = valid('major');
    expect(sut.state.consultations!.map((c) => c.organisation)).toEqual(['highway-authority', 'environment-agency']);
  });
});

describe('a consultee response', () => {
  it('is recorded on the case with its position, on time before the due date and late after it', () => {
    const onTime = valid('minor').send(response('2026-03-10T09:00:00Z'));
    expect(onTime.last).toEqual([
      expect.objectContaining({
        event: CONSULTATION_RESPONDED,
        actor: highways,
        data: expect.objectContaining({ organisation: 'highway-authority', position: 'objection', late: false }),
      }),
    ]);
    const late = valid('minor');
    late.fireNextTimer(); // the consultation period elapses; a body may still answer, late
    const after = new Date(Date.parse(late.state.consultations![0].dueAt) + 86_400_000).toISOString();
    late.send(response(after));
    expect(late.state.consultations![0]).toMatchObject({ status: 'answered', late: true });
  });

  it('is refused from anyone but the body, through a replaced or revoked link, or twice', () => {
    const sut = valid('minor');
    expect(() => sut.send(response('2026-03-04T09:00:00Z', { actor: clerk }))).toThrow(/system/);
    sut.send({
      type: 'resend-consultation',
      organisation: 'highway-authority',
      at: '2026-03-04T09:00:00Z',
      actor: clerk,
    });
    expect(sut.last[0]).toMatchObject({ event: CONSULTATION_INVITED, data: { link: 2 } });
    expect(() => sut.send(response('2026-03-04T10:00:00Z'))).toThrow(/no longer answers/);
    sut.send({
      type: 'revoke-consultation',
      organisation: 'highway-authority',
      reason: 'wrong address',
      at: '2026-03-04T11:00:00Z',
      actor: clerk,
    });
    expect(() => sut.send(response('2026-03-04T12:00:00Z', { link: 2 }))).toThrow(/no longer answers/);
    sut.send({
      type: 'resend-consultation',
      organisation: 'highway-authority',
      at: '2026-03-04T13:00:00Z',
      actor: clerk,
    });
    sut.send(response('2026-03-04T14:00:00Z', { link: 3 }));
    expect(() => sut.send(response('2026-03-04T15:00:00Z', { link: 3 }))).toThrow(/already responded/);
  });
});

describe('consultees in a definition', () => {
  it('accepts the land-use consultees and refuses a duplicate, a bad key and a body with no time to respond', () => {
    expect(validateDefinition(landUseDefinition).ok).toBe(true);
    const consultation = landUseDefinition.steps.find((s) => s.id === 'consultation')!;
    const withConsultees = (consultees: unknown, step: object = {}) =>
      validateDefinition({
        ...landUseDefinition,
        steps: landUseDefinition.steps.map((s) => (s === consultation ? { ...s, ...step, consultees } : s)),
      });
    const twice = withConsultees([{ organisation: 'highway-authority' }, { organisation: 'highway-authority' }]);
    expect(twice.ok ? [] : twice.errors).toEqual([expect.stringContaining('consulted twice')]);
    const bad = withConsultees([{ organisation: 'Highways!' }]);
    expect(bad.ok).toBe(false);
    const unknownAttribute = withConsultees([
      { organisation: 'highway-authority', when: { attr: 'storeys', op: '>', value: 3 } },
    ]);
    expect(unknownAttribute.ok ? [] : unknownAttribute.errors).toEqual([expect.stringContaining("'storeys'")]);
    const untimed = withConsultees([{ organisation: 'highway-authority' }], {
      kind: 'task',
      duration: undefined,
      next: { done: 'assessment' },
    });
    expect(untimed.ok ? [] : untimed.errors).toEqual([expect.stringContaining('respondWithin')]);
  });
});
