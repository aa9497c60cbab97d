import { DEFAULT_LANGUAGE, LANGUAGES, textIn, type Language } from '@onewindow/domain';
import { CallHandler, ExecutionContext, Injectable, NestInterceptor, StreamableFile } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { from, map, Observable, switchMap } from 'rxjs';
import type { AuthenticatedRequest } from '../auth/auth.decorators';
import { ReaderLanguage } from './reader-language.service';

const SERVED: ReadonlySet<string> = new Set(LANGUAGES);

/** A label from a definition: `{ en, 'zh-CN' }`, every key a served language and every value a text. */
function isLabel(value: object): value is Record<Language, string> {
  const entries = Object.entries(value);
  return entries.length > 0 && entries.every(([key, text]) => SERVED.has(key) && typeof text === 'string');
}

/** The body with every definition label replaced by its text in `language`; everything else as it is. */
export function inLanguage(body: unknown, language: Language): unknown {
  if (Array.isArray(body)) return body.map((item) => inLanguage(item, language));
  if (!isDataObject(body)) return body;
  if (isLabel(body)) return textIn(body, language);
  return Object.fromEntries(Object.entries(body).map(([key, value]) => [key, inLanguage(value, language)]));
}

/** A plain object or a view (an instance of a plain class); never a file, stream, buffer or date. */
function isDataObject(value: unknown): value is object {
  if (typeof value !== 'object' || value === null) return false;
  if (value instanceof StreamableFile || value instanceof Date || Buffer.isBuffer(value)) return false;
  if (typeof (value as { pipe?: unknown }).pipe === 'function') return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === null || prototype === Object.prototype || Object.getPrototypeOf(prototype) === Object.prototype;
}

/**
 * The one place labels from definitions are put in the reader's language: the language the caller asks
 * for (`Accept-Language`; the web app sends the one its reader chose), else the signed-in user's stored
 * preference, English otherwise. Views carry labels in every language; the answer carries one.
 */
@Injectable()
export class LabelsInterceptor implements NestInterceptor {
  constructor(private readonly reader: ReaderLanguage) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const http = context.switchToHttp();
    const request = http.getRequest<AuthenticatedRequest>();
    void http.getResponse<FastifyReply>().header('vary', 'Accept-Language');
    // Unread preferences (PostgreSQL away) are no reason to refuse the answer: it is then in English.
    const language = this.reader
      .of(request.headers['accept-language'], request.actor?.id)
      .catch((): Language => DEFAULT_LANGUAGE);
    // The handler is asked for here, not after the language is known: next.handle() binds the handler to this
    // async context, which carries the request's deadline for Temporal calls.
    return next
      .handle()
      .pipe(switchMap((body: unknown) => from(language).pipe(map((reader) => inLanguage(body, reader)))));
  }
}
