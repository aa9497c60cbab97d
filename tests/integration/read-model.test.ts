import { loadConfig } from '@onewindow/config';
import type { CaseState, Transition } from '@onewindow/domain';
import { recordTransitions } from '@onewindow/activities';
import { createDataSource, TOTAL_CAP, WorkQueueRepository } from '@onewindow/persistence';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';

interface StepSpec {
  stepId: string;
  assignee?: string;
  dueAt?: string;
}

/** The read model the workflow's recordings move: open tasks per active step, and the queue over them. */
describe('read model', () => {
  let db: DataSource;
  let queue: WorkQueueRepository;

  beforeAll(async () => {
    const config = loadConfig();
    db = await createDataSource(config.databaseUrl, { role: config.DATABASE_APP_ROLE }).initialize();
    queue = new WorkQueueRepository(db);
  });
  afterAll(() => db?.destroy());

  /** Records one transition per call, leaving the request with `steps` active in `department`. */
  const recorder = (department: string) => {
    const requestId = randomUUID();
    let seq = 0;
    return {
      requestId,
      record: (steps: StepSpec[]) => {
        seq += 1;
        const state = {
          requestId,
          definitionKey: 'test-definition',
          definitionVersion: 1,
          requestType: 'test',
          jurisdiction: 'test',
          status: steps.length > 0 ? 'in_progress' : 'approved',
          activeSteps: steps.map((s) => ({
            stepId: s.stepId,
            title: `Step ${s.stepId}`,
            kind: 'task',
            owner: { department, role: 'clerk' },
            state: 'active',
            assignee: s.assignee,
            dueAt: s.dueAt,
          })),
        } as unknown as CaseState;
        const transition: Transition = {
          seq,
          stepId: null,
          event: seq === 1 ? 'submitted' : 'decided',
          fromState: 'active',
          toState: 'active',
          actor: { id: 'acme', role: 'applicant' },
          at: new Date(Date.UTC(2026, 0, 5, 9, seq)).toISOString(),
        };
        return recordTransitions(db, {
          request: {
            requestId,
            applicantId: 'acme',
            title: 'Read model case',
            attributes: {},
            submittedAt: transition.at,
          },
          workflowId: `request-${requestId}`,
          runId: 'run-1',
          source: 'api',
          state,
          transitions: [transition],
        });
      },
    };
  };

  const openTasks = async (requestId: string) =>
    db.query<Array<{ stepId: string; assignee: string | null; dueAt: Date | null }>>(
      `SELECT step_id AS "stepId", assignee, due_at AS "dueAt" FROM open_tasks WHERE request_id = $1 ORDER BY step_id`,
      [requestId],
    );

  it("keeps a request's open tasks in step with its active steps, batch after batch", async () => {
    const dueAt = '2026-02-01T17:00:00.000Z';
    const { requestId, record } = recorder(`dept-${randomUUID()}`);
    await record([{ stepId: 'fire' }, { stepId: 'zoning', dueAt }]);
    expect(await openTasks(requestId)).toEqual([
      { stepId: 'fire', assignee: null, dueAt: null },
      { stepId: 'zoning', assignee: null, dueAt: new Date(dueAt) },
    ]);

    await record([{ stepId: 'zoning', assignee: 'clerk-7', dueAt }, { stepId: 'utilities' }]);
    expect(await openTasks(requestId)).toEqual([
      { stepId: 'utilities', assignee: null, dueAt: null },
      { stepId: 'zoning', assignee: 'clerk-7', dueAt: new Date(dueAt) },
    ]);
    const [row] = await db.query<Array<{ lastSeq: number; nextDueAt: Date }>>(
      `SELECT last_seq AS "lastSeq", next_due_at AS "nextDueAt" FROM requests WHERE id = $1`,
      [requestId],
    );
    expect(row).toEqual({ lastSeq: 2, nextDueAt: new Date(dueAt) });

    await record([]);
    expect(await openTasks(requestId)).toEqual([]);
  });

  it('counts a queue exactly up to the cap and says when more steps match', async () => {
    const department = `dept-${randomUUID()}`;
    const { record } = recorder(department);
    await record(Array.from({ length: TOTAL_CAP + 1 }, (_, i) => ({ stepId: `step-${String(i).padStart(4, '0')}` })));
    const page = (offset: number) => queue.find({ department, now: new Date(), limit: 25, offset });

    const first = await page(0);
    expect({ total: first.total, totalCapped: first.totalCapped, items: first.rows.length }).toEqual({
      total: TOTAL_CAP,
      totalCapped: true,
      items: 25,
    });
    expect(first.rows[0].request).toMatchObject({
      title: 'Read model case',
      applicantId: 'acme',
      status: 'in_progress',
    });
    expect(first.rows.map((r) => r.task.stepId)).toEqual(
      Array.from({ length: 25 }, (_, i) => `step-${String(i).padStart(4, '0')}`),
    );
    // Pages past the cap are still served.
    const last = await page(TOTAL_CAP);
    expect(last.rows.map((r) => r.task.stepId)).toEqual([`step-${TOTAL_CAP}`]);

    await record([{ stepId: 'a' }, { stepId: 'b' }, { stepId: 'c' }]);
    const small = await page(0);
    expect({ total: small.total, totalCapped: small.totalCapped, items: small.rows.length }).toEqual({
      total: 3,
      totalCapped: false,
      items: 3,
    });
  });
});
