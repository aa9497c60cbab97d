import { buildingPermitDefinition } from '@onewindow/domain';
import { applicant, CaseDriver, clerkFor } from '../../../../../libs/domain/src/testing/case-driver';
import { legalActions } from './legal-actions';

describe(legalActions.name, () => {
  const at = '2026-03-02T10:00:00Z';
  const start = () => CaseDriver.for(buildingPermitDefinition, { floorAreaM2: 1200 });

  it('offers the owning department the outcomes of its step, and another department nothing on it', () => {
    const sut = start();
    const building = legalActions(sut.ctx, sut.state, clerkFor('building'), at);
    expect(building).toContainEqual({
      type: 'decide',
      stepId: 'intake',
      outcomes: expect.arrayContaining(['complete']),
    });
    expect(building).toContainEqual({ type: 'request-information', stepId: 'intake' });
    const fire = legalActions(sut.ctx, sut.state, clerkFor('fire'), at);
    expect(fire.filter((a) => a.stepId === 'intake')).toEqual([]);
  });

  it('lets the applicant withdraw an open case but not decide a clerk’s step', () => {
    const sut = start();
    const offered = legalActions(sut.ctx, sut.state, applicant, at);
    expect(offered).toContainEqual({ type: 'withdraw' });
    expect(offered.some((a) => a.type === 'decide')).toBe(false);
    expect(offered.some((a) => a.type === 'appeal')).toBe(false);
  });

  it('offers nothing once the case is withdrawn', () => {
    const sut = start().send({ type: 'withdraw', actor: applicant, at });
    expect(legalActions(sut.ctx, sut.state, applicant, '2026-03-02T11:00:00Z')).toEqual([]);
    expect(legalActions(sut.ctx, sut.state, clerkFor('building'), '2026-03-02T11:00:00Z')).toEqual([]);
  });
});
