import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A signed statement of every request's chain head at one moment: the Merkle root over
 * (request, last seq, head hash), chained to the previous checkpoint and signed.
 */
@Entity({ name: 'checkpoints' })
export class CheckpointEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint' })
  id!: string;

  @Column('timestamptz', { name: 'created_at' })
  createdAt!: Date;

  @Column('int', { name: 'request_count' })
  requestCount!: number;

  @Column('bigint', { name: 'transition_count' })
  transitionCount!: string;

  @Column('text', { name: 'merkle_root' })
  merkleRoot!: string;

  /** Hash of the previous checkpoint; the first one links to the genesis hash. */
  @Column('text', { name: 'prev_hash' })
  prevHash!: string;

  @Column('text')
  hash!: string;

  /** Fingerprint of the key that signed, so a rotated key is told apart from a forged signature. */
  @Column('text', { name: 'key_id' })
  keyId!: string;

  @Column('text')
  signature!: string;
}
