import { AppConfig } from '@onewindow/config';
import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { createHash, timingSafeEqual } from 'node:crypto';
import { ApiError, ApiErrorCode } from '../errors/api-error';

/**
 * GET /metrics names routes, departments and volumes: with METRICS_TOKEN it needs that bearer token;
 * without one it is open in development and closed in production.
 */
@Injectable()
export class MetricsAccessGuard implements CanActivate {
  private readonly expected?: Buffer;

  constructor(private readonly config: AppConfig) {
    if (config.METRICS_TOKEN) this.expected = digest(config.METRICS_TOKEN);
  }

  canActivate(context: ExecutionContext): boolean {
    if (!this.expected) {
      if (this.config.isProduction) {
        throw new ApiError(ApiErrorCode.FORBIDDEN, 'Metrics are closed: set METRICS_TOKEN to scrape them');
      }
      return true;
    }
    const header = context.switchToHttp().getRequest<FastifyRequest>().headers.authorization ?? '';
    const [scheme, token] = header.split(' ');
    if (scheme?.toLowerCase() !== 'bearer' || !token || !timingSafeEqual(digest(token), this.expected)) {
      throw new ApiError(ApiErrorCode.UNAUTHENTICATED, 'The metrics token is required', { reason: 'metrics-token' });
    }
    return true;
  }
}

/** Compared as digests: equal lengths, so the comparison leaks nothing about the token's length. */
function digest(value: string): Buffer {
  return createHash('sha256').update(value).digest();
}
