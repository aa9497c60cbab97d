import { MigrationInterface, QueryRunner } from 'typeorm';
import { appRole } from './app-role';

const APPEND_ONLY = ['checkpoints', 'checkpoint_entries', 'access_log'];

/**
 * Signed checkpoints over the heads of every request's chain (so a deleted or rewritten case is
 * detected), and the log of refused actions. Both are append-only, like the transition log.
 */
export class AuditTables1764288000100 implements MigrationInterface {
  name = 'AuditTables1764288000100';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE checkpoints (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        created_at timestamptz NOT NULL,
        request_count int NOT NULL CHECK (request_count >= 0),
        transition_count bigint NOT NULL CHECK (transition_count >= 0),
        merkle_root text NOT NULL,
        prev_hash text NOT NULL,
        hash text NOT NULL UNIQUE,
        key_id text NOT NULL,
        signature text NOT NULL
      )`);
    await db.query(`
      CREATE TABLE checkpoint_entries (
        checkpoint_id bigint NOT NULL REFERENCES checkpoints (id),
        request_id uuid NOT NULL,
        last_seq int NOT NULL,
        head_hash text NOT NULL,
        PRIMARY KEY (checkpoint_id, request_id)
      )`);
    await db.query(`
      CREATE TABLE access_log (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        occurred_at timestamptz NOT NULL DEFAULT now(),
        kind text NOT NULL,
        actor_id text,
        actor_role text,
        actor_department text,
        route text NOT NULL,
        action text,
        request_id uuid,
        reason text NOT NULL,
        correlation_id text NOT NULL,
        details jsonb
      )`);
    await db.query(`CREATE INDEX access_log_occurred_idx ON access_log (occurred_at)`);
    await db.query(`CREATE INDEX access_log_request_idx ON access_log (request_id) WHERE request_id IS NOT NULL`);
    for (const table of APPEND_ONLY) {
      await db.query(`
        CREATE TRIGGER ${table}_append_only BEFORE UPDATE OR DELETE ON ${table}
        FOR EACH ROW EXECUTE FUNCTION onewindow_refuse_change()`);
    }
    const role = await appRole(db);
    if (role) {
      await db.query(`
        DO $$
        BEGIN
          IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${role}') THEN
            ${APPEND_ONLY.map((t) => `REVOKE ALL ON ${t} FROM ${role}; GRANT SELECT, INSERT ON ${t} TO ${role};`).join('\n          ')}
          END IF;
        END $$`);
    }
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE access_log`);
    await db.query(`DROP TABLE checkpoint_entries`);
    await db.query(`DROP TABLE checkpoints`);
  }
}
