import type { FastifyInstance, FastifyReply, FastifyRequest, HookHandlerDoneFunction } from 'fastify';
import { ApiError, ApiErrorCode } from '../errors/api-error';

/**
 * Once the server starts closing (SIGTERM), a request that still reaches it — pipelined, or on a
 * keep-alive connection that was busy when the close began — is answered with the API's own 503
 * and Retry-After (the error filter adds it), and its connection is closed, so the client retries
 * on another replica. Fastify's own answer for this case is a bare 503; it is turned off in the adapter.
 */
export function refuseWhileDraining(fastify: FastifyInstance) {
  let draining = false;
  fastify.addHook('preClose', (done) => {
    draining = true;
    done();
  });
  return (_request: FastifyRequest, reply: FastifyReply, done: HookHandlerDoneFunction): void => {
    if (!draining) return done();
    reply.header('connection', 'close');
    done(
      new ApiError(ApiErrorCode.UNAVAILABLE, 'This API process is shutting down; try again shortly', {
        reason: 'draining',
      }),
    );
  };
}
