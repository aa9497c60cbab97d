import type {
  BatchedTransition,
  DocumentIssuer,
  RecordResult,
  RequestIdentity,
  TransitionBatch,
} from '@onewindow/contracts';
import {
  CASE_PUBLISHED,
  CaseState,
  COMMENT_PUBLISHED,
  DEFAULT_LANGUAGE,
  earliestStepDueAt,
  textIn,
} from '@onewindow/domain';
import { ConsulteeLinks, planNotifications } from '@onewindow/notifications';
import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { RequestEntity } from '../entities/request.entity';
import { chainHash, ChainedFields, GENESIS_HASH } from '../hash-chain';
import { APPENDED_COLUMN_LIST, APPENDED_RECORDSET, appendedRow } from '../transition-columns';
import { DOCUMENT_STATUS_EVENTS, IssuedDocumentRepository } from './issued-document.repository';
import { ConsulteeRepository } from './consultee.repository';
import { OutboxRepository } from './outbox.repository';
import { PublicCommentRepository } from './public-comment.repository';
import { PublicRegisterRepository } from './public-register.repository';

/** Channel on which every recorded batch is announced to live listeners. */
export const TRANSITIONS_CHANNEL = 'onewindow_transitions';

@Injectable()
export class TransitionLogRepository {
  constructor(private readonly db: DataSource) {}

  /**
   * Appends a batch of transitions and moves the read model forward in one database transaction.
   * Idempotent: transitions already recorded (same request and seq) are skipped, so a retried
   * activity never writes a transition twice. Two statements (a request's first batch may need two
   * more to create its row): one locks the chain's head, one appends, moves the read model and
   * announces the batch (the hashes need the head in between).
   */
  async record(batch: TransitionBatch, issuer?: DocumentIssuer, links?: ConsulteeLinks): Promise<RecordResult> {
    return this.db.transaction(async (tx) => {
      const { requestId } = batch.request;
      const head = await this.lockHead(tx, batch);
      const fresh = batch.transitions.filter((t) => t.seq > head.lastSeq).sort((a, b) => a.seq - b.seq);
      if (fresh.length === 0) return { recorded: 0, lastSeq: head.lastSeq };
      if (fresh[0].seq !== head.lastSeq + 1) {
        throw new Error(`Transition gap for request ${requestId}: have seq ${head.lastSeq}, got ${fresh[0].seq}`);
      }

      let prevHash = head.headHash ?? GENESIS_HASH;
      const completed = await issueDocuments(tx, batch, fresh, issuer);
      const rows = [];
      for (const issued of completed) {
        // A publication names the hash of the entry before it, so it is completed as the chain is built.
        const t =
          issued.event === CASE_PUBLISHED
            ? await PublicRegisterRepository.publish(tx, batch, issued, prevHash)
            : issued;
        if (t.event === COMMENT_PUBLISHED) await PublicCommentRepository.recordPublication(tx, batch, t);
        const fields = chainedFieldsOfBatch(batch, t);
        const hash = chainHash(prevHash, fields);
        rows.push(appendedRow(fields, prevHash, hash));
        prevHash = hash;
      }
      const lastSeq = fresh[fresh.length - 1].seq;
      const { state } = batch;
      await tx.query(APPEND_SQL, [
        requestId,
        JSON.stringify(rows),
        state.status,
        lastSeq,
        prevHash,
        state,
        earliestDue(state),
        new Date(fresh[fresh.length - 1].at),
        JSON.stringify(openTaskRows(state)),
        TRANSITIONS_CHANNEL,
        JSON.stringify({ requestId, lastSeq }),
      ]);
      // The notifications these transitions cause commit or roll back with them.
      const { title, applicantId } = batch.request;
      const planned = planNotifications(
        { requestId, title, applicantId, coApplicants: head.coApplicants ?? [] },
        state,
        completed,
      );
      await OutboxRepository.enqueue(tx, planned);
      if (links) await ConsulteeRepository.enqueueInvitations(tx, batch, completed, links);
      return { recorded: fresh.length, lastSeq };
    });
  }

  /**
   * Locks the request's row, the head of its chain, for the rest of the transaction. The first
   * batch of a request creates the row, unless the API already did.
   */
  private async lockHead(tx: EntityManager, batch: TransitionBatch): Promise<ChainHead> {
    const lock = () =>
      tx.query<ChainHead[]>(
        `SELECT last_seq AS "lastSeq", head_hash AS "headHash", co_applicants AS "coApplicants"
         FROM requests WHERE id = $1 FOR UPDATE`,
        [batch.request.requestId],
      );
    const [head] = await lock();
    if (head) return head;
    await insertRequestIfAbsent(tx, batch.request, batch.state, batch.workflowId);
    const [created] = await lock();
    return created;
  }
}

/**
 * The `document.issued` transitions of a batch, completed with what issuing them gave (number, verification
 * code, hashes of the renderings), so the hash chain covers each document's bytes; a transition that changes an
 * issued document's status (revoked, varied, expired…) moves its verification read model with it.
 */
async function issueDocuments(
  tx: EntityManager,
  batch: TransitionBatch,
  fresh: BatchedTransition[],
  issuer: DocumentIssuer | undefined,
): Promise<BatchedTransition[]> {
  const completed: BatchedTransition[] = [];
  for (const t of fresh) {
    if (Object.hasOwn(DOCUMENT_STATUS_EVENTS, t.event))
      await IssuedDocumentRepository.changeStatus(tx, batch.request.requestId, t);
    if (t.event !== DOCUMENT_ISSUED) {
      completed.push(t);
      continue;
    }
    if (!issuer) throw new Error(`Request ${batch.request.requestId} issues a document, but no document issuer is set`);
    const issued = await IssuedDocumentRepository.issue(tx, issuer, batch, t);
    completed.push({ ...t, data: { ...t.data, ...issued } });
  }
  return completed;
}

/** The transition the reducer emits when a document is due. */
export const DOCUMENT_ISSUED = 'document.issued';

interface ChainHead {
  lastSeq: number;
  headHash: string | null;
  coApplicants?: string[];
}

/**
 * Appends the transitions ($2), moves the request's row to the batch's state (adding the departments
 * of its active steps to those that have or had a step on it), turns its open tasks
 * into the state's active steps ($9: closed steps deleted, the others inserted or updated where they
 * changed), keeps a published case's register row on its status and comment period and announces the batch, which listeners
 * receive when the transaction commits.
 */
const APPEND_SQL = `
  WITH steps AS (
    SELECT * FROM jsonb_to_recordset($9::jsonb) AS s(step_id text, title text, kind text, department text,
      role text, state text, assignee text, due_at timestamptz, due_provisional boolean)
  ), appended AS (
    INSERT INTO transitions (${APPENDED_COLUMN_LIST})
    SELECT ${APPENDED_COLUMN_LIST} FROM jsonb_to_recordset($2::jsonb) AS t(${APPENDED_RECORDSET})
  ), moved AS (
    UPDATE requests SET status = $3, last_seq = $4, head_hash = $5, state = $6, next_due_at = $7, updated_at = $8,
      definition_version = ($6::jsonb->>'definitionVersion')::int,
      departments = ARRAY(SELECT unnest(departments) UNION SELECT department FROM steps WHERE department IS NOT NULL ORDER BY 1)
    WHERE id = $1
  ), closed AS (
    DELETE FROM open_tasks o WHERE o.request_id = $1 AND o.step_id NOT IN (SELECT step_id FROM steps)
  ), opened AS (
    INSERT INTO open_tasks (request_id, step_id, title, kind, department, role, state, assignee, due_at,
      due_provisional)
    SELECT $1, step_id, title, kind, department, role, state, assignee, due_at, due_provisional FROM steps
    ON CONFLICT (request_id, step_id) DO UPDATE SET title = EXCLUDED.title, kind = EXCLUDED.kind,
      department = EXCLUDED.department, role = EXCLUDED.role, state = EXCLUDED.state,
      assignee = EXCLUDED.assignee, due_at = EXCLUDED.due_at, due_provisional = EXCLUDED.due_provisional
    WHERE (open_tasks.title, open_tasks.kind, open_tasks.department, open_tasks.role, open_tasks.state,
      open_tasks.assignee, open_tasks.due_at, open_tasks.due_provisional) IS DISTINCT FROM (EXCLUDED.title,
      EXCLUDED.kind, EXCLUDED.department, EXCLUDED.role, EXCLUDED.state, EXCLUDED.assignee, EXCLUDED.due_at,
      EXCLUDED.due_provisional)
  ), republished AS (
    UPDATE published_applications p SET status = $3, decided_at = ($6::jsonb->'decision'->>'at')::timestamptz,
      decision = $6::jsonb->'decision'->>'outcome',
      comments_until = (SELECT (s->>'dueAt')::timestamptz FROM jsonb_array_elements($6::jsonb->'activeSteps') s
        WHERE s->>'stepId' = p.comments_step LIMIT 1)
    WHERE request_id = $1
  )
  SELECT pg_notify($10, $11)`;

/** The open tasks of a state: one per active step, as the append statement reads them. */
function openTaskRows(state: CaseState): Array<Record<string, unknown>> {
  return state.activeSteps.map((step) => ({
    step_id: step.stepId,
    // A column for lists and search; pages show the step's label in the reader's language from its definition.
    title: textIn(step.title, DEFAULT_LANGUAGE),
    kind: step.kind,
    department: step.owner.department,
    role: step.owner.role,
    state: step.state,
    assignee: step.assignee ?? null,
    due_at: step.dueAt ?? null,
    due_provisional: step.dueProvisional === true,
  }));
}

/**
 * Creates a request's read-model row in its initial state, unless it exists: the API does so when it
 * starts the workflow, and the workflow's first recording when it gets there first.
 */
export async function insertRequestIfAbsent(
  db: EntityManager,
  request: RequestIdentity,
  state: CaseState,
  workflowId: string,
): Promise<void> {
  await db
    .createQueryBuilder()
    .insert()
    .into(RequestEntity)
    .values(newRequestRow(request, state, workflowId))
    .orIgnore()
    .execute();
}

/** A request's read-model row before any of its transitions are recorded, showing its initial state. */
function newRequestRow(request: RequestIdentity, state: CaseState, workflowId: string): RequestEntity {
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
    departments: [...new Set(state.activeSteps.map((step) => step.owner.department))].sort(),
    submittedAt: new Date(request.submittedAt),
    updatedAt: new Date(request.submittedAt),
  };
}

/** The read model's `next_due_at`: the earliest due date among the active steps. */
export function earliestDue(state: CaseState): Date | null {
  const due = earliestStepDueAt(state);
  return due === undefined ? null : new Date(due);
}

/** The row recorded for a transition of a batch: what its hash covers, and what the auditor recomputes. */
export function chainedFieldsOfBatch(batch: TransitionBatch, t: BatchedTransition): ChainedFields {
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
    source: t.source ?? batch.source,
    occurredAt: new Date(t.at).toISOString(),
    workflowId: batch.workflowId,
    runId: batch.runId,
  };
}
