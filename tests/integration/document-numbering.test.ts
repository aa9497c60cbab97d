import { loadConfig } from '@onewindow/config';
import type { BatchedTransition, DocumentIssuer, TransitionBatch } from '@onewindow/contracts';
import type { CaseState } from '@onewindow/domain';
import { recordTransitions } from '@onewindow/activities';
import { createDataSource, IssuedDocumentRepository } from '@onewindow/persistence';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';

/**
 * Numbers of issued documents are allocated in the transaction that records them: many cases issuing at once
 * in one series get consecutive numbers, and an issue that fails (rendering, storage) gives its number back.
 */
describe('document numbers', () => {
  let db: DataSource;
  let issued: IssuedDocumentRepository;

  beforeAll(async () => {
    const config = loadConfig();
    db = await createDataSource(config.databaseUrl, { role: config.DATABASE_APP_ROLE }).initialize();
    issued = new IssuedDocumentRepository(db);
  });
  afterAll(() => db?.destroy());

  /** Numbers and records like the real issuer; fails for the titles it is told to (as a full store would). */
  const issuerFailingFor = (failing: Set<string>): DocumentIssuer => ({
    seriesOf: (batch) => ({ series: `${batch.state.jurisdiction}/2026`, prefix: `${batch.state.jurisdiction}-2026-` }),
    issue: async (batch, _transition, number) => {
      await new Promise((resolve) => setTimeout(resolve, 20));
      if (failing.has(batch.request.title)) throw new Error('the document store is full');
      return {
        documentId: 'permit-1',
        kind: 'permit',
        number,
        verificationCode: `T${randomUUID().replace(/-/g, '').slice(0, 15).toUpperCase()}`,
        templateVersion: 1,
        authority: 'Test authority',
        renditions: [{ language: 'en', sha256: 'a'.repeat(64), size: 1 }],
      };
    },
  });

  const permitBatch = (jurisdiction: string, title: string): TransitionBatch => {
    const requestId = randomUUID();
    const at = '2026-03-06T10:00:00.000Z';
    const state = {
      requestId,
      definitionKey: 'test-definition',
      definitionVersion: 1,
      requestType: 'permit',
      jurisdiction,
      status: 'approved',
      activeSteps: [],
    } as unknown as CaseState;
    const transition: BatchedTransition = {
      seq: 1,
      stepId: 'issuance',
      event: 'document.issued',
      fromState: 'due',
      toState: 'issued',
      actor: { id: 'clerk-building', role: 'clerk' },
      outcome: 'issued',
      at,
      data: { documentId: 'permit-1', kind: 'permit' },
    };
    return {
      request: { requestId, applicantId: 'acme', title, attributes: {}, submittedAt: at },
      workflowId: `request-${requestId}`,
      runId: 'run-1',
      source: 'api',
      state,
      transitions: [transition],
    };
  };

  it('stay consecutive when cases issue at once, and a failed issue gives its number back', async () => {
    const jurisdiction = `t${randomUUID().slice(0, 8)}`;
    const titles = Array.from({ length: 16 }, (_, i) => `case ${i}`);
    const failing = new Set(['case 3', 'case 8', 'case 13']);
    const issuer = issuerFailingFor(failing);

    const results = await Promise.allSettled(
      titles.map((title) => recordTransitions(db, permitBatch(jurisdiction, title), { issuer })),
    );

    expect(results.filter((r) => r.status === 'rejected')).toHaveLength(failing.size);
    expect(await issued.numbersOf(`${jurisdiction}/2026`)).toEqual(Array.from({ length: 13 }, (_, i) => i + 1));
    const [row] = await db.query<Array<{ data: { number: string } }>>(
      `SELECT t.data FROM transitions t JOIN issued_documents d ON d.request_id = t.request_id
       WHERE d.series = $1 AND d.serial = 13 AND t.event = 'document.issued'`,
      [`${jurisdiction}/2026`],
    );
    expect(row.data.number).toBe(`${jurisdiction}-2026-000013`);
  });

  it('refuses to record a document without an issuer, recording nothing', async () => {
    const batch = permitBatch(`t${randomUUID().slice(0, 8)}`, 'no issuer');
    await expect(recordTransitions(db, batch)).rejects.toThrow(/no document issuer/);
    const rows = await db.query(`SELECT 1 FROM transitions WHERE request_id = $1`, [batch.request.requestId]);
    expect(rows).toEqual([]);
  });
});
