import { LogController } from 'fastify';
import type { FastifyReply, FastifyRequest } from 'fastify';

/**
 * Fastify's request logging, as one line per answered request through the request's own logger (which
 * carries the correlation id): method, path, status and time only — headers carry bearer tokens, and
 * bodies personal data.
 */
export class AccessLog extends LogController {
  constructor() {
    super({ requestIdLogLabel: 'correlationId' });
  }

  override incomingRequest(): void {
    // The line is written once the request is answered, with its status.
  }

  override requestCompleted(error: Error | null | undefined, request: FastifyRequest, reply: FastifyReply): void {
    const line = {
      req: { method: request.method, url: request.url },
      res: { statusCode: reply.statusCode },
      responseTime: Math.round(reply.elapsedTime),
    };
    if (error || reply.statusCode >= 500) request.log.error(line, 'request errored');
    else request.log.info(line, 'request completed');
  }
}
