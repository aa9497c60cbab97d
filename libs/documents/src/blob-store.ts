import type { Readable } from 'node:stream';

/** Content as it was stored: its SHA-256 (the key), its size, and whether this write created it. */
export interface StoredBlob {
  sha256: string;
  size: number;
  /** False when identical content was already stored (content addressing stores it once). */
  created: boolean;
}

/** What the store holds under a key now, re-hashed from the content itself. */
export type BlobInspection = { found: false } | { found: true; sha256: string; size: number };

/**
 * Content-addressed document storage (an abstract class, so it also serves as the DI token): content is stored once under its SHA-256. Writes stream through
 * (the content is never held in memory as a whole) and leave nothing behind when the source fails.
 */
export abstract class BlobStore {
  abstract readonly kind: 'postgres' | 's3';
  /** Streams `source` in; when it throws (too large, refused, interrupted) nothing remains stored. */
  abstract put(source: AsyncIterable<Buffer>): Promise<StoredBlob>;
  /** The content under `sha256`, streamed; null when the store has none. */
  abstract get(sha256: string): Promise<Readable | null>;
  /** Re-hashes what is stored under `sha256` (for the auditor: changed or missing content). */
  abstract inspect(sha256: string): Promise<BlobInspection>;
  abstract delete(sha256: string): Promise<void>;
}

export const SHA256_HEX = /^[0-9a-f]{64}$/;
