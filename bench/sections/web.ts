import { chromium } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { HttpClient } from '../load/http-client';
import type { BenchStack } from '../stack';
import { announce, Progress } from '../support/progress';
import { LatencySummary, msSince, summarize } from '../support/stats';

/** Initial JavaScript of a first visit, gzipped, within this budget (issue 10, point 13). */
export const INITIAL_JS_BUDGET_KB = 350;

interface ManifestChunk {
  file: string;
  isEntry?: boolean;
  isDynamicEntry?: boolean;
  imports?: string[];
}
type Manifest = Record<string, ManifestChunk>;

export interface RouteWeight {
  route: string;
  /** The route modules a first visit loads: its lazy route chunks, outermost first. */
  modules: string[];
  chunks: number;
  gzipKB: number;
  withinBudget: boolean;
}

export interface WebResult {
  initialJs: { budgetKB: number; routes: RouteWeight[]; met: boolean };
  pageLoad: {
    loads: number;
    path: string;
    /** Navigation to the request's status rendered (HTTP cache off: every load fetches every chunk). */
    dataOnScreenMs: LatencySummary;
    /** GET /requests/:id straight to the API, same request, same iterations. */
    apiMs: LatencySummary;
  };
}

/**
 * The first visit of each entry route, as the browser makes it: the entry chunk and what it imports
 * statically, then each lazy route module on the path (with its static imports), read from Vite's
 * build manifest and gzipped here.
 */
export function initialJs(distDir: string): WebResult['initialJs'] {
  const manifest = JSON.parse(readFileSync(join(distDir, '.vite', 'manifest.json'), 'utf8')) as Manifest;
  const entry = Object.keys(manifest).find((key) => manifest[key].isEntry);
  if (!entry) throw new Error(`no entry chunk in ${distDir}/.vite/manifest.json`);
  const moduleOf = (suffix: string) => {
    const key = Object.keys(manifest).find((k) => k.endsWith(suffix) && manifest[k].isDynamicEntry);
    if (!key) throw new Error(`no lazy chunk for ${suffix} in the build manifest`);
    return key;
  };
  const entryRoutes: Array<[string, string[]]> = [
    ['/sign-in', ['features/auth/sign-in-page.tsx']],
    ['/my-requests/:id', ['app/layout.tsx', 'features/requests/request-page.tsx']],
  ];
  const routes = entryRoutes.map(([route, suffixes]): RouteWeight => {
    const modules = suffixes.map(moduleOf);
    const files = new Set<string>();
    const pending = [entry, ...modules];
    const seen = new Set<string>();
    while (pending.length > 0) {
      const key = pending.pop()!;
      if (seen.has(key)) continue;
      seen.add(key);
      files.add(manifest[key].file);
      pending.push(...(manifest[key].imports ?? []));
    }
    const bytes = [...files].reduce((sum, file) => sum + gzipSync(readFileSync(join(distDir, file))).length, 0);
    const gzipKB = Math.round(bytes / 100) / 10;
    return { route, modules, chunks: files.size, gzipKB, withinBudget: gzipKB <= INITIAL_JS_BUDGET_KB };
  });
  return { budgetKB: INITIAL_JS_BUDGET_KB, routes, met: routes.every((r) => r.withinBudget) };
}

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * An applicant, signed in, opens their request page `loads` times in headless Chromium; each load is
 * timed from navigation until the request's status is rendered. The API's own latency for the same
 * data (GET /requests/:id) is measured over as many iterations beside it.
 */
export async function measureWeb(
  stack: BenchStack,
  http: HttpClient,
  opts: { loads: number; requestId: string; applicant: string; distDir: string },
): Promise<WebResult> {
  const weights = initialJs(opts.distDir);
  for (const r of weights.routes) announce(`initial JS ${r.route}: ${r.gzipKB} kB gzipped in ${r.chunks} chunks`);

  // The same call the sign-in page makes; the app keeps its session in the tab's sessionStorage.
  const login = await fetch(`${stack.apiUrl}/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: opts.applicant }),
  });
  if (!login.ok) throw new Error(`login as ${opts.applicant} answered ${login.status}`);
  const session = (await login.json()) as { accessToken: string; user: unknown };
  const token = await http.token(opts.applicant);

  const path = `/my-requests/${opts.requestId}`;
  const userDataDir = await mkdtemp(join(tmpdir(), 'onewindow-bench-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS,
  });
  const pageLoads: number[] = [];
  const apiReads: number[] = [];
  try {
    const value = JSON.stringify({ accessToken: session.accessToken, user: session.user });
    await context.addInitScript(`sessionStorage.setItem('onewindow.session', ${JSON.stringify(value)});`);
    announce(`page load: ${opts.loads} loads of ${path} (HTTP cache off), and GET /requests/:id beside them`);
    const progress = new Progress('page loads', opts.loads);
    for (let i = 0; i < opts.loads; i++) {
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
      const start = process.hrtime.bigint();
      await page.goto(`${stack.apiUrl}${path}`, { waitUntil: 'commit' });
      await page.getByTestId('request-status').waitFor({ state: 'visible', timeout: 60_000 });
      pageLoads.push(msSince(start));
      await page.close();

      const apiStart = process.hrtime.bigint();
      const response = await fetch(`${stack.apiUrl}/requests/${opts.requestId}`, {
        headers: { authorization: `Bearer ${token}`, accept: 'application/json' },
      });
      await response.arrayBuffer();
      if (!response.ok) throw new Error(`GET /requests/${opts.requestId} answered ${response.status}`);
      apiReads.push(msSince(apiStart));
      progress.tick();
    }
    progress.finish();
  } finally {
    await context.close();
    await rm(userDataDir, { recursive: true, force: true });
  }
  return {
    initialJs: weights,
    pageLoad: { loads: opts.loads, path, dataOnScreenMs: summarize(pageLoads), apiMs: summarize(apiReads) },
  };
}
