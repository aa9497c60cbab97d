import type { FastifyReply, FastifyRequest } from 'fastify';

/**
 * One line per answered request through the request's own logger (it carries the correlation id): method,
 * path, status and time only — headers carry bearer tokens, and bodies personal data.
 */
export function logAccess(request: FastifyRequest, reply: FastifyReply, done: () => void): void {
  const line = {
    req: { method: request.method, url: request.url },
    res: { statusCode: reply.statusCode },
    responseTime: Math.round(reply.elapsedTime),
  };
  if (reply.statusCode >= 500) request.log.error(line, 'request errored');
  else request.log.info(line, 'request completed');
  done();
}
