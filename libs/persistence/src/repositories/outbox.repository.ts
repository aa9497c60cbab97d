import type { LocalizedText } from '@onewindow/domain';
import {
  Audience,
  CaseReading,
  Channel,
  CHANNELS,
  Language,
  LANGUAGES,
  PlannedNotification,
  Preferences,
  render,
} from '@onewindow/notifications';
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

/** An in-app notification with the time zone of its case's jurisdiction (null for one of no case). */
export interface InboxRow extends OutboxRow {
  timeZone: string | null;
}

const COLUMNS = `id::text AS id, dedupe_key AS "dedupeKey", channel, recipient_id AS "recipientId",
  request_id AS "requestId", seq, kind, language, address, subject, body, payload, state, attempts,
  next_attempt_at AS "nextAttemptAt", last_error AS "lastError", created_at AS "createdAt",
  delivered_at AS "deliveredAt", read_at AS "readAt"`;

/** The zone of the jurisdiction of a notification's case, in which its moment is read. */
const CASE_ZONE = `(SELECT c.calendar->>'timeZone' FROM requests r JOIN calendars c ON c.id = r.jurisdiction
  WHERE r.id = outbox.request_id ORDER BY c.revision DESC LIMIT 1) AS "timeZone"`;

const PREFERENCE_COLUMNS = `user_id AS "userId", role, department, language, channels, email,
  webhook_url AS "webhookUrl", webhook_secret AS "webhookSecret"`;

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

/** How a delivery attempt ended, as the worker reports it. */
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
 * (one per recipient and channel, unique by dedupe key), claimed one at a time by workers.
 */
@Injectable()
export class OutboxRepository {
  constructor(private readonly db: DataSource) {}

  /**
   * Addresses planned notifications to people and their channels and appends them, inside the
   * caller's transaction; a dedupe key already present is skipped (a retried recording, a second
   * reminder pass).
   */
  static async enqueue(tx: EntityManager, planned: PlannedNotification[]): Promise<number> {
    if (planned.length === 0) return 0;
    const audiences = planned.flatMap((p) => p.audience);
    const userIds = audiences.flatMap((a) => ('userId' in a ? [a.userId] : []));
    const departments = audiences.flatMap((a) => ('clerksOf' in a ? [a.clerksOf] : []));
    const known = await tx.query<Preferences[]>(
      `SELECT ${PREFERENCE_COLUMNS} FROM notification_preferences
       WHERE user_id = ANY($1) OR (role = 'clerk' AND department = ANY($2)) OR role = 'supervisor'`,
      [userIds, departments],
    );
    // Deadlines are read in the zone of each request's jurisdiction and outcomes named as its definition names
    // them, as on its pages.
    const cases = await tx.query<
      Array<{ id: string; zone: string | null; outcomeLabels: Record<string, LocalizedText> | null }>
    >(
      `SELECT r.id, c.calendar->>'timeZone' AS zone, d.definition->'outcomeLabels' AS "outcomeLabels" FROM requests r
       LEFT JOIN LATERAL (SELECT calendar FROM calendars WHERE id = r.jurisdiction ORDER BY revision DESC LIMIT 1) c
         ON true
       LEFT JOIN process_definitions d ON d.key = r.definition_key AND d.version = r.definition_version
       WHERE r.id = ANY($1)`,
      [[...new Set(planned.map((p) => p.requestId))]],
    );
    const readingOf = new Map<string, CaseReading>(
      cases.map((c) => [c.id, { timeZone: c.zone ?? 'UTC', outcomeLabels: c.outcomeLabels ?? {} }]),
    );
    const rows: Array<Record<string, unknown>> = [];
    for (const p of planned) {
      const recipients = new Map<string, Preferences>();
      for (const audience of p.audience) for (const r of resolve(audience, known)) recipients.set(r.userId, r);
      for (const r of recipients.values()) {
        const { subject, body } = render(p.kind, r.language, p.facts, readingOf.get(p.requestId));
        for (const channel of r.channels) {
          const address = channel === 'email' ? r.email : channel === 'webhook' ? r.webhookUrl : null;
          if (channel !== 'in-app' && !address) continue;
          rows.push({
            dedupe_key: `${p.cause}:${r.userId}`,
            channel,
            recipient_id: r.userId,
            request_id: p.requestId,
            seq: p.seq,
            kind: p.kind,
            language: r.language,
            address,
            subject,
            body,
            payload: { kind: p.kind, ...p.facts },
          });
        }
      }
    }
    if (rows.length === 0) return 0;
    const inserted = await tx.query<unknown[]>(
      `INSERT INTO outbox (dedupe_key, channel, recipient_id, request_id, seq, kind, language, address, subject, body, payload)
       SELECT dedupe_key, channel, recipient_id, request_id, seq, kind, language, address, subject, body, payload
       FROM jsonb_to_recordset($1::jsonb) AS r(dedupe_key text, channel text, recipient_id text, request_id uuid,
         seq int, kind text, language text, address text, subject text, body text, payload jsonb)
       ON CONFLICT (dedupe_key, channel) DO NOTHING RETURNING id`,
      [JSON.stringify(rows)],
    );
    return inserted.length;
  }

  /** Appends notifications in a transaction of their own (reminders, which no transition causes). */
  enqueue(planned: PlannedNotification[]): Promise<number> {
    return this.db.transaction((tx) => OutboxRepository.enqueue(tx, planned));
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
        `SELECT ${COLUMNS},
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
       WHERE id = $1 AND channel <> 'in-app' AND ${IN_SCOPE('$2', '$3')} RETURNING ${COLUMNS}`,
      [id, scope.recipientId ?? null, scope.department ?? null],
    );
    return rows[0] ?? null;
  }

  async find(id: string): Promise<OutboxRow | null> {
    const [row] = await this.db.query<OutboxRow[]>(`SELECT ${COLUMNS} FROM outbox WHERE id = $1`, [id]);
    return row ?? null;
  }

  /** One in-app notification as its recipient's inbox shows it. */
  async findInInbox(id: string): Promise<InboxRow | null> {
    const [row] = await this.db.query<InboxRow[]>(`SELECT ${COLUMNS}, ${CASE_ZONE} FROM outbox WHERE id = $1`, [id]);
    return row ?? null;
  }

  /** Delivery state, newest first, of the deliveries the scope covers. */
  list(
    filter: { requestId?: string; state?: OutboxState; limit: number },
    scope: DeliveryScope = {},
  ): Promise<OutboxRow[]> {
    return this.db.query<OutboxRow[]>(
      `SELECT ${COLUMNS} FROM outbox o
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

  /** A user's in-app notifications (delivered), newest first. */
  inbox(userId: string, options: { unreadOnly: boolean; limit: number }): Promise<InboxRow[]> {
    return this.db.query<InboxRow[]>(
      `SELECT ${COLUMNS}, ${CASE_ZONE} FROM outbox
       WHERE recipient_id = $1 AND channel = 'in-app' AND state = 'delivered' AND ($2 = false OR read_at IS NULL)
       ORDER BY id DESC LIMIT $3`,
      [userId, options.unreadOnly, options.limit],
    );
  }

  async unreadCount(userId: string): Promise<number> {
    const [row] = await this.db.query<Array<{ n: number }>>(
      `SELECT count(*)::int AS n FROM outbox
       WHERE recipient_id = $1 AND channel = 'in-app' AND state = 'delivered' AND read_at IS NULL`,
      [userId],
    );
    return row.n;
  }

  /** Marks the user's own in-app notifications read (all when `ids` is omitted); returns how many changed. */
  async markRead(userId: string, ids?: string[]): Promise<number> {
    // TypeORM answers an UPDATE … RETURNING with [rows, affected].
    const [, affected] = await this.db.query<[unknown[], number]>(
      `UPDATE outbox SET read_at = now()
       WHERE recipient_id = $1 AND channel = 'in-app' AND read_at IS NULL AND ($2::bigint[] IS NULL OR id = ANY($2))
       RETURNING id`,
      [userId, ids ?? null],
    );
    return affected;
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

  async preferences(userId: string): Promise<Preferences | null> {
    const [row] = await this.db.query<Preferences[]>(
      `SELECT ${PREFERENCE_COLUMNS} FROM notification_preferences WHERE user_id = $1`,
      [userId],
    );
    return row ?? null;
  }

  async savePreferences(p: Preferences): Promise<Preferences> {
    const [row] = await this.db.query<Preferences[]>(
      `INSERT INTO notification_preferences (user_id, role, department, language, channels, email, webhook_url, webhook_secret, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, now())
       ON CONFLICT (user_id) DO UPDATE SET role = EXCLUDED.role, department = EXCLUDED.department,
         language = EXCLUDED.language, channels = EXCLUDED.channels, email = EXCLUDED.email,
         webhook_url = EXCLUDED.webhook_url, webhook_secret = EXCLUDED.webhook_secret, updated_at = now()
       RETURNING ${PREFERENCE_COLUMNS}`,
      [p.userId, p.role, p.department, p.language, p.channels, p.email, p.webhookUrl, p.webhookSecret],
    );
    return row;
  }
}

/** The people an audience names: known users (in-app in English without preferences), or by role and department. */
function resolve(audience: Audience, known: Preferences[]): Preferences[] {
  if ('userId' in audience) {
    return [known.find((k) => k.userId === audience.userId) ?? defaults(audience.userId)];
  }
  if ('clerksOf' in audience) return known.filter((k) => k.role === 'clerk' && k.department === audience.clerksOf);
  const over = audience.supervisorsOf;
  return known.filter(
    (k) => k.role === 'supervisor' && (k.department === null || over === null || k.department === over),
  );
}

function defaults(userId: string): Preferences {
  return {
    userId,
    role: 'unknown',
    department: null,
    language: 'en',
    channels: ['in-app'],
    email: null,
    webhookUrl: null,
    webhookSecret: null,
  };
}

export const isChannel = (value: string): value is Channel => (CHANNELS as readonly string[]).includes(value);
export const isLanguage = (value: string): value is Language => (LANGUAGES as readonly string[]).includes(value);
