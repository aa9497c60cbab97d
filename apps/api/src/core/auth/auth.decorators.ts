import type { Actor, ActorRole } from '@onewindow/domain';
import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';

export const PUBLIC_KEY = 'onewindow:public';
export const ROLES_KEY = 'onewindow:roles';

/** The route needs no token. */
export const Public = () => SetMetadata(PUBLIC_KEY, true);

/** Only these roles may call the route; others get 403. */
export const Roles = (...roles: ActorRole[]) => SetMetadata(ROLES_KEY, roles);

/** `tokenExpiresAt`: when the caller's token expires (ms since the epoch); an event stream ends then. */
export type AuthenticatedRequest = FastifyRequest & { actor?: Actor; tokenExpiresAt?: number };

/** The verified caller, set by the auth guard. */
export const CurrentActor = createParamDecorator((_: unknown, ctx: ExecutionContext): Actor => {
  const actor = ctx.switchToHttp().getRequest<AuthenticatedRequest>().actor;
  if (!actor) throw new Error('CurrentActor used on a public route');
  return actor;
});
