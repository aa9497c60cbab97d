import type { CaseState, Transition } from '@onewindow/domain';
import { recordTransitions } from '@onewindow/activities';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';

/** Signing key of checkpoints in tests (the real one comes from AUDIT_SIGNING_KEY). */
export const TEST_SIGNING_KEY = 'audit-test-signing-key-0123456789abcdef';

/**
 * Records a case of `count` transitions through the real repository (the workflow's write path),
 * for tests about the log itself that need no workflow.
 */
export async function recordCase(
  db: DataSource,
  count: number,
  start = new Date('2026-01-05T09:00:00Z'),
): Promise<string> {
  const requestId = randomUUID();
  const at = (i: number) => new Date(start.getTime() + i * 60_000).toISOString();
  const state = {
    requestId,
    definitionKey: 'test-definition',
    definitionVersion: 1,
    requestType: 'test',
    jurisdiction: 'test',
    status: 'in_progress',
    activeSteps: [],
    timers: [],
  } as unknown as CaseState;
  const transitions: Transition[] = Array.from({ length: count }, (_, i) => ({
    seq: i + 1,
    stepId: i === 0 ? null : `step-${i}`,
    event: i === 0 ? 'submitted' : 'decided',
    fromState: i === 0 ? 'none' : 'active',
    toState: i === 0 ? 'in_progress' : 'completed',
    actor: i === 0 ? { id: 'acme', role: 'applicant' } : { id: 'clerk-1', role: 'clerk', department: 'building' },
    outcome: i === 0 ? undefined : 'approve',
    at: at(i),
    data: { index: i },
  }));
  await recordTransitions(db, {
    request: { requestId, applicantId: 'acme', title: 'Test case', attributes: {}, submittedAt: at(0) },
    workflowId: `request-${requestId}`,
    runId: 'run-1',
    source: 'api',
    state,
    transitions,
  });
  return requestId;
}

/** Runs `sql` as the superuser with triggers off: what an attacker with full access could do. */
export async function tamper(db: DataSource, ...statements: [string, unknown[]?][]): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.query(`SET LOCAL session_replication_role = replica`);
    for (const [sql, params] of statements) await tx.query(sql, params);
  });
}
