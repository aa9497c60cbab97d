import type { AppConfig } from '@onewindow/config';
import type { NextFunction, Request, Response } from 'express';
import { ApiError, ApiErrorCode } from '../errors/api-error';
import { TokenBuckets } from './token-buckets';

/**
 * A token bucket per client address, taken before anything else runs — token verification included —
 * so guessing tokens or flooding sign-in costs the caller, not the API.
 */
export function addressRateLimit(config: AppConfig) {
  const buckets = new TokenBuckets(config.RATE_LIMIT_ADDRESS_PER_MINUTE, config.RATE_LIMIT_ADDRESS_BURST);
  return (req: Request, res: Response, next: NextFunction): void => {
    const retryAfter = buckets.take(req.ip ?? req.socket.remoteAddress ?? 'unknown');
    if (retryAfter === undefined) next();
    else next(rateLimited(res, retryAfter));
  };
}

export function rateLimited(res: Response, retryAfter: number): ApiError {
  res.setHeader('retry-after', String(retryAfter));
  return new ApiError(ApiErrorCode.RATE_LIMITED, `Too many requests; retry in ${retryAfter} s`);
}
