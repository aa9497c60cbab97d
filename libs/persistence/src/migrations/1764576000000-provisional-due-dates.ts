import { MigrationInterface, QueryRunner } from 'typeorm';

/** Whether an open step's due date counts over days its calendar does not cover yet (provisional). */
export class ProvisionalDueDates1764576000000 implements MigrationInterface {
  name = 'ProvisionalDueDates1764576000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE open_tasks ADD COLUMN due_provisional boolean NOT NULL DEFAULT false`);
    await db.query(`CREATE INDEX open_tasks_provisional ON open_tasks (department) WHERE due_provisional`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX open_tasks_provisional`);
    await db.query(`ALTER TABLE open_tasks DROP COLUMN due_provisional`);
  }
}
