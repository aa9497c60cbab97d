import type { AppConfig } from '@onewindow/config';
import type { FastifyReply, FastifyRequest, HookHandlerDoneFunction } from 'fastify';
import { ApiError, ApiErrorCode } from '../errors/api-error';
import { TokenBuckets } from './token-buckets';

/**
 * A token bucket per client address, taken before anything else runs — token verification included —
 * so guessing tokens or flooding sign-in costs the caller, not the API.
 */
export function addressRateLimit(config: AppConfig) {
  const buckets = new TokenBuckets(config.RATE_LIMIT_ADDRESS_PER_MINUTE, config.RATE_LIMIT_ADDRESS_BURST);
  return (request: FastifyRequest, reply: FastifyReply, done: HookHandlerDoneFunction): void => {
    const retryAfter = buckets.take(request.ip);
    done(retryAfter === undefined ? undefined : rateLimited(reply, retryAfter));
  };
}

export function rateLimited(reply: FastifyReply, retryAfter: number): ApiError {
  reply.header('retry-after', String(retryAfter));
  return new ApiError(ApiErrorCode.RATE_LIMITED, `Too many requests; retry in ${retryAfter} s`);
}
