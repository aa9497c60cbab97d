import { buildingPermitDefinition } from '../definitions';
import { CaseDriver, supervisorFor, system } from '../testing/case-driver';
import { rejectionReason } from './case-engine';
import { issueDeclaredDocuments } from './issuing';

const SPRINKLERS = { text: 'Sprinklers before occupation', reason: 'Lithium battery storage', policy: 'IFC 903.2' };

function reviewedPermit() {
  const sut = CaseDriver.for(buildingPermitDefinition, { floorAreaM2: 1200 }, '2026-03-02T09:00:00Z');
  sut.decide('intake', 'complete', '2026-03-02T10:00:00Z');
  for (const review of ['building-review', 'fire-review', 'environment-review']) {
    sut.decide(review, 'approved', '2026-03-03T10:00:00Z');
  }
  return sut;
}

describe(issueDeclaredDocuments.name, () => {
  it('issues the decision notice with the decision, and records conditions, informatives and reasons as data', () => {
    const sut = reviewedPermit();
    sut.decide('decision', 'approved', '2026-03-04T10:00:00Z', supervisorFor('building'), {
      reason: 'Meets the code',
      conditions: [SPRINKLERS],
      informatives: ['Advertisements need separate consent'],
    });

    const [decided, issued] = sut.last;
    expect(decided).toMatchObject({
      event: 'decided',
      conditions: [SPRINKLERS],
      data: { informatives: ['Advertisements need separate consent'] },
    });
    expect(issued).toMatchObject({
      event: 'document.issued',
      stepId: 'decision',
      outcome: 'approved',
      data: { documentId: 'decision-notice-1', kind: 'decision-notice' },
    });
    expect(sut.state.conditions).toEqual([{ ...SPRINKLERS, stepId: 'decision', at: '2026-03-04T10:00:00Z' }]);
    expect(sut.state.issued?.map((d) => d.documentId)).toEqual(['decision-notice-1']);
  });

  it('issues the permit when it is issued, valid for the period the definition gives', () => {
    const sut = reviewedPermit();
    sut.decide('decision', 'approved', '2026-03-04T10:00:00Z', supervisorFor('building'), { conditions: [SPRINKLERS] });
    sut.send({
      type: 'payment-confirmed',
      stepId: 'fee',
      reference: 'PAY-1',
      at: '2026-03-05T10:00:00Z',
      actor: system,
    });
    sut.decide('issuance', 'issued', '2026-03-06T10:00:00Z');

    const permit = sut.last.find((t) => t.event === 'document.issued');
    expect(permit?.data).toMatchObject({ documentId: 'permit-1', kind: 'permit' });
    expect(String(permit?.data?.validUntil)).toMatch(/^2029-03-0[5-9]/);
    expect(sut.state.status).toBe('approved');
  });

  it('records the reasons of a refusal, one by one, on its decision notice', () => {
    const sut = reviewedPermit();
    sut.decide('decision', 'refused', '2026-03-04T10:00:00Z', supervisorFor('building'), {
      refusalReasons: ['Height exceeds the plan', 'No fire access'],
    });

    expect(sut.last[0].data).toEqual({ refusalReasons: ['Height exceeds the plan', 'No fire access'] });
    expect(sut.last.find((t) => t.event === 'document.issued')?.outcome).toBe('refused');
  });

  it('refuses a condition without its reason, and still reads conditions recorded as plain text', () => {
    const sut = reviewedPermit();
    const decide = (conditions: unknown[]) =>
      rejectionReason(sut.ctx, sut.state, {
        type: 'decide',
        stepId: 'decision',
        outcome: 'approved',
        conditions,
        at: '2026-03-04T10:00:00Z',
        actor: supervisorFor('building'),
      } as never);

    expect(decide([{ text: 'Sprinklers' }])).toMatch(/decide.conditions/);
    expect(decide(['Sprinklers before occupation'])).toBeNull();
  });
});
