import { AuditLogRepository } from '@onewindow/persistence';
import { AuditIssue, chainRowOf, verifyChain } from './chain-verification';

/** Verifies a case from the database alone: its hash chain, and that the read model points at the chain's head. */
export class LogVerifier {
  constructor(private readonly log: AuditLogRepository) {}

  async verifyCase(requestId: string): Promise<AuditIssue[]> {
    const [rows, request] = await Promise.all([this.log.transitions(requestId), this.log.request(requestId)]);
    const issues = verifyChain(
      requestId,
      rows.map(chainRowOf),
      request ? { lastSeq: request.lastSeq, headHash: request.headHash, source: 'read model' } : undefined,
    );
    if (!request && rows.length > 0) {
      issues.push({
        requestId,
        seq: null,
        kind: 'read-model-missing',
        message: 'the case has transitions but no request row',
      });
    }
    return issues;
  }
}
