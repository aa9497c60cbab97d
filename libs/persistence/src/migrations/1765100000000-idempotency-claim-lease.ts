import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An in-flight Idempotency-Key claim names the call holding it and a lease the call renews while it
 * runs, so a retry takes over the claim of a process that died within seconds, not after a deadline.
 * Claims in flight during the migration get an expired lease: their holders ran the old code.
 */
export class IdempotencyClaimLease1765100000000 implements MigrationInterface {
  name = 'IdempotencyClaimLease1765100000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(
      `ALTER TABLE idempotency_keys ADD COLUMN holder uuid, ADD COLUMN lease_until timestamptz NOT NULL DEFAULT now()`,
    );
    await db.query(`CREATE INDEX idempotency_keys_holder_idx ON idempotency_keys (holder) WHERE status = 'in_flight'`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX idempotency_keys_holder_idx`);
    await db.query(`ALTER TABLE idempotency_keys DROP COLUMN lease_until, DROP COLUMN holder`);
  }
}
