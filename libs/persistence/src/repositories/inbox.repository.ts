import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { OUTBOX_COLUMNS, OutboxRow } from './outbox.repository';

/** A user's in-app notifications: the outbox's delivered in-app rows, read and marked read by their recipient. */
@Injectable()
export class InboxRepository {
  constructor(private readonly db: DataSource) {}

  /** A user's in-app notifications (delivered), newest first. */
  list(userId: string, options: { unreadOnly: boolean; limit: number }): Promise<OutboxRow[]> {
    return this.db.query<OutboxRow[]>(
      `SELECT ${OUTBOX_COLUMNS} FROM outbox
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
