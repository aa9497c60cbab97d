import { ChainHead, CheckpointEntity, CheckpointRepository, GENESIS_HASH } from '@onewindow/persistence';
import { checkpointHash, CheckpointSigner } from './checkpoint-signer';
import { AuditIssue } from './chain-verification';
import { merkleRoot } from './merkle';

export interface CheckpointView {
  id: string;
  createdAt: string;
  requestCount: number;
  transitionCount: number;
  merkleRoot: string;
  prevHash: string;
  hash: string;
  keyId: string;
  signature: string;
}

export interface CheckpointVerification {
  checkpoints: number;
  /** Distinct (request, seq) heads the checkpoints attest and the log was checked against. */
  headsChecked: number;
  /** Cases in the log that no checkpoint covers yet (recorded after the latest one). */
  uncoveredCases: number;
  issues: AuditIssue[];
}

const CASE_LEVEL = '-';

/**
 * Periodic signed checkpoints over the head of every request's chain. The per-request chain shows a
 * row was edited; a checkpoint shows that a whole case (or its latest transitions) was deleted or
 * rewritten, because its attested head no longer exists in the log.
 */
export class CheckpointService {
  constructor(
    private readonly checkpoints: CheckpointRepository,
    private readonly signer: CheckpointSigner,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async create(): Promise<CheckpointView> {
    const saved = await this.checkpoints.append(({ previous, heads, transitionCount }) => {
      const body = {
        createdAt: this.now().toISOString(),
        requestCount: heads.length,
        transitionCount,
        merkleRoot: merkleRoot(heads),
        prevHash: previous?.hash ?? GENESIS_HASH,
      };
      const hash = checkpointHash(body);
      return {
        ...body,
        createdAt: new Date(body.createdAt),
        transitionCount: String(transitionCount),
        hash,
        keyId: this.signer.keyId,
        signature: this.signer.sign(hash),
      };
    });
    return viewOf(saved);
  }

  async list(): Promise<CheckpointView[]> {
    return (await this.checkpoints.list()).map(viewOf);
  }

  /**
   * Checks the checkpoint chain, every signature and Merkle root, then every attested head against the
   * log. `anchors` are checkpoint hashes kept outside the database (printed, published, exported): the
   * chain must still contain each, which also catches removal of the newest checkpoints.
   */
  async verify(anchors: readonly string[] = []): Promise<CheckpointVerification> {
    const issues: AuditIssue[] = [];
    const all = await this.checkpoints.list();
    const hashes = new Set(all.map((cp) => cp.hash));
    for (const anchor of anchors.filter((a) => !hashes.has(a))) {
      issues.push({
        requestId: CASE_LEVEL,
        seq: null,
        kind: 'checkpoint-missing',
        message: `checkpoint ${anchor} is gone`,
      });
    }
    const attested = new Map<string, ChainHead & { checkpointId: string }>();
    let prevHash = GENESIS_HASH;
    for (const cp of all) {
      const at = (kind: string, message: string) =>
        issues.push({ requestId: CASE_LEVEL, seq: null, kind, message: `checkpoint ${cp.id}: ${message}` });
      const view = viewOf(cp);
      if (cp.prevHash !== prevHash)
        at('checkpoint-chain', 'does not link to the previous checkpoint (one was removed or replaced)');
      if (checkpointHash(view) !== cp.hash) at('checkpoint-altered', 'its content does not match its hash');
      if (!this.signer.knows(cp.keyId)) {
        at(
          'checkpoint-key',
          `signed with key ${cp.keyId}, neither the configured key ${this.signer.keyId} nor a previous one`,
        );
      } else if (!this.signer.verify(cp.hash, cp.signature, cp.keyId)) {
        at('checkpoint-signature', 'the signature is not valid');
      }
      const entries = await this.checkpoints.entries(cp.id);
      if (entries.length !== cp.requestCount || merkleRoot(entries) !== cp.merkleRoot) {
        at('checkpoint-entries', 'its entries do not reproduce the signed Merkle root');
      }
      for (const entry of entries)
        attested.set(`${entry.requestId}#${entry.lastSeq}`, { ...entry, checkpointId: cp.id });
      prevHash = cp.hash;
    }

    const heads = [...attested.values()];
    const found = await this.checkpoints.hashesAt(heads);
    const current = await this.checkpoints.currentHeads();
    const inLog = new Set(current.map((h) => h.requestId));
    for (const head of heads) {
      const hash = found.get(`${head.requestId}#${head.lastSeq}`);
      if (hash === head.headHash) continue;
      const kind = !inLog.has(head.requestId)
        ? 'case-deleted'
        : hash === undefined
          ? 'transitions-deleted'
          : 'case-rewritten';
      const message =
        kind === 'case-deleted'
          ? `checkpoint ${head.checkpointId} attests this case up to seq ${head.lastSeq}, but the log no longer holds it`
          : kind === 'transitions-deleted'
            ? `checkpoint ${head.checkpointId} attests seq ${head.lastSeq}, which the log no longer holds`
            : `transition ${head.lastSeq} differs from the one checkpoint ${head.checkpointId} attests`;
      issues.push({ requestId: head.requestId, seq: head.lastSeq, kind, message });
    }
    const latest = all.length > 0 ? await this.checkpoints.entries(all[all.length - 1].id) : [];
    const covered = new Set(latest.map((e) => e.requestId));
    return {
      checkpoints: all.length,
      headsChecked: heads.length,
      uncoveredCases: current.filter((h) => !covered.has(h.requestId)).length,
      issues: dedupe(issues),
    };
  }
}

function viewOf(cp: CheckpointEntity): CheckpointView {
  return {
    id: cp.id,
    createdAt: new Date(cp.createdAt).toISOString(),
    requestCount: cp.requestCount,
    transitionCount: Number(cp.transitionCount),
    merkleRoot: cp.merkleRoot,
    prevHash: cp.prevHash,
    hash: cp.hash,
    keyId: cp.keyId,
    signature: cp.signature,
  };
}

/** A case deleted after several checkpoints is reported once per distinct head; keep the latest only. */
function dedupe(issues: AuditIssue[]): AuditIssue[] {
  const byCase = new Map<string, AuditIssue>();
  const rest: AuditIssue[] = [];
  for (const issue of issues) {
    if (issue.kind !== 'case-deleted') rest.push(issue);
    else if ((byCase.get(issue.requestId)?.seq ?? -1) < (issue.seq ?? 0)) byCase.set(issue.requestId, issue);
  }
  return [...rest, ...byCase.values()];
}
