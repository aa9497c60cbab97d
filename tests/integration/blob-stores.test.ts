import { BlobStore, PostgresBlobStore, S3BlobStore } from '@onewindow/documents';
import { loadConfig } from '@onewindow/config';
import { createDataSource } from '@onewindow/persistence';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import S3rver from 's3rver';
import type { DataSource } from 'typeorm';
import { pdfOf, sha256 } from '../support/files';

async function* pieces(content: Buffer, size = 7_000): AsyncGenerator<Buffer> {
  for (let i = 0; i < content.length; i += size) yield await Promise.resolve(content.subarray(i, i + size));
}

async function* failingAfter(content: Buffer): AsyncGenerator<Buffer> {
  yield* pieces(content);
  throw new Error('the client went away');
}

async function read(store: BlobStore, key: string): Promise<Buffer | null> {
  const stream = await store.get(key);
  if (!stream) return null;
  const parts: Buffer[] = [];
  for await (const part of stream as AsyncIterable<Buffer>) parts.push(part);
  return Buffer.concat(parts);
}

/** The contract every document store keeps; `count` tells how many objects the store holds. */
function storeContract(name: string, open: () => { sut: BlobStore; count: () => Promise<number> }) {
  describe(name, () => {
    let sut: BlobStore;
    let count: () => Promise<number>;
    beforeAll(() => ({ sut, count } = open()));

    it('stores content once under its SHA-256 and streams it back', async () => {
      const content = pdfOf(`${name} contract`, 3 * 1024 * 1024 + 5);
      const first = await sut.put(pieces(content));
      expect(first).toEqual({ sha256: sha256(content), size: content.length, created: true });
      const again = await sut.put(pieces(content, 65_536));
      expect(again).toEqual({ ...first, created: false });
      expect(Buffer.compare((await read(sut, first.sha256)) as Buffer, content)).toBe(0);
      expect(await sut.inspect(first.sha256)).toEqual({ found: true, sha256: first.sha256, size: content.length });
    });

    it('keeps nothing when the source fails halfway', async () => {
      const before = await count();
      await expect(sut.put(failingAfter(pdfOf(`${name} interrupted`, 2 * 1024 * 1024)))).rejects.toThrow(/went away/);
      expect(await count()).toBe(before);
    });

    it('answers for content it does not hold, and deletes', async () => {
      const content = pdfOf(`${name} deleted`);
      const { sha256: key } = await sut.put(pieces(content));
      await sut.delete(key);
      expect(await read(sut, key)).toBeNull();
      expect(await sut.inspect(key)).toEqual({ found: false });
      expect(await read(sut, 'not-a-hash')).toBeNull();
    });
  });
}

describe('document stores', () => {
  let db: DataSource;
  let s3: S3rver;
  let s3Dir: string;
  let s3Url: string;

  beforeAll(async () => {
    db = await createDataSource(loadConfig().databaseUrl).initialize();
    s3Dir = await mkdtemp(join(tmpdir(), 'onewindow-s3-'));
    s3 = new S3rver({
      address: '127.0.0.1',
      port: 0,
      silent: true,
      directory: s3Dir,
      configureBuckets: [{ name: 'docs' }],
    });
    const { port } = await s3.run();
    s3Url = `http://127.0.0.1:${port}/docs/case-files`;
  });
  afterAll(async () => {
    await s3?.close();
    await rm(s3Dir, { recursive: true, force: true });
    await db?.destroy();
  });

  storeContract('PostgreSQL', () => ({
    sut: new PostgresBlobStore(db),
    count: async () => {
      const [row] = await db.query<Array<{ n: number }>>(`SELECT count(*)::int AS n FROM blob_chunks`);
      return row.n;
    },
  }));

  // s3rver is an S3-compatible server (it checks SigV4 signatures with its fixed S3RVER credentials).
  storeContract('S3-compatible', () => {
    const sut = new S3BlobStore({ url: s3Url, region: 'us-east-1', accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' });
    return {
      sut,
      count: async () => {
        const { readdir } = await import('node:fs/promises');
        const walk = async (dir: string): Promise<number> => {
          let n = 0;
          for (const entry of await readdir(dir, { withFileTypes: true })) {
            if (entry.isDirectory()) n += await walk(join(dir, entry.name));
            else n += 1;
          }
          return n;
        };
        return walk(s3Dir);
      },
    };
  });
});
