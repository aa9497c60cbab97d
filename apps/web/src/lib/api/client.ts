import createClient from 'openapi-fetch';
import { i18n } from '@/lib/i18n';
import type { components, paths } from './schema';

export type Schemas = components['schemas'];
export type RequestDetail = Schemas['RequestDetailView'];
export type RequestSummary = Schemas['RequestSummaryView'];
export type StepView = Schemas['StepView'];
export type ClockView = Schemas['ClockView'];
export type LegalAction = Schemas['LegalActionView'];
export type WorkItem = Schemas['WorkItemView'];
export type Actor = Schemas['ActorView'];

let tokenSource: () => string | null = () => null;

/** The auth provider tells the client where the current bearer token comes from. */
export function setTokenSource(source: () => string | null): void {
  tokenSource = source;
}

export function currentToken(): string | null {
  return tokenSource();
}

/** The one typed client of the API, generated from its OpenAPI document; same origin. */
export const api = createClient<paths>({ baseUrl: window.location.origin });
let lastSeenCorrelationId: string | null = null;

/** The correlation id of the API's latest answer to this tab: the one to quote when a page fails after it. */
export function lastCorrelationId(): string | null {
  return lastSeenCorrelationId;
}

api.use({
  onRequest({ request }) {
    const token = tokenSource();
    if (token) request.headers.set('authorization', `Bearer ${token}`);
    // Labels from definitions come in the reader's language, not the browser's.
    if (i18n.language) request.headers.set('accept-language', i18n.language);
    return request;
  },
  onResponse({ response }) {
    lastSeenCorrelationId = response.headers.get('x-correlation-id') ?? lastSeenCorrelationId;
    return response;
  },
});

/** The API's one error body, with the HTTP status it came with. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly correlationId: string | null,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

interface ErrorBody {
  code?: string;
  message?: string;
  correlationId?: string;
  details?: Record<string, unknown>;
}

/** Returns the data of an openapi-fetch answer, or throws its error body as an ApiError. */
export async function unwrap<T>(call: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  let result: { data?: T; error?: unknown; response: Response };
  try {
    result = await call;
  } catch (cause) {
    throw new ApiError(0, 'NETWORK', cause instanceof Error ? cause.message : String(cause), null);
  }
  const { data, error, response } = result;
  if (response.ok) return data as T;
  const body = (typeof error === 'object' && error !== null ? error : {}) as ErrorBody;
  throw new ApiError(
    response.status,
    body.code ?? `HTTP_${response.status}`,
    body.message ?? response.statusText,
    body.correlationId ?? response.headers.get('x-correlation-id'),
    body.details,
  );
}

/** A fresh Idempotency-Key for one user action, so a retried click never acts twice. */
export function idempotencyKey(): string {
  return crypto.randomUUID();
}

export type NotificationItem = Schemas['NotificationView'];
export type Inbox = Schemas['InboxView'];
export type NotificationPreferences = Schemas['PreferencesView'];
export type DocumentList = Schemas['DocumentListView'];
export type CaseDocumentView = Schemas['DocumentView'];
export type DocumentVersionView = Schemas['DocumentVersionView'];

/** The API's answer to a call outside the typed client (uploads, downloads) as an ApiError. */
export async function errorFromResponse(response: Response): Promise<ApiError> {
  let body: ErrorBody = {};
  try {
    body = (await response.json()) as ErrorBody;
  } catch {
    body = {};
  }
  return new ApiError(
    response.status,
    body.code ?? `HTTP_${response.status}`,
    body.message ?? response.statusText,
    body.correlationId ?? response.headers.get('x-correlation-id'),
    body.details,
  );
}

/** A same-origin call with the bearer token, for bodies the typed client does not carry (multipart, files). */
export async function authorizedFetch(path: string, init: RequestInit = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  const token = tokenSource();
  if (token) headers.set('authorization', `Bearer ${token}`);
  let response: Response;
  try {
    response = await fetch(path, { ...init, headers });
  } catch (cause) {
    throw new ApiError(0, 'NETWORK', cause instanceof Error ? cause.message : String(cause), null);
  }
  if (!response.ok) throw await errorFromResponse(response);
  return response;
}
