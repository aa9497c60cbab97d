import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { answerPathTooLong, MAX_PARAM_LENGTH } from '../../core/errors/framework-errors';

/** First path segments that belong to the API even when the OpenAPI document does not list them. */
const UNDOCUMENTED_API_ROOTS = ['api', 'health', 'metrics'];

/** The first path segment of every API route: a page load under one of them is always the API's to answer. */
export function apiRoots(paths: Iterable<string>): Set<string> {
  const roots = new Set(UNDOCUMENTED_API_ROOTS);
  for (const path of paths) roots.add(path.split('/')[1] ?? '');
  roots.delete('');
  return roots;
}

/**
 * Serves the built web app at `/`: its files, and `index.html` for a browser's page load of a client route.
 * A path under an API root always reaches the API (its JSON, its 404), so the app never shadows a route:
 * the API's own routes are more specific than this catch-all, and what they do not match goes to its 404.
 */
export function serveWebApp(fastify: FastifyInstance, distDir: string, roots: ReadonlySet<string>): void {
  const dir = resolve(distDir);
  if (!existsSync(join(dir, 'index.html'))) return;
  void fastify.register(fastifyStatic, { root: dir, serve: false, dotfiles: 'ignore', index: false });
  fastify.get('/*', (request: FastifyRequest, reply: FastifyReply) => {
    const path = request.url.split('?')[0];
    const segments = path.split('/');
    if (roots.has(segments[1] ?? '')) {
      // A parameter over the router's limit falls through to this catch-all: the API's 414, as without the app.
      if (segments.some((segment) => segment.length > MAX_PARAM_LENGTH)) return answerPathTooLong(reply);
      return reply.callNotFound();
    }
    if (prefersHtml(request.headers.accept) && !path.startsWith('/assets/')) {
      // Relative to the folder, so a folder under a dot-directory (e.g. `.data/`) is served too.
      return reply.header('cache-control', 'no-cache').sendFile('index.html', dir, { cacheControl: false });
    }
    // Built file names carry a content hash: they never change under the same name.
    return reply.sendFile(path.slice(1), dir, { maxAge: '1y', immutable: true });
  });
}

/**
 * Whether the caller asks for a page rather than data: text/html ranked above application/json in
 * Accept, each by its most specific matching range; a tie (or no Accept) is the API's.
 */
export function prefersHtml(accept: string | undefined): boolean {
  return accept !== undefined && quality(accept, 'text/html') > quality(accept, 'application/json');
}

function quality(accept: string, mediaType: string): number {
  const [type] = mediaType.split('/');
  let best = { specificity: -1, q: 0 };
  for (const entry of accept.split(',')) {
    const [range, ...params] = entry.split(';').map((part) => part.trim().toLowerCase());
    const specificity = range === mediaType ? 2 : range === `${type}/*` ? 1 : range === '*/*' ? 0 : -1;
    if (specificity <= best.specificity) continue;
    const q = params.find((param) => param.startsWith('q='))?.slice(2);
    best = { specificity, q: q === undefined ? 1 : Number(q) || 0 };
  }
  return best.q;
}
