import type { NextFunction, Request, Response } from 'express';
import { ApiError, ApiErrorCode } from '../errors/api-error';

/** Deeper than any DTO goes; deeper bodies are refused before validation recurses into them. */
const MAX_DEPTH = 16;
// NUL and other C0 controls except tab, line feed and carriage return; lone UTF-16 surrogates.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
/** Names that reach an object's prototype when copied naively. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Routes that take a streamed multipart upload instead of JSON (document uploads). */
const MULTIPART_ROUTES = /^\/requests\/[^/]+\/documents\/?$/;

/** A body that is not JSON is refused before parsing: 415, not a confusing validation error. */
export function requireJsonBodies(req: Request, _res: Response, next: NextFunction): void {
  const hasBody = Number(req.headers['content-length'] ?? 0) > 0 || req.headers['transfer-encoding'] !== undefined;
  const upload = req.method === 'POST' && MULTIPART_ROUTES.test(req.path) && req.is('multipart/form-data');
  if (hasBody && !upload && !req.is('application/json')) {
    next(new ApiError(ApiErrorCode.UNSUPPORTED_MEDIA_TYPE, 'Send the body as application/json'));
    return;
  }
  next();
}

/** Body-parser failures become API errors here, before Nest turns them into generic HTTP exceptions. */
export function translateBodyParserErrors(error: unknown, _req: Request, _res: Response, next: NextFunction): void {
  const { type, status } = (error ?? {}) as { type?: unknown; status?: unknown };
  if (type === 'entity.parse.failed') next(new ApiError(ApiErrorCode.MALFORMED_JSON, 'Body is not valid JSON'));
  else if (type === 'entity.too.large') next(new ApiError(ApiErrorCode.PAYLOAD_TOO_LARGE, 'Body is too large'));
  else if (type === 'charset.unsupported' || type === 'encoding.unsupported') {
    next(new ApiError(ApiErrorCode.UNSUPPORTED_MEDIA_TYPE, 'Send the body as uncompressed UTF-8 JSON'));
  } else if (typeof status === 'number' && status >= 400 && status < 500) {
    next(new ApiError(ApiErrorCode.VALIDATION_FAILED, 'The body could not be read'));
  } else next(error);
}

/**
 * Refuses text PostgreSQL or a reader cannot take faithfully (NUL and other control characters,
 * unpaired surrogates) in any key or value, and bodies nested deeper than any request needs.
 * Walks the body without recursion, so no nesting can exhaust the stack.
 */
export function rejectUnsafeBodies(req: Request, _res: Response, next: NextFunction): void {
  const problem = req.body === undefined ? undefined : findProblem(req.body);
  next(problem ? new ApiError(ApiErrorCode.VALIDATION_FAILED, problem) : undefined);
}

function findProblem(body: unknown): string | undefined {
  const stack: Array<{ value: unknown; depth: number }> = [{ value: body, depth: 0 }];
  while (stack.length > 0) {
    const { value, depth } = stack.pop()!;
    if (typeof value === 'string') {
      const problem = textProblem(value);
      if (problem) return problem;
    } else if (typeof value === 'object' && value !== null) {
      if (depth >= MAX_DEPTH) return `The body is nested more than ${MAX_DEPTH} levels deep`;
      for (const [key, child] of Object.entries(value)) {
        if (FORBIDDEN_KEYS.has(key)) return `The field name '${key}' is not allowed`;
        const problem = textProblem(key);
        if (problem) return problem;
        stack.push({ value: child, depth: depth + 1 });
      }
    }
  }
  return undefined;
}

function textProblem(text: string): string | undefined {
  if (text.includes('\u0000')) return 'Fields may not contain NUL characters';
  if (CONTROL.test(text)) return 'Fields may not contain control characters other than tab and line breaks';
  if (LONE_SURROGATE.test(text)) return 'Fields must be well-formed Unicode (no unpaired surrogates)';
  return undefined;
}
