import type { Actor } from '../actor';
import type { AttributeValue } from '../definition/process-definition.types';
import { DomainError } from '../domain-error';
import { builtInDefinitions } from '../definitions';
import { applicant, CaseDriver, clerkFor, supervisorFor, system } from '../testing/case-driver';
import type { CaseEvent } from './case-event.types';
import { replayWithTransitions } from './replay';

/** A seeded generator, so a failure reproduces with the same seed. */
function lcg(seed: number) {
  let s = seed;
  return (n: number) => {
    s = (s * 1_103_515_245 + 12_345) % 2_147_483_648;
    return s % n;
  };
}

const attributeSets: Record<string, AttributeValue>[] = [
  {},
  {
    floorAreaM2: 30000,
    inspectionRequired: true,
    development: 'major',
    eiaRequired: true,
    loadKw: 20000,
    supplySource: 'dual',
  },
];

function candidates(sut: CaseDriver, at: string, pick: (n: number) => number): CaseEvent[] {
  const events: CaseEvent[] = [];
  for (const a of sut.state.activeSteps) {
    const owner: Actor =
      a.owner.role === 'applicant'
        ? applicant
        : a.owner.role === 'supervisor'
          ? supervisorFor(a.owner.department)
          : clerkFor(a.owner.department);
    for (const outcome of [...a.outcomes, 'bogus'])
      events.push({ type: 'decide', stepId: a.stepId, outcome, at, actor: owner });
    events.push({
      type: 'request-information',
      stepId: a.stepId,
      items: [{ id: `i${pick(3)}`, description: 'd' }],
      at,
      actor: owner,
    });
    events.push({ type: 'answer-information', stepId: a.stepId, at, actor: applicant });
    events.push({
      type: 'accept-with-missing',
      stepId: a.stepId,
      items: [{ id: 'm1', description: 'd' }],
      at,
      actor: owner,
    });
    events.push({ type: 'payment-confirmed', stepId: a.stepId, reference: 'p', at, actor: system });
    events.push({ type: 'inspection-result', stepId: a.stepId, passed: pick(2) === 0, at, actor: system });
    events.push({ type: 'give-notice', stepId: a.stepId, at, actor: applicant });
    events.push({ type: 'claim', stepId: a.stepId, at, actor: owner });
    events.push({
      type: 'propose-extension',
      stepId: a.stepId,
      by: { value: 3, unit: 'workingDays' },
      reason: 'r',
      at,
      actor: owner,
    });
  }
  for (const t of sut.state.timers)
    events.push({ type: 'timer', timerId: t.id, at: t.dueAt > at ? t.dueAt : at, actor: system });
  // Withdrawal is nearly always legal; offered rarely so runs get deep into the process.
  if (pick(15) === 0) events.push({ type: 'withdraw', at, actor: applicant });
  events.push(
    { type: 'appeal', grounds: 'g', at, actor: applicant },
    { type: 'pledge', statement: 's', at, actor: applicant },
    { type: 'document-verified', itemId: 'm1', at, actor: system },
    { type: 'accept-extension', extensionId: `ext-${1 + pick(2)}`, at, actor: applicant },
    {
      type: 'propose-extension',
      by: { value: 7, unit: 'calendarDays' },
      reason: 'r',
      at,
      actor: supervisorFor('planning'),
    },
    { type: 'pause-clock', reason: 'expert', at, actor: supervisorFor('x') },
    { type: 'resume-clock', at, actor: supervisorFor('x') },
  );
  return events;
}

describe('reducer robustness', () => {
  it.each(builtInDefinitions.flatMap((d) => attributeSets.map((a, i) => [d.key, i, d, a] as const)))(
    '%s (attributes #%i): random legal and illegal events never crash, and replay reproduces every run',
    (_key, _i, definition, attributes) => {
      for (let seed = 1; seed <= 25; seed++) {
        const pick = lcg(seed);
        const sut = CaseDriver.for(definition, attributes, '2026-03-02T09:00:00Z');
        let ms = Date.parse('2026-03-02T09:00:00Z');
        for (let i = 0; i < 60 && !sut.state.closed; i++) {
          ms += pick(4) * 86_400_000 + pick(3_600_000);
          const at = new Date(ms).toISOString();
          const all = candidates(sut, at, pick);
          const event = all[pick(all.length)];
          try {
            sut.send(event);
            ms = Math.max(ms, Date.parse(event.at));
          } catch (error) {
            expect(error).toBeInstanceOf(DomainError);
          }
        }
        const replayed = replayWithTransitions(sut.ctx, sut.submission, sut.events);
        expect(replayed.state).toEqual(sut.state);
        expect(replayed.transitions).toEqual(sut.transitions);
      }
    },
  );
});
