import { canonicalJson, ChainHead, GENESIS_HASH } from '@onewindow/persistence';
import { createHash } from 'node:crypto';

const sha256 = (...parts: string[]): string => {
  const h = createHash('sha256');
  for (const part of parts) h.update(part);
  return h.digest('hex');
};

/** Leaves and inner nodes are hashed with distinct prefixes, so a leaf can never pose as a node. */
export function merkleLeaf(head: ChainHead): string {
  return sha256('\x00', canonicalJson({ requestId: head.requestId, lastSeq: head.lastSeq, headHash: head.headHash }));
}

/** The Merkle root over chain heads in request-id order; an odd node is carried up unchanged. */
export function merkleRoot(heads: readonly ChainHead[]): string {
  if (heads.length === 0) return GENESIS_HASH;
  let level = [...heads].sort((a, b) => compare(a.requestId, b.requestId)).map(merkleLeaf);
  while (level.length > 1) {
    const next: string[] = [];
    for (let i = 0; i < level.length; i += 2) {
      next.push(i + 1 < level.length ? sha256('\x01', level[i], level[i + 1]) : level[i]);
    }
    level = next;
  }
  return level[0];
}

export function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
