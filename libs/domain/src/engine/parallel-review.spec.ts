import { gbEngCalendar } from '../calendar/calendars';
import type { ParallelStep, ProcessDefinition } from '../definition/process-definition.types';
import { CaseDriver, clerkFor } from '../testing/case-driver';

function review(mode: ParallelStep['mode'], quorum?: number): ProcessDefinition {
  return {
    key: 'committee-review',
    version: 1,
    title: 'Review by three departments',
    requestType: 'permit',
    jurisdiction: 'gb-eng',
    start: 'panel',
    steps: [
      {
        id: 'panel',
        kind: 'parallel',
        title: 'Panel',
        owner: { department: 'planning', role: 'supervisor' },
        duration: { value: 30, unit: 'seconds' },
        mode,
        ...(quorum ? { quorum } : {}),
        memberOutcomes: ['refused', 'approved'],
        passOutcome: 'approved',
        members: ['a', 'b', 'c'].map((d) => ({ id: `${d}-review`, title: d, owner: { department: d, role: 'clerk' } })),
        next: { approved: { status: 'approved' }, refused: { status: 'refused' } },
      },
    ],
  };
}

function run(definition: ProcessDefinition) {
  return new CaseDriver(
    { definition, calendar: gbEngCalendar },
    { requestId: 'r', applicant: { id: 'x', role: 'applicant' }, attributes: {}, at: '2026-03-02T09:00:00Z' },
  );
}

const vote = (sut: CaseDriver, member: string, outcome: string, second: number) =>
  sut.decide(`${member}-review`, outcome, `2026-03-02T09:00:${String(second).padStart(2, '0')}Z`, clerkFor(member));

describe('parallel review', () => {
  it('mode all: waits for every member; the most decisive outcome wins', () => {
    const sut = run(review('all'));
    vote(sut, 'a', 'approved', 1);
    vote(sut, 'b', 'refused', 2);
    expect(sut.state.status).toBe('in_progress');
    vote(sut, 'c', 'approved', 3);

    expect(sut.state.status).toBe('refused');
  });

  it('mode any: the first pass closes the group and cancels the others', () => {
    const sut = run(review('any'));
    vote(sut, 'a', 'refused', 1);
    vote(sut, 'b', 'approved', 2);

    expect(sut.state.status).toBe('approved');
    expect(sut.last.filter((t) => t.event === 'cancelled').map((t) => t.stepId)).toEqual(['c-review']);
  });

  it('mode any: refuses only when every member refused', () => {
    const sut = run(review('any'));
    vote(sut, 'a', 'refused', 1);
    vote(sut, 'b', 'refused', 2);
    expect(sut.state.status).toBe('in_progress');
    vote(sut, 'c', 'refused', 3);

    expect(sut.state.status).toBe('refused');
  });

  it('mode quorum: closes as soon as the quorum passes', () => {
    const sut = run(review('quorum', 2));
    vote(sut, 'a', 'approved', 1);
    expect(sut.state.status).toBe('in_progress');
    vote(sut, 'c', 'approved', 2);

    expect(sut.state.status).toBe('approved');
    expect(sut.state.history.find((h) => h.stepId === 'b-review')?.result).toBe('cancelled');
  });

  it('mode quorum: closes as soon as the quorum can no longer be reached', () => {
    const sut = run(review('quorum', 2));
    vote(sut, 'a', 'refused', 1);
    vote(sut, 'b', 'refused', 2);

    expect(sut.state.status).toBe('refused');
  });

  it('escalates the group and its members at the group deadline (second-scale units)', () => {
    const sut = run(review('all'));
    expect(sut.state.timers).toEqual([
      { id: 'step-due:panel:1', kind: 'step-due', stepId: 'panel', dueAt: '2026-03-02T09:00:30.000Z' },
    ]);
    sut.fireNextTimer();

    expect(sut.state.activeSteps.every((a) => a.escalated)).toBe(true);
  });
});
