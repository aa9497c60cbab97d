import { canonicalJson, IdempotencyKeyRepository } from '@onewindow/persistence';
import {
  CallHandler,
  ExecutionContext,
  HttpStatus,
  Injectable,
  NestInterceptor,
  OnApplicationShutdown,
} from '@nestjs/common';
import { HTTP_CODE_METADATA } from '@nestjs/common/constants';
import { Reflector } from '@nestjs/core';
import type { FastifyReply } from 'fastify';
import { createHash, randomUUID } from 'node:crypto';
import { catchError, finalize, from, mergeMap, Observable, of } from 'rxjs';
import type { AuthenticatedRequest } from '../auth/auth.decorators';
import { toApiError } from '../errors/all-exceptions.filter';
import { ApiError, ApiErrorCode, httpStatusOf, isApiErrorCode } from '../errors/api-error';
import { IDEMPOTENCY_HEADER, IdempotentRequest } from './idempotency-key.decorator';
import { withReplayMarker } from './idempotent-replay';

const KEY_FORMAT = /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,199}$/;
/**
 * A call renews the lease on its claim while it runs, so a claim whose lease ran out belongs to a
 * process that died (or stalled for seconds): a retry takes it over. Running the action twice is safe:
 * the key is the Update id (and a submit's request id), so Temporal answers a second run with the first.
 * Renewed every 2 s, a lease of 8 s outlives a few missed renewals (a busy event loop, a database blip).
 */
export const CLAIM_LEASE_MS = 8_000;
const RENEW_EVERY_MS = 2_000;
/** Answers are kept a day; every so many claims the older ones are forgotten. */
const KEEP_ANSWERS_MS = 24 * 60 * 60 * 1000;
const PURGE_EVERY = 1000;
/** Refusals of the input itself are not results: the caller fixes the body and retries with the same key. */
const NOT_RECORDED: ReadonlySet<ApiErrorCode> = new Set<ApiErrorCode>([
  ApiErrorCode.VALIDATION_FAILED,
  ApiErrorCode.MALFORMED_JSON,
  ApiErrorCode.PAYLOAD_TOO_LARGE,
  ApiErrorCode.UNSUPPORTED_MEDIA_TYPE,
  ApiErrorCode.UNAUTHENTICATED,
  ApiErrorCode.RATE_LIMITED,
  ApiErrorCode.UNPROCESSABLE,
]);

interface StoredError {
  code: string;
  message: string;
  details?: unknown;
}

/**
 * `Idempotency-Key` on a POST: the first call with a key runs and its answer (status and body) is
 * stored; the same key with the same request replays that answer, with another request is a 422,
 * and while the first call is still running a 409.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor, OnApplicationShutdown {
  private claims = 0;
  /** The holder ids of the claims this process's calls hold in flight, renewed together. */
  private readonly held = new Set<string>();
  private readonly renewal = setInterval(() => void this.renew(), RENEW_EVERY_MS).unref();

  constructor(
    private readonly keys: IdempotencyKeyRepository,
    private readonly reflector: Reflector,
  ) {}

  onApplicationShutdown(): void {
    clearInterval(this.renewal);
  }

  private async renew(): Promise<void> {
    if (this.held.size === 0) return;
    try {
      await this.keys.renew([...this.held], CLAIM_LEASE_MS);
    } catch {
      // The database is away: the next renewal tries again; a retry that takes a claim over meanwhile is safe.
    }
  }

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    const request = context.switchToHttp().getRequest<AuthenticatedRequest & IdempotentRequest>();
    const reply = context.switchToHttp().getResponse<FastifyReply>();
    const key = request.headers[IDEMPOTENCY_HEADER] as string | undefined;
    if (request.method !== 'POST' || key === undefined || !request.actor) return next.handle();
    if (!KEY_FORMAT.test(key)) {
      throw new ApiError(
        ApiErrorCode.VALIDATION_FAILED,
        'Idempotency-Key must be 1 to 200 letters, digits or the characters _ . : -',
      );
    }
    const actorId = request.actor.id;
    const hash = createHash('sha256')
      .update(`${request.method} ${request.url.split('?')[0]}\n${canonicalJson(request.body ?? null)}`)
      .digest('hex');
    if (++this.claims % PURGE_EVERY === 0) await this.keys.purgeOlderThan(KEEP_ANSWERS_MS);
    const holder = randomUUID();
    const claim = await this.keys.claim(actorId, key, hash, holder, CLAIM_LEASE_MS);
    switch (claim.outcome) {
      case 'mismatch':
        throw new ApiError(
          ApiErrorCode.UNPROCESSABLE,
          'This Idempotency-Key was already used with a different request',
        );
      case 'in-flight':
        throw new ApiError(ApiErrorCode.CONFLICT, 'A request with this Idempotency-Key is still in progress');
      case 'completed':
        reply.header('idempotent-replayed', 'true');
        if (claim.status >= 400) throw replayedError(claim.body as StoredError);
        return of(claim.body);
      case 'claimed':
        break;
    }
    request.idempotencyKey = key;
    const status =
      this.reflector.get<number | undefined>(HTTP_CODE_METADATA, context.getHandler()) ?? HttpStatus.CREATED;
    const marker = { replayed: false };
    this.held.add(holder);
    return withReplayMarker(marker, () => next.handle()).pipe(
      mergeMap((body: unknown) => {
        if (marker.replayed) reply.header('idempotent-replayed', 'true');
        return from(this.keys.complete(actorId, key, status, toStoredBody(body)).then(() => body));
      }),
      catchError((error: unknown) => from(this.settleFailure(actorId, key, holder, error))),
      finalize(() => this.held.delete(holder)),
    );
  }

  /** Records a refusal the call decided (so a retry gets the same answer); gives the key back otherwise. */
  private async settleFailure(actorId: string, key: string, holder: string, error: unknown): Promise<never> {
    const apiError = toApiError(error);
    const status: number = httpStatusOf(apiError.code);
    if (status >= 500 || NOT_RECORDED.has(apiError.code)) await this.keys.release(actorId, key, holder);
    else {
      const body: StoredError = { code: apiError.code, message: apiError.message };
      if (apiError.details !== undefined) body.details = apiError.details;
      await this.keys.complete(actorId, key, status, body);
    }
    throw error;
  }
}

function replayedError(body: StoredError): ApiError {
  const code = isApiErrorCode(body.code) ? body.code : ApiErrorCode.CONFLICT;
  return new ApiError(code, body.message, body.details);
}

function toStoredBody(body: unknown): object | null {
  return typeof body === 'object' && body !== null ? body : null;
}
