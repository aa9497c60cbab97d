import type { FastifyReply, FastifyRequest } from 'fastify';
import type { MetricsService } from './metrics.service';

/** Counts and times every answered request by its route pattern (never the raw path, which holds ids). */
export function observeHttp(metrics: MetricsService) {
  return (request: FastifyRequest, reply: FastifyReply, done: () => void): void => {
    metrics.observeHttp(request.method, routeOf(request) ?? 'unmatched', reply.statusCode, reply.elapsedTime / 1000);
    done();
  };
}

/** The pattern of the route that answered (`/requests/:id`), undefined when none matched. */
export function routeOf(request: FastifyRequest): string | undefined {
  return request.is404 ? undefined : request.routeOptions.url;
}
