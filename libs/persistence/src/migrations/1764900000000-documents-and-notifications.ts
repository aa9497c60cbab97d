import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Document content (content-addressed by SHA-256, in chunks, for the PostgreSQL store), co-applicants
 * of a request, the notification outbox and each user's notification preferences. Which versions a
 * case holds is not stored here: the `document.uploaded` transitions on the hash chain say so.
 */
export class DocumentsAndNotifications1764900000000 implements MigrationInterface {
  name = 'DocumentsAndNotifications1764900000000';

  async up(db: QueryRunner): Promise<void> {
    // Chunks are written under a staging key ('upload:<uuid>') and renamed to the hash once it is known.
    await db.query(`
      CREATE TABLE blob_chunks (
        blob_key text NOT NULL,
        idx int NOT NULL,
        data bytea NOT NULL,
        PRIMARY KEY (blob_key, idx)
      )`);
    await db.query(`
      CREATE TABLE blobs (
        sha256 text PRIMARY KEY CHECK (sha256 ~ '^[0-9a-f]{64}$'),
        size bigint NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`ALTER TABLE requests ADD COLUMN co_applicants text[] NOT NULL DEFAULT '{}'`);
    await db.query(`
      CREATE TABLE notification_preferences (
        user_id text PRIMARY KEY,
        role text NOT NULL,
        department text,
        language text NOT NULL DEFAULT 'en',
        channels text[] NOT NULL DEFAULT '{in-app}',
        email text,
        webhook_url text,
        webhook_secret text,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX notification_preferences_staff ON notification_preferences (role, department)`);
    await db.query(`
      CREATE TABLE outbox (
        id bigserial PRIMARY KEY,
        dedupe_key text NOT NULL,
        channel text NOT NULL CHECK (channel IN ('email', 'webhook', 'in-app')),
        recipient_id text NOT NULL,
        request_id uuid,
        seq int,
        kind text NOT NULL,
        language text NOT NULL,
        address text,
        subject text NOT NULL,
        body text NOT NULL,
        payload jsonb NOT NULL,
        state text NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'delivered', 'parked')),
        attempts int NOT NULL DEFAULT 0,
        next_attempt_at timestamptz NOT NULL DEFAULT now(),
        last_error text,
        created_at timestamptz NOT NULL DEFAULT now(),
        delivered_at timestamptz,
        read_at timestamptz,
        UNIQUE (dedupe_key, channel)
      )`);
    await db.query(`CREATE INDEX outbox_due ON outbox (next_attempt_at) WHERE state = 'pending'`);
    await db.query(`CREATE INDEX outbox_inbox ON outbox (recipient_id, id) WHERE channel = 'in-app'`);
    await db.query(`CREATE INDEX outbox_request ON outbox (request_id, id)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE outbox`);
    await db.query(`DROP TABLE notification_preferences`);
    await db.query(`ALTER TABLE requests DROP COLUMN co_applicants`);
    await db.query(`DROP TABLE blobs`);
    await db.query(`DROP TABLE blob_chunks`);
  }
}
