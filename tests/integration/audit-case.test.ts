import { CaseAuditor } from '@onewindow/audit';
import { actUpdate, approvalWorkflowId, externalEventSignal } from '@onewindow/contracts';
import { Actor, buildingPermitDefinition, builtInCalendar, CaseEvent, ProcessContext } from '@onewindow/domain';
import { AuditLogRepository, RequestEntity } from '@onewindow/persistence';
import type { approvalWorkflow } from '@onewindow/workflows';
import { WorkflowHandle } from '@temporalio/client';
import { randomUUID } from 'node:crypto';
import { submissionOf } from '../support/case-run';
import { eventually, startTestEnv, TestEnv } from '../support/test-env';
import { tamper } from './audit-support';

const ctx: ProcessContext = {
  definition: buildingPermitDefinition,
  calendar: builtInCalendar(buildingPermitDefinition.jurisdiction)!,
};
const clerk = (department: string): Actor => ({ id: `clerk-${department}`, role: 'clerk', department });
type Draft = CaseEvent extends infer E ? (E extends CaseEvent ? Omit<E, 'at'> : never) : never;

describe(CaseAuditor.name, () => {
  let env: TestEnv;
  let sut: CaseAuditor;

  beforeAll(async () => {
    env = await startTestEnv();
    sut = new CaseAuditor(new AuditLogRepository(env.db), env.client);
  });

  afterAll(() => env?.close());

  async function submit() {
    const requestId = randomUUID();
    const handle = await env.client.workflow.start<typeof approvalWorkflow>('approvalWorkflow', {
      taskQueue: env.taskQueue,
      workflowId: approvalWorkflowId(requestId),
      args: [
        {
          ctx,
          submission: submissionOf(requestId, { floorAreaM2: 1200 }),
          title: 'Hall A',
        },
      ],
    });
    return { requestId, handle };
  }

  const act = (handle: WorkflowHandle, event: Draft) =>
    handle.executeUpdate(actUpdate, { args: [{ event: { ...event, at: new Date().toISOString() }, source: 'api' }] });

  /** What the applicant's status page shows right now. */
  const seenByApplicant = async (requestId: string) => {
    const row = await env.db.getRepository(RequestEntity).findOneByOrFail({ id: requestId });
    return { at: new Date().toISOString(), status: row.status, lastSeq: row.lastSeq };
  };

  async function runPermitToIssuance() {
    const { requestId, handle } = await submit();
    const seen = [
      await eventually(
        // The submission's batch: submitted, the intake activated and the receipt issued.
        async () =>
          ((await env.db.getRepository(RequestEntity).findOneBy({ id: requestId }))?.lastSeq ?? 0) >= 2
            ? seenByApplicant(requestId)
            : undefined,
        'the submission to be recorded',
      ),
    ];
    await act(handle, { type: 'decide', stepId: 'intake', outcome: 'complete', actor: clerk('building') });
    seen.push(await seenByApplicant(requestId));
    for (const department of ['building', 'fire', 'environment']) {
      await act(handle, {
        type: 'decide',
        stepId: `${department}-review`,
        outcome: 'approved',
        actor: clerk(department),
      });
      seen.push(await seenByApplicant(requestId));
    }
    await act(handle, {
      type: 'decide',
      stepId: 'decision',
      outcome: 'approved',
      actor: { id: 'supervisor', role: 'supervisor' },
    });
    seen.push(await seenByApplicant(requestId));
    await handle.signal(externalEventSignal, {
      type: 'payment-confirmed',
      stepId: 'fee',
      reference: 'PAY-1',
      at: new Date().toISOString(),
      actor: { id: 'payments', role: 'system', department: 'finance' },
    });
    await eventually(
      async () =>
        (
          (await env.db.getRepository(RequestEntity).findOneByOrFail({ id: requestId })).state as {
            activeSteps: { stepId: string }[];
          }
        ).activeSteps.some((s) => s.stepId === 'issuance')
          ? true
          : undefined,
      'issuance to become active',
    );
    seen.push(await seenByApplicant(requestId));
    await act(handle, { type: 'decide', stepId: 'issuance', outcome: 'issued', actor: clerk('building') });
    seen.push(await seenByApplicant(requestId));
    // The workflow waits while the permit is in force; revoking it leaves nothing to wait for.
    await act(handle, {
      type: 'revoke-document',
      documentId: 'permit-1',
      reason: 'Permit obtained on a false statement',
      actor: { id: 'supervisor', role: 'supervisor' },
    });
    await handle.result();
    seen.push(await seenByApplicant(requestId));
    return { requestId, handle, seen };
  }

  it('finds a finished case clean: chain intact, log and history one to one, state rebuilt equal to the result', async () => {
    const { requestId } = await runPermitToIssuance();

    const report = await sut.verify(requestId);

    expect(report.issues).toEqual([]);
    expect(report).toMatchObject({ ok: true, status: 'approved', runs: 1 });
  });

  it('checks a running case against the workflow answering its caseState query', async () => {
    const { requestId, handle } = await submit();
    await act(handle, { type: 'decide', stepId: 'intake', outcome: 'complete', actor: clerk('building') });

    const report = await sut.verify(requestId);

    expect(report).toMatchObject({ ok: true, warnings: [], status: 'in_progress' });
  });

  it('rebuilds the state as of any moment equal to what the applicant saw then', async () => {
    const { requestId, seen } = await runPermitToIssuance();

    for (const moment of seen) {
      const asOf = await sut.stateAsOf(requestId, { at: moment.at });
      expect({ status: asOf.state.status, seq: asOf.state.seq }).toEqual({
        status: moment.status,
        seq: moment.lastSeq,
      });
      const bySeq = await sut.stateAsOf(requestId, { seq: moment.lastSeq });
      expect(bySeq.state.seq).toBe(moment.lastSeq);
    }
  });

  it('merges Temporal history and the log into one timeline, naming the event that recorded each transition', async () => {
    const { requestId } = await runPermitToIssuance();

    const timeline = await sut.history(requestId);

    const recorded = timeline.filter((e) => e.source === 'log');
    expect(recorded.map((e) => e.seq)).toEqual(recorded.map((_, i) => i + 1));
    expect(recorded.every((e) => typeof e.eventId === 'number' && e.eventId > 0)).toBe(true);
    expect(timeline.map((e) => e.type)).toEqual(
      expect.arrayContaining([
        'WorkflowExecutionStarted',
        'WorkflowExecutionUpdateAccepted',
        'WorkflowExecutionSignaled',
        'WorkflowExecutionCompleted',
      ]),
    );
  });

  it('reports an edited row with its exact seq, and the field that no longer matches history', async () => {
    const { requestId } = await runPermitToIssuance();
    await tamper(env.db, [
      `UPDATE transitions SET actor_id = 'someone-else' WHERE request_id = $1 AND seq = 4`,
      [requestId],
    ]);

    const report = await sut.verify(requestId);

    expect(report.ok).toBe(false);
    expect(report.issues).toEqual([
      expect.objectContaining({ seq: 4, kind: 'hash-mismatch' }),
      expect.objectContaining({
        seq: 4,
        kind: 'differs-from-history',
        message: 'transition 4 differs from history in actorId',
      }),
    ]);
  });

  it('reports a transition inserted without the workflow asking for it', async () => {
    const { requestId } = await runPermitToIssuance();
    await tamper(env.db, [
      `INSERT INTO transitions (request_id, seq, event, from_state, to_state, actor_id, actor_role, source, occurred_at, workflow_id, run_id, prev_hash, hash)
       SELECT request_id, seq + 1, 'decided', 'active', 'completed', 'intruder', 'clerk', 'api', now(), workflow_id, run_id, hash, repeat('b', 64)
       FROM transitions WHERE request_id = $1 ORDER BY seq DESC LIMIT 1`,
      [requestId],
    ]);

    const kinds = (await sut.verify(requestId)).issues.map((i) => i.kind);

    expect(kinds).toEqual(expect.arrayContaining(['hash-mismatch', 'not-in-history', 'head-mismatch']));
  });
});
