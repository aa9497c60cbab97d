import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Idempotency keys of API calls (a retried POST replays its first response) and the indexes the
 * work queue and the staff request list read by: department or assignee by due date, overdue steps.
 */
export class ApiIdempotencyAndQueue1764374400000 implements MigrationInterface {
  name = 'ApiIdempotencyAndQueue1764374400000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE idempotency_keys (
        actor_id text NOT NULL,
        key text NOT NULL,
        request_hash text NOT NULL,
        status text NOT NULL CHECK (status IN ('in_flight', 'completed')),
        response_status int,
        response_body jsonb,
        created_at timestamptz NOT NULL DEFAULT now(),
        completed_at timestamptz,
        PRIMARY KEY (actor_id, key)
      )`);
    await db.query(`CREATE INDEX idempotency_keys_created_idx ON idempotency_keys (created_at)`);
    await db.query(
      `CREATE INDEX open_tasks_assignee_idx ON open_tasks (assignee, due_at NULLS LAST) WHERE assignee IS NOT NULL`,
    );
    await db.query(`CREATE INDEX open_tasks_due_idx ON open_tasks (due_at) WHERE due_at IS NOT NULL`);
    await db.query(`CREATE INDEX requests_status_idx ON requests (status, submitted_at DESC)`);
    await db.query(`CREATE INDEX requests_submitted_idx ON requests (submitted_at DESC)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX requests_submitted_idx`);
    await db.query(`DROP INDEX requests_status_idx`);
    await db.query(`DROP INDEX open_tasks_due_idx`);
    await db.query(`DROP INDEX open_tasks_assignee_idx`);
    await db.query(`DROP TABLE idempotency_keys`);
  }
}
