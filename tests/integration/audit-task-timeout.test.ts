import { CaseAuditor, eventTypeName } from '@onewindow/audit';
import { loadConfig } from '@onewindow/config';
import { actUpdate, approvalWorkflowId, externalEventSignal } from '@onewindow/contracts';
import { Actor, buildingPermitDefinition, builtInCalendar, CaseState, ProcessContext } from '@onewindow/domain';
import { AuditLogRepository, RequestEntity } from '@onewindow/persistence';
import type { approvalWorkflow } from '@onewindow/workflows';
import { WorkflowHandle } from '@temporalio/client';
import { randomUUID } from 'node:crypto';
import { submissionOf } from '../support/case-run';
import { eventually, startTestEnv, TestEnv } from '../support/test-env';

const ctx: ProcessContext = {
  definition: buildingPermitDefinition,
  calendar: builtInCalendar(buildingPermitDefinition.jurisdiction)!,
};
const clerk = (department: string): Actor => ({ id: `clerk-${department}`, role: 'clerk', department });

/**
 * A workflow task that a worker takes and never finishes times out, and the next attempt handles
 * everything the first one saw. The auditor must take the clock of the attempt that completed.
 */
describe(`${CaseAuditor.name} after a workflow task timed out`, () => {
  let env: TestEnv;
  let sut: CaseAuditor;

  beforeAll(async () => {
    env = await startTestEnv();
    sut = new CaseAuditor(new AuditLogRepository(env.db), env.client);
  });

  afterAll(() => env?.close());

  const decide = (handle: WorkflowHandle, stepId: string, outcome: string, actor: Actor) =>
    handle.executeUpdate(actUpdate, {
      args: [{ event: { type: 'decide', stepId, outcome, actor, at: new Date().toISOString() }, source: 'api' }],
    });

  const activeSteps = async (requestId: string) =>
    (
      (await env.db.getRepository(RequestEntity).findOneBy({ id: requestId }))?.state as CaseState | undefined
    )?.activeSteps.map((s) => s.stepId) ?? [];

  /** Takes the next workflow task of the queue like a worker would, and never answers it. */
  async function stallOneWorkflowTask(taskQueue: string): Promise<void> {
    for (;;) {
      const task = await env.client.connection.withDeadline(Date.now() + 70_000, () =>
        env.client.workflowService.pollWorkflowTaskQueue({
          namespace: loadConfig().TEMPORAL_NAMESPACE,
          taskQueue: { name: taskQueue },
          identity: 'stalled-worker',
        }),
      );
      if (task.taskToken?.length) return;
    }
  }

  it('stamps a Signal with the attempt that handled it: verify finds the case clean', async () => {
    const taskQueue = `test-${randomUUID()}`;
    const requestId = randomUUID();
    const firstWorker = await startTestEnv({ taskQueue });
    const handle = await env.client.workflow.start<typeof approvalWorkflow>('approvalWorkflow', {
      taskQueue,
      workflowId: approvalWorkflowId(requestId),
      workflowTaskTimeout: '2s',
      args: [
        {
          ctx,
          submission: submissionOf(requestId, { floorAreaM2: 1200 }),
          title: 'Hall A',
        },
      ],
    });
    await decide(handle, 'intake', 'complete', clerk('building'));
    for (const department of ['building', 'fire', 'environment']) {
      await decide(handle, `${department}-review`, 'approved', clerk(department));
    }
    await decide(handle, 'decision', 'approved', { id: 'supervisor', role: 'supervisor' });
    await firstWorker.close();

    // The payment arrives while no worker is up; a worker takes the task that carries it and hangs.
    await handle.signal(externalEventSignal, {
      type: 'payment-confirmed',
      stepId: 'fee',
      reference: 'PAY-1',
      at: new Date().toISOString(),
      actor: { id: 'payments', role: 'system', department: 'finance' },
    });
    await stallOneWorkflowTask(taskQueue);
    await eventually(async () => {
      const events = (await handle.fetchHistory()).events ?? [];
      const signalled = events.findIndex((e) => e.workflowExecutionSignaledEventAttributes);
      const timedOut = events.findIndex((e, i) => i > signalled && e.workflowTaskTimedOutEventAttributes);
      return timedOut > 0 ? true : undefined;
    }, 'the stalled workflow task to time out');
    const secondWorker = await startTestEnv({ taskQueue });
    try {
      await eventually(
        async () => ((await activeSteps(requestId)).includes('issuance') ? true : undefined),
        'the payment to be handled',
      );
      const types = ((await handle.fetchHistory()).events ?? []).map(eventTypeName);
      expect(types.slice(types.indexOf('WorkflowExecutionSignaled'))).toEqual(
        expect.arrayContaining(['WorkflowTaskTimedOut', 'WorkflowTaskCompleted']),
      );

      const report = await sut.verify(requestId);

      expect(report.issues).toEqual([]);
      expect(report).toMatchObject({ ok: true, status: 'in_progress' });
    } finally {
      await handle.terminate('test over');
      await secondWorker.close();
    }
  });
});
