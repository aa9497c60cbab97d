import { withCorrelationId } from '@onewindow/logging';
import type { FastifyReply, FastifyRequest, HookHandlerDoneFunction } from 'fastify';
import { randomUUID } from 'node:crypto';

export { currentCorrelationId } from '@onewindow/logging';

const HEADER = 'x-correlation-id';
const SAFE_ID = /^[\w.:-]{1,100}$/;
const KEY = Symbol('correlationId');

type Correlated = FastifyRequest & { [KEY]?: string };

/**
 * Takes the caller's correlation id when it is well-formed, else makes one; echoes it on the
 * response and keeps it for every log line written, and every workflow call made, while the
 * request is handled (the rest of the request's hooks and its handler run inside `done`).
 */
export function correlate(request: FastifyRequest, reply: FastifyReply, done: HookHandlerDoneFunction): void {
  const given = request.headers[HEADER];
  const id = typeof given === 'string' && SAFE_ID.test(given) ? given : randomUUID();
  (request as Correlated)[KEY] = id;
  reply.header(HEADER, id);
  withCorrelationId(id, done);
}

export function correlationIdOf(request: FastifyRequest): string {
  return (request as Correlated)[KEY] ?? 'none';
}
