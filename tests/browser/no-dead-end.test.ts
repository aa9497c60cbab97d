import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import type { ApiDriver } from '../support/api-driver';
import { expectAccessible, startWebSession, WebSession } from './support/web-session';
import { screenshot } from './support/screenshots';

jest.setTimeout(240_000);

describe('The web app: no dead end', () => {
  let web: WebSession;
  let driver: ApiDriver;
  let base: string;

  beforeAll(async () => {
    web = await startWebSession();
    ({ driver, base } = web);
  });

  afterEach(() => web.closeContexts());

  afterAll(() => web?.close());

  const as = (username: string, locale?: 'en' | 'zh-CN') => web.as(username, locale);

  async function ok(pending: ReturnType<ApiDriver['decide']>): Promise<void> {
    const res = await pending;
    if (res.status !== 200) throw new Error(`answered ${res.status}: ${JSON.stringify(res.body)}`);
  }

  /** A permit with a site inspection, decided by the API as far as its fee. */
  async function atTheFee(): Promise<string> {
    const id = await driver.submitPermit('acme-battery', { floorAreaM2: 1200, inspectionRequired: true });
    await driver.toPlanReview(id);
    for (const [user, step] of [
      ['clerk-building', 'building-review'],
      ['clerk-fire', 'fire-review'],
      ['clerk-environment', 'environment-review'],
    ]) {
      await driver.waitForStep(id, step);
      await ok(driver.decide(user, id, step, { outcome: 'approved' }));
    }
    await driver.waitForStep(id, 'decision');
    await ok(driver.decide('supervisor', id, 'decision', { outcome: 'approved' }));
    await driver.waitForStep(id, 'fee');
    return id;
  }

  /** The page is still the app's own: its navigation, no error page, no developer screen. */
  async function stillWhole(page: Page): Promise<void> {
    expect(await page.getByTestId('route-error').count()).toBe(0);
    expect(await page.getByText('Unexpected Application Error').count()).toBe(0);
    expect(await page.getByRole('navigation').count()).toBe(1);
  }

  it('tells the cashier the payment is recorded, then the inspector the result, in English and Chinese', async () => {
    const id = await atTheFee();

    const cashier = await as('clerk-finance');
    await cashier.goto(`${base}/queue/${id}/steps/fee`);
    await cashier.getByLabel('Payment reference').fill('PAY-2027-0001');
    await cashier.getByRole('button', { name: 'Record payment' }).click();
    await cashier.getByTestId('fact-accepted').getByText('Recorded.', { exact: false }).waitFor();
    await stillWhole(cashier);
    // The form is gone at once, so the payment is not recorded twice; the page follows the case on.
    expect(await cashier.getByRole('button', { name: 'Record payment' }).count()).toBe(0);
    await cashier.getByText('This step is not active.').waitFor();
    await stillWhole(cashier);
    await expectAccessible(cashier);

    await driver.waitForStep(id, 'issuance');
    await ok(driver.decide('clerk-building', id, 'issuance', { outcome: 'issued' }));
    await driver.waitForStep(id, 'inspection');

    const inspector = await as('clerk-building', 'zh-CN');
    await inspector.goto(`${base}/queue/${id}/steps/inspection`);
    const inspection = inspector.locator('form', { has: inspector.getByRole('button', { name: '登记检查' }) });
    await inspection.getByRole('radio', { name: '合格', exact: true }).check();
    await inspection.getByRole('button', { name: '登记检查' }).click();
    await inspector.getByTestId('fact-accepted').getByText('已登记', { exact: false }).waitFor();
    await stillWhole(inspector);
    await inspector.getByText('本环节不在办理中。').waitFor();
    await stillWhole(inspector);
    await expectAccessible(inspector);
  });

  it('disables a form that lost a race and says where the case stands now, in words', async () => {
    const id = await driver.submitPermit();
    for (const locale of ['en', 'zh-CN'] as const) {
      const step = locale === 'en' ? 'intake' : 'building-review';
      if (locale === 'zh-CN') await driver.waitForStep(id, step);
      const clerk = await as('clerk-building', locale);
      // A page that missed the news: its live updates held back, as on a flaky connection.
      await clerk.route(`**/requests/${id}/events`, () => undefined);
      await clerk.goto(`${base}/queue/${id}/steps/${step}`);
      const form = clerk.getByTestId('decision-form');
      await form.getByRole('radio').first().check();
      // Someone else decides first.
      await ok(driver.decide('clerk-building', id, step, { outcome: locale === 'en' ? 'complete' : 'approved' }));
      await form.getByRole('button').last().click();
      const conflict = clerk.getByTestId('conflict');
      await conflict.waitFor();
      const words = await conflict.getByTestId('current-state').innerText();
      if (locale === 'en') {
        expect(words).toContain('The request is now In progress');
        expect(words).toContain('Fire safety review');
        expect(words).not.toContain('fire-review');
      } else {
        expect(words).toContain('申请当前状态为“办理中”');
        expect(words).not.toMatch(/[a-z]+-review/);
      }
      expect(await clerk.getByTestId('action-forms').getAttribute('data-stale')).toBe('true');
      expect(await form.getByRole('button').last().isDisabled()).toBe(true);
      await expectAccessible(clerk);
      await screenshot(clerk, `conflict-${locale}`);
      // Refreshing shows what the clerk can do now: this step is decided.
      await conflict.getByRole('button').click();
      await clerk.getByTestId('action-forms').and(clerk.locator('[data-stale="false"]')).waitFor();
      await form.waitFor({ state: 'detached' });
    }
  });

  it('brings a person who opened a link while signed out to that page once signed in, in both languages', async () => {
    const id = await driver.submitPermit();
    for (const locale of ['en', 'zh-CN'] as const) {
      const page = await web.newPage(locale);
      await page.goto(`${base}/my-requests/${id}`);
      await page.waitForURL(`${base}/sign-in`);
      await page.getByTestId('sign-in-acme-battery').click();
      await page.waitForURL(`${base}/my-requests/${id}`);
      await page.getByTestId('request-status').waitFor();
      await expectAccessible(page);
    }
  });

  it('shows a humane page with the correlation id and a way back when a page fails', async () => {
    const id = await driver.submitPermit();
    for (const locale of ['en', 'zh-CN'] as const) {
      const applicant = await as('acme-battery', locale);
      // An answer the page cannot read (with a correlation id, as the API's answers carry): the page fails, the
      // app does not. The request may be the very first answer of the tab: the page asks for it as its route starts.
      const correlationId = randomUUID();
      await applicant.route(`**/requests/${id}`, (route) =>
        route.fulfill({
          status: 200,
          contentType: 'application/json',
          headers: { 'x-correlation-id': correlationId },
          body: '{"id":"x"}',
        }),
      );
      await applicant.goto(`${base}/my-requests/${id}`);
      const page = applicant.getByTestId('route-error');
      await page.waitFor();
      expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe(
        locale === 'en' ? 'This page could not be shown' : '本页面无法显示',
      );
      // This answer's id, or that of an answer the tab had after it: one a support desk can find in the logs.
      expect(await page.getByTestId('route-error-correlation-id').innerText()).toMatch(/^[0-9a-f-]{36}$/);
      expect(await applicant.getByText('Unexpected Application Error').count()).toBe(0);
      expect(await applicant.getByText('Hey developer').count()).toBe(0);
      await expectAccessible(applicant);
      await screenshot(applicant, `route-error-${locale}`);
      // The navigation is still there and leads on.
      await applicant
        .getByRole('navigation')
        .getByRole('link', { name: locale === 'en' ? 'My requests' : '我的申请' })
        .click();
      await applicant.waitForURL(`${base}/my-requests`);
      await page.waitFor({ state: 'detached' });
    }
  });
});
