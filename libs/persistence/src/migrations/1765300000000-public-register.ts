import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The public side of a case. `published_applications` is the register's read model: one row per case whose
 * definition's publication point was reached, written in the transaction recording its `case.published`
 * transition; public routes read it and never `requests` or `transitions`. `public_comments` holds what members
 * of the public wrote: counted once the email is confirmed, public only once an officer publishes a redacted copy.
 */
export class PublicRegister1765300000000 implements MigrationInterface {
  name = 'PublicRegister1765300000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE published_applications (
        request_id uuid PRIMARY KEY REFERENCES requests (id),
        reference text NOT NULL UNIQUE,
        definition_key text NOT NULL,
        description text NOT NULL,
        site_address text,
        status text NOT NULL,
        received_at timestamptz NOT NULL,
        published_at timestamptz NOT NULL,
        decided_at timestamptz,
        decision text,
        comments_step text,
        comments_until timestamptz,
        document jsonb NOT NULL,
        sha256 text NOT NULL,
        source_hash text NOT NULL,
        seq int NOT NULL
      )`);
    await db.query(`CREATE INDEX published_applications_published_at ON published_applications (published_at DESC)`);
    await db.query(`
      CREATE TABLE public_comments (
        id uuid PRIMARY KEY,
        request_id uuid NOT NULL REFERENCES requests (id),
        name text NOT NULL,
        email text NOT NULL,
        sentiment text NOT NULL CHECK (sentiment IN ('support', 'neutral', 'object')),
        topics text[] NOT NULL,
        text text NOT NULL,
        text_sha256 text NOT NULL,
        confirmation_hash text NOT NULL UNIQUE,
        created_at timestamptz NOT NULL,
        confirmed_at timestamptz,
        published_at timestamptz,
        published_text text,
        published_sha256 text,
        publication_seq int
      )`);
    await db.query(`CREATE INDEX public_comments_request ON public_comments (request_id, created_at)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE public_comments`);
    await db.query(`DROP TABLE published_applications`);
  }
}
