import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { caseZoneSql } from './case-zone';
import { OUTBOX_COLUMNS, OutboxRow } from './outbox.repository';

/** An in-app notification with the time zone of its case's jurisdiction (null for one of no case). */
export interface InboxRow extends OutboxRow {
  timeZone: string | null;
}

/** The zone of the jurisdiction of a notification's case, in which its moment is read. */
const CASE_ZONE = `${caseZoneSql('outbox.request_id')} AS "timeZone"`;

/** A user's in-app notifications: the outbox's delivered in-app rows, read and marked read by their recipient. */
@Injectable()
export class InboxRepository {
  constructor(private readonly db: DataSource) {}

  /** One in-app notification as its recipient's inbox shows it. */
  async find(id: string): Promise<InboxRow | null> {
    const [row] = await this.db.query<InboxRow[]>(`SELECT ${OUTBOX_COLUMNS}, ${CASE_ZONE} FROM outbox WHERE id = $1`, [
      id,
    ]);
    return row ?? null;
  }

  /** A user's in-app notifications (delivered), newest first. */
  list(userId: string, options: { unreadOnly: boolean; limit: number }): Promise<InboxRow[]> {
    return this.db.query<InboxRow[]>(
      `SELECT ${OUTBOX_COLUMNS}, ${CASE_ZONE} FROM outbox
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
}
