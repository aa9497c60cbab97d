import type { Actor, ActorRole } from '@onewindow/domain';
import {
  applyDecorators,
  createParamDecorator,
  ExecutionContext,
  HttpCode,
  Injectable,
  ParseUUIDPipe,
  PipeTransform,
  Post,
  UseGuards,
} from '@nestjs/common';
import { ApiOkResponse, ApiParam } from '@nestjs/swagger';
import { AuthenticatedRequest, Roles } from '../../core/auth/auth.decorators';
import { ExtensionIdPipe, IssuedDocumentIdPipe, StepIdPipe } from '../../core/common/key-param.pipe';
import type { IdempotentRequest } from '../../core/idempotency/idempotency-key.decorator';
import { RequestAccessGuard } from './request-access.guard';
import { RequestDetailView } from './request.views';

/** Who acts on which case, and on which of its steps, extensions or issued documents: what every case-action route takes. */
export interface CaseTarget {
  actor: Actor;
  requestId: string;
  stepId: string;
  extensionId: string;
  /** An issued document of the case (e.g. permit-1). */
  documentId: string;
  /** The caller's Idempotency-Key once claimed: the Update id of the action. */
  idempotencyKey?: string;
}

const PATH_PARAMS: Record<string, { format?: string; pattern?: string }> = {
  id: { format: 'uuid' },
  stepId: { pattern: '^[a-z][a-z0-9-]{0,63}$' },
  extensionId: { pattern: '^ext-[0-9]{1,6}$' },
  documentId: { pattern: '^[a-z][a-z-]{0,40}-[0-9]{1,6}$' },
};

/**
 * A POST that applies one action to a case (under `requests/:id`): answered with the request's new
 * detail once the action's transitions are recorded, its path parameters documented from the path.
 * The need-to-know rule runs before the body is read, so a refusal never depends on the body.
 */
export function CaseActionRoute(path: string, ...roles: ActorRole[]): MethodDecorator {
  const params = [...new Set(['id', ...[...path.matchAll(/:(\w+)/g)].map((m) => m[1])])];
  return applyDecorators(
    Post(path),
    HttpCode(200),
    ...(roles.length > 0 ? [Roles(...roles)] : []),
    UseGuards(RequestAccessGuard),
    ...params.map((name) => ApiParam({ name, type: String, ...PATH_PARAMS[name] })),
    ApiOkResponse({ type: RequestDetailView }),
  );
}

/**
 * A POST that records an external fact on a case (under `requests/:id`): 202 once the workflow has recorded it.
 * The need-to-know rule runs first, as for every case route.
 */
export function ExternalEventRoute(path: string): MethodDecorator {
  return applyDecorators(
    Post(path),
    HttpCode(202),
    UseGuards(RequestAccessGuard),
    ApiParam({ name: 'id', type: String, ...PATH_PARAMS.id }),
  );
}

@Injectable()
class CaseTargetPipe implements PipeTransform<CaseTarget, Promise<CaseTarget>> {
  private readonly uuid = new ParseUUIDPipe();

  async transform(target: CaseTarget): Promise<CaseTarget> {
    return {
      ...target,
      // Not an optional pipe: it throws rather than answer null or undefined.
      requestId: (await this.uuid.transform(target.requestId, { type: 'param', data: 'id' })) as string,
      stepId: target.stepId === undefined ? target.stepId : StepIdPipe.transform(target.stepId),
      extensionId:
        target.extensionId === undefined ? target.extensionId : ExtensionIdPipe.transform(target.extensionId),
      documentId:
        target.documentId === undefined ? target.documentId : IssuedDocumentIdPipe.transform(target.documentId),
    };
  }
}

const caseTargetOf = createParamDecorator((_: unknown, ctx: ExecutionContext): CaseTarget => {
  const request = ctx.switchToHttp().getRequest<AuthenticatedRequest & IdempotentRequest>();
  if (!request.actor) throw new Error('a case action needs an authenticated caller');
  const params = request.params as Record<string, string | undefined>;
  return {
    actor: request.actor,
    requestId: params.id as string,
    stepId: params.stepId as string,
    extensionId: params.extensionId as string,
    documentId: params.documentId as string,
    idempotencyKey: request.idempotencyKey,
  };
});

/** The caller, the case and the step or extension named by the path, each checked; 400 when malformed. */
export const OnCase = (): ParameterDecorator => caseTargetOf(CaseTargetPipe);
