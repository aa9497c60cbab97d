import { AccessDenialKind, AccessLogRepository } from '@onewindow/persistence';
import { Logger } from '@nestjs/common';
import type { Request } from 'express';
import type { AuthenticatedRequest } from '../auth/auth.decorators';
import { correlationIdOf } from '../correlation';
import { ApiError, ApiErrorCode } from '../errors/api-error';

/**
 * Every refused action, logged as a structured line and kept in the access log for auditors:
 * authorization denials (role, department, another's request) and actions the reducer refused.
 */
export class DenialRecorder {
  private readonly logger = new Logger('Access');

  constructor(private readonly accessLog?: AccessLogRepository) {}

  record(request: Request, error: ApiError): void {
    const kind = kindOf(error);
    if (!kind) return;
    const actor = (request as AuthenticatedRequest).actor ?? null;
    const routePath = (request.route as { path?: unknown } | undefined)?.path;
    const route = `${request.method} ${typeof routePath === 'string' ? `${request.baseUrl}${routePath}` : request.path}`;
    const params = (request.params ?? {}) as Record<string, string | undefined>;
    const denial = {
      kind,
      actor: actor ? { id: actor.id, role: actor.role, department: actor.department ?? null } : null,
      route,
      action: actionOf(route),
      requestId: params.id ?? null,
      reason: error.message,
      correlationId: correlationIdOf(request),
      details: { code: error.code, ...(params.stepId ? { stepId: params.stepId } : {}) },
    };
    this.logger.warn({ msg: 'access denied', ...denial });
    this.accessLog?.record(denial).catch((failure: unknown) => {
      this.logger.error({
        msg: 'could not write the access log',
        err: String(failure),
        correlationId: denial.correlationId,
      });
    });
  }
}

function kindOf(error: ApiError): AccessDenialKind | undefined {
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
