import { MigrationInterface, QueryRunner } from 'typeorm';
import { appRole } from './app-role';

/**
 * Staff seen through verified sign-ins (id, role, department): a step may be reassigned only to
 * someone the identity provider has vouched for, with a role and department that may hold it.
 */
export class StaffDirectory1764600000000 implements MigrationInterface {
  name = 'StaffDirectory1764600000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE staff_members (
        id text PRIMARY KEY,
        role text NOT NULL,
        department text,
        name text,
        last_seen_at timestamptz NOT NULL DEFAULT now()
      )`);
    const role = await appRole(db);
    if (role) {
      await db.query(`
        DO $$
        BEGIN
          IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${role}') THEN
            GRANT SELECT, INSERT, UPDATE ON staff_members TO ${role};
          END IF;
        END $$`);
    }
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE staff_members`);
  }
}
