import { buildingPermitDefinition, gridConnectionDefinition, landUseDefinition } from '@onewindow/domain';
import { applicant, CaseRun, clerk, contextOf, inSeconds, supervisor } from '../support/case-run';
import { issueBuildingPermit } from '../support/case-drivers';
import { startTestEnv, TestEnv } from '../support/test-env';

/** Every timer-driven mechanism, on the real server, with the built-in definitions' durations in seconds. */
describe('timer-driven mechanisms on the real Temporal server', () => {
  let env: TestEnv;
  beforeAll(async () => {
    env = await startTestEnv();
  });
  afterAll(() => env?.close());

  const permit = contextOf(inSeconds(buildingPermitDefinition, 3));
  const step = (run: CaseRun, id: string) => run.state().then((s) => s.activeSteps.find((a) => a.stepId === id));

  it('deems the completeness check complete when intake is not decided in time, then escalates a breached review', async () => {
    const run = await CaseRun.start(env, permit);
    // What the applicant and the auditor see is the recorded transition, so wait for that.
    expect(await run.recorded('timer.deemed-complete', 'intake')).toMatchObject({
      source: 'timer',
      actorRole: 'system',
    });
    expect(await run.recorded('timer.escalated', 'plan-review')).toMatchObject({ source: 'timer' });
    expect((await step(run, 'plan-review'))?.escalated).toBe(true);
    await run.handle.terminate('test done');
  });

  async function atDecision(): Promise<CaseRun> {
    const run = await CaseRun.start(env, permit);
    await run.act({ type: 'decide', stepId: 'intake', outcome: 'complete', actor: clerk('building') });
    for (const department of ['building', 'fire', 'environment']) {
      await run.act({ type: 'decide', stepId: `${department}-review`, outcome: 'approved', actor: clerk(department) });
    }
    return run;
  }

  it('deems the decision approved when its clock runs out after the applicant gave notice', async () => {
    const run = await atDecision();
    await run.act({ type: 'give-notice', stepId: 'decision', actor: applicant });
    expect((await run.state()).activeSteps.map((a) => a.stepId)).toContain('decision');
    expect(await run.recorded('timer.deemed-approved', 'decision')).toMatchObject({
      source: 'timer',
      actorRole: 'system',
    });
    expect((await run.state()).activeSteps.map((a) => a.stepId)).toContain('fee');
    await run.handle.terminate('test done');
  });

  it('escalates instead of deeming approval without notice, and approves at once when notice follows the breach', async () => {
    const run = await atDecision();
    await run.waitFor((s) => s.activeSteps.some((a) => a.stepId === 'decision' && a.escalated), 'escalation');
    expect((await run.state()).status).toBe('in_progress');

    const noticed = await run.act({ type: 'give-notice', stepId: 'decision', actor: applicant });
    expect(noticed.activeSteps.map((a) => a.stepId)).toContain('fee');
    expect(await run.recorded('deemed-approved', 'decision')).toMatchObject({ source: 'api' });
    await run.handle.terminate('test done');
  });

  it('lapses the case when documents missing at acceptance are not delivered by the deadline', async () => {
    const run = await CaseRun.start(env, permit);
    await run.act({
      type: 'accept-with-missing',
      stepId: 'intake',
      items: [{ id: 'soil-report', description: 'Geotechnical soil report' }],
      actor: clerk('building'),
    });
    expect((await run.state()).missingDocuments).toMatchObject({ status: 'open', outstanding: ['soil-report'] });
    const final = await run.handle.result();
    expect(final.status).toBe('lapsed');
    await run.recorded('timer.lapsed');
  });

  it('clears the missing-documents deadline when the document is verified', async () => {
    const slowDeadline = contextOf({
      ...permit.definition,
      steps: permit.definition.steps.map((s) =>
        s.id === 'intake' && s.kind === 'task' && s.missingDocuments
          ? {
              ...s,
              duration: { value: 60, unit: 'seconds' },
              missingDocuments: { ...s.missingDocuments, deadline: { value: 4, unit: 'seconds' } },
            }
          : s,
      ),
    });
    const run = await CaseRun.start(env, slowDeadline);
    await run.act({
      type: 'accept-with-missing',
      stepId: 'intake',
      items: [{ id: 'soil-report', description: 'Geotechnical soil report' }],
      actor: clerk('building'),
    });
    await run.signal({ type: 'document-verified', itemId: 'soil-report', actor: clerk('building') });
    const fulfilled = await run.waitFor(
      (s) => s.missingDocuments?.status === 'fulfilled',
      'the notice to be fulfilled',
    );
    // Nothing is left that could lapse the case: the missing-documents deadline is no longer pending.
    expect(fulfilled.timers.map((t) => t.kind)).not.toContain('missing-documents');
    expect(fulfilled.status).not.toBe('lapsed');
    await run.handle.terminate('test done');
  });

  it('stops the completeness clock while the applicant answers an itemised request, and restarts it on resubmittal', async () => {
    const run = await CaseRun.start(env, contextOf(inSeconds(buildingPermitDefinition, 3)));
    const asked = await run.act({
      type: 'request-information',
      stepId: 'intake',
      items: [{ id: 'site-plan', description: 'Site plan at 1:500' }],
      actor: clerk('building'),
    });
    expect(asked.status).toBe('awaiting_applicant');
    // The clock is stopped: no deadline of the intake step is pending while the applicant works.
    const waiting = await run.state();
    expect(waiting.timers.filter((t) => t.stepId === 'intake')).toEqual([]);
    expect((await step(run, 'intake'))?.state).toBe('awaiting_applicant');

    const answeredAt = Date.now();
    const answered = await run.act({ type: 'answer-information', stepId: 'intake', actor: applicant });
    const intake = answered.activeSteps.find((a) => a.stepId === 'intake');
    expect(answered.status).toBe('in_progress');
    // A full new period from the resubmittal.
    expect(Date.parse(intake!.dueAt!)).toBeGreaterThanOrEqual(answeredAt + 2_500);

    // Exhaustive list: a later request may not add new items.
    await expect(
      run.act({
        type: 'request-information',
        stepId: 'intake',
        items: [{ id: 'noise-study', description: 'Noise study' }],
        actor: clerk('building'),
      }),
    ).rejects.toMatchObject({ cause: { message: expect.stringMatching(/noise-study|exhaustive|new item/i) } });
    await run.handle.terminate('test done');
  });

  it('moves a due date only when the applicant accepts the proposed extension', async () => {
    const run = await CaseRun.start(env, contextOf(inSeconds(buildingPermitDefinition, 20)));
    const before = (await step(run, 'intake'))!.dueAt!;
    const proposed = await run.act({
      type: 'propose-extension',
      stepId: 'intake',
      by: { value: 30, unit: 'seconds' },
      reason: 'Complex site',
      actor: supervisor,
    });
    expect(proposed.activeSteps.find((a) => a.stepId === 'intake')!.dueAt).toBe(before);
    const extensionId = proposed.extensions[0].id;
    const accepted = await run.act({ type: 'accept-extension', extensionId, actor: applicant });
    const after = accepted.activeSteps.find((a) => a.stepId === 'intake')!.dueAt!;
    expect(Date.parse(after) - Date.parse(before)).toBe(30_000);
    await run.handle.terminate('test done');
  });

  it('keeps a refused case open for appeal until the window closes', async () => {
    const run = await CaseRun.start(env, contextOf(inSeconds(landUseDefinition, 3)));
    await run.act({ type: 'decide', stepId: 'validation', outcome: 'valid', actor: clerk('planning') });
    await run.waitFor((s) => s.activeSteps.some((a) => a.stepId === 'assessment'), 'the consultation period to elapse');
    await run.act({ type: 'decide', stepId: 'assessment', outcome: 'recommend-refusal', actor: clerk('planning') });
    const refused = await run.act({ type: 'decide', stepId: 'determination', outcome: 'refused', actor: supervisor });
    expect(refused.status).toBe('refused');
    expect(refused.appealDeadline).toEqual(expect.any(String));
    const final = await run.handle.result();
    expect(final.status).toBe('refused');
    await run.recorded('timer.appeal-window-closed');
  });

  it("excludes the customer's own design time from the grid connection's statutory clock", async () => {
    const run = await CaseRun.start(env, contextOf(inSeconds(gridConnectionDefinition, 20)), { loadKw: 8000 });
    await run.act({ type: 'decide', stepId: 'supply-plan', outcome: 'issued', actor: clerk('grid-utility') });
    const designing = await run.state();
    expect(designing.caseClock?.pausedAt).toEqual(expect.any(String));
    const resumed = await run.act({
      type: 'decide',
      stepId: 'customer-design',
      outcome: 'submitted',
      actor: applicant,
    });
    expect(resumed.caseClock?.pausedAt).toBeUndefined();
    // The due date moved by exactly the time the customer spent on its design.
    const design = resumed.caseClock!.pauses.at(-1)!;
    const designTime = Date.parse(design.to!) - Date.parse(design.from);
    expect(designTime).toBeGreaterThan(0);
    expect(Date.parse(resumed.caseClock!.dueAt) - Date.parse(designing.caseClock!.dueAt)).toBe(designTime);
    await run.handle.terminate('test done');
  });

  it('keeps the case running while its permit is in force, and expires the permit at the end of its validity', async () => {
    const shortLived = {
      ...inSeconds(buildingPermitDefinition, 30),
      notices: buildingPermitDefinition.notices?.map((n) =>
        n.kind === 'permit' ? { ...n, validFor: { value: 4, unit: 'seconds' as const } } : n,
      ),
    };
    const run = await CaseRun.start(env, contextOf(shortLived));
    await issueBuildingPermit(run);
    expect((await run.handle.describe()).status.name).toBe('RUNNING');

    expect(await run.recorded('document.expired')).toMatchObject({ source: 'timer', actorRole: 'system' });
    const final = await run.handle.result();
    expect(final.issued?.find((d) => d.kind === 'permit')).toMatchObject({ status: 'expired' });
    const [row] = await env.db.query<{ status: string }[]>(
      `SELECT status FROM issued_documents WHERE request_id = $1 AND kind = 'permit'`,
      [run.requestId],
    );
    expect(row.status).toBe('expired');
  });
});
