import { withCorrelationId } from '@onewindow/logging';
import type { NextFunction, Request, Response } from 'express';
import { randomUUID } from 'node:crypto';

export { currentCorrelationId } from '@onewindow/logging';

const HEADER = 'x-correlation-id';
const SAFE_ID = /^[\w.:-]{1,100}$/;
const KEY = Symbol('correlationId');

type Correlated = Request & { [KEY]?: string };

/**
 * Takes the caller's correlation id when it is well-formed, else makes one; echoes it on the
 * response and keeps it for every log line written, and every workflow call made, while the
 * request is handled.
 */
export function correlationMiddleware(req: Request, res: Response, next: NextFunction): void {
  const given = req.headers[HEADER];
  const id = typeof given === 'string' && SAFE_ID.test(given) ? given : randomUUID();
  (req as Correlated)[KEY] = id;
  res.setHeader(HEADER, id);
  withCorrelationId(id, next);
}

export function correlationIdOf(req: Request): string {
  return (req as Correlated)[KEY] ?? 'none';
}
