import { DomainError, DomainErrorCode } from '@onewindow/domain';
import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { HttpServer } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DenialRecorder } from '../access/denial-recorder';
import { ApiError, ApiErrorCode, ErrorBody, httpStatusOf } from './api-error';
import { grpcCauseOf, outageMessage, outageOf, RETRY_AFTER_SECONDS } from './dependency-outage';

/** The one place errors become HTTP responses, all in the same body shape. */
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  constructor(
    private readonly http: HttpServer,
    private readonly denials: DenialRecorder = new DenialRecorder(),
  ) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const context = host.switchToHttp();
    const request = context.getRequest<FastifyRequest>();
    const response = context.getResponse<FastifyReply>();
    const error = toApiError(exception);
    const correlationId = request.id;
    if (error.code === ApiErrorCode.INTERNAL) {
      this.logger.error({
        msg: 'unhandled error',
        correlationId,
        err: String((exception as Error)?.stack ?? exception),
      });
    } else if (error.code === ApiErrorCode.UNAVAILABLE && (error !== exception || error.cause !== undefined)) {
      // An outage read from a dependency's error (not a deliberate answer such as the readiness probe's):
      // what gRPC actually said, so an operator can tell a dead worker from a dead server.
      this.logger.warn({ msg: 'try again', correlationId, details: error.details, grpc: grpcCauseOf(exception) });
    }
    this.denials.record(request, error);
    const body: ErrorBody = { code: error.code, message: error.message, correlationId };
    if (error.details !== undefined) body.details = error.details;
    if (this.http.isHeadersSent(response)) return;
    if (error.code === ApiErrorCode.UNAVAILABLE)
      this.http.setHeader(response, 'retry-after', String(RETRY_AFTER_SECONDS));
    this.http.reply(response, body, httpStatusOf(error.code));
  }
}

export function toApiError(exception: unknown): ApiError {
  if (exception instanceof ApiError) return exception;
  if (exception instanceof DomainError) return fromDomainError(exception);
  if (exception instanceof HttpException) return fromHttpException(exception);
  const outage = outageOf(exception);
  if (outage) return new ApiError(ApiErrorCode.UNAVAILABLE, outageMessage(outage), outage);
  return new ApiError(ApiErrorCode.INTERNAL, 'Internal error');
}

function fromDomainError(error: DomainError): ApiError {
  switch (error.code) {
    case DomainErrorCode.STEP_NOT_ACTIVE:
    case DomainErrorCode.CASE_CLOSED:
    case DomainErrorCode.CONFLICT:
    case DomainErrorCode.OUT_OF_ORDER:
    case DomainErrorCode.UNKNOWN_TIMER:
    case DomainErrorCode.TIMER_NOT_DUE:
      return new ApiError(ApiErrorCode.ACTION_REJECTED, error.message, error.details);
    case DomainErrorCode.NOT_ALLOWED:
      return new ApiError(ApiErrorCode.FORBIDDEN, error.message, error.details);
    case DomainErrorCode.ILLEGAL_OUTCOME:
    case DomainErrorCode.INVALID_EVENT:
    case DomainErrorCode.INVALID_DEFINITION:
      return new ApiError(ApiErrorCode.UNPROCESSABLE, error.message, error.details);
  }
}

function fromHttpException(exception: HttpException): ApiError {
  const status = exception.getStatus() as HttpStatus;
  const body = exception.getResponse();
  const message = typeof body === 'string' ? body : (body as { message?: unknown }).message;
  const text = Array.isArray(message) ? 'Validation failed' : typeof message === 'string' ? message : exception.message;
  switch (status) {
    case HttpStatus.BAD_REQUEST:
      return new ApiError(ApiErrorCode.VALIDATION_FAILED, text, Array.isArray(message) ? message : undefined);
    case HttpStatus.UNAUTHORIZED:
      return new ApiError(ApiErrorCode.UNAUTHENTICATED, text);
    case HttpStatus.FORBIDDEN:
      return new ApiError(ApiErrorCode.FORBIDDEN, text);
    case HttpStatus.NOT_FOUND:
      return new ApiError(ApiErrorCode.NOT_FOUND, text);
    case HttpStatus.CONFLICT:
      return new ApiError(ApiErrorCode.CONFLICT, text);
    case HttpStatus.PAYLOAD_TOO_LARGE:
      return new ApiError(ApiErrorCode.PAYLOAD_TOO_LARGE, text);
    case HttpStatus.UNSUPPORTED_MEDIA_TYPE:
      return new ApiError(ApiErrorCode.UNSUPPORTED_MEDIA_TYPE, text);
    case HttpStatus.TOO_MANY_REQUESTS:
      return new ApiError(ApiErrorCode.RATE_LIMITED, text);
    default:
      return Number(status) >= 500
        ? new ApiError(ApiErrorCode.INTERNAL, 'Internal error')
        : new ApiError(ApiErrorCode.VALIDATION_FAILED, text);
  }
}
