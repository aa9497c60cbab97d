import { withCorrelationId } from '@onewindow/logging';
import type { FastifyReply, FastifyRequest, HookHandlerDoneFunction } from 'fastify';
import type { IncomingMessage } from 'node:http';
import { randomUUID } from 'node:crypto';

export { currentCorrelationId } from '@onewindow/logging';

const HEADER = 'x-correlation-id';
const SAFE_ID = /^[\w.:-]{1,100}$/;

/**
 * The request's id (Fastify's `genReqId`), which is its correlation id: the caller's when well-formed,
 * else a new one. Fastify binds it to the request's logger, so every line about the request carries it.
 */
export function correlationIdFor(req: IncomingMessage): string {
  const given = req.headers[HEADER];
  return typeof given === 'string' && SAFE_ID.test(given) ? given : randomUUID();
}

/**
 * Echoes the correlation id on the response and keeps it for every log line written, and every workflow
 * call made, while the request is handled (the rest of the request's hooks and its handler run inside `done`).
 */
export function correlate(request: FastifyRequest, reply: FastifyReply, done: HookHandlerDoneFunction): void {
  reply.header(HEADER, request.id);
  withCorrelationId(request.id, done);
}
