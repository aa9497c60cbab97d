import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issued documents: a counter row per numbering series (jurisdiction and year), locked by the transaction
 * that records a `document.issued` transition, so numbers have no gaps and are never reused; and the public
 * read model `/verify/<code>` answers from (what a document is, its hashes, its status now), never from
 * `requests` or `transitions`.
 */
export class IssuedDocuments1765000000000 implements MigrationInterface {
  name = 'IssuedDocuments1765000000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE document_series (
        series text PRIMARY KEY,
        last_number int NOT NULL CHECK (last_number > 0)
      )`);
    await db.query(`
      CREATE TABLE issued_documents (
        verification_code text PRIMARY KEY,
        request_id uuid NOT NULL REFERENCES requests (id),
        document_id text NOT NULL,
        seq int NOT NULL,
        kind text NOT NULL,
        series text NOT NULL,
        serial int NOT NULL,
        number text NOT NULL UNIQUE,
        template_version int NOT NULL,
        renditions jsonb NOT NULL,
        issuer text NOT NULL,
        issued_at timestamptz NOT NULL,
        valid_until timestamptz,
        status text NOT NULL DEFAULT 'valid',
        status_reason text,
        status_at timestamptz,
        superseded_by text,
        UNIQUE (request_id, document_id),
        UNIQUE (series, serial)
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE issued_documents`);
    await db.query(`DROP TABLE document_series`);
  }
}
