import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';

export const IDEMPOTENCY_HEADER = 'idempotency-key';

export type IdempotentRequest = Request & { idempotencyKey?: string };

/** The caller's Idempotency-Key once the interceptor has claimed it; undefined when none was sent. */
export const IdempotencyKey = createParamDecorator(
  (_: unknown, ctx: ExecutionContext): string | undefined =>
    ctx.switchToHttp().getRequest<IdempotentRequest>().idempotencyKey,
);
