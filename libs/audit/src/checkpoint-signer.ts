import { canonicalJson } from '@onewindow/persistence';
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

/** The signed content of a checkpoint; `hash` covers all of it, the signature covers `hash`. */
export interface CheckpointBody {
  createdAt: string;
  requestCount: number;
  transitionCount: number;
  merkleRoot: string;
  prevHash: string;
}

export function checkpointHash(body: CheckpointBody): string {
  const { createdAt, requestCount, transitionCount, merkleRoot, prevHash } = body;
  return createHash('sha256')
    .update(canonicalJson({ createdAt, requestCount, transitionCount, merkleRoot, prevHash }))
    .digest('hex');
}

/** HMAC-SHA256 signatures over checkpoint hashes with the configured audit signing key. */
export class CheckpointSigner {
  /** A fingerprint of the key (not the key): tells a rotated key apart from a forged signature. */
  readonly keyId: string;

  constructor(private readonly key: string) {
    if (key.length < 32) throw new Error('The audit signing key must be at least 32 characters');
    this.keyId = createHash('sha256').update(`onewindow-audit-key:${key}`).digest('hex').slice(0, 16);
  }

  sign(hash: string): string {
    return createHmac('sha256', this.key).update(hash).digest('hex');
  }

  verify(hash: string, signature: string): boolean {
    const expected = Buffer.from(this.sign(hash), 'hex');
    const given = Buffer.from(signature, 'hex');
    return given.length === expected.length && timingSafeEqual(given, expected);
  }
}
