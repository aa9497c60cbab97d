import { DomainError } from '../domain-error';
import { buildingPermitDefinition } from '../definitions';
import { apply } from '../engine/case-engine';
import { CaseDriver, clerkFor } from '../testing/case-driver';
import { checkPublication, latestVersion } from './definition-versions';

const v2 = { ...buildingPermitDefinition, version: 2, title: 'Building permit (2027 rules)' };

describe(checkPublication.name, () => {
  it('accepts a new version and refuses to republish or go backwards', () => {
    expect(checkPublication([buildingPermitDefinition], v2)).toEqual([]);
    expect(checkPublication([buildingPermitDefinition, v2], buildingPermitDefinition)).toEqual([
      "version: 'building-permit' v1 is already published; publish a new version",
      "version: must be above the latest published version 2 of 'building-permit'",
    ]);
  });

  it(`${latestVersion.name} picks the newest version for new cases`, () => {
    expect(latestVersion([v2, buildingPermitDefinition], 'building-permit')).toBe(v2);
    expect(latestVersion([v2], 'land-use')).toBeUndefined();
  });
});

describe('definition snapshots', () => {
  it('keep a running case on the version it started with', () => {
    const sut = CaseDriver.for(buildingPermitDefinition);
    const event = {
      type: 'decide',
      stepId: 'intake',
      outcome: 'complete',
      at: '2026-03-03T09:00:00Z',
      actor: clerkFor('building'),
    } as const;

    expect(() => apply({ ...sut.ctx, definition: v2 }, sut.state, event)).toThrow(
      new DomainError('INVALID_DEFINITION', "case runs 'building-permit' v1, not 'building-permit' v2"),
    );
    expect(sut.state.definitionVersion).toBe(1);
  });
});
