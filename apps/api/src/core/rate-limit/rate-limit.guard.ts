import { AppConfig } from '@onewindow/config';
import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import type { Response } from 'express';
import type { AuthenticatedRequest } from '../auth/auth.decorators';
import { ApiError, ApiErrorCode } from '../errors/api-error';

interface Bucket {
  tokens: number;
  at: number;
}

/** Buckets idle this long are full again and can be forgotten. */
const SWEEP_EVERY = 10_000;

/**
 * A token bucket per caller (the verified user, else the IP address): RATE_LIMIT_BURST requests at
 * once, refilled at RATE_LIMIT_PER_MINUTE; beyond that 429 with Retry-After. Runs after the auth
 * guard so the caller is known.
 */
@Injectable()
export class RateLimitGuard implements CanActivate {
  private readonly buckets = new Map<string, Bucket>();
  private readonly perMs: number;
  private readonly burst: number;
  private calls = 0;

  constructor(config: AppConfig) {
    this.perMs = config.RATE_LIMIT_PER_MINUTE / 60_000;
    this.burst = config.RATE_LIMIT_BURST;
  }

  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const key = request.actor ? `actor:${request.actor.id}` : `ip:${request.ip ?? 'unknown'}`;
    const now = Date.now();
    if (++this.calls % SWEEP_EVERY === 0) this.sweep(now);
    const bucket = this.buckets.get(key) ?? { tokens: this.burst, at: now };
    bucket.tokens = Math.min(this.burst, bucket.tokens + (now - bucket.at) * this.perMs);
    bucket.at = now;
    this.buckets.set(key, bucket);
    if (bucket.tokens < 1) {
      const retryAfter = Math.ceil((1 - bucket.tokens) / this.perMs / 1000);
      context.switchToHttp().getResponse<Response>().setHeader('retry-after', String(retryAfter));
      throw new ApiError(ApiErrorCode.RATE_LIMITED, `Too many requests; retry in ${retryAfter} s`);
    }
    bucket.tokens -= 1;
    return true;
  }

  private sweep(now: number): void {
    for (const [key, bucket] of this.buckets) {
      if (bucket.tokens + (now - bucket.at) * this.perMs >= this.burst) this.buckets.delete(key);
    }
  }
}
