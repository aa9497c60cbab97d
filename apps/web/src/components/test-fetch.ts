import { vi } from 'vitest';

/** A request as a test's fake API sees it: method, path, headers and body. */
export interface SeenRequest {
  method: string;
  path: string;
  headers: Headers;
  body: unknown;
}

export type FakeApi = (request: SeenRequest) => Response | Promise<Response>;

/**
 * Replaces `fetch` for component tests with a function answering like the API. The typed client binds
 * `fetch` when it is created, so this installs one stable function whose handler each test sets.
 */
export function installFakeApi(): { handle(api: FakeApi): void; seen: SeenRequest[] } {
  let handler: FakeApi = () => new Response('{}', { status: 404 });
  const seen: SeenRequest[] = [];
  vi.stubGlobal('fetch', async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = input instanceof Request ? input : null;
    const url = new URL(input instanceof Request ? input.url : input, window.location.origin);
    const headers = new Headers(request ? request.headers : init?.headers);
    const rawBody = request ? await request.clone().text() : init?.body;
    let body: unknown = rawBody;
    if (typeof rawBody === 'string' && rawBody !== '') {
      try {
        body = JSON.parse(rawBody);
      } catch {
        body = rawBody;
      }
    }
    const seenRequest = {
      method: request?.method ?? init?.method ?? 'GET',
      path: url.pathname + url.search,
      headers,
      body,
    };
    seen.push(seenRequest);
    return handler(seenRequest);
  });
  return {
    handle(api) {
      handler = api;
    },
    seen,
  };
}

export function json(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

/**
 * Installed when this module loads: a test imports it before any component, so the typed client
 * (which binds `fetch` when created) binds this one.
 */
export const fakeApi = installFakeApi();
