import { isGrpcServiceError, WorkflowUpdateRPCTimeoutOrCancelledError } from '@temporalio/client';
import { NamespaceNotFoundError } from '@temporalio/common';

export type Dependency = 'PostgreSQL' | 'Temporal';

/** Seconds a client is asked to wait before retrying a call a dependency outage refused. */
export const RETRY_AFTER_SECONDS = 5;

// gRPC: DEADLINE_EXCEEDED, RESOURCE_EXHAUSTED, UNAVAILABLE.
const GRPC_OUTAGE = new Set([4, 8, 14]);
// SQLSTATE classes and codes that mean the server is away or refusing connections, not that a query is wrong.
const PG_OUTAGE_CLASSES = ['08', '53', '57P'];
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EHOSTUNREACH',
  'EAI_AGAIN',
]);
const PG_MESSAGES = [
  /^Connection terminated/,
  /timeout exceeded when trying to connect/,
  /is not queryable/,
  /Client was closed and is not queryable/,
  /the database system is (starting up|shutting down)/,
];

/** Which dependency an error says is unreachable, if it says so; anything else is not an outage. */
export function unavailableDependency(error: unknown, depth = 0): Dependency | undefined {
  if (!error || typeof error !== 'object' || depth > 5) return undefined;
  // The frontend answers "namespace not found" while it cannot read its own database.
  if (error instanceof WorkflowUpdateRPCTimeoutOrCancelledError || error instanceof NamespaceNotFoundError) {
    return 'Temporal';
  }
  if (isGrpcServiceError(error)) return GRPC_OUTAGE.has(error.code) ? 'Temporal' : undefined;
  const e = error as { code?: unknown; message?: unknown; cause?: unknown; driverError?: unknown; errors?: unknown };
  if (e.driverError) return unavailableDependency(e.driverError, depth + 1);
  if (typeof e.code === 'string') {
    if (NETWORK_CODES.has(e.code)) return 'PostgreSQL';
    if (/^[0-9A-Z]{5}$/.test(e.code) && PG_OUTAGE_CLASSES.some((c) => e.code === c || String(e.code).startsWith(c))) {
      return 'PostgreSQL';
    }
  }
  if (typeof e.message === 'string' && PG_MESSAGES.some((m) => m.test(e.message as string))) return 'PostgreSQL';
  if (Array.isArray(e.errors)) {
    for (const inner of e.errors) {
      const found = unavailableDependency(inner, depth + 1);
      if (found) return found;
    }
  }
  return unavailableDependency(e.cause, depth + 1);
}

export function outageMessage(dependency: Dependency): string {
  return dependency === 'PostgreSQL'
    ? 'The database is unavailable; try again shortly'
    : 'The workflow service did not answer in time; try again shortly (with the same Idempotency-Key)';
}
