import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { static as serveStatic } from 'express';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

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
 * A path under an API root always reaches the API (its JSON, its 404), so the app never shadows a route.
 */
export function webApp(distDir: string, roots: ReadonlySet<string>): RequestHandler {
  const dir = resolve(distDir);
  const index = join(dir, 'index.html');
  if (!existsSync(index)) return (_req, _res, next) => next();
  const files = serveStatic(dir, { index: false, fallthrough: true, maxAge: '1y', immutable: true });
  return (req: Request, res: Response, next: NextFunction) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    if (roots.has(req.path.split('/')[1] ?? '')) return next();
    if (req.accepts(['json', 'html']) === 'html' && !req.path.startsWith('/assets/')) {
      res.setHeader('Cache-Control', 'no-cache');
      // Relative to the folder, so a folder under a dot-directory (e.g. `.data/`) is served too.
      res.sendFile('index.html', { root: dir });
      return;
    }
    files(req, res, next);
  };
}
