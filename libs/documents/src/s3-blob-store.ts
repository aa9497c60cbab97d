import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  NoSuchKey,
  NotFound,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { BlobInspection, BlobStore, SHA256_HEX, StoredBlob } from './blob-store';

export interface S3Location {
  /** `http(s)://host[:port]/bucket[/prefix]`: an S3-compatible endpoint, path-style. */
  url: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
}

/**
 * An S3-compatible object store. The content is spooled to a temporary file while its hash is
 * computed (the key is the hash, and S3 needs the length up front), then sent as one stream.
 */
export class S3BlobStore implements BlobStore {
  readonly kind = 's3';
  private readonly client: S3Client;
  private readonly bucket: string;
  private readonly prefix: string;

  constructor(location: S3Location) {
    const url = new URL(location.url);
    const [bucket, ...prefix] = url.pathname.split('/').filter(Boolean);
    if (!bucket) throw new Error('S3_URL must name a bucket: http(s)://host[:port]/bucket[/prefix]');
    this.bucket = bucket;
    this.prefix = prefix.length > 0 ? `${prefix.join('/')}/` : '';
    this.client = new S3Client({
      endpoint: url.origin,
      region: location.region,
      forcePathStyle: true,
      // Plain bodies: many S3-compatible servers do not take the SDK's default aws-chunked checksum framing.
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
      credentials: { accessKeyId: location.accessKeyId, secretAccessKey: location.secretAccessKey },
    });
  }

  async put(source: AsyncIterable<Buffer>): Promise<StoredBlob> {
    const dir = await mkdtemp(join(tmpdir(), 'onewindow-upload-'));
    const file = join(dir, randomUUID());
    try {
      const hash = createHash('sha256');
      let size = 0;
      await pipeline(
        Readable.from(source),
        async function* (chunks: AsyncIterable<Buffer>) {
          for await (const chunk of chunks) {
            hash.update(chunk);
            size += chunk.length;
            yield chunk;
          }
        },
        createWriteStream(file),
      );
      const sha256 = hash.digest('hex');
      if (await this.head(sha256)) return { sha256, size, created: false };
      await this.client.send(
        new PutObjectCommand({
          Bucket: this.bucket,
          Key: this.key(sha256),
          Body: createReadStream(file),
          ContentLength: size,
          ContentType: 'application/octet-stream',
        }),
      );
      return { sha256, size, created: true };
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }

  async get(sha256: string): Promise<Readable | null> {
    if (!SHA256_HEX.test(sha256)) return null;
    try {
      const object = await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: this.key(sha256) }));
      return object.Body as Readable;
    } catch (error) {
      if (isMissing(error)) return null;
      throw error;
    }
  }

  async inspect(sha256: string): Promise<BlobInspection> {
    const body = await this.get(sha256);
    if (!body) return { found: false };
    const hash = createHash('sha256');
    let size = 0;
    for await (const chunk of body as AsyncIterable<Buffer>) {
      hash.update(chunk);
      size += chunk.length;
    }
    return { found: true, sha256: hash.digest('hex'), size };
  }

  async delete(sha256: string): Promise<void> {
    if (!SHA256_HEX.test(sha256)) return;
    await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: this.key(sha256) }));
  }

  private async head(sha256: string): Promise<boolean> {
    try {
      await this.client.send(new HeadObjectCommand({ Bucket: this.bucket, Key: this.key(sha256) }));
      return true;
    } catch (error) {
      if (isMissing(error)) return false;
      throw error;
    }
  }

  private key(sha256: string): string {
    return `${this.prefix}sha256/${sha256.slice(0, 2)}/${sha256}`;
  }
}

function isMissing(error: unknown): boolean {
  if (error instanceof NoSuchKey || error instanceof NotFound) return true;
  const status = (error as { $metadata?: { httpStatusCode?: number } })?.$metadata?.httpStatusCode;
  return status === 404;
}
