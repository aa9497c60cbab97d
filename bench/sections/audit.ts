import { CaseAuditor, fetchRuns, RunHistory } from '@onewindow/audit';
import { AuditLogRepository, createDataSource } from '@onewindow/persistence';
import { bundleApprovalWorkflows } from '@onewindow/temporal';
import { Worker } from '@temporalio/worker';
import type { BenchStack } from '../stack';
import { announce, Progress } from '../support/progress';
import { ratio, round } from '../support/stats';

export interface AuditResult {
  cases: number;
  verifyAll: { seconds: number; casesPerSecond: number; clean: number; failed: number; issues: string[] };
  /** Worker.runReplayHistories alone, over histories fetched beforehand. */
  bareReplay: { seconds: number; casesPerSecond: number; nondeterministic: number };
  /** Fetching the same histories from Temporal, as verify-all must. */
  historyFetch: { seconds: number; casesPerSecond: number };
  ratio: number;
  ratioWithFetch: number;
  target: string;
  met: boolean;
  note: string;
}

const CONCURRENCY = 8;

/**
 * verify-all (every case: its log against Temporal's history and the reducer) against the bare
 * replay of the same histories by the Temporal SDK. verify-all is timed as the auditor runs it:
 * case ids from the log, then each case checked, CONCURRENCY at a time.
 */
export async function measureAudit(stack: BenchStack, cases: number): Promise<AuditResult> {
  const db = await createDataSource(stack.databaseUrl).initialize();
  try {
    const log = new AuditLogRepository(db);
    const auditor = new CaseAuditor(log, stack.client);
    const allIds = await log.caseIds();
    const ids = allIds.slice(0, cases);
    announce(`audit: verify-all over ${ids.length} finished cases, then bare replay of the same histories`);

    const verifyProgress = new Progress('verify-all', ids.length, ' cases');
    const verifyStart = process.hrtime.bigint();
    const verdicts = await mapConcurrently(ids, CONCURRENCY, async (id) => {
      const verdict = await auditor.verify(id);
      verifyProgress.tick();
      return verdict;
    });
    const verifySeconds = Number(process.hrtime.bigint() - verifyStart) / 1e9;
    verifyProgress.finish();
    const failed = verdicts.filter((v) => !v.ok);

    const fetchProgress = new Progress('fetch histories', ids.length, ' cases');
    const fetchStart = process.hrtime.bigint();
    const histories = await mapConcurrently(verdicts, CONCURRENCY, async ({ workflowId }) => {
      const runs: RunHistory[] = await fetchRuns(stack.client, workflowId);
      fetchProgress.tick();
      return runs.map((run) => ({ workflowId, history: run.history }));
    });
    const fetchSeconds = Number(process.hrtime.bigint() - fetchStart) / 1e9;
    fetchProgress.finish();

    const code = await bundleApprovalWorkflows();
    const replayProgress = new Progress('bare replay', ids.length, ' cases');
    const replayStart = process.hrtime.bigint();
    let nondeterministic = 0;
    for await (const replayed of Worker.runReplayHistories({ workflowBundle: { code } }, histories.flat())) {
      if (replayed.error) nondeterministic += 1;
      replayProgress.tick();
    }
    const replaySeconds = Number(process.hrtime.bigint() - replayStart) / 1e9;
    replayProgress.finish();

    const verifyRate = ids.length / verifySeconds;
    const replayRate = ids.length / replaySeconds;
    const r = ratio(verifyRate, replayRate);
    return {
      cases: ids.length,
      verifyAll: {
        seconds: round(verifySeconds),
        casesPerSecond: round(verifyRate),
        clean: verdicts.length - failed.length,
        failed: failed.length,
        issues: failed.slice(0, 3).map((f) => `${f.requestId}: ${f.issues.map((i) => i.kind).join(', ')}`),
      },
      bareReplay: { seconds: round(replaySeconds), casesPerSecond: round(replayRate), nondeterministic },
      historyFetch: { seconds: round(fetchSeconds), casesPerSecond: round(ids.length / fetchSeconds) },
      ratio: r,
      ratioWithFetch: ratio(verifyRate, ids.length / (fetchSeconds + replaySeconds)),
      target: '>= 0.7x bare replay',
      met: r >= 0.7 && failed.length === 0,
      note:
        'verify-all here is CaseAuditor.verify over the case ids of the log, 8 at a time (what ' +
        'AuditService.verifyAll does, without the checkpoint check); it fetches the histories itself.',
    };
  } finally {
    await db.destroy();
  }
}

async function mapConcurrently<T, R>(
  items: readonly T[],
  concurrency: number,
  fn: (item: T) => Promise<R>,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const lane = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, lane));
  return results;
}
