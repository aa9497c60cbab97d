import type { CaseState, Transition } from '@onewindow/domain';
import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { OpenTaskEntity } from '../entities/open-task.entity';
import { RequestEntity } from '../entities/request.entity';
import { TransitionEntity } from '../entities/transition.entity';
import { chainHash, ChainedFields, GENESIS_HASH } from '../hash-chain';

/** Channel on which every recorded batch is announced to live listeners. */
export const TRANSITIONS_CHANNEL = 'onewindow_transitions';

export type TransitionSource = 'api' | 'timer' | 'external' | 'system';

export interface RequestIdentity {
  requestId: string;
  applicantId: string;
  title: string;
  attributes: Record<string, string | number | boolean>;
  submittedAt: string;
}

export interface TransitionBatch {
  request: RequestIdentity;
  workflowId: string;
  runId: string;
  source: TransitionSource;
  /** The case state after the last transition of the batch. */
  state: CaseState;
  transitions: Transition[];
}

export interface RecordResult {
  /** How many of the batch's transitions were new; a retried batch records none. */
  recorded: number;
  lastSeq: number;
}

@Injectable()
export class TransitionLogRepository {
  constructor(private readonly db: DataSource) {}

  /**
   * Appends a batch of transitions and moves the read model forward in one database transaction.
   * Idempotent: transitions already recorded (same request and seq) are skipped, so a retried
   * activity never writes a transition twice.
   */
  async record(batch: TransitionBatch): Promise<RecordResult> {
    return this.db.transaction(async (tx) => {
      const { requestId } = batch.request;
      await this.ensureRequest(tx, batch);
      const head = await tx
        .getRepository(RequestEntity)
        .createQueryBuilder('r')
        .setLock('pessimistic_write')
        .where('r.id = :requestId', { requestId })
        .getOneOrFail();

      const fresh = batch.transitions.filter((t) => t.seq > head.lastSeq).sort((a, b) => a.seq - b.seq);
      if (fresh.length === 0) return { recorded: 0, lastSeq: head.lastSeq };
      if (fresh[0].seq !== head.lastSeq + 1) {
        throw new Error(`Transition gap for request ${requestId}: have seq ${head.lastSeq}, got ${fresh[0].seq}`);
      }

      let prevHash = head.headHash ?? GENESIS_HASH;
      const rows = fresh.map((t) => {
        const fields = chainedFieldsOfBatch(batch, t);
        const hash = chainHash(prevHash, fields);
        const row = { ...fields, occurredAt: new Date(fields.occurredAt), prevHash, hash };
        prevHash = hash;
        return row;
      });
      await tx.getRepository(TransitionEntity).insert(rows);

      const lastSeq = fresh[fresh.length - 1].seq;
      await tx.getRepository(RequestEntity).update(requestId, {
        status: batch.state.status,
        lastSeq,
        headHash: prevHash,
        state: batch.state,
        nextDueAt: earliestDue(batch.state),
        updatedAt: new Date(fresh[fresh.length - 1].at),
      });
      await this.replaceOpenTasks(tx, requestId, batch.state);
      await tx.query(`SELECT pg_notify($1, $2)`, [TRANSITIONS_CHANNEL, JSON.stringify({ requestId, lastSeq })]);
      return { recorded: fresh.length, lastSeq };
    });
  }

  /** The first batch of a request creates its read-model row, unless the API already did. */
  private async ensureRequest(tx: EntityManager, batch: TransitionBatch): Promise<void> {
    const { request, state, workflowId } = batch;
    await tx
      .createQueryBuilder()
      .insert()
      .into(RequestEntity)
      .values(newRequestRow(request, state, workflowId))
      .orIgnore()
      .execute();
  }

  private async replaceOpenTasks(tx: EntityManager, requestId: string, state: CaseState): Promise<void> {
    const tasks = tx.getRepository(OpenTaskEntity);
    await tasks.delete({ requestId });
    if (state.activeSteps.length === 0) return;
    await tasks.insert(
      state.activeSteps.map((step) => ({
        requestId,
        stepId: step.stepId,
        title: step.title,
        kind: step.kind,
        department: step.owner.department,
        role: step.owner.role,
        state: step.state,
        assignee: step.assignee ?? null,
        dueAt: step.dueAt ? new Date(step.dueAt) : null,
      })),
    );
  }
}

/** A request's read-model row before any of its transitions are recorded, showing its initial state. */
export function newRequestRow(request: RequestIdentity, state: CaseState, workflowId: string): RequestEntity {
  return {
    id: request.requestId,
    definitionKey: state.definitionKey,
    definitionVersion: state.definitionVersion,
    requestType: state.requestType,
    jurisdiction: state.jurisdiction,
    applicantId: request.applicantId,
    title: request.title,
    attributes: request.attributes,
    status: state.status,
    workflowId,
    lastSeq: 0,
    headHash: null,
    state,
    nextDueAt: earliestDue(state),
    submittedAt: new Date(request.submittedAt),
    updatedAt: new Date(request.submittedAt),
  };
}

function earliestDue(state: CaseState): Date | null {
  const due = state.activeSteps.map((s) => s.dueAt).filter((d): d is string => typeof d === 'string');
  return due.length === 0 ? null : new Date(due.sort()[0]);
}

/** The row recorded for a transition of a batch: what its hash covers, and what the auditor recomputes. */
export function chainedFieldsOfBatch(batch: TransitionBatch, t: Transition): ChainedFields {
  return {
    requestId: batch.request.requestId,
    seq: t.seq,
    stepId: t.stepId,
    event: t.event,
    fromState: t.fromState,
    toState: t.toState,
    actorId: t.actor.id,
    actorRole: t.actor.role,
    actorDepartment: t.actor.department ?? null,
    outcome: t.outcome ?? null,
    reason: t.reason ?? null,
    conditions: t.conditions ?? null,
    data: t.data ?? null,
    source: batch.source,
    occurredAt: new Date(t.at).toISOString(),
    workflowId: batch.workflowId,
    runId: batch.runId,
  };
}
