import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The consultee directory: the organisations a definition may name to consult (by key), with their names in both
 * languages and the address their invitations go to. Administrators keep it; the two bodies the built-in land-use
 * process consults are there from the start, at placeholder addresses to be replaced by the authority's own.
 */
export class ConsulteeDirectory1765400000000 implements MigrationInterface {
  name = 'ConsulteeDirectory1765400000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE consultee_organisations (
        key text PRIMARY KEY CHECK (key ~ '^[a-z0-9][a-z0-9-]{0,62}$'),
        name_en text NOT NULL,
        name_zh text NOT NULL,
        email text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        updated_by text NOT NULL
      )`);
    await db.query(`
      INSERT INTO consultee_organisations (key, name_en, name_zh, email, updated_by) VALUES
        ('highway-authority', 'Local highway authority', '地方公路主管部门', 'consultations@highways.example.org', 'system'),
        ('environment-agency', 'Environment Agency', '生态环境主管部门', 'planning@environment.example.org', 'system')`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE consultee_organisations`);
  }
}
