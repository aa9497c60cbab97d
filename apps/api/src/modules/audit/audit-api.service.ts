import {
  AuditService,
  CaseNotFoundError,
  CaseVerification,
  CheckpointVerification,
  CheckpointView,
  ExportManifest,
  ReplayOutcome,
  StateAsOf,
  TimelineEntry,
  VerifyAllSummary,
} from '@onewindow/audit';
import { AccessLogEntity, AccessLogRepository, CaseRange, earliestDue, RequestEntity } from '@onewindow/persistence';
import { bundleApprovalWorkflows } from '@onewindow/temporal';
import { Injectable, OnApplicationShutdown } from '@nestjs/common';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { ApiError, ApiErrorCode } from '../../core/errors/api-error';
import { RequestSummaryView, toDetailView, toSummaryView, toTransitionView } from '../requests/request.views';
import { AccessLogQuery, ExportFormat, FindCasesQuery, RangeDto, StateQuery } from './audit.dto';
import { CaseViewAsOf } from './audit.views';

const DEFAULT_FIND_LIMIT = 20;

export interface ReplayView {
  requestId: string;
  deterministic: boolean;
  runs: ReplayOutcome[];
}

export interface ExportView {
  manifest: ExportManifest;
  /** File name to content, as `npm run audit -- verify-export` expects them beside the manifest. */
  files: Record<string, string>;
}

/** The auditor's use cases over HTTP: the audit library, with its errors turned into API errors. */
@Injectable()
export class AuditApiService implements OnApplicationShutdown {
  private bundle?: Promise<{ dir: string; path: string }>;

  constructor(
    private readonly audit: AuditService,
    private readonly denials: AccessLogRepository,
  ) {}

  async findCases(query: FindCasesQuery): Promise<RequestSummaryView[]> {
    const rows = await this.audit.log.findCases(query.q.trim(), query.limit ?? DEFAULT_FIND_LIMIT);
    return rows.map(toSummaryView);
  }

  /**
   * The applicant's status page as it stood right after transition `seq`: the state folded from history through
   * the reducer (with the definition and calendar snapshot the case ran on), the timeline recorded up to it,
   * and every clock read at the instant that transition occurred.
   */
  async viewAsOf(requestId: string, seq: number): Promise<CaseViewAsOf> {
    const asOf = await this.known(requestId, () => this.audit.cases.caseAsOf(requestId, { seq }));
    const last = asOf.transitions[asOf.transitions.length - 1];
    if (!asOf.request || !last || last.seq < seq) {
      throw new ApiError(ApiErrorCode.NOT_FOUND, `Request ${requestId} has no recorded transition ${seq}`);
    }
    const at = last.occurredAt;
    const row: RequestEntity = {
      ...asOf.request,
      status: asOf.state.status,
      state: asOf.state,
      lastSeq: last.seq,
      nextDueAt: earliestDue(asOf.state),
      updatedAt: at,
    };
    // The applicant's view: the actions they were offered then, too.
    const applicant = { id: row.applicantId, role: 'applicant' as const };
    const view = toDetailView(row, asOf.transitions.map(toTransitionView), asOf.ctx, applicant, at.toISOString());
    const totalTransitions = (await this.audit.log.transitions(requestId)).length;
    return { seq: last.seq, at: at.toISOString(), totalTransitions, view };
  }

  listCheckpoints(): Promise<CheckpointView[]> {
    return this.checkpoints().list();
  }

  history(requestId: string, full = false): Promise<TimelineEntry[]> {
    return this.known(requestId, () => this.audit.cases.history(requestId, { full }));
  }

  state(requestId: string, query: StateQuery): Promise<StateAsOf> {
    if ((query.at === undefined) === (query.seq === undefined)) {
      throw new ApiError(ApiErrorCode.VALIDATION_FAILED, 'Give exactly one of at or seq');
    }
    const point = query.at !== undefined ? { at: new Date(query.at).toISOString() } : { seq: query.seq! };
    return this.known(requestId, () => this.audit.cases.stateAsOf(requestId, point));
  }

  async verify(requestId: string): Promise<CaseVerification> {
    const result = await this.audit.cases.verify(requestId);
    if (result.runs === 0 && result.transitions === 0 && !(await this.audit.log.request(requestId))) {
      throw new ApiError(ApiErrorCode.NOT_FOUND, `No request ${requestId}`);
    }
    return result;
  }

  verifyAll(range: RangeDto): Promise<VerifyAllSummary> {
    return this.audit.verifyAll(rangeOf(range));
  }

  async replay(requestId: string): Promise<ReplayView> {
    const { path } = await this.workflowBundle();
    const runs = await this.known(requestId, () => this.audit.replayCase(requestId, { workflowBundlePath: path }));
    return { requestId, deterministic: runs.every((r) => r.deterministic), runs };
  }

  async export(requestId: string, format: ExportFormat = 'both'): Promise<ExportView> {
    if ((await this.audit.log.transitions(requestId)).length === 0) {
      throw new ApiError(ApiErrorCode.NOT_FOUND, `No recorded transitions for request ${requestId}`);
    }
    const dir = await mkdtemp(join(tmpdir(), 'onewindow-export-'));
    try {
      const result = await this.audit.export({ requestIds: [requestId] }, join(dir, `request-${requestId}`));
      const wanted = [...(format === 'csv' ? [] : [result.jsonlPath]), ...(format === 'jsonl' ? [] : [result.csvPath])];
      const files: Record<string, string> = {};
      for (const path of wanted) files[basename(path)] = await readFile(path, 'utf8');
      return { manifest: result.manifest, files };
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }

  createCheckpoint(): Promise<CheckpointView> {
    return this.checkpoints().create();
  }

  verifyCheckpoints(anchors: string[] = []): Promise<CheckpointVerification> {
    return this.checkpoints().verify(anchors);
  }

  accessLog(query: AccessLogQuery): Promise<AccessLogEntity[]> {
    const { from, to } = rangeOf(query);
    return this.denials.find({
      requestId: query.requestId,
      actorId: query.actorId,
      from,
      to,
      limit: query.limit ?? 100,
    });
  }

  async onApplicationShutdown(): Promise<void> {
    const bundle = await this.bundle?.catch(() => undefined);
    if (bundle) await rm(bundle.dir, { recursive: true, force: true });
  }

  private checkpoints() {
    if (!this.audit.checkpoints) throw new ApiError(ApiErrorCode.UNAVAILABLE, 'Checkpoints are not configured');
    return this.audit.checkpoints;
  }

  /** The workflow code is bundled once per process, on the first replay. */
  private workflowBundle(): Promise<{ dir: string; path: string }> {
    this.bundle ??= (async () => {
      const dir = await mkdtemp(join(tmpdir(), 'onewindow-replay-'));
      const path = join(dir, 'workflow-bundle.js');
      await writeFile(path, await bundleApprovalWorkflows());
      return { dir, path };
    })();
    this.bundle.catch(() => (this.bundle = undefined));
    return this.bundle;
  }

  private async known<T>(requestId: string, fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (error) {
      if (error instanceof CaseNotFoundError) throw new ApiError(ApiErrorCode.NOT_FOUND, `No request ${requestId}`);
      throw error;
    }
  }
}

function rangeOf(range: RangeDto): CaseRange {
  const from = range.from !== undefined ? new Date(range.from) : undefined;
  const to = range.to !== undefined ? new Date(range.to) : undefined;
  if (from && to && from >= to) throw new ApiError(ApiErrorCode.VALIDATION_FAILED, 'from must be before to');
  return { from, to };
}
