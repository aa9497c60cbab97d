import type { ActorRole } from '@onewindow/domain';
import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ApiError, ApiErrorCode } from '../errors/api-error';
import { AuthenticatedRequest, PUBLIC_KEY, ROLES_KEY } from './auth.decorators';
import { TokenService } from './token.service';

/** Global guard: every route needs a valid bearer token unless marked @Public(); @Roles() narrows it (denials are logged by the exception filter). */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: TokenService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const [scheme, token] = (request.headers.authorization ?? '').split(' ');
    if (scheme?.toLowerCase() !== 'bearer' || !token) {
      throw new ApiError(ApiErrorCode.UNAUTHENTICATED, 'A bearer token is required');
    }
    request.actor = await this.tokens.verify(token);
    const roles = this.reflector.getAllAndOverride<ActorRole[] | undefined>(ROLES_KEY, targets);
    if (roles && !roles.includes(request.actor.role)) {
      throw new ApiError(ApiErrorCode.FORBIDDEN, `Role ${request.actor.role} may not do this`);
    }
    return true;
  }
}
