import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { randomUUID } from 'node:crypto';
import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import { ApiErrorCode, ErrorBody, httpStatusOf } from './api-error';

/**
 * Answers given by the HTTP layer itself, before any route or filter runs — a request line or
 * headers too large (431), a path parameter too long (414), a malformed request (400) — in the
 * API's one error body, so a client reads every refusal the same way.
 */
export function answerClientError(error: NodeJS.ErrnoException, socket: Socket): void {
  // A reset connection has nobody to answer.
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const [code, message] =
    error.code === 'HPE_HEADER_OVERFLOW'
      ? [ApiErrorCode.HEADERS_TOO_LARGE, 'The request line and headers are too large']
      : error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? [ApiErrorCode.VALIDATION_FAILED, 'The request took too long to arrive']
        : [ApiErrorCode.VALIDATION_FAILED, 'The request is not well-formed HTTP'];
  const status: number = error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 408 : httpStatusOf(code);
  const body = JSON.stringify(errorBody(code, message));
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? 'Bad Request'}\r\n` +
        `Content-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\n` +
        `Cache-Control: no-store\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy();
}

/** The longest path parameter the router takes: a route parameter may be as long as a URL. */
export const MAX_PARAM_LENGTH = 2048;

/** Fastify's own refusals before routing (a URL it cannot decode, a path parameter over its limit). */
export function answerFrameworkError(error: FastifyError, _request: FastifyRequest, reply: FastifyReply): void {
  if (error.code === 'FST_ERR_MAX_PARAM_LENGTH') return answerPathTooLong(reply);
  answer(reply, ApiErrorCode.VALIDATION_FAILED, 'The request path is not a valid URL');
}

/** A path with a segment over MAX_PARAM_LENGTH: 414, also where a catch-all route would otherwise take it. */
export function answerPathTooLong(reply: FastifyReply): void {
  answer(reply, ApiErrorCode.URI_TOO_LONG, 'The request path is too long');
}

function answer(reply: FastifyReply, code: ApiErrorCode, message: string): void {
  void reply
    .code(httpStatusOf(code))
    .header('cache-control', 'no-store')
    .type('application/json; charset=utf-8')
    .send(errorBody(code, message));
}

/** A fresh correlation id: these answers come before the request's own is assigned. */
function errorBody(code: ApiErrorCode, message: string): ErrorBody {
  return { code, message, correlationId: randomUUID() };
}
