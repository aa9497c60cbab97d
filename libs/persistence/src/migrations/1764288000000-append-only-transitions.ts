import { MigrationInterface, QueryRunner } from 'typeorm';
import { appRole } from './app-role';

/**
 * Makes the transition log append-only: a trigger refuses UPDATE and DELETE for everyone, and the
 * application role may only SELECT and INSERT it (no TRUNCATE, which bypasses triggers). The role
 * is created when the migrating user may create roles; otherwise the migration says so and goes on.
 */
export class AppendOnlyTransitions1764288000000 implements MigrationInterface {
  name = 'AppendOnlyTransitions1764288000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE FUNCTION onewindow_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await db.query(`
      CREATE TRIGGER transitions_append_only BEFORE UPDATE OR DELETE ON transitions
      FOR EACH ROW EXECUTE FUNCTION onewindow_refuse_change()`);
    const role = await appRole(db);
    if (role) {
      await db.query(`
        DO $$
        BEGIN
          IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${role}') THEN
            BEGIN
              CREATE ROLE ${role} NOLOGIN;
            EXCEPTION
              WHEN duplicate_object OR unique_violation THEN NULL; -- created concurrently by another database's migration
              WHEN insufficient_privilege THEN
                RAISE NOTICE 'role ${role} not created: % may not create roles; set DATABASE_APP_ROLE to an existing role or to empty', current_user;
                RETURN;
            END;
          END IF;
          -- The migrating user must be able to switch to the role it provisions.
          IF NOT pg_has_role(current_user, '${role}', 'MEMBER') THEN
            BEGIN
              EXECUTE format('GRANT ${role} TO %I', current_user);
            EXCEPTION WHEN insufficient_privilege THEN
              RAISE NOTICE '% is not a member of ${role} and may not become one; grant it before connecting as it', current_user;
            END;
          END IF;
          EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA %I TO ${role}', current_schema());
          EXECUTE format('GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA %I TO ${role}', current_schema());
          -- Tables later migrations create get the same read-model rights; append-only ones revoke what they must.
          EXECUTE format('ALTER DEFAULT PRIVILEGES IN SCHEMA %I GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${role}', current_schema());
          EXECUTE format('ALTER DEFAULT PRIVILEGES IN SCHEMA %I GRANT USAGE, SELECT ON SEQUENCES TO ${role}', current_schema());
          REVOKE ALL ON transitions FROM ${role};
          GRANT SELECT, INSERT ON transitions TO ${role};
          IF to_regclass('migrations') IS NOT NULL THEN
            REVOKE ALL ON migrations FROM ${role};
          END IF;
        END $$`);
    }
  }

  async down(db: QueryRunner): Promise<void> {
    // The role is cluster-wide and may serve other databases, so it stays; this database's grants go.
    const role = await appRole(db);
    if (role) {
      await db.query(`
        DO $$
        BEGIN
          IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${role}') THEN
            EXECUTE format('ALTER DEFAULT PRIVILEGES IN SCHEMA %I REVOKE ALL ON TABLES FROM ${role}', current_schema());
            EXECUTE format('ALTER DEFAULT PRIVILEGES IN SCHEMA %I REVOKE ALL ON SEQUENCES FROM ${role}', current_schema());
            EXECUTE format('REVOKE ALL ON ALL TABLES IN SCHEMA %I FROM ${role}', current_schema());
            EXECUTE format('REVOKE ALL ON ALL SEQUENCES IN SCHEMA %I FROM ${role}', current_schema());
          END IF;
        END $$`);
    }
    await db.query(`DROP TRIGGER transitions_append_only ON transitions`);
    await db.query(`DROP FUNCTION onewindow_refuse_change()`);
  }
}
