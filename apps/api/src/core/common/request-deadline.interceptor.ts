import { AppConfig } from '@onewindow/config';
import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { Client } from '@temporalio/client';
import { Observable } from 'rxjs';

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
    return this.temporal.withDeadline(deadline, () => Promise.resolve(next.handle()));
  }
}
