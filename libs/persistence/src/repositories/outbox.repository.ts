import type { Channel, Language, OutboxDraft } from '@onewindow/notifications';
import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';

/** Channel on which in-app notifications are announced to live listeners when delivered. */
export const NOTIFICATIONS_CHANNEL = 'onewindow_notifications';

export type OutboxState = 'pending' | 'delivered' | 'parked';

export interface OutboxRow {
  id: string;
  dedupeKey: string;
  channel: Channel;
  recipientId: string;
  requestId: string | null;
  seq: number | null;
  kind: string;
  language: Language;
  address: string | null;
  subject: string;
  body: string;
  payload: Record<string, unknown>;
  state: OutboxState;
  attempts: number;
  nextAttemptAt: Date;
  lastError: string | null;
  createdAt: Date;
  deliveredAt: Date | null;
  readAt: Date | null;
}

export const OUTBOX_COLUMNS = `id::text AS id, dedupe_key AS "dedupeKey", channel, recipient_id AS "recipientId",
  request_id AS "requestId", seq, kind, language, address, subject, body, payload, state, attempts,
  next_attempt_at AS "nextAttemptAt", last_error AS "lastError", created_at AS "createdAt",
  delivered_at AS "deliveredAt", read_at AS "readAt"`;

export interface ReminderCandidate {
  requestId: string;
  requestTitle: string;
  jurisdiction: string;
  status: string;
  stepId: string;
  title: string;
  department: string;
  assignee: string | null;
  dueAt: string;
}

/**
 * Which deliveries a reader may see and re-send: those addressed to `recipientId`, and those of cases
 * `department` has or had a step on; neither set: every delivery.
 */
export interface DeliveryScope {
  recipientId?: string;
  department?: string;
}

const IN_SCOPE = (recipient: string, department: string) =>
  `((${recipient}::text IS NULL AND ${department}::text IS NULL) OR o.recipient_id = ${recipient}
    OR EXISTS (SELECT 1 FROM requests r WHERE r.id = o.request_id AND ${department} = ANY(r.departments)))`;

export type DeliveryResult = { ok: true } | { ok: false; error: string };

/**
 * The notification outbox: rows written in the transaction of the transitions that cause them
 * (one per recipient and channel, unique by dedupe key), claimed one at a time by workers, re-sent on request.
 */
@Injectable()
export class OutboxRepository {
  constructor(private readonly db: DataSource) {}

  /**
   * Appends addressed notifications inside the caller's transaction (the one recording their cause); a dedupe key
   * already present is skipped (a retried recording, a second reminder pass). Returns how many were new.
   */
  static async append(tx: EntityManager, drafts: OutboxDraft[]): Promise<number> {
    if (drafts.length === 0) return 0;
    const inserted = await tx.query<unknown[]>(
      `INSERT INTO outbox (dedupe_key, channel, recipient_id, request_id, seq, kind, language, address, subject, body, payload)
       SELECT dedupe_key, channel, recipient_id, request_id, seq, kind, language, address, subject, body, payload
       FROM jsonb_to_recordset($1::jsonb) AS r(dedupe_key text, channel text, recipient_id text, request_id uuid,
         seq int, kind text, language text, address text, subject text, body text, payload jsonb)
       ON CONFLICT (dedupe_key, channel) DO NOTHING RETURNING id`,
      [
        JSON.stringify(
          drafts.map((d) => ({
            dedupe_key: d.dedupeKey,
            channel: d.channel,
            recipient_id: d.recipientId,
            request_id: d.requestId,
            seq: d.seq,
            kind: d.kind,
            language: d.language,
            address: d.address,
            subject: d.subject,
            body: d.body,
            payload: d.payload,
          })),
        ),
      ],
    );
    return inserted.length;
  }

  /**
   * Claims the next due row and hands it to `deliver` while holding its row lock, then records the
   * result in the same transaction: a worker that dies mid-delivery releases the row to another.
   * Returns false when nothing is due.
   */
  async deliverNext(
    deliver: (row: OutboxRow, webhookSecret: string | null) => Promise<DeliveryResult>,
    retry: { maxAttempts: number; baseMs: number },
  ): Promise<boolean> {
    return this.db.transaction(async (tx) => {
      const [row] = await tx.query<Array<OutboxRow & { webhookSecret: string | null }>>(
        `SELECT ${OUTBOX_COLUMNS},
           (SELECT webhook_secret FROM notification_preferences p WHERE p.user_id = o.recipient_id) AS "webhookSecret"
         FROM outbox o WHERE o.state = 'pending' AND o.next_attempt_at <= now()
         ORDER BY o.next_attempt_at, o.id LIMIT 1 FOR UPDATE OF o SKIP LOCKED`,
      );
      if (!row) return false;
      let result: DeliveryResult;
      try {
        result = await deliver(row, row.webhookSecret);
      } catch (error) {
        result = { ok: false, error: error instanceof Error ? error.message : String(error) };
      }
      if (result.ok) {
        await tx.query(
          `UPDATE outbox SET state = 'delivered', attempts = attempts + 1, delivered_at = now(), last_error = NULL WHERE id = $1`,
          [row.id],
        );
        if (row.channel === 'in-app') {
          await tx.query(`SELECT pg_notify($1, $2)`, [
            NOTIFICATIONS_CHANNEL,
            JSON.stringify({ userId: row.recipientId, id: row.id }),
          ]);
        }
        return true;
      }
      const attempts = row.attempts + 1;
      const parked = attempts >= retry.maxAttempts;
      const delayMs = Math.min(retry.baseMs * 2 ** (attempts - 1), 3_600_000);
      await tx.query(
        `UPDATE outbox SET attempts = $2, last_error = $3, state = $4,
           next_attempt_at = now() + ($5::int * interval '1 millisecond') WHERE id = $1`,
        [row.id, attempts, result.error.slice(0, 1000), parked ? 'parked' : 'pending', delayMs],
      );
      return true;
    });
  }

  /** Puts a parked (or any) notification the scope covers back in line for delivery now. */
  async resend(id: string, scope: DeliveryScope = {}): Promise<OutboxRow | null> {
    const [rows] = await this.db.query<[OutboxRow[], number]>(
      `UPDATE outbox o SET state = 'pending', attempts = 0, next_attempt_at = now(), last_error = NULL
       WHERE id = $1 AND channel <> 'in-app' AND ${IN_SCOPE('$2', '$3')} RETURNING ${OUTBOX_COLUMNS}`,
      [id, scope.recipientId ?? null, scope.department ?? null],
    );
    return rows[0] ?? null;
  }

  /** Delivery state, newest first, of the deliveries the scope covers. */
  list(
    filter: { requestId?: string; state?: OutboxState; limit: number },
    scope: DeliveryScope = {},
  ): Promise<OutboxRow[]> {
    return this.db.query<OutboxRow[]>(
      `SELECT ${OUTBOX_COLUMNS} FROM outbox o
       WHERE ($1::uuid IS NULL OR request_id = $1) AND ($2::text IS NULL OR state = $2) AND ${IN_SCOPE('$4', '$5')}
       ORDER BY id DESC LIMIT $3`,
      [
        filter.requestId ?? null,
        filter.state ?? null,
        filter.limit,
        scope.recipientId ?? null,
        scope.department ?? null,
      ],
    );
  }

  /** Open steps of open requests due before `horizon`: candidates for due-date reminders. */
  openStepsDueBefore(horizon: Date): Promise<ReminderCandidate[]> {
    return this.db.query<ReminderCandidate[]>(
      `SELECT t.request_id AS "requestId", r.title AS "requestTitle", r.jurisdiction, r.status, t.step_id AS "stepId",
         t.title, t.department, t.assignee, to_char(t.due_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "dueAt"
       FROM open_tasks t JOIN requests r ON r.id = t.request_id
       WHERE t.due_at IS NOT NULL AND t.due_at > now() AND t.due_at <= $1 AND t.kind <> 'parallel'
       ORDER BY t.due_at LIMIT 5000`,
      [horizon],
    );
  }
}
