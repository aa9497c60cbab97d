import multipart from '@fastify/multipart';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyReply, FastifyRequest, HookHandlerDoneFunction } from 'fastify';
import { brotliDecompressSync, gunzipSync, inflateSync } from 'node:zlib';
import { ApiError, ApiErrorCode } from '../errors/api-error';

/** Deeper than any DTO goes; deeper bodies are refused before validation recurses into them. */
const MAX_DEPTH = 16;
// NUL and other C0 controls except tab, line feed and carriage return; lone UTF-16 surrogates.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
/** Names that reach an object's prototype when copied naively. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * The route option (Nest's `@RouteConfig(STREAMS_MULTIPART)`) of a route that reads a `multipart/form-data`
 * stream itself instead of a JSON body (document uploads).
 */
export const STREAMS_MULTIPART = { multipart: true } as const;

type Decompress = (body: Buffer, options: { maxOutputLength: number }) => Buffer;
const DECOMPRESS: Record<string, Decompress> = {
  gzip: gunzipSync,
  'x-gzip': gunzipSync,
  deflate: inflateSync,
  br: brotliDecompressSync,
};

/**
 * The bodies the API reads: JSON objects and arrays (UTF-8 or UTF-16, optionally compressed) on every
 * route, and a multipart stream (@fastify/multipart) on a route that declares `STREAMS_MULTIPART` and reads
 * it itself. Anything else is a 415 before it is read; a body that parsed is then checked by
 * `rejectUnsafeBodies`; every failure is the one error body.
 */
export async function readBodies(app: NestFastifyApplication, limitBytes: number): Promise<void> {
  const fastify = app.getHttpAdapter().getInstance();
  fastify.removeAllContentTypeParsers();
  fastify.addContentTypeParser(
    'application/json',
    { parseAs: 'buffer', bodyLimit: limitBytes },
    (request, body, done) => {
      try {
        done(null, parseJson(request, body as Buffer, limitBytes));
      } catch (error) {
        done(error as ApiError, undefined);
      }
    },
  );
  fastify.addContentTypeParser('*', (_request, _payload, done) => done(notJson(), undefined));
  // Its parser only marks the request as multipart and leaves the stream to the route.
  await app.register(multipart);
  fastify.addHook('preValidation', (request, reply, done) => {
    if (request.isMultipart() && !streamsMultipart(request)) done(notJson());
    else rejectUnsafeBodies(request, reply, done);
  });
}

function streamsMultipart(request: FastifyRequest): boolean {
  return (request.routeOptions.config as { multipart?: boolean }).multipart === true;
}

function notJson(): ApiError {
  return new ApiError(ApiErrorCode.UNSUPPORTED_MEDIA_TYPE, 'Send the body as application/json');
}

/** Strict JSON, as a client library writes it: an object or an array, never a bare value. */
function parseJson(request: FastifyRequest, raw: Buffer, limitBytes: number): unknown {
  const text = decode(request, decompress(request, raw, limitBytes));
  const start = text.search(/\S/);
  if (start < 0) return {};
  if (text[start] !== '{' && text[start] !== '[') {
    throw new ApiError(ApiErrorCode.MALFORMED_JSON, 'Body is not valid JSON: send an object');
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new ApiError(ApiErrorCode.MALFORMED_JSON, 'Body is not valid JSON');
  }
}

function decompress(request: FastifyRequest, raw: Buffer, limitBytes: number): Buffer {
  const encoding = String(request.headers['content-encoding'] ?? 'identity')
    .trim()
    .toLowerCase();
  if (encoding === 'identity' || encoding === '') return raw;
  const inflate = Object.hasOwn(DECOMPRESS, encoding) ? DECOMPRESS[encoding] : undefined;
  if (!inflate) throw new ApiError(ApiErrorCode.UNSUPPORTED_MEDIA_TYPE, 'Send the body as uncompressed UTF-8 JSON');
  try {
    // The limit holds for what the body unpacks to, so a small bomb is refused like a large body.
    return inflate(raw, { maxOutputLength: limitBytes });
  } catch (error) {
    if ((error as { code?: unknown }).code === 'ERR_BUFFER_TOO_LARGE') {
      throw new ApiError(ApiErrorCode.PAYLOAD_TOO_LARGE, 'Body is too large');
    }
    throw new ApiError(ApiErrorCode.VALIDATION_FAILED, `The body is not valid ${encoding}`);
  }
}

/** UTF-8 unless the content type names another Unicode charset; any other charset is a 415. */
function decode(request: FastifyRequest, body: Buffer): string {
  const charset = /;\s*charset\s*=\s*"?([\w-]+)"?/i.exec(request.headers['content-type'] ?? '')?.[1]?.toLowerCase();
  if (charset === undefined || charset === 'utf-8' || charset === 'utf8') return body.toString('utf8');
  if (/^utf-16(le|be)?$/.test(charset)) return new TextDecoder(charset).decode(body);
  throw new ApiError(ApiErrorCode.UNSUPPORTED_MEDIA_TYPE, 'Send the body as uncompressed UTF-8 JSON');
}

/**
 * Refuses text PostgreSQL or a reader cannot take faithfully (NUL and other control characters,
 * unpaired surrogates) in any key or value, and bodies nested deeper than any request needs.
 * Walks the body without recursion, so no nesting can exhaust the stack.
 */
export function rejectUnsafeBodies(request: FastifyRequest, _reply: FastifyReply, done: HookHandlerDoneFunction): void {
  const problem = request.body === undefined ? undefined : findProblem(request.body);
  done(problem ? new ApiError(ApiErrorCode.VALIDATION_FAILED, problem) : undefined);
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
