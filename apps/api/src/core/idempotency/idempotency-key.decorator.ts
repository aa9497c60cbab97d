import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';

export const IDEMPOTENCY_HEADER = 'idempotency-key';

export type IdempotentRequest = FastifyRequest & { idempotencyKey?: string };

/** The caller's Idempotency-Key once the interceptor has claimed it; undefined when none was sent. */
export const IdempotencyKey = createParamDecorator(
  (_: unknown, ctx: ExecutionContext): string | undefined =>
    ctx.switchToHttp().getRequest<IdempotentRequest>().idempotencyKey,
);
