import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One leaf of a checkpoint: the head of one request's chain when the checkpoint was taken. */
@Entity({ name: 'checkpoint_entries' })
export class CheckpointEntryEntity {
  @PrimaryColumn('bigint', { name: 'checkpoint_id' })
  checkpointId!: string;

  @PrimaryColumn('uuid', { name: 'request_id' })
  requestId!: string;

  @Column('int', { name: 'last_seq' })
  lastSeq!: number;

  @Column('text', { name: 'head_hash' })
  headHash!: string;
}
