import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

/** Debian's Chromium (or CHROMIUM_PATH): the browser tests never download one. */
export function chromiumPath(): string {
  const path = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(path)) {
    throw new Error(
      `No Chromium at ${path}. The browser tests need one: install it with \`apt-get install -y chromium\` ` +
        '(or set CHROMIUM_PATH to a Chromium or Chrome binary).',
    );
  }
  return path;
}

export interface TestBrowser {
  browser: Browser;
  /** A fresh context (its own session storage: one signed-in user) in the given language. */
  context(locale?: 'en' | 'zh-CN'): Promise<BrowserContext>;
  close(): Promise<void>;
}

export async function launchBrowser(): Promise<TestBrowser> {
  // launch() gives the browser a fresh, temporary user-data dir of its own, removed on close.
  const browser = await chromium.launch({
    executablePath: chromiumPath(),
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  return {
    browser,
    context: (locale = 'en') => browser.newContext({ locale, viewport: { width: 1280, height: 900 } }),
    async close() {
      await browser.close();
    },
  };
}

/** Builds the web app once per test run into `.data/web-test-<pid>`, and drops builds of runs that have ended. */
export function buildWebApp(): string {
  const root = join(__dirname, '..', '..', '..');
  const data = join(root, '.data');
  mkdirSync(data, { recursive: true });
  for (const name of readdirSync(data)) {
    const pid = /^web-test-(\d+)$/.exec(name)?.[1];
    if (pid && !isRunning(Number(pid))) rmSync(join(data, name), { recursive: true, force: true });
  }
  const outDir = join(data, `web-test-${process.pid}`);
  if (!existsSync(join(outDir, 'index.html'))) {
    execFileSync(
      process.execPath,
      [
        join(root, 'node_modules', 'vite', 'bin', 'vite.js'),
        'build',
        '--config',
        'apps/web/vite.config.mts',
        '--outDir',
        outDir,
        '--logLevel',
        'warn',
      ],
      { cwd: root, stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, NODE_ENV: 'production' } },
    );
  }
  return outDir;
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Signs in through the sign-in page as one of the seeded users. */
export async function signIn(page: Page, baseUrl: string, username: string): Promise<void> {
  await page.goto(`${baseUrl}/sign-in`);
  const button = page.getByTestId(`sign-in-${username}`);
  const alert = page.getByRole('alert');
  await button.or(alert).first().waitFor();
  if (await alert.count()) throw new Error(`The sign-in page shows an error: ${await alert.first().innerText()}`);
  await button.click();
  await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
}

/** Every string the app could not translate shows as ⟦key⟧; a page must show none. */
export async function missingTranslations(page: Page): Promise<string[]> {
  const text = await page.locator('body').innerText();
  return [...text.matchAll(/⟦([^⟧]+)⟧/g)].map((m) => m[1]);
}
