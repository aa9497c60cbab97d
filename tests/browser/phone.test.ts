import type { Page } from 'playwright-core';
import type { ApiDriver } from '../support/api-driver';
import { signIn } from './support/browser';
import { screenshot } from './support/screenshots';
import { startWebSession, WebSession } from './support/web-session';

jest.setTimeout(240_000);

/** The page's width: a wide table scrolls inside its own box, but the page itself never sideways. */
function pageWidth(page: Page): Promise<number> {
  type PageGlobals = { document: { documentElement: { scrollWidth: number } } };
  return page.evaluate(() => (globalThis as unknown as PageGlobals).document.documentElement.scrollWidth);
}

describe('The web app on a phone (390 × 844, touch)', () => {
  let web: WebSession;
  let driver: ApiDriver;
  let base: string;

  beforeAll(async () => {
    web = await startWebSession();
    ({ driver, base } = web);
  });

  afterAll(() => web?.close());

  async function phone(username: string, locale: 'en' | 'zh-CN'): Promise<Page> {
    const page = await web.newPage(locale);
    await page.setViewportSize({ width: 390, height: 844 });
    await signIn(page, base, username);
    return page;
  }

  it('fits every main page in the screen with the sign-out reachable, in English and Chinese', async () => {
    const id = await driver.submitPermit();
    for (const locale of ['en', 'zh-CN'] as const) {
      const applicant = await phone('acme-battery', locale);
      const clerk = await phone('clerk-building', locale);
      const pages: Array<[Page, string, string]> = [
        [applicant, '/my-requests', 'my-requests'],
        [applicant, '/my-requests/new', 'new-request'],
        [applicant, `/my-requests/${id}`, 'request'],
        [clerk, '/queue', 'queue'],
        [clerk, `/queue/${id}/steps/intake`, 'step'],
      ];
      for (const [page, path, name] of pages) {
        await page.goto(`${base}${path}`);
        await page.locator('main').waitFor();
        await page.locator('[role="status"] .ant-spin').first().waitFor({ state: 'detached' });
        expect({ path, width: await pageWidth(page) }).toEqual({ path, width: 390 });
        const signOut = page.getByRole('button', { name: locale === 'en' ? 'Sign out' : '退出登录' });
        const box = await signOut.boundingBox();
        expect(box && box.x >= 0 && box.x + box.width <= 390).toBe(true);
        await screenshot(page, `phone-${name}-${locale}`);
      }
    }
  });
});
