import { loadConfig } from '@onewindow/config';
import { landUseDefinition, type ProcessDefinition } from '@onewindow/domain';
import { randomUUID } from 'node:crypto';
import { createNotificationDispatcher } from '../../apps/worker/src/notifications/notification-dispatcher.provider';
import type { NotificationDispatcher } from '../../apps/worker/src/notifications/notification-dispatcher';
import { MailCatcher } from '../support/notification-receivers';
import type { Page } from 'playwright-core';
import { eventually } from '../support/test-env';
import { screenshot } from './support/screenshots';
import { expectAccessible, startWebSession, WebSession } from './support/web-session';

jest.setTimeout(240_000);

/** Land use under a key of its own: the register is shared with every other test file's cases. */
const definition: ProcessDefinition = { ...landUseDefinition, key: 'register-browser-land-use' };
const ADDRESS = '7 Orchard Row, Browserton';

function pageWidth(page: Page): Promise<number> {
  type PageGlobals = { document: { documentElement: { scrollWidth: number } } };
  return page.evaluate(() => (globalThis as unknown as PageGlobals).document.documentElement.scrollWidth);
}

/** A neighbour on a phone, without an account, finds an application on the register and reads it. */
describe('The public register in a browser', () => {
  let web: WebSession;
  let id: string;
  const mail = new MailCatcher();
  let dispatcher: NotificationDispatcher | undefined;

  beforeAll(async () => {
    web = await startWebSession({ EGRESS_ALLOWED_HOSTS: '127.0.0.1' });
    const smtpUrl = await mail.start();
    const config = loadConfig({ ...process.env, SMTP_URL: smtpUrl, NOTIFICATION_POLL_INTERVAL_MS: '50' });
    dispatcher = createNotificationDispatcher(config, web.api.env.db);
    dispatcher.start();
    const { driver } = web;
    const published = await driver.post('admin', '/definitions', { definition });
    if (![201, 409].includes(published.status)) throw new Error(JSON.stringify(published.body));
    const res = await driver.post('acme-battery', '/requests', {
      definitionKey: definition.key,
      title: 'Garden room with green roof',
      attributes: { development: 'minor', siteAddress: ADDRESS },
    });
    id = (res.body as { id: string }).id;
    await driver.waitForStep(id, 'validation');
    await driver.decide('clerk-planning', id, 'validation', { outcome: 'valid' });
    await eventually(
      async () => ((await web.api.http.get(`/public/applications/${id}`)).status === 200 ? true : undefined),
      'the case on the register',
    );
  });
  afterAll(async () => {
    await dispatcher?.stop();
    await mail.close();
    await web?.close();
  });

  it('finds the application by its address and shows it, and its check, on a 390 px phone in both languages', async () => {
    for (const locale of ['en', 'zh-CN'] as const) {
      const page = await web.newPage(locale);
      await page.setViewportSize({ width: 390, height: 844 });
      await page.goto(`${web.base}/register`);
      await page.getByTestId('register-search').fill('Orchard Row, Browserton');
      await page.getByTestId('register-search-submit').click();
      const item = page.getByTestId('register-item').filter({ hasText: ADDRESS });
      await item.waitFor();
      expect(await pageWidth(page)).toBe(390);
      await expectAccessible(page);
      await screenshot(page, `register-${locale}`);

      await item.getByRole('link', { name: 'Garden room with green roof' }).click();
      const detail = page.getByTestId('register-detail');
      await detail.waitFor();
      expect(await detail.innerText()).toContain(ADDRESS);
      expect(await detail.innerText()).toContain(locale === 'en' ? 'Minor development' : '一般建设项目');
      const body = await page.locator('body').innerText();
      expect(body).not.toContain('Acme');
      expect(await page.getByTestId('register-sha256').innerText()).toMatch(/^[0-9a-f]{64}$/);
      expect(await pageWidth(page)).toBe(390);
      await expectAccessible(page);
      await screenshot(page, `register-application-${locale}`);

      await page.goto(`${web.base}/register/performance`);
      await page.getByTestId('performance-quarter').first().waitFor();
      expect(await pageWidth(page)).toBe(390);
      await expectAccessible(page);
    }
  });

  it('says a reference that is not on the register is not there', async () => {
    const page = await web.newPage();
    await page.goto(`${web.base}/register/00000000-0000-4000-8000-000000000000`);
    await page.getByTestId('register-not-found').waitFor();
    await expectAccessible(page);
  });

  it('takes a neighbour’s comment, confirmed from the email, and shows it once published without the phone number', async () => {
    const page = await web.newPage();
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${web.base}/register/${id}`);
    const email = `browser-neighbour-${randomUUID().slice(0, 8)}@example.org`;
    await page.getByTestId('comment-name').fill('Robin Neighbour');
    await page.getByTestId('comment-email').fill(email);
    await page.getByLabel('Object').check();
    await page.getByLabel('Traffic').check();
    await page.getByTestId('comment-text').fill('Lorries would block the lane. Ring 07700 900789 any evening.');
    await page.getByTestId('comment-submit').click();
    const sent = page.getByTestId('comment-sent');
    const refused = page.getByTestId('comment-form').getByRole('alert');
    await sent.or(refused).first().waitFor();
    if (await refused.count()) throw new Error(`The comment was refused: ${await refused.first().innerText()}`);

    const message = await eventually(
      () => Promise.resolve(mail.mails.find((m) => m.to.includes(email))),
      'the confirmation message',
    );
    const link = /https?:\/\/[^/\s]+(\/register\/\S+\/confirm\?token=\S+)/.exec(message.text)?.[1];
    expect(link).toBeDefined();
    await page.goto(`${web.base}${link}`);
    await page.getByTestId('comment-confirmed').waitFor();
    await expectAccessible(page);

    const { driver } = web;
    const [comment] = (await driver.get('clerk-planning', `/requests/${id}/comments`)).body as Array<{
      id: string;
      text: string;
    }>;
    const start = comment.text.indexOf('07700');
    const published = await driver.post('clerk-planning', `/requests/${id}/comments/${comment.id}/publication`, {
      redactions: [{ start, end: start + '07700 900789'.length, reason: 'personal data: a phone number' }],
    });
    expect(published.status).toBe(200);

    await page.goto(`${web.base}/register/${id}`);
    const shown = page.getByTestId('register-comment');
    await shown.waitFor();
    const text = await shown.innerText();
    expect(text).toContain('Lorries would block the lane. Ring [redacted] any evening.');
    expect(await page.locator('body').innerText()).not.toMatch(/07700|Robin|browser-neighbour/);
    await screenshot(page, 'register-comment-published');
  });
});
