import { loadConfig } from '@onewindow/config';
import { formatDateTime, landUseDefinition, zoneName, type ProcessDefinition } from '@onewindow/domain';
import { randomUUID } from 'node:crypto';
import { createNotificationDispatcher } from '../../apps/worker/src/notifications/notification-dispatcher.provider';
import type { NotificationDispatcher } from '../../apps/worker/src/notifications/notification-dispatcher';
import { MailCatcher } from '../support/notification-receivers';
import type { Page } from 'playwright-core';
import { eventually } from '../support/test-env';
import { screenshot, screenshotOf } from './support/screenshots';
import { expectAccessible, startWebSession, WebSession } from './support/web-session';

jest.setTimeout(240_000);

/** Land use under a key of its own: the register is shared with every other test file's cases. */
const definition: ProcessDefinition = { ...landUseDefinition, key: 'register-browser-land-use' };
/** Its consultation lasts seconds, so the test sees the comment period end. */
const brief: ProcessDefinition = {
  ...landUseDefinition,
  key: 'register-browser-brief-land-use',
  steps: landUseDefinition.steps.map((step) =>
    step.id === 'consultation' ? { ...step, duration: { value: 3, unit: 'seconds' } } : step,
  ),
};
const ADDRESS = '7 Orchard Row, Browserton';
/** The zone of England's calendar, in which the register reads the case's moments. */
const LONDON = 'Europe/London';

interface Shown {
  receivedAt: string;
  publishedAt: string;
  commentsOpenUntil: string | null;
  commentsEndedAt: string | null;
}

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
    for (const d of [definition, brief]) {
      const published = await driver.post('admin', '/definitions', { definition: d });
      if (![201, 409].includes(published.status)) throw new Error(JSON.stringify(published.body));
    }
    id = await validCase(definition.key, 'Garden room with green roof', ADDRESS);
  });

  /** A case of `definitionKey` made valid, and so on the register. */
  async function validCase(definitionKey: string, title: string, siteAddress: string): Promise<string> {
    const { driver } = web;
    const res = await driver.post('acme-battery', '/requests', {
      definitionKey,
      title,
      attributes: { development: 'minor', siteAddress },
    });
    const caseId = (res.body as { id: string }).id;
    await driver.waitForStep(caseId, 'validation');
    await driver.decide('clerk-planning', caseId, 'validation', { outcome: 'valid' });
    await eventually(
      async () => ((await web.api.http.get(`/public/applications/${caseId}`)).status === 200 ? true : undefined),
      'the case on the register',
    );
    return caseId;
  }

  const shown = async (caseId: string) =>
    (await web.api.http.get(`/public/applications/${caseId}`).expect(200)).body as Shown;
  afterAll(async () => {
    await dispatcher?.stop();
    await mail.close();
    await web?.close();
  });

  it('finds the application by its address and shows it, and its check, on a 390 px phone in both languages', async () => {
    const facts = await shown(id);
    for (const locale of ['en', 'zh-CN'] as const) {
      const page = await web.newPage(locale);
      await page.setViewportSize({ width: 390, height: 844 });
      await page.goto(`${web.base}/register`);
      await page.getByTestId('register-search').fill('Orchard Row, Browserton');
      await page.getByTestId('register-search-submit').click();
      const item = page.getByTestId('register-item').filter({ hasText: ADDRESS });
      await item.waitFor();
      // Moments read in the case's zone, named, as on the signed-in pages.
      expect(await item.innerText()).toContain(formatDateTime(facts.publishedAt, LONDON, locale));
      expect(await pageWidth(page)).toBe(390);
      await expectAccessible(page);
      await screenshot(page, `register-${locale}`);

      await item.getByRole('link', { name: 'Garden room with green roof' }).click();
      const detail = page.getByTestId('register-detail');
      await detail.waitFor();
      expect(await detail.innerText()).toContain(ADDRESS);
      expect(await detail.innerText()).toContain(locale === 'en' ? 'Minor development' : '一般建设项目');
      expect(await detail.innerText()).toContain(formatDateTime(facts.receivedAt, LONDON, locale));
      expect(await detail.innerText()).not.toContain('UTC');
      // The comment period's end: the last day of the statutory count, with the zone named.
      const until = await page.getByTestId('comments-open-until').innerText();
      expect(until).toContain(zoneName(LONDON, locale, facts.commentsOpenUntil!));
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
    await screenshotOf(page.getByTestId('comment-form'), 'register-comment-form');
    await page.getByTestId('comment-submit').click();
    const sent = page.getByTestId('comment-sent');
    const refused = page.getByTestId('comment-form').getByRole('alert');
    await sent.or(refused).first().waitFor();
    if (await refused.count()) throw new Error(`The comment was refused: ${await refused.first().innerText()}`);

    const message = await mail.received((m) => m.to.includes(email), 'the confirmation message');
    const link = /https?:\/\/[^/\s]+(\/register\/\S+\/confirm\?token=\S+)/.exec(message.text)?.[1];
    expect(link).toBeDefined();
    await page.goto(`${web.base}${link}`);
    await page.getByTestId('comment-confirmed').waitFor();
    await expectAccessible(page);

    // The officer, on the case's page, sees it counted, withholds the phone number by selecting it, and publishes.
    const officer = await web.as('clerk-planning');
    await officer.goto(`${web.base}/queue/${id}/steps/consultation`);
    const panel = officer.getByTestId('public-comments-panel');
    await panel.getByTestId('awaiting-comment').waitFor();
    expect(await panel.getByTestId('counts-by-sentiment').innerText()).toBe('Object 1');
    expect(await panel.getByTestId('counts-by-topic').innerText()).toBe('Traffic 1');
    const original = panel.getByTestId('comment-original');
    const written = await original.inputValue();
    expect(written).toBe('Lorries would block the lane. Ring 07700 900789 any evening.');
    const start = written.indexOf('07700');
    await original.focus();
    await original.evaluate(
      (box, [from, to]) =>
        (box as unknown as { setSelectionRange(a: number, b: number): void }).setSelectionRange(from, to),
      [start, start + '07700 900789'.length],
    );
    await panel.getByTestId('redaction-reason').fill('personal data: a phone number');
    await panel.getByTestId('redact-selection').click();
    expect(await panel.getByTestId('redactions').innerText()).toContain('07700 900789');
    await expectAccessible(officer);
    await screenshotOf(panel, 'officer-comment-redaction');
    await panel.getByTestId('publish-comment').click();
    const copy = panel.getByTestId('published-comment-text');
    await copy.waitFor();
    expect(await copy.innerText()).toBe('Lorries would block the lane. Ring [redacted] any evening.');
    expect(await panel.getByTestId('awaiting-comment').count()).toBe(0);

    await page.goto(`${web.base}/register/${id}`);
    const shown = page.getByTestId('register-comment');
    await shown.waitFor();
    const text = await shown.innerText();
    expect(text).toContain('Lorries would block the lane. Ring [redacted] any evening.');
    expect(await page.locator('body').innerText()).not.toMatch(/07700|Robin|browser-neighbour/);
    await screenshot(page, 'register-comment-published');
  });

  it('says when the comment period ended, in the case’s zone, once the statutory clock has run it out', async () => {
    const caseId = await validCase(brief.key, 'Shed with solar roof', '9 Orchard Row, Browserton');
    await web.driver.waitForStep(caseId, 'assessment');
    const { commentsEndedAt } = await shown(caseId);
    expect(commentsEndedAt).not.toBeNull();
    for (const locale of ['en', 'zh-CN'] as const) {
      const page = await web.newPage(locale);
      await page.goto(`${web.base}/register/${caseId}`);
      const ended = page.getByTestId('comments-ended');
      await ended.waitFor();
      expect(await ended.innerText()).toContain(formatDateTime(commentsEndedAt, LONDON, locale));
      expect(await page.getByTestId('comment-form').count()).toBe(0);
      await expectAccessible(page);
    }
  });
});
