import { MigrationInterface, QueryRunner } from 'typeorm';
import { appRole } from './app-role';

/** Published process definitions and calendars: immutable snapshots, one row per version. */
export class PublishedDefinitions1764400000000 implements MigrationInterface {
  name = 'PublishedDefinitions1764400000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE process_definitions (
        key text NOT NULL,
        version int NOT NULL CHECK (version > 0),
        definition jsonb NOT NULL,
        published_by text NOT NULL,
        published_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (key, version)
      )`);
    await db.query(`
      CREATE TABLE calendars (
        id text NOT NULL,
        revision int NOT NULL CHECK (revision > 0),
        calendar jsonb NOT NULL,
        published_by text NOT NULL,
        published_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (id, revision)
      )`);
    // A published version is never edited: running cases and replays depend on it.
    const role = await appRole(db);
    if (role) {
      await db.query(`
        DO $$
        BEGIN
          IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${role}') THEN
            REVOKE UPDATE, DELETE, TRUNCATE ON process_definitions, calendars FROM ${role};
            GRANT SELECT, INSERT ON process_definitions, calendars TO ${role};
          END IF;
        END $$`);
    }
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE calendars`);
    await db.query(`DROP TABLE process_definitions`);
  }
}
