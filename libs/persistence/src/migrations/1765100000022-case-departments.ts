import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The departments that have or had a step on each case: the need-to-know rule reads them (a clerk
 * reads a case, its events, documents and deliveries only where their department is listed). Each
 * recorded batch adds the departments of its active steps; existing cases take those of their open
 * steps and of the clerks who acted on them.
 */
export class CaseDepartments1765100000022 implements MigrationInterface {
  name = 'CaseDepartments1765100000022';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE requests ADD COLUMN departments text[] NOT NULL DEFAULT '{}'`);
    await db.query(`
      UPDATE requests r SET departments = ARRAY(
        SELECT department FROM open_tasks WHERE request_id = r.id
        UNION
        SELECT actor_department FROM transitions WHERE request_id = r.id AND actor_department IS NOT NULL
        ORDER BY 1)`);
    await db.query(`CREATE INDEX requests_departments ON requests USING gin (departments)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX requests_departments`);
    await db.query(`ALTER TABLE requests DROP COLUMN departments`);
  }
}
