import { gridConnectionDefinition, landUseDefinition } from '@onewindow/domain';
import { applicant, CaseRun, clerk, contextOf, inSeconds, supervisor } from '../support/case-run';
import { startTestEnv, TestEnv } from '../support/test-env';

/** The built-in land-use and grid-connection processes end to end (the permit has its own test). */
describe('built-in definitions on the real Temporal server', () => {
  let env: TestEnv;
  beforeAll(async () => {
    env = await startTestEnv();
  });
  afterAll(() => env?.close());

  it('carries a major land-use application through consultation, committee and determination', async () => {
    const run = await CaseRun.start(env, contextOf(inSeconds(landUseDefinition, 3)), { development: 'major' });
    await run.act({ type: 'decide', stepId: 'validation', outcome: 'valid', actor: clerk('planning') });
    // The consultation period closes by itself when its time is up.
    await run.recorded('timer.elapsed', 'consultation');
    await run.act({ type: 'decide', stepId: 'assessment', outcome: 'recommend-approval', actor: clerk('planning') });
    const atCommittee = await run.state();
    expect(run.activeStepIds(atCommittee)).toEqual(['committee']);
    await run.act({ type: 'decide', stepId: 'committee', outcome: 'resolved', actor: supervisor });
    await run.act({
      type: 'decide',
      stepId: 'determination',
      outcome: 'approved',
      conditions: ['Landscaping plan before occupation'],
      actor: supervisor,
    });
    const final = await run.handle.result();
    expect(final.status).toBe('approved');
    expect(final.conditions.map((c) => c.text)).toEqual(['Landscaping plan before occupation']);
    const events = (await run.transitions()).map((t) => `${t.stepId ?? 'case'}:${t.event}`);
    expect(events).toEqual(
      expect.arrayContaining(['validation:decided', 'committee:decided', 'determination:decided']),
    );
  });

  it('skips the committee for a minor application and hears an appeal after refusal', async () => {
    const run = await CaseRun.start(env, contextOf(inSeconds(landUseDefinition, 3)), { development: 'minor' });
    await run.act({ type: 'decide', stepId: 'validation', outcome: 'valid', actor: clerk('planning') });
    await run.recorded('timer.elapsed', 'consultation');
    await run.act({ type: 'decide', stepId: 'assessment', outcome: 'recommend-refusal', actor: clerk('planning') });
    expect(run.activeStepIds(await run.state())).toEqual(['determination']);
    await run.act({
      type: 'decide',
      stepId: 'determination',
      outcome: 'refused',
      reason: 'Overbearing',
      actor: supervisor,
    });
    const appealed = await run.act({ type: 'appeal', grounds: 'The design was amended', actor: applicant });
    expect(appealed.status).toBe('under_appeal');
    await run.act({ type: 'decide', stepId: 'appeal', outcome: 'allowed', actor: clerk('planning-inspectorate') });
    expect((await run.handle.result()).status).toBe('approved');
  });

  it('connects a large industrial load to the grid through every stage, with parallel design review', async () => {
    const run = await CaseRun.start(env, contextOf(inSeconds(gridConnectionDefinition, 30)), {
      loadKw: 24000,
      supplySource: 'dual',
    });
    await run.act({ type: 'decide', stepId: 'supply-plan', outcome: 'issued', actor: clerk('grid-utility') });
    await run.act({ type: 'decide', stepId: 'customer-design', outcome: 'submitted', actor: applicant });
    expect(run.activeStepIds(await run.state())).toEqual(
      expect.arrayContaining(['electrical-design-review', 'protection-review']),
    );
    await run.act({
      type: 'decide',
      stepId: 'electrical-design-review',
      outcome: 'approved',
      actor: clerk('grid-utility'),
    });
    await run.act({ type: 'decide', stepId: 'protection-review', outcome: 'approved', actor: clerk('grid-dispatch') });
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
    const final = await run.handle.result();
    expect(final.status).toBe('approved');
    const recorded = await run.transitions();
    expect(recorded.map((t) => t.seq)).toEqual(recorded.map((_, i) => i + 1));
    expect(recorded.filter((t) => t.source === 'external').map((t) => t.stepId)).toEqual(
      expect.arrayContaining(['mid-construction-check', 'completion-check']),
    );
  });
});
