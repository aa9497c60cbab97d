import { buildingPermitDefinition, landUseDefinition } from '../definitions';
import { definitionGraph } from './definition-graph';

describe(definitionGraph.name, () => {
  const sut = definitionGraph(buildingPermitDefinition);

  it('draws the joint review as a group whose members run in parallel', () => {
    const group = sut.steps.find((s) => s.id === 'plan-review');
    expect(group).toMatchObject({ kind: 'parallel', mode: 'all', groupId: null });
    expect(group?.members).toEqual(['building-review', 'fire-review', 'environment-review', 'transport-review']);
    expect(sut.steps.filter((s) => s.groupId === 'plan-review').map((s) => s.id)).toEqual(group?.members);
    expect(sut.steps.find((s) => s.id === 'transport-review')).toMatchObject({ conditional: true });
  });

  it('shows timers with what they do, the start, forks and the routes to outcomes', () => {
    expect(sut.steps.find((s) => s.id === 'intake')).toMatchObject({
      start: true,
      duration: { value: 30, unit: 'calendarDays' },
      onTimeout: { action: 'deemed', outcome: 'complete', effect: 'complete' },
    });
    expect(sut.steps.find((s) => s.id === 'corrections')).toMatchObject({
      clockExcluded: true,
      onTimeout: { action: 'lapse' },
    });
    expect(sut.steps.find((s) => s.id === 'inspection-rework')?.onTimeout).toBeNull();
    expect(sut.edges).toEqual(
      expect.arrayContaining([
        { from: 'decision', to: 'fee', label: 'approved-on-pledge', fork: true },
        { from: 'decision', to: 'pledge-verification', label: 'approved-on-pledge', fork: true },
        { from: 'decision', to: 'status:refused', label: 'refused', fork: false },
        { from: 'issuance', to: 'status:approved', label: 'issued', fork: true },
        { from: 'issuance', to: 'inspection', label: 'issued', fork: true },
        { from: 'pledge-verification', to: 'end', label: 'verified', fork: false },
        { from: 'status:refused', to: 'appeal-review', label: 'appeal', fork: false },
      ]),
    );
    expect(sut.outcomes.sort()).toEqual(['approved', 'refused', 'revoked']);
  });

  it("carries the case's statutory clock", () => {
    expect(definitionGraph(landUseDefinition).caseClock).toEqual({
      duration: { value: 56, unit: 'calendarDays' },
      durationRules: 2,
      startsAfter: 'validation',
    });
  });
});
