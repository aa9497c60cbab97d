import { decodeJwt } from 'jose';
import type { ActorRole } from '@onewindow/domain';
import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyReply } from 'fastify';
import { ApiError, ApiErrorCode } from '../errors/api-error';
import { AuthenticatedRequest, PUBLIC_KEY, ROLES_KEY } from './auth.decorators';
import { StaffDirectory } from './staff-directory.service';
import { TokenService } from './token.service';

/**
 * Global guard, failing closed: every route needs a valid bearer token unless marked @Public(), and
 * names the roles that may call it with @Roles() — a route without a role list refuses everyone.
 * Refusals are logged (and failed sign-ins counted) by the exception filter.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: TokenService,
    private readonly staff: StaffDirectory,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    // Personal data: never kept by a browser or a shared cache, answered or refused.
    context.switchToHttp().getResponse<FastifyReply>().header('cache-control', 'no-store');
    const [scheme, token, ...rest] = (request.headers.authorization ?? '').split(' ');
    if (scheme?.toLowerCase() !== 'bearer' || !token || rest.length > 0) {
      throw new ApiError(ApiErrorCode.UNAUTHENTICATED, 'A bearer token is required', { reason: 'no-token' });
    }
    const actor = await this.tokens.verify(token);
    request.actor = actor;
    // Verified above, `exp` included: read it for what outlives the request (an event stream).
    request.tokenExpiresAt = (decodeJwt(token).exp ?? 0) * 1000;
    this.staff.remember(actor);
    const roles = this.reflector.getAllAndOverride<ActorRole[] | undefined>(ROLES_KEY, targets);
    if (!roles || roles.length === 0) {
      throw new ApiError(ApiErrorCode.FORBIDDEN, 'This route names no roles that may call it');
    }
    if (!roles.includes(actor.role)) {
      throw new ApiError(ApiErrorCode.FORBIDDEN, `Role ${actor.role} may not do this`);
    }
    return true;
  }
}
