import { CaseAuditor, parseCase, reconstruct } from '@onewindow/audit';
import type { RecordActivities } from '@onewindow/contracts';
import { buildingPermitDefinition, CaseState, CURRENT_ENGINE_RULES } from '@onewindow/domain';
import { AuditLogRepository, RequestEntity, TransitionEntity } from '@onewindow/persistence';
import { join } from 'node:path';
import { HISTORIES_DIR, loadRecordedHistories } from '../replay/recorded-history';
import { issueBuildingPermit } from '../support/case-drivers';
import { CaseRun, contextOf } from '../support/case-run';
import { startTestEnv, TestEnv } from '../support/test-env';

/**
 * A permit case the engine decided before issued permits had a lifecycle (its workflow history as that engine
 * wrote it, saved with the replay histories): after the upgrade the auditor must still find it as it was
 * recorded, and a case started now, whose permit expires by a timer, just as clean.
 */
const BEFORE_PERMIT_LIFECYCLE = join(HISTORIES_DIR, 'before-permit-lifecycle');

describe(`${CaseAuditor.name} across engine rules`, () => {
  let env: TestEnv;
  let record: RecordActivities;
  let sut: CaseAuditor;

  beforeAll(async () => {
    env = await startTestEnv({
      wrap: (real) => {
        record = real;
        return real;
      },
    });
    sut = new CaseAuditor(new AuditLogRepository(env.db), env.client);
  });

  afterAll(() => env?.close());

  it('finds a permit case decided before permits had a lifecycle as it was recorded: approved, no expiry timer', async () => {
    const [old] = (await loadRecordedHistories(BEFORE_PERMIT_LIFECYCLE)).filter(
      (h) => h.scenario === 'building-permit-issued',
    );
    const parsed = parseCase(old.workflowId, [{ runId: old.scenario, history: old.history }]);
    const runs = [{ runId: parsed.batches[0].batch.runId, history: old.history }];
    // The log and read model as that engine's workflow wrote them, through the same recording activity.
    for (const { batch } of parsed.batches) await record.recordTransitions(batch);
    const requestId = parsed.input.submission.requestId;
    const row = await env.db.getRepository(RequestEntity).findOneByOrFail({ id: requestId });
    const recorded = row.state as CaseState;
    expect(recorded.issued).toContainEqual(expect.objectContaining({ kind: 'permit' }));
    expect(recorded.timers).toEqual([]);

    const report = await sut.verify(requestId, runs);

    expect(report).toMatchObject({ status: 'approved', issues: [], ok: true });
    expect(reconstruct(parsed).state.timers).toEqual([]);
  });

  it('finds a permit case started now clean, with the permit in force and its expiry pending', async () => {
    const run = await CaseRun.start(env, contextOf(buildingPermitDefinition), { floorAreaM2: 1200 });
    await issueBuildingPermit(run);
    const state = await run.waitFor((s) => s.issued?.some((d) => d.kind === 'permit') ?? false, 'the permit');
    const permit = state.issued!.find((d) => d.kind === 'permit')!;
    await run.recorded('document.issued', 'issuance');

    const report = await sut.verify(run.requestId);

    expect(state.engineRules).toBe(CURRENT_ENGINE_RULES);
    expect(state.timers).toEqual([
      expect.objectContaining({ kind: 'document-expiry', documentId: permit.documentId, dueAt: permit.validUntil }),
    ]);
    expect(report).toMatchObject({ status: 'approved', issues: [], ok: true });
    const submitted = await env.db
      .getRepository(TransitionEntity)
      .findOneByOrFail({ requestId: run.requestId, seq: 1 });
    expect(submitted.data).toMatchObject({ engineRules: CURRENT_ENGINE_RULES });
  });
});
