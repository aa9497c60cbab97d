import { loadConfig } from '@onewindow/config';
import type { Page } from 'playwright-core';
import { createNotificationDispatcher } from '../../apps/worker/src/notifications/notification-dispatcher.provider';
import type { NotificationDispatcher } from '../../apps/worker/src/notifications/notification-dispatcher';
import type { ApiDriver } from '../support/api-driver';
import type { TestApi } from '../support/test-api';
import { eventually } from '../support/test-env';
import { expectAccessible, startWebSession, WebSession } from './support/web-session';

jest.setTimeout(180_000);

/** A minimal PDF: its magic bytes are what the API sniffs. */
const PDF = Buffer.from('%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

describe('The web app: documents shared by reviewers, and a bell that rings live', () => {
  let web: WebSession;
  let api: TestApi;
  let driver: ApiDriver;
  let dispatcher: NotificationDispatcher | undefined;
  let base: string;

  beforeAll(async () => {
    web = await startWebSession();
    ({ api, driver, base } = web);
    // The worker's delivery loop: it delivers in-app notifications, which the bell's stream then carries.
    const config = loadConfig({
      ...process.env,
      NOTIFICATION_POLL_INTERVAL_MS: '50',
      NOTIFICATION_RETRY_BASE_MS: '50',
    });
    dispatcher = createNotificationDispatcher(config, api.env.db);
    dispatcher.start();
  });

  afterAll(async () => {
    await dispatcher?.stop();
    await web?.close();
  });

  const as = (username: string, locale?: 'en' | 'zh-CN') => web.as(username, locale);

  const unreadOf = async (page: Page) =>
    Number(await page.getByTestId('notification-bell').getAttribute('data-unread'));

  it('lets the applicant upload a PDF that a clerk of another department sees as current, and rings the bell on a decision', async () => {
    const prefs = await api.http
      .put('/notifications/preferences')
      .set(await driver.auth('acme-battery'))
      .send({ language: 'en', channels: ['in-app'] });
    expect(prefs.status).toBe(200);
    const id = await driver.submitPermit('acme-battery', { floorAreaM2: 1800 });
    await driver.waitForStep(id, 'intake');

    const applicant = await as('acme-battery');
    await applicant.goto(`${base}/my-requests/${id}`);
    const panel = applicant.getByTestId('documents-panel');
    await panel.getByRole('form', { name: 'Upload a document' }).waitFor();
    // The first declared type (Site plan) is chosen; the file goes in by its label.
    await panel.getByLabel('File', { exact: true }).setInputFiles({
      name: 'site-plan.pdf',
      mimeType: 'application/pdf',
      buffer: PDF,
    });
    await panel.getByRole('button', { name: 'Upload' }).click();
    await panel.getByTestId('upload-done').waitFor();
    const sitePlan = panel.getByTestId('document-site-plan');
    await sitePlan.getByText('Current: version 1, site-plan.pdf').waitFor();
    const applicantSaw = await sitePlan.getByTestId('document-current').innerText();
    await expectAccessible(applicant);

    // A refused kind of file is said inline, and nothing is filed.
    await panel.getByLabel('File', { exact: true }).setInputFiles({
      name: 'notes.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from('just text'),
    });
    await panel.getByRole('button', { name: 'Upload' }).click();
    await panel.getByTestId('upload-error').getByText('This kind of file is not accepted.').waitFor();
    expect(await sitePlan.getByTestId('document-current').innerText()).toBe(applicantSaw);

    // Every in-app notification so far has reached the bell; then a clerk decides, and it rings without a reload.
    await eventually(async () => {
      const res = await driver.get('auditor', `/notifications/deliveries?requestId=${id}&limit=500`);
      const inApp = (res.body as Array<{ channel: string; recipientId: string; state: string }>).filter(
        (d) => d.channel === 'in-app' && d.recipientId === 'acme-battery',
      );
      return inApp.every((d) => d.state === 'delivered') ? true : undefined;
    }, 'earlier in-app notifications delivered');
    await applicant.getByTestId('notification-bell').waitFor();
    await eventually(
      async () =>
        (await applicant.getByTestId('stream-status').first().getAttribute('data-status')) === 'live'
          ? true
          : undefined,
      'streams live',
    );
    const before = await unreadOf(applicant);
    await applicant.evaluate(() => {
      (globalThis as unknown as { notReloaded: boolean }).notReloaded = true;
    });
    expect((await driver.decide('clerk-building', id, 'intake', { outcome: 'complete' })).status).toBe(200);
    await eventually(async () => ((await unreadOf(applicant)) > before ? true : undefined), 'the bell rings');
    expect(await applicant.evaluate(() => (globalThis as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);
    await applicant.getByTestId('notification-bell').focus();
    await applicant.keyboard.press('Enter');
    const list = applicant.getByTestId('notification-list');
    await list.waitFor();
    expect(await list.locator('[data-unread="true"]').count()).toBeGreaterThan(0);
    // The popover has finished opening (axe reads colours mid-fade otherwise).
    await applicant.waitForFunction(
      () =>
        (globalThis as unknown as { document: { getAnimations(): unknown[] } }).document.getAnimations().length === 0,
    );
    await expectAccessible(applicant);

    // A fire-safety clerk (another reviewing department) sees the same current version on the step page.
    await driver.waitForStep(id, 'fire-review');
    const clerk = await as('clerk-fire');
    await clerk.goto(`${base}/queue/${id}/steps/fire-review`);
    const clerkCurrent = clerk
      .getByTestId('documents-panel')
      .getByTestId('document-site-plan')
      .getByTestId('document-current');
    await clerkCurrent.waitFor();
    expect(await clerkCurrent.innerText()).toBe(applicantSaw);
    await expectAccessible(clerk);
  });

  it('has no serious accessibility fault on the new pages, in English and Chinese', async () => {
    const project = await api.http
      .post('/projects')
      .set(await driver.auth('acme-battery'))
      .send({
        title: `Battery plant ${Date.now()}`,
        limitWorkingDays: 120,
        stages: [
          {
            name: 'Permits',
            definitionKeys: ['building-permit'],
            attributes: { floorAreaM2: 900 },
            plannedWorkingDays: 40,
          },
        ],
      });
    expect(project.status).toBe(202);
    const projectId = (project.body as { id: string }).id;
    for (const locale of ['en', 'zh-CN'] as const) {
      const applicant = await as('acme-battery', locale);
      for (const path of ['/notification-settings', '/portfolio', '/portfolio/new', `/portfolio/${projectId}`]) {
        await applicant.goto(`${base}${path}`);
        await applicant.locator('h1').waitFor();
        await applicant.locator('form, table').first().waitFor();
        await applicant.locator('.ant-spin-spinning').first().waitFor({ state: 'detached' });
        await expectAccessible(applicant);
      }
    }
  });
});
