import type { ProcessDefinition } from '../definition/process-definition.types';
import { validateDefinition } from '../definition/definition-validator';
import { CaseDriver, clerkFor } from '../testing/case-driver';

/* Beijing time (UTC+8): a local day ends at 16:00 UTC; Qingming 2026 is 4-6 April. */
const owner = { department: 'planning', role: 'clerk' } as const;

function definitionWith(informationRequests: Record<string, unknown>): ProcessDefinition {
  return {
    key: 'answer-by',
    version: 1,
    title: 'Answer by',
    requestType: 'permit',
    jurisdiction: 'cn',
    start: 'acceptance',
    steps: [
      {
        id: 'acceptance',
        title: 'Acceptance',
        kind: 'task',
        owner,
        duration: { value: 5, unit: 'workingDays' },
        informationRequests: informationRequests as never,
        next: { accepted: { status: 'approved' } },
      },
    ],
  };
}

// Monday 2 March 2026, 09:00 in Beijing.
const received = '2026-03-02T01:00:00Z';

const ask = {
  type: 'request-information' as const,
  stepId: 'acceptance',
  items: [{ id: 'site-plan', description: 'Site plan' }],
  reason: 'The site plan is not to scale',
  actor: clerkFor('planning'),
  // Monday 2 March 2026, 10:00 in Beijing.
  at: '2026-03-02T02:00:00Z',
};

describe('the answer-by date of a request for information', () => {
  it('is counted from the request in the jurisdiction’s working days and kept with its reason', () => {
    const sut = CaseDriver.for(
      definitionWith({ clock: 'pause', answerWithin: { value: 3, unit: 'workingDays' } }),
      {},
      received,
    );
    sut.send(ask);
    // 3 working days after Mon 2 March: 3, 4, 5 March; the answer is due by the end of Thursday 5 March.
    expect(sut.state.informationRequests[0]).toMatchObject({
      reason: 'The site plan is not to scale',
      answerByDate: '2026-03-05',
      answerBy: '2026-03-05T16:00:00.000Z',
    });
    expect(sut.last[0]).toMatchObject({
      event: 'information.requested',
      data: { answerByDate: '2026-03-05' },
    });
  });

  it('is absent where the definition gives no time to answer, as in versions published before it', () => {
    const sut = CaseDriver.for(definitionWith({ clock: 'pause' }), {}, received);
    sut.send(ask);
    expect(sut.state.informationRequests[0]).not.toHaveProperty('answerBy');
    expect(sut.last[0]?.data).not.toHaveProperty('answerBy');
  });

  it('must be a duration, the validator naming its path', () => {
    const result = validateDefinition(definitionWith({ clock: 'pause', answerWithin: { value: -1, unit: 'weeks' } }));
    expect(result.ok).toBe(false);
    expect(JSON.stringify(result)).toContain('steps[0].informationRequests.answerWithin');
  });
});
