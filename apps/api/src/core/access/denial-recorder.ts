import type { Actor } from '@onewindow/domain';
import { AccessDenial, AccessDenialKind, AccessLogRepository } from '@onewindow/persistence';
import { Injectable, Logger, Optional } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import type { AuthenticatedRequest } from '../auth/auth.decorators';
import { currentCorrelationId } from '../correlation';
import { ApiError, ApiErrorCode } from '../errors/api-error';
import { routeOf } from '../observability/http-metrics.hook';
import { MetricsService } from '../observability/metrics.service';

/**
 * Every refused call, logged as a structured line and kept in the access log for auditors: failed
 * authentication (with the reason and client address, never the token), authorization denials
 * (role, department, another's request) and actions the reducer refused.
 */
@Injectable()
export class DenialRecorder {
  private readonly logger = new Logger('Access');

  constructor(
    @Optional() private readonly accessLog?: AccessLogRepository,
    @Optional() private readonly metrics?: MetricsService,
  ) {}

  /** A refused HTTP call, as the exception filter sees it. */
  record(request: FastifyRequest, error: ApiError): void {
    const kind = kindOf(error);
    if (!kind) return;
    const actor = (request as AuthenticatedRequest).actor;
    const route = `${request.method} ${routeOf(request) ?? request.url.split('?')[0]}`;
    const params = (request.params ?? {}) as Record<string, string | undefined>;
    const reason = (error.details as { reason?: unknown } | undefined)?.reason;
    const extra: Record<string, unknown> = { ...(typeof reason === 'string' ? { reason } : {}) };
    if (kind === 'authentication') {
      extra.address = request.ip;
      this.metrics?.authenticationFailed(typeof reason === 'string' ? reason : 'unknown');
    }
    this.write(kind, actor, route, params.id ?? null, params.stepId, error, request.id, extra);
  }

  /** One refused item of a bulk action (the call itself answers 200 with each item's result). */
  recordItem(actor: Actor, route: string, requestId: string, stepId: string, error: ApiError): void {
    const kind = kindOf(error);
    if (kind) this.write(kind, actor, route, requestId, stepId, error, currentCorrelationId() ?? 'none');
  }

  private write(
    kind: AccessDenialKind,
    actor: Actor | undefined,
    route: string,
    requestId: string | null,
    stepId: string | undefined,
    error: ApiError,
    correlationId: string,
    extra: Record<string, unknown> = {},
  ): void {
    const denial: AccessDenial = {
      kind,
      actor: actor ? { id: actor.id, role: actor.role, department: actor.department ?? null } : null,
      route,
      action: actionOf(route),
      requestId,
      reason: error.message,
      correlationId,
      details: { code: error.code, ...(stepId ? { stepId } : {}), ...extra },
    };
    this.logger.warn({ msg: 'access denied', ...denial });
    this.accessLog?.record(denial).catch((failure: unknown) => {
      this.logger.error({ msg: 'could not write the access log', err: String(failure), correlationId });
    });
  }
}

function kindOf(error: ApiError): AccessDenialKind | undefined {
  if (error.code === ApiErrorCode.UNAUTHENTICATED) return 'authentication';
  if (error.code === ApiErrorCode.FORBIDDEN || (error.code === ApiErrorCode.NOT_FOUND && error.hidesDenial)) {
    return 'authorization';
  }
  return error.code === ApiErrorCode.ACTION_REJECTED ? 'rejected-action' : undefined;
}

/** The last literal segment of the route: `decision`, `withdraw`, `claim`… (`submit` for POST /requests). */
function actionOf(route: string): string | null {
  const [method, path] = route.split(' ');
  const literal = path.split('/').filter((s) => s.length > 0 && !s.startsWith(':'));
  if (method === 'POST' && literal.length === 1 && literal[0] === 'requests') return 'submit';
  return literal.length > 1 ? literal[literal.length - 1] : null;
}
