import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import type { AuthenticatedRequest } from '../../core/auth/auth.decorators';
import { ApiError, ApiErrorCode } from '../../core/errors/api-error';
import { RequestsService } from './requests.service';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The need-to-know rule (`RequestsService.visible`) on every case route — detail, event stream,
 * documents, actions — before the handler runs: an event stream commits its headers early, and a
 * refusal must not depend on a body the caller sends, so it comes from a guard.
 */
@Injectable()
export class RequestAccessGuard implements CanActivate {
  constructor(private readonly requests: RequestsService) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const id = (request.params as { id?: unknown }).id;
    if (typeof id !== 'string' || !UUID.test(id)) {
      throw new ApiError(ApiErrorCode.VALIDATION_FAILED, 'Validation failed (uuid is expected)');
    }
    if (!request.actor) throw new ApiError(ApiErrorCode.UNAUTHENTICATED, 'A bearer token is required');
    await this.requests.visible(request.actor, id);
    return true;
  }
}
