import { createHash, randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import type { DataSource } from 'typeorm';
import { BlobInspection, BlobStore, SHA256_HEX, StoredBlob } from './blob-store';

/** Chunk size in the database: large enough for few rows, small enough to keep memory flat. */
const CHUNK_BYTES = 1024 * 1024;

/**
 * The default store: content in `blob_chunks` (bytea, 1 MiB each), one `blobs` row per hash. Chunks
 * are written under a staging key while the hash is computed, then renamed in one transaction.
 */
export class PostgresBlobStore implements BlobStore {
  readonly kind = 'postgres';

  constructor(private readonly db: DataSource) {}

  async put(source: AsyncIterable<Buffer>): Promise<StoredBlob> {
    const staging = `upload:${randomUUID()}`;
    const hash = createHash('sha256');
    let size = 0;
    let idx = 0;
    try {
      for await (const chunk of rechunk(source, CHUNK_BYTES)) {
        hash.update(chunk);
        size += chunk.length;
        await this.db.query(`INSERT INTO blob_chunks (blob_key, idx, data) VALUES ($1, $2, $3)`, [staging, idx, chunk]);
        idx += 1;
      }
      const sha256 = hash.digest('hex');
      const created = await this.db.transaction(async (tx) => {
        const inserted = await tx.query<unknown[]>(
          `INSERT INTO blobs (sha256, size) VALUES ($1, $2) ON CONFLICT (sha256) DO NOTHING RETURNING sha256`,
          [sha256, size],
        );
        if (inserted.length === 0) return false;
        await tx.query(`UPDATE blob_chunks SET blob_key = $2 WHERE blob_key = $1`, [staging, sha256]);
        return true;
      });
      if (!created) await this.removeStaging(staging);
      return { sha256, size, created };
    } catch (error) {
      await this.removeStaging(staging);
      throw error;
    }
  }

  async get(sha256: string): Promise<Readable | null> {
    if (!(await this.exists(sha256))) return null;
    return Readable.from(this.chunks(sha256));
  }

  async inspect(sha256: string): Promise<BlobInspection> {
    if (!(await this.exists(sha256))) return { found: false };
    const hash = createHash('sha256');
    let size = 0;
    for await (const chunk of this.chunks(sha256)) {
      hash.update(chunk);
      size += chunk.length;
    }
    return { found: true, sha256: hash.digest('hex'), size };
  }

  async delete(sha256: string): Promise<void> {
    if (!SHA256_HEX.test(sha256)) return;
    await this.db.transaction(async (tx) => {
      await tx.query(`DELETE FROM blobs WHERE sha256 = $1`, [sha256]);
      await tx.query(`DELETE FROM blob_chunks WHERE blob_key = $1`, [sha256]);
    });
  }

  private async exists(sha256: string): Promise<boolean> {
    if (!SHA256_HEX.test(sha256)) return false;
    const rows = await this.db.query<unknown[]>(`SELECT 1 FROM blobs WHERE sha256 = $1`, [sha256]);
    return rows.length > 0;
  }

  /** One chunk at a time, so a download never holds more than a chunk. */
  private async *chunks(key: string): AsyncGenerator<Buffer> {
    for (let idx = 0; ; idx++) {
      const [row] = await this.db.query<Array<{ data: Buffer }>>(
        `SELECT data FROM blob_chunks WHERE blob_key = $1 AND idx = $2`,
        [key, idx],
      );
      if (!row) return;
      yield row.data;
    }
  }

  private async removeStaging(staging: string): Promise<void> {
    await this.db.query(`DELETE FROM blob_chunks WHERE blob_key = $1`, [staging]);
  }
}

/** Regroups a stream's pieces into chunks of `size` bytes (the last one shorter). */
export async function* rechunk(source: AsyncIterable<Buffer>, size: number): AsyncGenerator<Buffer> {
  let parts: Buffer[] = [];
  let held = 0;
  for await (const piece of source) {
    let rest = piece;
    while (held + rest.length >= size) {
      const take = size - held;
      parts.push(rest.subarray(0, take));
      yield Buffer.concat(parts);
      parts = [];
      held = 0;
      rest = rest.subarray(take);
    }
    if (rest.length > 0) {
      parts.push(rest);
      held += rest.length;
    }
  }
  if (held > 0) yield Buffer.concat(parts);
}
