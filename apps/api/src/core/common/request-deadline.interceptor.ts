import { AppConfig } from '@onewindow/config';
import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { Client } from '@temporalio/client';
import { catchError, from, Observable } from 'rxjs';
import { ApiError, ApiErrorCode } from '../errors/api-error';
import { Outage, outageMessage, outageOf } from '../errors/dependency-outage';
import { probeTemporal } from './temporal-probe';

/** How long a spent deadline waits for Temporal's frontend to say whether it is there at all. */
const PROBE_MS = 1_000;
const TEMPORAL_AWAY: Outage = { reason: 'unavailable', dependency: 'Temporal' };

/**
 * Every Temporal call a request makes shares one deadline, so a Temporal outage or a task queue with
 * no worker answers 503 within REQUEST_DEADLINE_SECONDS instead of holding the caller indefinitely.
 */
@Injectable()
export class RequestDeadlineInterceptor implements NestInterceptor {
  constructor(
    private readonly temporal: Client,
    private readonly config: AppConfig,
  ) {}

  intercept(_: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    const deadline = Date.now() + this.config.REQUEST_DEADLINE_SECONDS * 1000;
    // The handler runs in the async context next.handle() is called in, so it inherits the deadline.
    return this.temporal.withDeadline(deadline, () =>
      Promise.resolve(next.handle().pipe(catchError((error: unknown) => from(this.explained(error))))),
    );
  }

  /**
   * The client retries an unreachable server until the deadline, so a spent deadline alone cannot tell a
   * busy or absent worker (Temporal is up) from Temporal being away: a short probe of the frontend does.
   */
  private async explained(error: unknown): Promise<never> {
    if (outageOf(error)?.reason === 'deadline' && !(await probeTemporal(this.temporal, PROBE_MS)).answered) {
      // The cause stays on it: the error filter logs what gRPC said.
      throw Object.assign(new ApiError(ApiErrorCode.UNAVAILABLE, outageMessage(TEMPORAL_AWAY), TEMPORAL_AWAY), {
        cause: error,
      });
    }
    throw error;
  }
}
