import type { ActorRole } from '@onewindow/domain';
import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { ModulesContainer } from '@nestjs/core';
import { randomUUID } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { PUBLIC_KEY, ROLES_KEY } from '../../apps/api/src/core/auth/auth.decorators';
import type { Test } from 'supertest';
import type { TestApi } from './test-api';

export interface RouteCase {
  /** `GET /requests/{id}` as the OpenAPI document names it. */
  name: string;
  method: string;
  /** The route with every parameter filled in with a well-formed value. */
  path: string;
  /** The roles its handler names (method first, then controller), or 'public'; undefined when it names none. */
  roles: readonly ActorRole[] | 'public' | undefined;
  /** An event stream: read its status, then hang up. */
  stream: boolean;
}

const SAMPLE: Record<string, string> = {
  id: randomUUID(),
  stepId: 'intake',
  extensionId: 'ext-1',
  key: 'building-permit',
  version: '1',
  reference: randomUUID(),
  commentId: randomUUID(),
  organisation: 'highway-authority',
  token: 'not-a-link',
};

/**
 * Every operation of the API's OpenAPI document, matched to the handler that serves it and the role
 * metadata on that handler: what the fail-closed tests walk.
 */
export async function routeTable(api: TestApi): Promise<RouteCase[]> {
  const handlers = new Map<string, { roles: RouteCase['roles'] }>();
  for (const module of api.app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as (new (...args: never[]) => object) | null;
      if (!controller) continue;
      const base = String(Reflect.getMetadata(PATH_METADATA, controller) ?? '');
      for (const name of Object.getOwnPropertyNames(controller.prototype)) {
        const handler = (controller.prototype as Record<string, unknown>)[name];
        if (typeof handler !== 'function' || name === 'constructor') continue;
        const path = Reflect.getMetadata(PATH_METADATA, handler) as string | undefined;
        const method = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod | undefined;
        if (path === undefined || method === undefined) continue;
        const full = `/${[base, path].filter((p) => p && p !== '/').join('/')}`.replace(/\/+/g, '/');
        const isPublic =
          Reflect.getMetadata(PUBLIC_KEY, handler) === true || Reflect.getMetadata(PUBLIC_KEY, controller) === true;
        const roles =
          (Reflect.getMetadata(ROLES_KEY, handler) as ActorRole[] | undefined) ??
          (Reflect.getMetadata(ROLES_KEY, controller) as ActorRole[] | undefined);
        const key = `${RequestMethod[method]} ${full.replace(/:(\w+)/g, '{$1}')}`;
        handlers.set(key, { roles: isPublic ? 'public' : roles });
      }
    }
  }

  const document = (await api.http.get('/api/docs-json').expect(200)).body as {
    paths: Record<string, Record<string, unknown>>;
  };
  const cases: RouteCase[] = [];
  for (const [path, operations] of Object.entries(document.paths)) {
    for (const method of Object.keys(operations)) {
      const name = `${method.toUpperCase()} ${path}`;
      const handler = handlers.get(name);
      if (!handler) throw new Error(`${name} is in the OpenAPI document but no handler was found for it`);
      cases.push({
        name,
        method,
        // An unknown query parameter (and body property, see callRoute): a route that takes a query or a body
        // answers 400 once past the guard, so probing never runs an expensive use case.
        path: `${path.replace(/\{(\w+)\}/g, (_, param: string) => SAMPLE[param] ?? 'sample')}?probe=1`,
        roles: handler.roles,
        stream: path.endsWith('/events'),
      });
    }
  }
  return cases;
}

/** Calls one route with a bearer token (or none): status and error code. Streams are closed once answered. */
export async function callRoute(
  api: TestApi,
  route: RouteCase,
  token: string | undefined,
): Promise<{ status: number; code?: string }> {
  const auth: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {};
  if (route.stream) return openStream(api, route.path, auth);
  const http = api.http as unknown as Record<string, (path: string) => Test>;
  const call = http[route.method](route.path).set(auth);
  const res = await (route.method === 'get' ? call : call.send({ probe: 1 }));
  return { status: res.status, code: (res.body as { code?: string } | undefined)?.code };
}

function openStream(
  api: TestApi,
  path: string,
  headers: Record<string, string>,
): Promise<{ status: number; code?: string }> {
  const { port } = api.app.getHttpServer().address() as AddressInfo;
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      { host: '127.0.0.1', port, path, headers: { ...headers, accept: 'text/event-stream' } },
      (res) => {
        const status = res.statusCode ?? 0;
        if (status === 200) {
          req.destroy();
          resolve({ status });
          return;
        }
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () => resolve({ status, code: (JSON.parse(body || '{}') as { code?: string }).code }));
      },
    );
    req.on('error', (error: NodeJS.ErrnoException) => (error.code === 'ECONNRESET' ? undefined : reject(error)));
    req.end();
  });
}
