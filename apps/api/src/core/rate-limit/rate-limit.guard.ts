import { AppConfig } from '@onewindow/config';
import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import type { AuthenticatedRequest } from '../auth/auth.decorators';
import { rateLimited } from './address-rate-limit.hook';
import { TokenBuckets } from './token-buckets';

/**
 * A token bucket per verified user: RATE_LIMIT_BURST requests at once, refilled at
 * RATE_LIMIT_PER_MINUTE; beyond that 429 with Retry-After. Runs after the auth guard so the caller is
 * known; anonymous calls are limited by client address before authentication instead.
 */
@Injectable()
export class RateLimitGuard implements CanActivate {
  private readonly buckets: TokenBuckets;

  constructor(config: AppConfig) {
    this.buckets = new TokenBuckets(config.RATE_LIMIT_PER_MINUTE, config.RATE_LIMIT_BURST);
  }

  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    if (!request.actor) return true;
    const retryAfter = this.buckets.take(request.actor.id);
    if (retryAfter !== undefined) throw rateLimited(context.switchToHttp().getResponse<FastifyReply>(), retryAfter);
    return true;
  }
}
