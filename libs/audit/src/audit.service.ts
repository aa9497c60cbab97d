import { AuditLogRepository, CaseRange } from '@onewindow/persistence';
import type { Client } from '@temporalio/client';
import { CaseAuditor, CaseVerification } from './case-auditor';
import { exportCases, ExportResult } from './case-export';
import { definitionImpact, ImpactLine, ImpactRequest } from './definition-impact';
import { CheckpointService, CheckpointVerification } from './checkpoint.service';
import { replayHistories, ReplayerOptions, ReplayOutcome } from './history-replayer';
import { fetchRuns } from './temporal-history';

export interface VerifyAllSummary {
  range: { from: string | null; to: string | null };
  cases: number;
  clean: number;
  failed: number;
  /** How many issues of each kind were found, over all cases. */
  issuesByKind: Record<string, number>;
  /** Every case that failed, with its issues. */
  failures: CaseVerification[];
  /** Read-model requests whose whole log is gone. */
  requestsWithoutLog: string[];
  checkpoints: CheckpointVerification | null;
}

export interface Progress {
  (done: number, total: number): void;
}

/** The auditor's use cases over the whole system, for the API and the CLI alike. */
export class AuditService {
  constructor(
    readonly log: AuditLogRepository,
    readonly cases: CaseAuditor,
    readonly checkpoints: CheckpointService | null,
    private readonly client: Client,
  ) {}

  /** Verifies every case submitted in the range (all when open), then the checkpoints. */
  async verifyAll(range: CaseRange = {}, onProgress?: Progress, concurrency = 8): Promise<VerifyAllSummary> {
    const ids = await this.log.caseIds(range);
    const results = await mapConcurrently(ids, concurrency, (id) => this.cases.verify(id), onProgress);
    const failures = results.filter((r) => !r.ok);
    const issuesByKind: Record<string, number> = {};
    for (const issue of failures.flatMap((f) => f.issues))
      issuesByKind[issue.kind] = (issuesByKind[issue.kind] ?? 0) + 1;
    const checkpoints = this.checkpoints ? await this.checkpoints.verify() : null;
    for (const issue of checkpoints?.issues ?? []) issuesByKind[issue.kind] = (issuesByKind[issue.kind] ?? 0) + 1;
    return {
      range: { from: range.from?.toISOString() ?? null, to: range.to?.toISOString() ?? null },
      cases: ids.length,
      clean: results.length - failures.length,
      failed: failures.length,
      issuesByKind,
      failures,
      requestsWithoutLog: await this.log.requestsWithoutLog(range),
      checkpoints,
    };
  }

  /** What a candidate definition version would do to the cases in scope, streamed line by line. */
  impact(request: ImpactRequest): AsyncGenerator<ImpactLine> {
    return definitionImpact(this.log, this.cases, request);
  }

  /** Replays every run of a case's workflow against the current workflow code. */
  async replayCase(requestId: string, options: ReplayerOptions = {}): Promise<ReplayOutcome[]> {
    const { workflowId } = await this.cases.evidence(requestId);
    const runs = await fetchRuns(this.client, workflowId);
    return replayHistories(
      runs.map((r) => ({ workflowId, runId: r.runId, history: r.history })),
      options,
    );
  }

  async export(
    selection: { requestIds: string[] } | CaseRange,
    outPrefix: string,
    onProgress?: Progress,
  ): Promise<ExportResult> {
    const ids = 'requestIds' in selection ? selection.requestIds : await this.log.caseIds(selection);
    const described =
      'requestIds' in selection
        ? { requestIds: ids }
        : { from: selection.from?.toISOString(), to: selection.to?.toISOString() };
    return exportCases(this.log, ids, outPrefix, {
      selection: described,
      onCase: (done) => onProgress?.(done, ids.length),
    });
  }
}

async function mapConcurrently<T, R>(
  items: readonly T[],
  concurrency: number,
  fn: (item: T) => Promise<R>,
  onProgress?: Progress,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  let done = 0;
  const lane = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i]);
      onProgress?.(++done, items.length);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, lane));
  return results;
}
