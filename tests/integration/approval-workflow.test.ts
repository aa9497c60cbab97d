import {
  actUpdate,
  approvalWorkflowId,
  caseStateQuery,
  externalEventSignal,
  RecordActivities,
} from '@onewindow/contracts';
import { Actor, buildingPermitDefinition, builtInCalendar, CaseEvent, ProcessContext } from '@onewindow/domain';
import { CaseAuditor, fetchRuns, parseCase } from '@onewindow/audit';
import { AuditLogRepository, RequestEntity, TransitionEntity } from '@onewindow/persistence';
import type { approvalWorkflow } from '@onewindow/workflows';
import { WithStartWorkflowOperation, WorkflowHandle, WorkflowUpdateFailedError } from '@temporalio/client';
import { Context } from '@temporalio/activity';
import { randomUUID } from 'node:crypto';
import { submissionOf } from '../support/case-run';
import { eventually, startTestEnv, TestEnv } from '../support/test-env';

const ctx: ProcessContext = {
  definition: buildingPermitDefinition,
  calendar: builtInCalendar(buildingPermitDefinition.jurisdiction)!,
};
const applicant: Actor = { id: 'acme-battery', role: 'applicant' };
const clerk = (department: string): Actor => ({ id: `clerk-${department}`, role: 'clerk', department });
const supervisor: Actor = { id: 'supervisor', role: 'supervisor' };
const finance: Actor = { id: 'payments', role: 'system', department: 'finance' };

type Draft = CaseEvent extends infer E ? (E extends CaseEvent ? Omit<E, 'at'> : never) : never;

describe('approval workflow on the real Temporal server', () => {
  let env: TestEnv;
  /** Requests whose recordings fail once after their commit, and the attempts each recording took. */
  const flaky = new Map<string, number[]>();

  beforeAll(async () => {
    // As if the worker lost its connection after the database committed but before Temporal heard
    // back: the retry must not record anything twice.
    env = await startTestEnv({
      wrap: (real): RecordActivities => ({
        async recordTransitions(batch) {
          const result = await real.recordTransitions(batch);
          const attempts = flaky.get(batch.request.requestId);
          if (!attempts) return result;
          const { attempt } = Context.current().info;
          attempts.push(attempt);
          if (attempt === 1) throw new Error('connection lost after commit');
          return result;
        },
      }),
    });
  });

  afterAll(() => env?.close());

  let auditor: CaseAuditor;
  beforeAll(() => {
    auditor = new CaseAuditor(new AuditLogRepository(env.db), env.client);
  });

  async function submit(attributes: Record<string, number> = {}, requestId = randomUUID()) {
    const handle = await env.client.workflow.start<typeof approvalWorkflow>('approvalWorkflow', {
      taskQueue: env.taskQueue,
      workflowId: approvalWorkflowId(requestId),
      args: [{ ctx, submission: submissionOf(requestId, attributes), title: 'Hall A' }],
    });
    return { requestId, handle };
  }

  const act = (handle: WorkflowHandle, event: Draft) =>
    handle.executeUpdate(actUpdate, {
      args: [{ event: { ...event, at: new Date().toISOString() }, source: 'api' }],
    });

  const transitionsOf = (requestId: string) =>
    env.db.getRepository(TransitionEntity).find({ where: { requestId }, order: { seq: 'ASC' } });

  it('carries a building permit from intake through joint review to issuance and revocation, recording every transition once', async () => {
    const { requestId, handle } = await submit({ floorAreaM2: 1200 });

    await act(handle, { type: 'decide', stepId: 'intake', outcome: 'complete', actor: clerk('building') });
    const inReview = await handle.query(caseStateQuery);
    expect(inReview.activeSteps.map((s) => s.stepId).sort()).toEqual(
      expect.arrayContaining(['building-review', 'environment-review', 'fire-review']),
    );

    for (const department of ['building', 'fire', 'environment']) {
      await act(handle, {
        type: 'decide',
        stepId: `${department}-review`,
        outcome: 'approved',
        actor: clerk(department),
      });
    }
    await act(handle, {
      type: 'decide',
      stepId: 'decision',
      outcome: 'approved',
      reason: 'Complies with the building code',
      conditions: ['Sprinklers in hall A before occupation'],
      actor: supervisor,
    });
    await handle.signal(externalEventSignal, {
      type: 'payment-confirmed',
      stepId: 'fee',
      reference: 'PAY-1',
      at: new Date().toISOString(),
      actor: finance,
    });
    await eventually(
      async () =>
        (await handle.query(caseStateQuery)).activeSteps.some((s) => s.stepId === 'issuance') ? true : undefined,
      'issuance to become active',
    );
    await act(handle, { type: 'decide', stepId: 'issuance', outcome: 'issued', actor: clerk('building') });

    // The permit is in force, so the case still answers for it; once revoked, nothing is left to wait for.
    expect((await handle.describe()).status.name).toBe('RUNNING');
    await act(handle, {
      type: 'revoke-document',
      documentId: 'permit-1',
      reason: 'Works started before the fire strategy was approved',
      actor: supervisor,
    });
    const final = await handle.result();
    expect(final.status).toBe('approved');
    expect(final.issued?.find((d) => d.documentId === 'permit-1')).toMatchObject({ status: 'revoked' });

    const recorded = await transitionsOf(requestId);
    expect(recorded.map((t) => t.seq)).toEqual(recorded.map((_, i) => i + 1));
    expect(recorded.length).toBe(final.seq);
    const { runId } = await handle.describe();
    for (const t of recorded) {
      expect(t.workflowId).toBe(approvalWorkflowId(requestId));
      expect(t.runId).toBe(runId);
    }
    const decision = recorded.find((t) => t.stepId === 'decision' && t.outcome === 'approved');
    expect(decision).toMatchObject({
      actorId: 'supervisor',
      actorRole: 'supervisor',
      reason: 'Complies with the building code',
      conditions: ['Sprinklers in hall A before occupation'],
    });
    expect(recorded.some((t) => t.source === 'external' && t.stepId === 'fee')).toBe(true);

    const row = await env.db.getRepository(RequestEntity).findOneByOrFail({ id: requestId });
    expect(row).toMatchObject({ status: 'approved', lastSeq: final.seq });
  });

  it('records each transition exactly once although every recording is retried after its commit', async () => {
    const requestId = randomUUID();
    const attempts: number[] = [];
    flaky.set(requestId, attempts);
    const { handle } = await submit({}, requestId);
    await act(handle, { type: 'decide', stepId: 'intake', outcome: 'complete', actor: clerk('building') });

    // Two recordings (submission, decision), each committed, failed and retried. They run side by side:
    // the decision's batch repeats the submission, so it may be answered before the first batch's retry.
    await eventually(() => Promise.resolve(attempts.length === 4 ? true : undefined), 'both recordings to be retried');
    expect([...attempts].sort()).toEqual([1, 1, 2, 2]);
    const state = await handle.query(caseStateQuery);
    const recorded = await transitionsOf(requestId);
    expect(recorded.map((t) => t.seq)).toEqual(Array.from({ length: state.seq }, (_, i) => i + 1));
    const rows = await env.db.query<{ n: string }[]>(
      'SELECT count(*) AS n FROM transitions WHERE request_id = $1 GROUP BY seq HAVING count(*) > 1',
      [requestId],
    );
    expect(rows).toEqual([]);
    await handle.terminate('test done');
  });

  it('records decisions made together side by side, each batch repeating what was not yet recorded', async () => {
    const requestId = randomUUID();
    const { handle } = await submit({ floorAreaM2: 1200 }, requestId);
    await act(handle, { type: 'decide', stepId: 'intake', outcome: 'complete', actor: clerk('building') });
    // From here every recording fails once after its commit and is retried 200 ms later, so the
    // three reviews are all decided while the first review's recording is still in flight.
    flaky.set(requestId, []);
    const reviews = ['building', 'fire', 'environment'].map((department) =>
      act(handle, { type: 'decide', stepId: `${department}-review`, outcome: 'approved', actor: clerk(department) }),
    );
    const answers = await Promise.all(reviews);
    flaky.delete(requestId);

    expect(answers.map((receipt) => receipt.activeSteps)).toContainEqual(['decision']);
    const recorded = await transitionsOf(requestId);
    const state = await handle.query(caseStateQuery);
    expect(recorded.map((t) => t.seq)).toEqual(Array.from({ length: state.seq }, (_, i) => i + 1));

    const workflowId = approvalWorkflowId(requestId);
    const parsed = parseCase(workflowId, await fetchRuns(env.client, workflowId));
    const reviewBatches = parsed.batches.slice(2).map((b) => b.batch.transitions.map((t) => t.seq));
    expect(reviewBatches).toHaveLength(3);
    // A later batch was scheduled before an earlier one was recorded, and repeats its transitions.
    expect(reviewBatches[1][0]).toBe(reviewBatches[0][0]);
    expect((await auditor.verify(requestId)).issues).toEqual([]);
    await handle.terminate('test done');
  });

  it('records the submission before an action delivered together with the start', async () => {
    const requestId = randomUUID();
    const startWorkflowOperation = new WithStartWorkflowOperation<typeof approvalWorkflow>('approvalWorkflow', {
      taskQueue: env.taskQueue,
      workflowId: approvalWorkflowId(requestId),
      workflowIdConflictPolicy: 'FAIL',
      args: [{ ctx, submission: submissionOf(requestId), title: 'Hall A' }],
    });
    const withdraw = {
      type: 'withdraw',
      reason: 'Changed plans',
      actor: applicant,
      at: new Date().toISOString(),
    } as const;
    const receipt = await env.client.workflow.executeUpdateWithStart(actUpdate, {
      args: [{ event: withdraw, source: 'api' }],
      startWorkflowOperation,
    });
    expect(receipt.status).toBe('withdrawn');
    const recorded = await transitionsOf(requestId);
    expect(recorded.map((t) => t.seq)).toEqual(Array.from({ length: receipt.seq }, (_, i) => i + 1));
    expect(recorded[0].event).toBe('submitted');
  });

  it('continues a long case as new with its state, and keeps recording in order', async () => {
    const requestId = randomUUID();
    const handle = await env.client.workflow.start<typeof approvalWorkflow>('approvalWorkflow', {
      taskQueue: env.taskQueue,
      workflowId: approvalWorkflowId(requestId),
      args: [
        {
          ctx,
          submission: submissionOf(requestId),
          title: 'Hall A',
          historyLimit: 15,
        },
      ],
    });
    const firstRun = (await handle.describe()).runId;
    await act(handle, { type: 'decide', stepId: 'intake', outcome: 'complete', actor: clerk('building') });
    for (const department of ['building', 'fire', 'environment']) {
      await act(handle, {
        type: 'decide',
        stepId: `${department}-review`,
        outcome: 'approved',
        actor: clerk(department),
      });
    }
    const latest = env.client.workflow.getHandle(approvalWorkflowId(requestId));
    await eventually(async () => ((await latest.describe()).runId !== firstRun ? true : undefined), 'a new run');
    const state = await latest.query(caseStateQuery);
    expect(state.activeSteps.map((s) => s.stepId)).toEqual(['decision']);
    await latest.executeUpdate(actUpdate, {
      args: [{ event: { type: 'withdraw', actor: applicant, at: new Date().toISOString() }, source: 'api' }],
    });
    const recorded = await eventually(async () => {
      const rows = await transitionsOf(requestId);
      return rows.some((t) => t.event === 'withdrawn' || t.toState === 'withdrawn') ? rows : undefined;
    }, 'the withdrawal to be recorded');
    expect(recorded.map((t) => t.seq)).toEqual(recorded.map((_, i) => i + 1));
    expect(new Set(recorded.map((t) => t.runId)).size).toBeGreaterThan(1);
  });

  it('rejects an action on a step that is not active, with a reason, and records nothing', async () => {
    const { requestId, handle } = await submit();
    await eventually(async () => ((await transitionsOf(requestId)).length > 0 ? true : undefined), 'first transition');
    const before = await transitionsOf(requestId);

    const rejected = act(handle, { type: 'decide', stepId: 'decision', outcome: 'approved', actor: supervisor });
    await expect(rejected).rejects.toThrow(WorkflowUpdateFailedError);
    await expect(rejected).rejects.toMatchObject({ cause: { message: expect.stringMatching(/decision.*not active/) } });

    expect(await transitionsOf(requestId)).toEqual(before);
    expect((await handle.query(caseStateQuery)).activeSteps.map((s) => s.stepId)).toEqual(['intake']);
    await handle.terminate('test done');
  });
});
