import { approvalWorkflowId, BatchedTransition, caseStateQuery } from '@onewindow/contracts';
import { CASE_PUBLISHED, caseContext, CaseState, HistoryPoint, ProcessContext, stateAt } from '@onewindow/domain';
import {
  AuditLogRepository,
  canonicalJson,
  chainedFieldsOfBatch,
  ChainedFields,
  RequestEntity,
  TransitionEntity,
} from '@onewindow/persistence';
import type { BlobStore } from '@onewindow/documents';
import type { Client } from '@temporalio/client';
import { AuditIssue, chainedFieldsOf, chainRowOf, verifyChain } from './chain-verification';
import { reconstruct, Reconstruction } from './case-reconstruction';
import { fetchRuns, ParsedCase, parseCase, RunHistory, ScheduledBatch } from './temporal-history';
import { buildTimeline, TimelineEntry } from './timeline';
import { WorkerPresence } from './worker-presence';

export interface CaseVerification {
  requestId: string;
  workflowId: string;
  ok: boolean;
  transitions: number;
  runs: number;
  status: string | null;
  issues: AuditIssue[];
  /** Things that could not be checked (e.g. no worker answered the state query); they do not fail the case. */
  warnings: string[];
}

export interface CaseEvidence {
  requestId: string;
  workflowId: string;
  request: RequestEntity | null;
  rows: TransitionEntity[];
  runs: RunHistory[];
  parsed: ParsedCase;
}

export interface StateAsOf {
  requestId: string;
  point: HistoryPoint;
  /** The state the reducer reconstructs from Temporal history up to that point. */
  state: CaseState;
  /** The transitions recorded up to that point. */
  transitions: TransitionEntity[];
}

/** The case at a point with what it takes to render it: its definition and calendar snapshot and its request row. */
export interface CaseAsOf extends StateAsOf {
  ctx: ProcessContext;
  request: RequestEntity | null;
}

export class CaseNotFoundError extends Error {
  constructor(readonly requestId: string) {
    super(`No case ${requestId} in the transition log or in Temporal`);
    this.name = 'CaseNotFoundError';
  }
}

export interface CaseAuditorOptions {
  /** How long to wait for a worker to answer the caseState query of a running workflow. */
  queryTimeoutMs?: number;
  /** Where document content is stored: verify re-hashes every uploaded version. */
  documents?: BlobStore;
}

/** An auditor's view of one case: the log and Temporal's history, checked against each other and the reducer. */
export class CaseAuditor {
  private readonly workers: WorkerPresence;

  constructor(
    private readonly log: AuditLogRepository,
    private readonly client: Client,
    private readonly options: CaseAuditorOptions = {},
  ) {
    this.workers = new WorkerPresence(client);
  }

  /**
   * The log, the read model and the workflow's history: Temporal's, or `exported` (the history saved from a
   * cluster that no longer holds the workflow, such as one past its namespace's retention).
   */
  async evidence(requestId: string, exported?: RunHistory[]): Promise<CaseEvidence> {
    const [rows, request] = await Promise.all([this.log.transitions(requestId), this.log.request(requestId)]);
    const workflowId = rows[0]?.workflowId ?? request?.workflowId ?? approvalWorkflowId(requestId);
    let runs: RunHistory[];
    try {
      runs = exported ?? (await fetchRuns(this.client, workflowId));
    } catch (error) {
      if (rows.length === 0 && !request && isNotFound(error)) throw new CaseNotFoundError(requestId);
      throw error;
    }
    return { requestId, workflowId, request, rows, runs, parsed: parseCase(workflowId, runs) };
  }

  async history(requestId: string, options: { full?: boolean } = {}): Promise<TimelineEntry[]> {
    const { runs, rows } = await this.evidence(requestId);
    return buildTimeline(runs, rows, options);
  }

  async stateAsOf(requestId: string, point: HistoryPoint): Promise<StateAsOf> {
    const { state, transitions } = await this.caseAsOf(requestId, point);
    return { requestId, point, state, transitions };
  }

  async caseAsOf(requestId: string, point: HistoryPoint): Promise<CaseAsOf> {
    const evidence = await this.evidence(requestId);
    const { ctx, events } = reconstruct(evidence.parsed);
    const state = stateAt(ctx, evidence.parsed.input.submission, events, point);
    const transitions = evidence.rows.filter((r) => r.seq <= state.seq);
    // A case migrated by then renders under the version it had moved to.
    return { requestId, point, state, transitions, ctx: caseContext(ctx, state), request: evidence.request };
  }

  async verify(requestId: string, exported?: RunHistory[]): Promise<CaseVerification> {
    let evidence: CaseEvidence;
    try {
      evidence = await this.evidence(requestId, exported);
    } catch (error) {
      const workflowId = approvalWorkflowId(requestId);
      const message = error instanceof CaseNotFoundError ? error.message : `history unavailable: ${String(error)}`;
      const issues = [{ requestId, seq: null, kind: 'history-missing', message }];
      return { requestId, workflowId, ok: false, transitions: 0, runs: 0, status: null, issues, warnings: [] };
    }
    const { rows, request, parsed } = evidence;
    const issues: AuditIssue[] = verifyChain(
      requestId,
      rows.map(chainRowOf),
      request ? { lastSeq: request.lastSeq, headHash: request.headHash, source: 'read model' } : undefined,
    );
    const issue = (seq: number | null, kind: string, message: string) => issues.push({ requestId, seq, kind, message });
    issues.push(...matchHistory(requestId, rows, parsed));

    const rebuilt = reconstruct(parsed);
    for (const d of rebuilt.divergences) issue(d.seq, 'reducer-divergence', d.message);

    if (this.options.documents) issues.push(...(await verifyDocuments(requestId, rows, this.options.documents)));

    const warnings: string[] = [];
    const own = await this.workflowState(evidence, warnings);
    if (own && canonicalJson(own) !== canonicalJson(rebuilt.state)) {
      issue(
        own.seq,
        'state-mismatch',
        `the workflow's own state (seq ${own.seq}) differs from the state rebuilt from history`,
      );
    }
    if (
      request?.state &&
      rebuilt.state.seq === request.lastSeq &&
      canonicalJson(request.state) !== canonicalJson(rebuilt.state)
    ) {
      issue(
        request.lastSeq,
        'read-model-state',
        'the read model holds a state other than the one rebuilt from history',
      );
    }
    return {
      requestId,
      workflowId: evidence.workflowId,
      ok: issues.length === 0,
      transitions: rows.length,
      runs: parsed.runIds.length,
      status: rebuilt.state.status,
      issues,
      warnings,
    };
  }

  /** The workflow's result when it completed, else its answer to the caseState query. */
  private async workflowState(evidence: CaseEvidence, warnings: string[]): Promise<CaseState | undefined> {
    const { parsed, workflowId } = evidence;
    if (parsed.closed === 'completed') return parsed.result;
    if (parsed.closed !== 'running') {
      warnings.push(`the workflow ended ${parsed.closed}; compared with its last recorded batch only`);
      return parsed.batches[parsed.batches.length - 1]?.batch.state;
    }
    if (!(await this.workers.polled(parsed.taskQueue))) {
      warnings.push(
        `no worker polls task queue ${parsed.taskQueue} to answer the running workflow's caseState query; compared with its last recorded batch only`,
      );
      return parsed.batches[parsed.batches.length - 1]?.batch.state;
    }
    const timeoutMs = this.options.queryTimeoutMs ?? 10_000;
    try {
      // A deadline on the call itself, so no retry outlives it (a workflow without a worker never answers).
      return await this.client.withDeadline(Date.now() + timeoutMs, () =>
        this.client.workflow.getHandle(workflowId).query(caseStateQuery),
      );
    } catch (error) {
      warnings.push(`the caseState query failed (${error instanceof Error ? error.message : String(error)})`);
      return undefined;
    }
  }
}

/**
 * The log and the batches the workflow scheduled must match: every recorded transition was asked for,
 * always with the same content (a batch repeats the transitions not yet recorded when it was
 * scheduled), and every transition of a batch Temporal saw complete is in the log.
 */
export function matchHistory(requestId: string, rows: TransitionEntity[], parsed: ParsedCase): AuditIssue[] {
  const issues: AuditIssue[] = [];
  const issue = (seq: number, kind: string, message: string) => issues.push({ requestId, seq, kind, message });
  const asked = new Map<number, { scheduled: ScheduledBatch; transition: BatchedTransition; completed: boolean }>();
  for (const scheduled of parsed.batches) {
    for (const transition of scheduled.batch.transitions) {
      const earlier = asked.get(transition.seq);
      if (!earlier) {
        asked.set(transition.seq, { scheduled, transition, completed: scheduled.completed });
        continue;
      }
      earlier.completed ||= scheduled.completed;
      const differing = differingFields(
        chainedFieldsOfBatch(earlier.scheduled.batch, earlier.transition),
        chainedFieldsOfBatch(scheduled.batch, transition),
      );
      if (differing.length > 0) {
        issue(
          transition.seq,
          'conflicting-in-history',
          `transition ${transition.seq} was scheduled for recording twice, differing in ${differing.join(', ')}`,
        );
      }
    }
  }
  const seen = new Set<number>();
  for (const row of rows) {
    seen.add(row.seq);
    const match = asked.get(row.seq);
    if (!match) {
      issue(row.seq, 'not-in-history', `transition ${row.seq} is in the log but no workflow task asked to record it`);
      continue;
    }
    const differing = differingFields(
      chainedFieldsOfBatch(match.scheduled.batch, match.transition),
      issuedAsScheduled(chainedFieldsOf(row)),
    );
    if (differing.length > 0) {
      issue(row.seq, 'differs-from-history', `transition ${row.seq} differs from history in ${differing.join(', ')}`);
    }
  }
  for (const [seq, { scheduled, completed }] of asked) {
    if (!seen.has(seq) && (completed || parsed.closed !== 'running')) {
      issue(
        seq,
        'missing-from-log',
        `transition ${seq} was recorded per Temporal (event ${scheduled.eventId}) but is not in the log`,
      );
    }
  }
  return issues.sort((a, b) => (a.seq ?? 0) - (b.seq ?? 0));
}

/**
 * Re-hashes the stored content of every uploaded document version: content changed behind the
 * system's back, or gone, is reported by file name and version.
 */
export async function verifyDocuments(
  requestId: string,
  rows: TransitionEntity[],
  store: BlobStore,
): Promise<AuditIssue[]> {
  const issues: AuditIssue[] = [];
  const seen = new Map<string, Awaited<ReturnType<BlobStore['inspect']>>>();
  for (const row of rows) {
    if (row.event === 'document.issued' && row.data) {
      const issued = row.data as {
        number?: string;
        renditions?: Array<{ language: string; sha256: string; size: number }>;
      };
      for (const r of issued.renditions ?? []) {
        const found = await store.inspect(r.sha256);
        const which = `issued document ${issued.number} (${r.language})`;
        if (!found.found) {
          issues.push({
            requestId,
            seq: row.seq,
            kind: 'document-missing',
            message: `${which} is missing from the ${store.kind} store`,
          });
        } else if (found.sha256 !== r.sha256 || found.size !== Number(r.size)) {
          issues.push({
            requestId,
            seq: row.seq,
            kind: 'document-changed',
            message: `${which} was changed: its content hashes to ${found.sha256}`,
          });
        }
      }
      continue;
    }
    if (row.event !== 'document.uploaded' || !row.data) continue;
    const d = row.data as { documentType: string; version: number; fileName: string; sha256: string; size: number };
    let found = seen.get(d.sha256);
    if (!found) {
      found = await store.inspect(d.sha256);
      seen.set(d.sha256, found);
    }
    const which = `'${d.fileName}' (${d.documentType}, version ${d.version})`;
    if (!found.found) {
      issues.push({
        requestId,
        seq: row.seq,
        kind: 'document-missing',
        message: `document ${which} is missing from the ${store.kind} store`,
      });
    } else if (found.sha256 !== d.sha256 || found.size !== Number(d.size)) {
      issues.push({
        requestId,
        seq: row.seq,
        kind: 'document-changed',
        message: `document ${which} was changed: its content hashes to ${found.sha256}, not the recorded ${d.sha256}`,
      });
    }
  }
  return issues;
}

/**
 * A recorded `document.issued` row carries what issuing added in the recording transaction (number, code,
 * hashes), a `case.published` row what publishing added (description, source hash, published hash): compared
 * with the history, only what the workflow asked for counts.
 */
const PUBLISHING_ADDED = ['description', 'sourceHash', 'sha256'];

function issuedAsScheduled(row: ChainedFields): ChainedFields {
  if (row.event === CASE_PUBLISHED && row.data) {
    const scheduled = Object.entries(row.data).filter(([key]) => !PUBLISHING_ADDED.includes(key));
    return { ...row, data: Object.fromEntries(scheduled) };
  }
  if (row.event !== 'document.issued' || !row.data) return row;
  const { documentId, kind, process, validUntil } = row.data;
  return { ...row, data: { documentId, kind, process, validUntil } };
}

function differingFields(expected: ChainedFields, actual: ChainedFields): Array<keyof ChainedFields> {
  return (Object.keys(expected) as Array<keyof ChainedFields>).filter(
    (k) => canonicalJson(expected[k]) !== canonicalJson(actual[k]),
  );
}

function isNotFound(error: unknown): boolean {
  return error instanceof Error && (error.name === 'WorkflowNotFoundError' || /not found/i.test(error.message));
}

export type { Reconstruction };
