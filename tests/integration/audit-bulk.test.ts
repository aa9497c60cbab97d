import { AuditService, CaseAuditor, CheckpointService, CheckpointSigner, verifyExport } from '@onewindow/audit';
import { actUpdate, approvalWorkflowId } from '@onewindow/contracts';
import { Actor, buildingPermitDefinition, builtInCalendar, ProcessContext } from '@onewindow/domain';
import { AuditLogRepository, CheckpointRepository, RequestEntity } from '@onewindow/persistence';
import type { approvalWorkflow } from '@onewindow/workflows';
import { randomUUID } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { submissionOf } from '../support/case-run';
import { eventually, startTestEnv, TestEnv } from '../support/test-env';
import { TEST_SIGNING_KEY } from './audit-support';

// Withdrawn at once: the papers the permit process issues (a receipt for every submission) are not what this
// measures, and rendering hundreds of them would be most of its time.
const ctx: ProcessContext = {
  definition: { ...buildingPermitDefinition, notices: [] },
  calendar: builtInCalendar(buildingPermitDefinition.jurisdiction)!,
};
const applicant: Actor = { id: 'acme-battery', role: 'applicant' };
const CASES = 200;

describe(AuditService.name, () => {
  let env: TestEnv;
  let sut: AuditService;
  let dir: string;
  let from: Date;
  let to: Date;
  let mine: string[];

  /** A case from submission to withdrawal: a finished workflow with a few transitions. */
  async function runWithdrawnCase(): Promise<string> {
    const requestId = randomUUID();
    const handle = await env.client.workflow.start<typeof approvalWorkflow>('approvalWorkflow', {
      taskQueue: env.taskQueue,
      workflowId: approvalWorkflowId(requestId),
      args: [{ ctx, submission: submissionOf(requestId), title: 'Bulk' }],
    });
    // Act once the submission is recorded (an Update in the very first workflow task is another test's concern).
    await eventually(
      async () =>
        (await env.db.getRepository(RequestEntity).findOneBy({ id: requestId }))?.lastSeq ? true : undefined,
      'the submission to be recorded',
      60_000,
    );
    await handle.executeUpdate(actUpdate, {
      args: [
        {
          event: { type: 'withdraw', reason: 'no longer needed', actor: applicant, at: new Date().toISOString() },
          source: 'api',
        },
      ],
    });
    await handle.result();
    return requestId;
  }

  beforeAll(async () => {
    env = await startTestEnv();
    const log = new AuditLogRepository(env.db);
    const checkpoints = new CheckpointService(new CheckpointRepository(env.db), new CheckpointSigner(TEST_SIGNING_KEY));
    sut = new AuditService(log, new CaseAuditor(log, env.client), checkpoints, env.client);
    dir = await mkdtemp(join(tmpdir(), 'onewindow-export-'));
    from = new Date();
    mine = [];
    for (let i = 0; i < CASES; i += 5) {
      mine.push(...(await Promise.all(Array.from({ length: Math.min(5, CASES - i) }, () => runWithdrawnCase()))));
    }
    to = new Date();
  }, 300_000);

  afterAll(async () => {
    await env?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('verifies a few hundred finished cases in a date range all clean, reporting progress', async () => {
    const progress: number[] = [];

    const summary = await sut.verifyAll({ from, to: new Date(to.getTime() + 1) }, (done) => progress.push(done));

    const ours = new Set(mine);
    expect(summary.failures.filter((f) => ours.has(f.requestId))).toEqual([]);
    expect(summary.cases).toBeGreaterThanOrEqual(CASES);
    expect(summary.clean).toBeGreaterThanOrEqual(CASES);
    expect(progress[progress.length - 1]).toBe(summary.cases);
  }, 300_000);

  it('exports cases as JSON Lines and CSV that re-verify from the files alone', async () => {
    const { manifestPath, manifest } = await sut.export({ requestIds: mine.slice(0, 5) }, join(dir, 'five'));

    expect(manifest.cases.map((c) => c.requestId)).toEqual(mine.slice(0, 5));
    expect(await verifyExport(manifestPath)).toMatchObject({ ok: true, cases: 5, issues: [] });
  });

  it('reports an exported transition edited in the file, with its case and seq', async () => {
    const { manifestPath, jsonlPath, manifest } = await sut.export(
      { requestIds: mine.slice(5, 8) },
      join(dir, 'edited'),
    );
    const lines = (await readFile(jsonlPath, 'utf8')).split('\n');
    const target = lines.findIndex((l) => l.includes(mine[6]) && l.includes('"seq":2'));
    lines[target] = lines[target].replace('"actorId":"acme-battery"', '"actorId":"someone-else"');
    await writeFile(jsonlPath, lines.join('\n'));
    // An editor careful enough to fix the file hash in the manifest is still caught by the chain.
    manifest.files.jsonl.sha256 = (await import('node:crypto'))
      .createHash('sha256')
      .update(lines.join('\n'))
      .digest('hex');
    await writeFile(manifestPath, JSON.stringify(manifest));

    const result = await verifyExport(manifestPath);

    expect(result.ok).toBe(false);
    expect(result.issues).toContainEqual(
      expect.objectContaining({ requestId: mine[6], seq: 2, kind: 'hash-mismatch' }),
    );
  });

  it('exports a date range', async () => {
    const { manifestPath, manifest } = await sut.export({ from, to: new Date(to.getTime() + 1) }, join(dir, 'range'));

    expect(manifest.cases.length).toBeGreaterThanOrEqual(CASES);
    expect((await verifyExport(manifestPath)).issues.filter((i) => mine.includes(i.requestId))).toEqual([]);
  }, 120_000);

  it('replays a case deterministically against the current workflow code', async () => {
    const outcomes = await sut.replayCase(mine[0], { workflowBundlePath: process.env.ONEWINDOW_TEST_WORKFLOW_BUNDLE });

    expect(outcomes).toEqual([expect.objectContaining({ deterministic: true })]);
  }, 120_000);

  it('flags a non-deterministic variant of the workflow with the divergence', async () => {
    const outcomes = await sut.replayCase(mine[0], {
      workflowsPath: join(__dirname, '..', 'replay', 'variants', 'nondeterministic'),
    });

    expect(outcomes).toEqual([
      expect.objectContaining({ deterministic: false, errorType: 'DeterminismViolationError' }),
    ]);
    expect(outcomes[0].divergence).toMatch(/nondetermin/i);
  }, 120_000);
});
