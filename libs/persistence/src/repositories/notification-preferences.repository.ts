import type { Preferences } from '@onewindow/notifications';
import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';

const PREFERENCE_COLUMNS = `user_id AS "userId", role, department, language, channels, email,
  webhook_url AS "webhookUrl", webhook_secret AS "webhookSecret"`;

/** Each user's notification preferences: language, channels, email address and webhook. */
@Injectable()
export class NotificationPreferencesRepository {
  constructor(private readonly db: DataSource) {}

  /**
   * Inside the caller's transaction, the preferences of everyone `audiences` can name: the users it names, the
   * clerks of the departments it names, and every supervisor.
   */
  static forAudiences(
    tx: EntityManager,
    audiences: { userIds: string[]; departments: string[] },
  ): Promise<Preferences[]> {
    return tx.query<Preferences[]>(
      `SELECT ${PREFERENCE_COLUMNS} FROM notification_preferences
       WHERE user_id = ANY($1) OR (role = 'clerk' AND department = ANY($2)) OR role = 'supervisor'`,
      [audiences.userIds, audiences.departments],
    );
  }

  async find(userId: string): Promise<Preferences | null> {
    const [row] = await this.db.query<Preferences[]>(
      `SELECT ${PREFERENCE_COLUMNS} FROM notification_preferences WHERE user_id = $1`,
      [userId],
    );
    return row ?? null;
  }

  async save(p: Preferences): Promise<Preferences> {
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
