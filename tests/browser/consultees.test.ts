import { loadConfig } from '@onewindow/config';
import { landUseDefinition, type ProcessDefinition } from '@onewindow/domain';
import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { createNotificationDispatcher } from '../../apps/worker/src/notifications/notification-dispatcher.provider';
import type { NotificationDispatcher } from '../../apps/worker/src/notifications/notification-dispatcher';
import { MailCatcher } from '../support/notification-receivers';
import { screenshot } from './support/screenshots';
import { expectAccessible, startWebSession, WebSession } from './support/web-session';

jest.setTimeout(240_000);

const suffix = randomUUID().slice(0, 8);
/** Two bodies of this run's own: one answers in English, the other in Chinese. */
const bodies = {
  en: {
    key: `rail-${suffix}`,
    nameEn: 'Network Rail',
    nameZh: '铁路网络公司',
    email: `rail-${suffix}@rail.example.org`,
  },
  'zh-CN': {
    key: `heritage-${suffix}`,
    nameEn: 'Historic England',
    nameZh: '文物保护主管部门',
    email: `heritage-${suffix}@heritage.example.org`,
  },
} as const;
const definition: ProcessDefinition = {
  ...landUseDefinition,
  key: `consultee-browser-land-use-${suffix}`,
  steps: landUseDefinition.steps.map((s) =>
    s.id === 'consultation'
      ? { ...s, consultees: [{ organisation: bodies.en.key }, { organisation: bodies['zh-CN'].key }] }
      : s,
  ),
};

function pageWidth(page: Page): Promise<number> {
  type PageGlobals = { document: { documentElement: { scrollWidth: number } } };
  return page.evaluate(() => (globalThis as unknown as PageGlobals).document.documentElement.scrollWidth);
}

/** A consultee body, without an account, answers on a phone through the link in the email it was sent. */
describe('A consultee in a browser', () => {
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
    for (const body of Object.values(bodies)) {
      const added = await driver.post('admin', '/consultees', body);
      if (added.status !== 201) throw new Error(JSON.stringify(added.body));
    }
    const published = await driver.post('admin', '/definitions', { definition });
    if (published.status !== 201) throw new Error(JSON.stringify(published.body));
    const res = await driver.post('acme-battery', '/requests', {
      definitionKey: definition.key,
      title: 'Footbridge over the railway',
      attributes: { development: 'minor', siteAddress: '1 Station Approach' },
    });
    id = (res.body as { id: string }).id;
    await driver.waitForStep(id, 'validation');
    await driver.decide('clerk-planning', id, 'validation', { outcome: 'valid' });
  });
  afterAll(async () => {
    await dispatcher?.stop();
    await mail.close();
    await web?.close();
  });

  /** The link's path in the invitation the SMTP server received for `email`. */
  const linkFor = async (email: string) => {
    const message = await mail.received((m) => m.to.includes(email), `the invitation to ${email}`);
    const link = /https?:\/\/[^/\s]+(\/consultation\/[A-Za-z0-9_.-]+)/.exec(message.text)?.[1];
    expect(link).toBeDefined();
    return link!;
  };

  it('answers through the emailed link on a 390 px phone in both languages; the officer sees each answer', async () => {
    const words = {
      en: { name: 'Network Rail', position: 'Objection', text: 'The bridge footings sit on our embankment.' },
      'zh-CN': { name: '文物保护主管部门', position: '提出意见', text: '桥梁外观应与车站历史建筑相协调。' },
    };
    for (const locale of ['en', 'zh-CN'] as const) {
      const link = await linkFor(bodies[locale].email);
      const page = await web.newPage(locale);
      await page.setViewportSize({ width: 390, height: 844 });
      await page.goto(`${web.base}${link}`);
      const form = page.getByTestId('consultation-form');
      await form.or(page.getByRole('alert')).first().waitFor();
      const body = await page.locator('body').innerText();
      expect(body).toContain(words[locale].name);
      expect(body).toContain('Footbridge over the railway');
      expect(body).not.toContain('acme');
      await page.getByTestId('consultation-due').waitFor();
      expect(await pageWidth(page)).toBe(390);
      await expectAccessible(page);
      await screenshot(page, `consultation-${locale}`);

      await page.getByRole('radio', { name: words[locale].position, exact: true }).check();
      await page.getByTestId('consultation-text').fill(words[locale].text);
      await page.getByTestId('consultation-conditions').fill('Method statement before work starts');
      await page.getByTestId('consultation-submit').click();
      await page.getByTestId('consultation-answered').waitFor();
      await expectAccessible(page);

      // The link, opened again, says it has answered, and takes no second answer.
      await page.reload();
      await page.getByTestId('consultation-answered').waitFor();
      expect(await form.count()).toBe(0);
    }

    const officer = await web.as('clerk-planning');
    await officer.goto(`${web.base}/queue/${id}/steps/consultation`);
    const panel = officer.getByTestId('consultee-responses');
    await panel.waitFor();
    for (const locale of ['en', 'zh-CN'] as const) {
      const entry = panel.locator(`[data-organisation="${bodies[locale].key}"]`);
      await entry.and(officer.locator('[data-status="answered"]')).waitFor();
      expect(await entry.innerText()).toContain(words[locale].text);
      expect(await entry.innerText()).toContain('Method statement before work starts');
    }
    await expectAccessible(officer);
  });

  it('explains an altered link in the reader’s language instead of a form', async () => {
    const link = await linkFor(bodies.en.email);
    for (const locale of ['en', 'zh-CN'] as const) {
      const page = await web.newPage(locale);
      await page.goto(`${web.base}${link.slice(0, -2)}${link.endsWith('AA') ? 'BB' : 'AA'}`);
      const refused = page.getByTestId('consultation-refused');
      await refused.waitFor();
      expect(await refused.getAttribute('data-reason')).toBe('invalid');
      expect(await refused.innerText()).toContain(locale === 'en' ? 'not valid' : '链接无效');
      expect(await page.getByTestId('consultation-form').count()).toBe(0);
      await expectAccessible(page);
    }
  });
});
