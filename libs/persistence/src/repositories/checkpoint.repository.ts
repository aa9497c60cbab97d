import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CheckpointEntryEntity } from '../entities/checkpoint-entry.entity';
import { CheckpointEntity } from '../entities/checkpoint.entity';

/** The head of one request's chain, read from the transition log itself (not the read model). */
export interface ChainHead {
  requestId: string;
  lastSeq: number;
  headHash: string;
}

export type NewCheckpoint = Omit<CheckpointEntity, 'id'>;

export interface CheckpointSnapshot {
  previous: CheckpointEntity | null;
  heads: ChainHead[];
  transitionCount: number;
}

// Serialises checkpoint writers so each links to the one before it.
const CHECKPOINT_LOCK = 0x6f770001;

@Injectable()
export class CheckpointRepository {
  constructor(private readonly db: DataSource) {}

  /** Every request's chain head as the log holds it now, ordered by request id. */
  async currentHeads(): Promise<ChainHead[]> {
    return this.db.transaction('REPEATABLE READ', async (tx) => (await this.snapshot(tx.query.bind(tx))).heads);
  }

  /**
   * Takes one consistent snapshot of the log and the latest checkpoint, lets `build` make the next
   * checkpoint from it, and appends it with its entries; concurrent callers queue on an advisory lock.
   */
  async append(build: (snapshot: CheckpointSnapshot) => NewCheckpoint): Promise<CheckpointEntity> {
    return this.db.transaction('REPEATABLE READ', async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock($1)', [CHECKPOINT_LOCK]);
      const previous = await tx
        .getRepository(CheckpointEntity)
        .createQueryBuilder('c')
        .orderBy('c.id', 'DESC')
        .limit(1)
        .getOne();
      const snapshot = { previous, ...(await this.snapshot(tx.query.bind(tx))) };
      const inserted = await tx.getRepository(CheckpointEntity).insert(build(snapshot));
      const checkpointId = String(inserted.identifiers[0].id);
      for (let i = 0; i < snapshot.heads.length; i += 5000) {
        const slice = snapshot.heads.slice(i, i + 5000).map((h) => ({ checkpointId, ...h }));
        await tx.getRepository(CheckpointEntryEntity).insert(slice);
      }
      return tx.getRepository(CheckpointEntity).findOneByOrFail({ id: checkpointId });
    });
  }

  /** All checkpoints, oldest first. */
  list(): Promise<CheckpointEntity[]> {
    return this.db.getRepository(CheckpointEntity).find({ order: { id: 'ASC' } });
  }

  async entries(checkpointId: string): Promise<ChainHead[]> {
    const rows = await this.db
      .getRepository(CheckpointEntryEntity)
      .find({ where: { checkpointId }, order: { requestId: 'ASC' } });
    return rows.map(({ requestId, lastSeq, headHash }) => ({ requestId, lastSeq, headHash }));
  }

  /** The hash the log holds for each (request, seq) asked about; missing rows are absent from the map. */
  async hashesAt(points: Pick<ChainHead, 'requestId' | 'lastSeq'>[]): Promise<Map<string, string>> {
    const found = new Map<string, string>();
    for (let i = 0; i < points.length; i += 5000) {
      const slice = points.slice(i, i + 5000);
      const rows: { request_id: string; seq: number; hash: string }[] = await this.db.query(
        `SELECT t.request_id, t.seq, t.hash
           FROM transitions t
           JOIN unnest($1::uuid[], $2::int[]) AS p(request_id, seq) ON p.request_id = t.request_id AND p.seq = t.seq`,
        [slice.map((p) => p.requestId), slice.map((p) => p.lastSeq)],
      );
      for (const row of rows) found.set(`${row.request_id}#${row.seq}`, row.hash);
    }
    return found;
  }

  private async snapshot(query: (sql: string) => Promise<unknown>): Promise<Omit<CheckpointSnapshot, 'previous'>> {
    const rows = (await query(
      `SELECT DISTINCT ON (request_id) request_id, seq, hash FROM transitions ORDER BY request_id, seq DESC`,
    )) as { request_id: string; seq: number; hash: string }[];
    const [{ count }] = (await query(`SELECT count(*)::bigint AS count FROM transitions`)) as { count: string }[];
    return {
      heads: rows.map((r) => ({ requestId: r.request_id, lastSeq: r.seq, headHash: r.hash })),
      transitionCount: Number(count),
    };
  }
}
