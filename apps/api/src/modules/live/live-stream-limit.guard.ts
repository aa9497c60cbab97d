import { AppConfig } from '@onewindow/config';
import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import type { AuthenticatedRequest } from '../../core/auth/auth.decorators';
import { ApiError, ApiErrorCode } from '../../core/errors/api-error';
import { LiveEventsService } from './live-events.service';

/**
 * At most LIVE_STREAMS_PER_USER event streams open at once per user (each holds a connection and a
 * subscription): one more is a 429 before the stream starts; a closed stream frees its place. A
 * stream ends with the token it was opened with: at its `exp` the server sends `event: expired` and
 * closes, and the client reconnects with its renewed token. Listed last on every stream route, after
 * the guards that may still refuse it.
 */
@Injectable()
export class LiveStreamLimitGuard implements CanActivate {
  constructor(
    private readonly config: AppConfig,
    private readonly live: LiveEventsService,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const reply = context.switchToHttp().getResponse<FastifyReply>();
    if (!request.actor) throw new ApiError(ApiErrorCode.UNAUTHENTICATED, 'A bearer token is required');
    const user = request.actor.id;
    if (!this.live.openStream(user)) {
      throw new ApiError(
        ApiErrorCode.RATE_LIMITED,
        `At most ${this.config.LIVE_STREAMS_PER_USER} event streams may be open at once; close one first`,
      );
    }
    const expiry = setTimeout(
      () => reply.raw.end('event: expired\ndata: {}\n\n'),
      // setTimeout holds at most 2^31 - 1 ms (about 24 days).
      Math.min(Math.max(0, (request.tokenExpiresAt ?? Date.now()) - Date.now()), 2 ** 31 - 1),
    );
    reply.raw.once('close', () => {
      clearTimeout(expiry);
      this.live.closeStream(user);
    });
    return true;
  }
}
