import type { NextFunction, Request, Response } from 'express';
import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';

const HEADER = 'x-correlation-id';
const SAFE_ID = /^[\w.:-]{1,100}$/;
const KEY = Symbol('correlationId');
const scope = new AsyncLocalStorage<string>();

type Correlated = Request & { [KEY]?: string };

/**
 * Takes the caller's correlation id when it is well-formed, else makes one; echoes it on the
 * response and keeps it for every log line written while the request is handled.
 */
export function correlationMiddleware(req: Request, res: Response, next: NextFunction): void {
  const given = req.header(HEADER);
  const id = given && SAFE_ID.test(given) ? given : randomUUID();
  (req as Correlated)[KEY] = id;
  res.setHeader(HEADER, id);
  scope.run(id, next);
}

export function correlationIdOf(req: Request): string {
  return (req as Correlated)[KEY] ?? 'none';
}

/** The correlation id of the request being handled, if any. */
export function currentCorrelationId(): string | undefined {
  return scope.getStore();
}
