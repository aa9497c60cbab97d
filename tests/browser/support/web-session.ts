import type { BrowserContext, Page } from 'playwright-core';
import { ApiDriver } from '../../support/api-driver';
import { startTestApi, TestApi } from '../../support/test-api';
import { seriousViolations } from './axe';
import { buildWebApp, launchBrowser, missingTranslations, signIn } from './browser';

type Locale = 'en' | 'zh-CN';

/** What every browser test starts from: the built web app served by the real API (and worker), and Chromium. */
export interface WebSession {
  api: TestApi;
  driver: ApiDriver;
  /** The app's origin, `http://127.0.0.1:<port>`. */
  base: string;
  /** A tab in a browser context of its own (its own session), signed in as a seeded user. */
  as(username: string, locale?: Locale): Promise<Page>;
  /** A tab in a browser context of its own, signed in as nobody. */
  newPage(locale?: Locale): Promise<Page>;
  /** Closes the contexts opened so far: their users sign out with their browsers. */
  closeContexts(): Promise<void>;
  close(): Promise<void>;
}

/** `env` configures the API for this file's tests (e.g. production mode behind an OpenID provider). */
export async function startWebSession(env: Record<string, string> = {}): Promise<WebSession> {
  const browser = await launchBrowser();
  let api: TestApi;
  try {
    api = await startTestApi({ WEB_DIST_DIR: buildWebApp(), ...env });
  } catch (error) {
    await browser.close();
    throw error;
  }
  const { port } = api.app.getHttpServer().address() as { port: number };
  const base = `http://127.0.0.1:${port}`;
  const contexts: BrowserContext[] = [];
  const newPage = async (locale: Locale = 'en') => {
    const context = await browser.context(locale);
    contexts.push(context);
    return context.newPage();
  };
  const closeContexts = async () => {
    for (const context of contexts.splice(0)) await context.close();
  };
  return {
    api,
    driver: new ApiDriver(api),
    base,
    newPage,
    closeContexts,
    async as(username, locale) {
      const page = await newPage(locale);
      await signIn(page, base, username);
      return page;
    },
    async close() {
      await closeContexts();
      await browser.close();
      await api.close();
    },
  };
}

/** No serious or critical axe finding, and no translation key left showing. */
export async function expectAccessible(page: Page): Promise<void> {
  expect(await seriousViolations(page)).toEqual([]);
  expect(await missingTranslations(page)).toEqual([]);
}
