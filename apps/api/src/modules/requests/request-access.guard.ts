import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import type { AuthenticatedRequest } from '../../core/auth/auth.decorators';
import { ApiError, ApiErrorCode } from '../../core/errors/api-error';
import { RequestsService } from './requests.service';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Checks that the caller may see the request named by `:id` before the handler runs: an event
 * stream commits its headers early, so its refusal must come from a guard to be a proper 4xx.
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
