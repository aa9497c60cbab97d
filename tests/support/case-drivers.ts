import { applicant, CaseRun, clerk, supervisor } from './case-run';

/** Each built-in process driven along its approving path, as clerks and the applicant would. */

export async function approveLandUse(
  run: CaseRun,
  development: 'major' | 'minor',
  { validated = false } = {},
): Promise<void> {
  if (!validated) await run.act({ type: 'decide', stepId: 'validation', outcome: 'valid', actor: clerk('planning') });
  await run.recorded('timer.elapsed', 'consultation');
  await run.act({ type: 'decide', stepId: 'assessment', outcome: 'recommend-approval', actor: clerk('planning') });
  if (development === 'major')
    await run.act({ type: 'decide', stepId: 'committee', outcome: 'resolved', actor: supervisor });
  await run.act({
    type: 'decide',
    stepId: 'determination',
    outcome: 'approved',
    conditions: ['Landscaping plan before occupation'],
    actor: supervisor,
  });
}

export async function issueBuildingPermit(run: CaseRun): Promise<void> {
  await run.act({ type: 'decide', stepId: 'intake', outcome: 'complete', actor: clerk('building') });
  for (const department of ['building', 'fire', 'environment']) {
    await run.act({ type: 'decide', stepId: `${department}-review`, outcome: 'approved', actor: clerk(department) });
  }
  await run.act({ type: 'decide', stepId: 'decision', outcome: 'approved', actor: supervisor });
  await run.signal({ type: 'payment-confirmed', stepId: 'fee', reference: 'PAY-1', actor: clerk('finance') });
  await run.waitFor((s) => s.activeSteps.some((a) => a.stepId === 'issuance'), 'issuance');
  await run.act({ type: 'decide', stepId: 'issuance', outcome: 'issued', actor: clerk('building') });
}

/** A supervisor revokes the permit a case issued: nothing is then left for its workflow to wait on. */
export async function revokePermit(run: CaseRun, documentId = 'permit-1'): Promise<void> {
  await run.act({ type: 'revoke-document', documentId, reason: 'Works not started', actor: supervisor });
}

/** `withProtectionReview`: the load is large enough for the dispatch centre's review too. */
export async function energiseGridConnection(run: CaseRun, withProtectionReview: boolean): Promise<void> {
  await run.act({ type: 'decide', stepId: 'supply-plan', outcome: 'issued', actor: clerk('grid-utility') });
  await run.act({ type: 'decide', stepId: 'customer-design', outcome: 'submitted', actor: applicant });
  await run.act({
    type: 'decide',
    stepId: 'electrical-design-review',
    outcome: 'approved',
    actor: clerk('grid-utility'),
  });
  if (withProtectionReview) {
    await run.act({ type: 'decide', stepId: 'protection-review', outcome: 'approved', actor: clerk('grid-dispatch') });
  }
  await run.act({ type: 'decide', stepId: 'construction', outcome: 'ready-for-check', actor: applicant });
  await run.signal({
    type: 'inspection-result',
    stepId: 'mid-construction-check',
    passed: true,
    actor: clerk('grid-utility'),
  });
  await run.waitFor(
    (s) => s.activeSteps.some((a) => a.stepId === 'construction-completion'),
    'construction completion',
  );
  await run.act({ type: 'decide', stepId: 'construction-completion', outcome: 'completed', actor: applicant });
  await run.signal({
    type: 'inspection-result',
    stepId: 'completion-check',
    passed: true,
    actor: clerk('grid-utility'),
  });
  await run.waitFor((s) => s.activeSteps.some((a) => a.stepId === 'metering-energisation'), 'metering');
  await run.act({
    type: 'decide',
    stepId: 'metering-energisation',
    outcome: 'energised',
    actor: clerk('grid-utility'),
  });
}
