import type { ChainedFields } from '@onewindow/persistence';
import { issuedDocumentsOf } from './case-export';

const row = (seq: number, event: string, data: Record<string, unknown>): ChainedFields => ({
  requestId: 'request-1',
  seq,
  stepId: null,
  event,
  fromState: 'x',
  toState: 'y',
  actorId: 'supervisor',
  actorRole: 'supervisor',
  actorDepartment: null,
  outcome: null,
  reason: null,
  conditions: null,
  data,
  source: 'api',
  occurredAt: `2026-03-0${seq}T10:00:00.000Z`,
  workflowId: 'w',
  runId: 'r',
});

const issued = (seq: number, documentId: string, number: string) =>
  row(seq, 'document.issued', {
    documentId,
    kind: 'permit',
    number,
    verificationCode: `CODE-${number}`,
    renditions: [{ language: 'en', sha256: 'a'.repeat(64), size: 1000 }],
    templateVersion: 1,
  });

describe(issuedDocumentsOf.name, () => {
  it('lists each issued document with its hashes and the status its later transitions left it in', () => {
    const sut = issuedDocumentsOf([
      row(1, 'submitted', {}),
      issued(2, 'permit-1', 'US-CA-2026-000001'),
      issued(3, 'permit-2', 'US-CA-2026-000002'),
      row(4, 'document.varied', { documentId: 'permit-1', reason: 'Amended', supersededBy: 'permit-2' }),
      row(5, 'document.revoked', { documentId: 'permit-2', reason: 'False statement' }),
    ]);

    expect(sut).toEqual([
      expect.objectContaining({
        documentId: 'permit-1',
        number: 'US-CA-2026-000001',
        seq: 2,
        renditions: [{ language: 'en', sha256: 'a'.repeat(64), size: 1000 }],
        status: 'varied',
        statusReason: 'Amended',
        supersededBy: 'permit-2',
      }),
      expect.objectContaining({
        documentId: 'permit-2',
        status: 'revoked',
        statusAt: '2026-03-05T10:00:00.000Z',
        statusReason: 'False statement',
      }),
    ]);
  });
});
