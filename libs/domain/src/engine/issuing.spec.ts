import { buildingPermitDefinition } from '../definitions';
import { textIn } from '../text/localized-text';
import { CaseDriver, clerkFor, supervisorFor, system } from '../testing/case-driver';
import { rejectionReason } from './case-engine';
import { validateDefinition } from '../definition/definition-validator';
import { issueDeclaredDocuments, issueEventNotices } from './issuing';

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
    expect(sut.state.issued?.map((d) => d.documentId)).toEqual(['receipt-1', 'decision-notice-1']);
  });

  it('carries the standard conditions a decision chose, in every language, so each rendition prints its own', () => {
    const sprinklers = buildingPermitDefinition.standardConditions!.find((c) => c.key === 'sprinklers')!;
    const sut = reviewedPermit();
    sut.decide('decision', 'approved', '2026-03-04T10:00:00Z', supervisorFor('building'), {
      conditions: [
        { text: textIn(sprinklers.text, 'en'), reason: textIn(sprinklers.reason, 'en'), standard: 'sprinklers' },
        { text: 'Own words', reason: 'Own reason' },
      ],
    });

    const notice = sut.last.find((t) => t.event === 'document.issued');
    expect(notice?.data?.standardConditions).toEqual([sprinklers]);
    expect(sut.state.conditions.map((c) => c.standard)).toEqual(['sprinklers', undefined]);
  });

  it('carries no standard conditions when the decision chose none', () => {
    const sut = reviewedPermit();
    sut.decide('decision', 'approved', '2026-03-04T10:00:00Z', supervisorFor('building'), { conditions: [SPRINKLERS] });
    expect(sut.last.find((t) => t.event === 'document.issued')?.data).not.toHaveProperty('standardConditions');
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

describe(issueEventNotices.name, () => {
  const clerk = clerkFor('building');
  const items = [
    { id: 'soil', description: 'Geotechnical soil report' },
    { id: 'fire', description: 'Fire strategy, revision B' },
  ];

  it('issues the receipt on submission, after the submission and the first step', () => {
    const sut = CaseDriver.for(buildingPermitDefinition, { floorAreaM2: 1200 }, '2026-03-02T09:00:00Z');

    expect(sut.last.map((t) => t.event)).toEqual(['submitted', 'activated', 'document.issued']);
    expect(sut.last[2]).toMatchObject({ stepId: null, outcome: 'submitted', data: { kind: 'receipt' } });
  });

  it('issues one correction notice listing every item asked for, with the reason', () => {
    const sut = CaseDriver.for(buildingPermitDefinition, { floorAreaM2: 1200 }, '2026-03-02T09:00:00Z');
    sut.send({
      type: 'request-information',
      stepId: 'intake',
      items,
      reason: 'Incomplete application',
      at: '2026-03-03T09:00:00Z',
      actor: clerk,
    });

    const notices = sut.last.filter((t) => t.event === 'document.issued');
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatchObject({
      stepId: 'intake',
      data: { documentId: 'information-notice-1', kind: 'information-notice', items, reason: 'Incomplete application' },
    });
  });

  it('issues the notice of missing documents with every item and the deadline to supply them', () => {
    const sut = CaseDriver.for(buildingPermitDefinition, { floorAreaM2: 1200 }, '2026-03-02T09:00:00Z');
    sut.send({ type: 'accept-with-missing', stepId: 'intake', items, at: '2026-03-03T09:00:00Z', actor: clerk });

    const notice = sut.last.find((t) => t.event === 'document.issued');
    expect(notice?.data).toMatchObject({
      kind: 'information-notice',
      items,
      deadlineAt: sut.state.missingDocuments?.deadlineAt,
    });
  });

  it('issues the extension notice when the applicant agrees to it, with the new due date and its reason', () => {
    const sut = reviewedPermit();
    sut.send({
      type: 'propose-extension',
      stepId: 'decision',
      by: { value: 10, unit: 'workingDays' },
      reason: 'Awaiting the fire service',
      at: '2026-03-04T09:00:00Z',
      actor: supervisorFor('building'),
    });
    expect(sut.last.some((t) => t.event === 'document.issued')).toBe(false);
    sut.send({
      type: 'accept-extension',
      extensionId: sut.state.extensions[0].id,
      at: '2026-03-04T10:00:00Z',
      actor: sut.state.applicant,
    });

    const notice = sut.last.find((t) => t.event === 'document.issued');
    expect(notice?.data).toMatchObject({
      kind: 'extension-notice',
      dueAt: sut.step('decision').dueAt,
      reason: 'Awaiting the fire service',
    });
  });

  it('keeps definitions that declare notices on steps valid, and refuses one naming an event and a step', () => {
    expect(validateDefinition(buildingPermitDefinition).ok).toBe(true);
    const both = {
      ...buildingPermitDefinition,
      notices: [{ kind: 'receipt', on: 'submitted', step: 'intake' }],
    };
    const unknown = { ...buildingPermitDefinition, notices: [{ kind: 'receipt', on: 'received' }] };
    expect(validateDefinition(both)).toMatchObject({ ok: false });
    expect(validateDefinition(unknown)).toMatchObject({ ok: false });
  });
});
