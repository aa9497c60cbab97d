import { ChainedFields, chainedFieldsOfRow, chainHash, GENESIS_HASH, TransitionEntity } from '@onewindow/persistence';

export type ChainIssueKind =
  'hash-mismatch' | 'broken-link' | 'seq-gap' | 'duplicate-seq' | 'wrong-request' | 'head-mismatch' | 'empty-log';

/** One finding about one case; `seq` names the transition at fault (null: the case as a whole). */
export interface AuditIssue {
  requestId: string;
  seq: number | null;
  kind: string;
  message: string;
}

/** The fields a transition's hash covers, rebuilt from the stored row exactly as they were hashed. */
export function chainedFieldsOf(row: TransitionEntity): ChainedFields {
  return chainedFieldsOfRow(row);
}

export type ChainRow = Pick<TransitionEntity, 'seq' | 'prevHash' | 'hash'> & { fields: ChainedFields };

/**
 * Checks one case's chain: seq runs 1..n without gap or duplicate, every row links to the one before,
 * and every stored hash equals the hash recomputed from the row's own fields. An edited row is reported
 * with its seq; an expected head (from the read model or a checkpoint) is checked last.
 */
export function verifyChain(
  requestId: string,
  rows: readonly ChainRow[],
  expectedHead?: { lastSeq: number; headHash: string | null; source: string },
): AuditIssue[] {
  const issues: AuditIssue[] = [];
  const issue = (seq: number | null, kind: ChainIssueKind, message: string) =>
    issues.push({ requestId, seq, kind, message });
  if (rows.length === 0) {
    issue(null, 'empty-log', 'no transitions are recorded for this case');
    return issues;
  }
  let prevHash = GENESIS_HASH;
  let expectedSeq = 1;
  for (const row of [...rows].sort((a, b) => a.seq - b.seq)) {
    if (row.fields.requestId !== requestId) {
      issue(row.seq, 'wrong-request', `transition ${row.seq} names request ${row.fields.requestId}`);
    }
    if (row.seq < expectedSeq) {
      issue(row.seq, 'duplicate-seq', `transition ${row.seq} is recorded more than once`);
      continue;
    }
    if (row.seq > expectedSeq) {
      issue(expectedSeq, 'seq-gap', `transitions ${expectedSeq}..${row.seq - 1} are missing`);
    } else if (row.prevHash !== prevHash) {
      issue(row.seq, 'broken-link', `transition ${row.seq} does not link to the hash of transition ${row.seq - 1}`);
    }
    const recomputed = chainHash(row.prevHash, row.fields);
    if (recomputed !== row.hash) {
      issue(row.seq, 'hash-mismatch', `transition ${row.seq} was altered after it was recorded (hash does not match)`);
    }
    prevHash = row.hash;
    expectedSeq = row.seq + 1;
  }
  const last = expectedSeq - 1;
  if (expectedHead && (expectedHead.lastSeq !== last || (expectedHead.headHash ?? GENESIS_HASH) !== prevHash)) {
    issue(
      expectedHead.lastSeq > last ? last + 1 : expectedHead.lastSeq,
      'head-mismatch',
      `the log ends at seq ${last}, but the ${expectedHead.source} records seq ${expectedHead.lastSeq} with another head hash`,
    );
  }
  return issues;
}

export function chainRowOf(row: TransitionEntity): ChainRow {
  return { seq: row.seq, prevHash: row.prevHash, hash: row.hash, fields: chainedFieldsOf(row) };
}
