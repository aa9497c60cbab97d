import { isGrpcServiceError, WorkflowUpdateRPCTimeoutOrCancelledError } from '@temporalio/client';
import { NamespaceNotFoundError } from '@temporalio/common';

export type Dependency = 'PostgreSQL' | 'Temporal';

/**
 * Why a call should simply be tried again: a dependency cannot be reached, the call ran out of its
 * deadline (Temporal may well be up: a worker is busy or away), or the workflow is recovering from a
 * failed workflow task (a worker died holding it) and Temporal aborts Updates until a worker takes it.
 */
export type Outage =
  | { reason: 'unavailable'; dependency: Dependency }
  | { reason: 'deadline' }
  | { reason: 'workflow-task-failed'; dependency: 'Temporal' };

/** Seconds a client is asked to wait before retrying a call a dependency outage refused. */
export const RETRY_AFTER_SECONDS = 5;

// gRPC: RESOURCE_EXHAUSTED, UNAVAILABLE.
const GRPC_UNAVAILABLE = new Set([8, 14]);
const GRPC_DEADLINE_EXCEEDED = 4;
const GRPC_FAILED_PRECONDITION = 9;
// What the server says while an Update's workflow task went to a worker that died (gRPC FAILED_PRECONDITION).
const WORKFLOW_TASK_FAILED =
  /workflow update was aborted|workflow task in failed state|unexpected workflow task failure/i;
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

type ErrorLike = { code?: unknown; message?: unknown; cause?: unknown; driverError?: unknown; errors?: unknown };

/** Whether an error means "try again" and why; anything else (a bug, a refusal) is not an outage. */
export function outageOf(error: unknown, depth = 0): Outage | undefined {
  if (!error || typeof error !== 'object' || depth > 5) return undefined;
  if (error instanceof WorkflowUpdateRPCTimeoutOrCancelledError) return { reason: 'deadline' };
  // The frontend answers "namespace not found" while it cannot read its own database.
  if (error instanceof NamespaceNotFoundError) return { reason: 'unavailable', dependency: 'Temporal' };
  if (isGrpcServiceError(error)) return grpcOutage(error.code, error.details);
  const e = error as ErrorLike;
  if (e.driverError) return outageOf(e.driverError, depth + 1);
  if (typeof e.code === 'string') {
    if (NETWORK_CODES.has(e.code)) return { reason: 'unavailable', dependency: 'PostgreSQL' };
    if (/^[0-9A-Z]{5}$/.test(e.code) && PG_OUTAGE_CLASSES.some((c) => String(e.code).startsWith(c))) {
      return { reason: 'unavailable', dependency: 'PostgreSQL' };
    }
  }
  if (typeof e.message === 'string' && PG_MESSAGES.some((m) => m.test(e.message as string))) {
    return { reason: 'unavailable', dependency: 'PostgreSQL' };
  }
  if (Array.isArray(e.errors)) {
    for (const inner of e.errors) {
      const found = outageOf(inner, depth + 1);
      if (found) return found;
    }
  }
  return outageOf(e.cause, depth + 1);
}

function grpcOutage(code: number, details: string): Outage | undefined {
  if (GRPC_UNAVAILABLE.has(code)) return { reason: 'unavailable', dependency: 'Temporal' };
  if (code === GRPC_DEADLINE_EXCEEDED) return { reason: 'deadline' };
  if (code === GRPC_FAILED_PRECONDITION && WORKFLOW_TASK_FAILED.test(details)) {
    return { reason: 'workflow-task-failed', dependency: 'Temporal' };
  }
  return undefined;
}

/** The gRPC status under an error, for the log: what Temporal actually said. */
export function grpcCauseOf(error: unknown, depth = 0): { code: number; details: string } | undefined {
  if (!error || typeof error !== 'object' || depth > 5) return undefined;
  if (isGrpcServiceError(error)) return { code: error.code, details: error.details };
  return grpcCauseOf((error as ErrorLike).cause, depth + 1);
}

export function outageMessage(outage: Outage): string {
  switch (outage.reason) {
    case 'unavailable':
      return outage.dependency === 'PostgreSQL'
        ? 'The database is unavailable; try again shortly'
        : 'The workflow service is unavailable; try again shortly (with the same Idempotency-Key)';
    case 'deadline':
      return 'The request did not finish within its deadline; try again shortly (with the same Idempotency-Key: it takes effect once)';
    case 'workflow-task-failed':
      return 'The case is recovering from a stopped worker; try again shortly (with the same Idempotency-Key)';
  }
}
