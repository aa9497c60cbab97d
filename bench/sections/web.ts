import { chromium, type BrowserContext } from 'playwright-core';
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
  dynamicImports?: string[];
}
type Manifest = Record<string, ManifestChunk>;

/**
 * Every page a visitor can land on first, as apps/web/src/app/router.tsx routes them, with the lazy
 * route modules on its path, outermost first. `initialJs` fails when the build has a lazy route
 * module no line here names, so a new page cannot slip past the budget.
 */
export const ENTRY_ROUTES: ReadonlyArray<readonly [route: string, modules: readonly string[]]> = [
  ['/sign-in', ['src/features/auth/sign-in-page.tsx']],
  ['/sign-in/callback', ['src/features/auth/sign-in-callback-page.tsx']],
  ['/my-requests', ['src/app/layout.tsx', 'src/features/requests/my-requests-page.tsx']],
  ['/my-requests/new', ['src/app/layout.tsx', 'src/features/requests/new-request-page.tsx']],
  ['/my-requests/:id', ['src/app/layout.tsx', 'src/features/requests/request-page.tsx']],
  ['/queue', ['src/app/layout.tsx', 'src/features/work-queue/work-queue-page.tsx']],
  ['/queue/:requestId/steps/:stepId', ['src/app/layout.tsx', 'src/features/work-queue/step-page.tsx']],
  ['/oversight', ['src/app/layout.tsx', 'src/features/supervisor/oversight-page.tsx']],
  ['/auditing', ['src/app/layout.tsx', 'src/features/audit/auditing-page.tsx']],
  ['/auditing/:id', ['src/app/layout.tsx', 'src/features/audit/audit-case-page.tsx']],
  ['/notification-settings', ['src/app/layout.tsx', 'src/features/notifications/preferences-page.tsx']],
  ['/portfolio', ['src/app/layout.tsx', 'src/features/projects/projects-page.tsx']],
  ['/portfolio/new', ['src/app/layout.tsx', 'src/features/projects/new-project-page.tsx']],
  ['/portfolio/:id', ['src/app/layout.tsx', 'src/features/projects/project-page.tsx']],
  ['/processes', ['src/app/layout.tsx', 'src/features/admin/processes-page.tsx']],
  ['/<unknown page>', ['src/app/layout.tsx', 'src/components/not-found-page.tsx']],
];

/**
 * The lazy modules of each language (its strings, and Ant Design's strings for it): a first visit
 * loads the visitor's language before the first render.
 */
const LANGUAGE_MODULES: Record<string, readonly string[]> = {
  en: ['src/lib/i18n/en.ts'],
  'zh-CN': ['src/lib/i18n/zh-CN.ts', 'antd/locale/zh_CN.js'],
};

export interface RouteWeight {
  route: string;
  /** The lazy modules a first visit loads before its first render: route modules, outermost first, then the language's. */
  modules: string[];
  /** The language whose first visit is the heavier (each visitor downloads only their own). */
  language: string;
  chunks: number;
  gzipKB: number;
  withinBudget: boolean;
}

export interface BrowserWeight {
  path: string;
  /**
   * The scripts a first visit requested before the request's data came back: the app and the route
   * the status needs (the sections below it are requested only once it renders with the data).
   * What the manifest count above predicts.
   */
  beforeData: { files: number; gzipKB: number };
  /**
   * Every script whose response had arrived when the status entered the page: also the sections'
   * chunks that came while the status was still rendering (more of them on a busy machine).
   */
  untilDataOnScreen: { files: number; gzipKB: number };
  /** Every script fetched until all the page's sections were drawn, without any click. */
  wholePage: { files: number; gzipKB: number };
  withinBudget: boolean;
}

export interface WebResult {
  initialJs: { budgetKB: number; routes: RouteWeight[]; browser?: BrowserWeight; met: boolean };
  pageLoad: {
    loads: number;
    path: string;
    /** Navigation to the request's status rendered (HTTP cache off: every load fetches every chunk). */
    dataOnScreenMs: LatencySummary;
    /** GET /requests/:id straight to the API, same request, same iterations. */
    apiMs: LatencySummary;
  };
}

function gzipKB(bytes: number): number {
  return Math.round(bytes / 100) / 10;
}

/**
 * The first visit of each entry route, as the browser makes it: the entry chunk and what it imports
 * statically, the visitor's language, then each lazy route module on the path (with its static
 * imports), read from Vite's build manifest and gzipped here. Chunks a page loads lazily once it is
 * drawn (a form behind a button, a section below the status) are not initial JavaScript; the
 * browser measurement below weighs them too.
 */
export function initialJs(distDir: string): WebResult['initialJs'] {
  const manifest = JSON.parse(readFileSync(join(distDir, '.vite', 'manifest.json'), 'utf8')) as Manifest;
  const entry = Object.keys(manifest).find((key) => manifest[key].isEntry);
  if (!entry) throw new Error(`no entry chunk in ${distDir}/.vite/manifest.json`);
  const lazyModuleOf = (suffix: string) =>
    Object.keys(manifest).find((k) => k.endsWith(suffix) && manifest[k].isDynamicEntry);
  const moduleOf = (suffix: string) => {
    const key = lazyModuleOf(suffix);
    if (!key) throw new Error(`no lazy chunk for ${suffix} in the build manifest`);
    return key;
  };
  // A build that bundles its languages into the entry (as this app once did) has none to add.
  const languageModulesOf = (suffixes: readonly string[]) =>
    suffixes.map(lazyModuleOf).filter((key): key is string => key !== undefined);
  const named = new Set([
    ...ENTRY_ROUTES.flatMap(([, modules]) => modules.map(moduleOf)),
    ...Object.values(LANGUAGE_MODULES).flatMap(languageModulesOf),
  ]);
  const unnamed = (manifest[entry].dynamicImports ?? []).filter((key) => !named.has(key));
  if (unnamed.length > 0) {
    throw new Error(`lazy route modules with no line in ENTRY_ROUTES (bench/sections/web.ts): ${unnamed.join(', ')}`);
  }
  const gzipped = new Map<string, number>();
  const sizeOf = (file: string) => {
    if (!gzipped.has(file)) gzipped.set(file, gzipSync(readFileSync(join(distDir, file))).length);
    return gzipped.get(file)!;
  };
  const filesOf = (keys: string[]) => {
    const files = new Set<string>();
    const pending = [...keys];
    const seen = new Set<string>();
    while (pending.length > 0) {
      const key = pending.pop()!;
      if (seen.has(key)) continue;
      seen.add(key);
      files.add(manifest[key].file);
      pending.push(...(manifest[key].imports ?? []));
    }
    return files;
  };
  const routes = ENTRY_ROUTES.map(([route, suffixes]): RouteWeight => {
    const visits = Object.entries(LANGUAGE_MODULES).map(([language, languageSuffixes]) => {
      const modules = [...suffixes.map(moduleOf), ...languageModulesOf(languageSuffixes)];
      const files = filesOf([entry, ...modules]);
      const bytes = [...files].reduce((sum, file) => sum + sizeOf(file), 0);
      return { language, modules, chunks: files.size, bytes };
    });
    const heaviest = visits.reduce((a, b) => (b.bytes > a.bytes ? b : a));
    const kb = gzipKB(heaviest.bytes);
    return {
      route,
      modules: heaviest.modules,
      language: heaviest.language,
      chunks: heaviest.chunks,
      gzipKB: kb,
      withinBudget: kb <= INITIAL_JS_BUDGET_KB,
    };
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

/** In the page: the moment (performance.now()) the request's status enters the document. */
const WATCH_STATUS = `new MutationObserver((_, observer) => {
  if (document.querySelector('[data-testid="request-status"]')) {
    window.__statusOnScreenAt = performance.now();
    observer.disconnect();
  }
}).observe(document, { childList: true, subtree: true });`;

/** In the page (Resource Timing): when the status came and the request's data arrived, and each script's times. */
const readTiming = (dataPath: string) => `({
  statusAt: window.__statusOnScreenAt,
  dataAt: performance
    .getEntriesByType('resource')
    .find((e) => new URL(e.name).pathname === ${JSON.stringify(dataPath)})?.responseEnd,
  scripts: performance
    .getEntriesByType('resource')
    .filter((e) => new URL(e.name).pathname.endsWith('.js'))
    .map((e) => ({ url: e.name, start: e.startTime, end: e.responseEnd })),
})`;

interface PageTiming {
  statusAt?: number;
  dataAt?: number;
  scripts: { url: string; start: number; end: number }[];
}

/**
 * One first visit of the request page in the browser, weighed: the gzipped size of the scripts
 * requested before the request's data came back, of those that had arrived when the status entered
 * the page, and of all the page fetched until its sections were drawn, no click made.
 */
async function weighInBrowser(
  context: BrowserContext,
  url: string,
  path: string,
  dataPath: string,
): Promise<BrowserWeight> {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await page.addInitScript(WATCH_STATUS);
  const bodies = new Map<string, Promise<number>>();
  page.on('response', (response) => {
    // Scripts and module preloads alike, as Resource Timing lists them below.
    if (!new URL(response.url()).pathname.endsWith('.js')) return;
    const gzipped = response.ok()
      ? response.body().then((body) => gzipSync(body).length)
      : Promise.reject(new Error(`${response.url()} answered ${response.status()}`));
    gzipped.catch(() => undefined); // read (and thrown) below
    bodies.set(response.url(), gzipped);
  });
  try {
    await page.goto(url, { waitUntil: 'commit' });
    await page.getByTestId('request-status').waitFor({ state: 'visible', timeout: 60_000 });
    // Drawn in full: the timeline is there and no section is still loading.
    await page.getByTestId('timeline-entry').first().waitFor({ timeout: 60_000 });
    await page
      .locator('.ant-spin-spinning, [aria-busy="true"]')
      .first()
      .waitFor({ state: 'detached', timeout: 60_000 });
    const timing = await page.evaluate<PageTiming>(readTiming(dataPath));
    const { statusAt, dataAt } = timing;
    if (statusAt === undefined || dataAt === undefined) {
      throw new Error(`no timing for the status (${statusAt}) or for GET ${dataPath} (${dataAt})`);
    }
    const sizes = await Promise.all(
      timing.scripts.map(async ({ url: script, start, end }) => {
        const bytes = bodies.get(script);
        if (!bytes) throw new Error(`no response body seen for ${script}`);
        return { start, end, bytes: await bytes };
      }),
    );
    const sum = (list: typeof sizes) => ({
      files: list.length,
      gzipKB: gzipKB(list.reduce((total, s) => total + s.bytes, 0)),
    });
    const untilDataOnScreen = sum(sizes.filter((s) => s.end <= statusAt));
    return {
      path,
      beforeData: sum(sizes.filter((s) => s.start < dataAt)),
      untilDataOnScreen,
      wholePage: sum(sizes),
      withinBudget: untilDataOnScreen.gzipKB <= INITIAL_JS_BUDGET_KB,
    };
  } finally {
    await page.close();
  }
}

/**
 * An applicant, signed in, opens their request page `loads` times in headless Chromium; each load is
 * timed from navigation until the request's status is rendered. The API's own latency for the same
 * data (GET /requests/:id) is measured over as many iterations beside it. One untimed visit before
 * them weighs the scripts the browser fetched.
 */
export async function measureWeb(
  stack: BenchStack,
  http: HttpClient,
  opts: { loads: number; requestId: string; applicant: string; distDir: string },
): Promise<WebResult> {
  const weights = initialJs(opts.distDir);
  for (const r of weights.routes) {
    announce(`initial JS ${r.route}: ${r.gzipKB} kB gzipped in ${r.chunks} chunks (${r.language})`);
  }

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
    locale: 'en',
  });
  const pageLoads: number[] = [];
  const apiReads: number[] = [];
  try {
    const value = JSON.stringify({ accessToken: session.accessToken, user: session.user });
    await context.addInitScript(`sessionStorage.setItem('onewindow.session', ${JSON.stringify(value)});`);
    weights.browser = await weighInBrowser(context, `${stack.apiUrl}${path}`, path, `/requests/${opts.requestId}`);
    weights.met = weights.met && weights.browser.withinBudget;
    const b = weights.browser;
    announce(
      `browser, first visit of ${path}, scripts gzipped: ${b.beforeData.gzipKB} kB requested before the data ` +
        `came back, ${b.untilDataOnScreen.gzipKB} kB arrived when the status was on screen, ` +
        `${b.wholePage.gzipKB} kB once the page was drawn in full`,
    );
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
