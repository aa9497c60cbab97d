import type { RecordedCondition } from '@onewindow/domain';
import { createHash } from 'node:crypto';

/** The fields of a transition that its hash covers, in a fixed order. */
export interface ChainedFields {
  requestId: string;
  seq: number;
  stepId: string | null;
  event: string;
  fromState: string;
  toState: string;
  actorId: string;
  actorRole: string;
  actorDepartment: string | null;
  outcome: string | null;
  reason: string | null;
  conditions: RecordedCondition[] | null;
  data: Record<string, unknown> | null;
  source: string;
  occurredAt: string;
  workflowId: string;
  runId: string;
}

/** The chain of every request starts from this value. */
export const GENESIS_HASH = '0'.repeat(64);

/** JSON with object keys sorted at every depth, so equal rows always serialise to equal bytes. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export function chainHash(prevHash: string, row: ChainedFields): string {
  return createHash('sha256').update(prevHash).update(canonicalJson(row)).digest('hex');
}
