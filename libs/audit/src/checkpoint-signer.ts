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

/**
 * HMAC-SHA256 signatures over checkpoint hashes: new ones with the current audit signing key, and
 * every checkpoint verified with the key its key id names — the current one or a previous one kept
 * after a rotation (AUDIT_PREVIOUS_SIGNING_KEYS), so old checkpoints still verify.
 */
export class CheckpointSigner {
  /** A fingerprint of the current key (not the key): tells a rotated key apart from a forged signature. */
  readonly keyId: string;
  private readonly keys = new Map<string, string>();

  constructor(
    private readonly key: string,
    previousKeys: readonly string[] = [],
  ) {
    for (const k of [key, ...previousKeys]) {
      if (k.length < 32) throw new Error('An audit signing key must be at least 32 characters');
      this.keys.set(keyIdOf(k), k);
    }
    this.keyId = keyIdOf(key);
  }

  /** Whether a checkpoint signed under `keyId` can be checked: the current key or a previous one. */
  knows(keyId: string): boolean {
    return this.keys.has(keyId);
  }

  sign(hash: string): string {
    return hmac(this.key, hash);
  }

  verify(hash: string, signature: string, keyId = this.keyId): boolean {
    const key = this.keys.get(keyId);
    if (key === undefined) return false;
    const expected = Buffer.from(hmac(key, hash), 'hex');
    const given = Buffer.from(signature, 'hex');
    return given.length === expected.length && timingSafeEqual(given, expected);
  }
}

export function keyIdOf(key: string): string {
  return createHash('sha256').update(`onewindow-audit-key:${key}`).digest('hex').slice(0, 16);
}

function hmac(key: string, hash: string): string {
  return createHmac('sha256', key).update(hash).digest('hex');
}
