import { gridConnectionDefinition, landUseDefinition } from '@onewindow/domain';
import { applicant, CaseRun, clerk, contextOf, inSeconds, supervisor } from '../support/case-run';
import { approveLandUse, energiseGridConnection } from '../support/case-drivers';
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
    await approveLandUse(run, 'major');
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
    await energiseGridConnection(run, true);
    const final = await run.handle.result();
    expect(final.status).toBe('approved');
    const recorded = await run.transitions();
    expect(recorded.map((t) => t.seq)).toEqual(recorded.map((_, i) => i + 1));
    // Both design reviews opened together: parallel, not one after the other.
    const opened = recorded.filter(
      (t) => t.event === 'activated' && ['electrical-design-review', 'protection-review'].includes(t.stepId ?? ''),
    );
    expect(opened).toHaveLength(2);
    expect(opened[0].occurredAt).toEqual(opened[1].occurredAt);
    expect(recorded.filter((t) => t.source === 'external').map((t) => t.stepId)).toEqual(
      expect.arrayContaining(['mid-construction-check', 'completion-check']),
    );
  });
});
