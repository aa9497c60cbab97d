import { buildingPermitDefinition } from '../../definitions';
import { CaseDriver, clerkFor, supervisorFor } from '../../testing/case-driver';
import { rejectionReason } from '../case-engine';
import { claim, reassign, release } from './assignment.handler';

const alice = { ...clerkFor('fire', 'alice'), name: 'Alice' };
const bob = clerkFor('fire', 'bob');

function inReview() {
  const sut = CaseDriver.for(buildingPermitDefinition, {}, '2026-03-02T09:00:00Z');
  return sut.decide('intake', 'complete', '2026-03-02T10:00:00Z');
}

describe(release.name, () => {
  it('gives a claimed step back to the queue, by its holder or a supervisor only', () => {
    const sut = inReview();
    sut.send({ type: 'claim', stepId: 'fire-review', at: '2026-03-03T09:00:00Z', actor: alice });
    const byBob = { type: 'release', stepId: 'fire-review', at: '2026-03-03T10:00:00Z', actor: bob } as const;
    expect(rejectionReason(sut.ctx, sut.state, byBob)).toBe(
      "only a supervisor or the current holder may release 'fire-review'",
    );

    sut.send({ type: 'release', stepId: 'fire-review', at: '2026-03-03T10:00:00Z', actor: alice, reason: 'On leave' });
    expect(sut.step('fire-review')?.assignee).toBeUndefined();
    expect(sut.last).toEqual([
      expect.objectContaining({
        stepId: 'fire-review',
        event: 'released',
        reason: 'On leave',
        data: { from: 'alice' },
      }),
    ]);
    // Anyone of the department may now claim it; releasing an unclaimed step is refused.
    expect(rejectionReason(sut.ctx, sut.state, { ...byBob, type: 'claim' })).toBeNull();
    expect(rejectionReason(sut.ctx, sut.state, byBob)).toBe("step 'fire-review' is not claimed");
  });

  it('lets a supervisor release a step someone else holds', () => {
    const sut = inReview();
    sut.send({ type: 'claim', stepId: 'fire-review', at: '2026-03-03T09:00:00Z', actor: alice });
    sut.send({ type: 'release', stepId: 'fire-review', at: '2026-03-03T10:00:00Z', actor: supervisorFor('fire') });
    expect(sut.step('fire-review')?.assignee).toBeUndefined();
  });
});

describe(claim.name, () => {
  it('puts the step in the clerk’s queue and keeps other clerks from deciding it', () => {
    const sut = inReview();
    sut.send({ type: 'claim', stepId: 'fire-review', at: '2026-03-03T09:00:00Z', actor: alice });

    expect(sut.step('fire-review')).toMatchObject({ assignee: 'alice', assigneeName: 'Alice' });
    expect(
      rejectionReason(sut.ctx, sut.state, {
        type: 'decide',
        stepId: 'fire-review',
        outcome: 'approved',
        at: '2026-03-03T10:00:00Z',
        actor: bob,
      }),
    ).toBe("step 'fire-review' is claimed by 'alice'");
    expect(
      rejectionReason(sut.ctx, sut.state, {
        type: 'claim',
        stepId: 'fire-review',
        at: '2026-03-03T10:00:00Z',
        actor: bob,
      }),
    ).toBe("step 'fire-review' is already claimed by 'alice'");
  });

  it('refuses a claim from another department or on a review group', () => {
    const sut = inReview();

    expect(
      rejectionReason(sut.ctx, sut.state, {
        type: 'claim',
        stepId: 'fire-review',
        at: '2026-03-03T10:00:00Z',
        actor: clerkFor('building'),
      }),
    ).toBe("step 'fire-review' belongs to department 'fire', not 'building'");
    expect(
      rejectionReason(sut.ctx, sut.state, {
        type: 'claim',
        stepId: 'plan-review',
        at: '2026-03-03T10:00:00Z',
        actor: clerkFor('building'),
      }),
    ).toBe("claim a member review of 'plan-review'");
  });
});

describe(reassign.name, () => {
  it('lets a supervisor move work when a reviewer leaves', () => {
    const sut = inReview();
    sut.send({ type: 'claim', stepId: 'fire-review', at: '2026-03-03T09:00:00Z', actor: alice });
    sut.send({
      type: 'reassign',
      stepId: 'fire-review',
      assignee: { id: 'bob' },
      reason: 'Alice on leave',
      at: '2026-03-04T09:00:00Z',
      actor: supervisorFor('fire'),
    });

    expect(sut.step('fire-review').assignee).toBe('bob');
    expect(sut.last[0]).toMatchObject({ event: 'reassigned', data: { from: 'alice', to: 'bob' } });
    sut.decide('fire-review', 'approved', '2026-03-04T10:00:00Z', bob);
  });

  it('lets only the holder among clerks hand a step on', () => {
    const sut = inReview();
    sut.send({ type: 'claim', stepId: 'fire-review', at: '2026-03-03T09:00:00Z', actor: alice });

    expect(
      rejectionReason(sut.ctx, sut.state, {
        type: 'reassign',
        stepId: 'fire-review',
        assignee: { id: 'bob' },
        at: '2026-03-04T09:00:00Z',
        actor: bob,
      }),
    ).toBe("only a supervisor or the current holder may reassign 'fire-review'");
  });
});
