import { MigrationInterface, QueryRunner } from 'typeorm';
import { appRole } from './app-role';

/** Investment projects: their stages and the ids of the requests each stage starts (a read model). */
export class Projects1764576000100 implements MigrationInterface {
  name = 'Projects1764576000100';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE projects (
        id uuid PRIMARY KEY,
        title text NOT NULL,
        applicant_id text NOT NULL,
        calendar_id text NOT NULL,
        limit_working_days int NOT NULL CHECK (limit_working_days > 0),
        stages jsonb NOT NULL,
        workflow_id text NOT NULL,
        submitted_at timestamptz NOT NULL
      )`);
    await db.query(`CREATE INDEX projects_applicant ON projects (applicant_id, submitted_at DESC)`);
    const role = await appRole(db);
    if (role) {
      await db.query(`
        DO $$
        BEGIN
          IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${role}') THEN
            GRANT SELECT, INSERT ON projects TO ${role};
          END IF;
        END $$`);
    }
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE projects`);
  }
}
