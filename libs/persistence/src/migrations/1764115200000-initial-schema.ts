import { MigrationInterface, QueryRunner } from 'typeorm';

export class InitialSchema1764115200000 implements MigrationInterface {
  name = 'InitialSchema1764115200000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE requests (
        id uuid PRIMARY KEY,
        definition_key text NOT NULL,
        definition_version int NOT NULL,
        request_type text NOT NULL,
        jurisdiction text NOT NULL,
        applicant_id text NOT NULL,
        title text NOT NULL,
        attributes jsonb NOT NULL,
        status text NOT NULL,
        workflow_id text NOT NULL UNIQUE,
        last_seq int NOT NULL DEFAULT 0,
        head_hash text,
        state jsonb NOT NULL,
        next_due_at timestamptz,
        submitted_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL
      )`);
    await db.query(`CREATE INDEX requests_applicant_idx ON requests (applicant_id, submitted_at DESC)`);
    await db.query(`
      CREATE TABLE transitions (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        request_id uuid NOT NULL REFERENCES requests (id),
        seq int NOT NULL CHECK (seq > 0),
        step_id text,
        event text NOT NULL,
        from_state text NOT NULL,
        to_state text NOT NULL,
        actor_id text NOT NULL,
        actor_role text NOT NULL,
        actor_department text,
        outcome text,
        reason text,
        conditions jsonb,
        data jsonb,
        source text NOT NULL,
        occurred_at timestamptz NOT NULL,
        recorded_at timestamptz NOT NULL DEFAULT now(),
        workflow_id text NOT NULL,
        run_id text NOT NULL,
        prev_hash text NOT NULL,
        hash text NOT NULL,
        CONSTRAINT transitions_request_seq_key UNIQUE (request_id, seq)
      )`);
    await db.query(`CREATE INDEX transitions_occurred_idx ON transitions (occurred_at)`);
    await db.query(`
      CREATE TABLE open_tasks (
        request_id uuid NOT NULL REFERENCES requests (id),
        step_id text NOT NULL,
        title text NOT NULL,
        kind text NOT NULL,
        department text NOT NULL,
        role text NOT NULL,
        state text NOT NULL,
        assignee text,
        due_at timestamptz,
        PRIMARY KEY (request_id, step_id)
      )`);
    await db.query(`CREATE INDEX open_tasks_queue_idx ON open_tasks (department, due_at NULLS LAST)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE open_tasks`);
    await db.query(`DROP TABLE transitions`);
    await db.query(`DROP TABLE requests`);
  }
}
