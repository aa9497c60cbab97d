import { loadConfig } from '@onewindow/config';
import { ManagedChild, startManagedChild } from '@onewindow/devstack';
import { createNotificationDispatcher } from '../../apps/worker/src/notifications/notification-dispatcher.provider';
import type { NotificationDispatcher } from '../../apps/worker/src/notifications/notification-dispatcher';
import { ApiDriver } from '../support/api-driver';
import { SseReader } from '../support/http-client';
import { MailCatcher, WebhookReceiver } from '../support/notification-receivers';
import { startTestApi, TestApi } from '../support/test-api';
import { eventually } from '../support/test-env';

interface Delivery {
  id: string;
  dedupeKey: string;
  channel: string;
  recipientId: string;
  kind: string;
  state: string;
  attempts: number;
  lastError: string | null;
}

/** Settings of the worker's delivery loop in these tests: quick retries, few attempts, reminders well ahead. */
const DELIVERY_ENV = {
  NOTIFICATION_RETRY_BASE_MS: '50',
  NOTIFICATION_POLL_INTERVAL_MS: '50',
  NOTIFICATION_MAX_ATTEMPTS: '3',
  NOTIFICATION_REMINDER_WORKING_DAYS: '40',
  // The test receivers listen on loopback: listed as a deployment lists its internal receiver.
  EGRESS_ALLOWED_HOSTS: '127.0.0.1',
};

/** Waits on deliveries allow for the backlog other tests running at the same time put in the shared outbox. */
const waitFor = <T>(probe: () => Promise<T | undefined>, what: string) => eventually(probe, what, 45_000);
const TEST_TIMEOUT_MS = 150_000;

describe('notifications', () => {
  let api: TestApi;
  let driver: ApiDriver;
  const mail = new MailCatcher();
  const applicantHook = new WebhookReceiver();
  const fireHook = new WebhookReceiver();
  let smtpUrl: string;
  let dispatcher: NotificationDispatcher | undefined;

  beforeAll(async () => {
    api = await startTestApi({ EGRESS_ALLOWED_HOSTS: DELIVERY_ENV.EGRESS_ALLOWED_HOSTS });
    driver = new ApiDriver(api);
    smtpUrl = await mail.start();
    const config = loadConfig({ ...process.env, ...DELIVERY_ENV, SMTP_URL: smtpUrl });
    dispatcher = createNotificationDispatcher(config, api.env.db);
    dispatcher.start();
  });
  afterAll(async () => {
    await dispatcher?.stop();
    await Promise.all([mail.close(), applicantHook.close(), fireHook.close()]);
    await api?.close();
  });

  const put = async (user: string, body: object) =>
    api.http
      .put('/notifications/preferences')
      .set(await driver.auth(user))
      .send(body);
  const deliveries = async (requestId: string, user = 'auditor') =>
    (await driver.get(user, `/notifications/deliveries?requestId=${requestId}&limit=500`)).body as Delivery[];
  const forRequest = <T extends { delivery: string }>(items: T[], id: string) =>
    items.filter((m) => m.delivery.startsWith(`${id}:`));

  it(
    'tells the applicant, the co-applicant and the staff of a building permit, once each, in their language',
    async () => {
      const hookUrl = await applicantHook.start();
      const applicant = await put('acme-battery', {
        language: 'zh-CN',
        channels: ['email', 'webhook', 'in-app'],
        email: 'permits@acme-battery.example',
        webhookUrl: hookUrl,
      });
      expect(applicant.status).toBe(200);
      applicantHook.secret = (applicant.body as { webhookSecret: string }).webhookSecret;
      expect(applicantHook.secret).toMatch(/^whsec_/);
      // The first attempt of every delivery fails: the worker retries until the receiver takes it.
      applicantHook.answer = (_delivery, attempt) => (attempt === 1 ? 500 : 200);
      expect(
        (await put('volta-grid', { language: 'en', channels: ['email'], email: 'cells@volta.example' })).status,
      ).toBe(200);
      expect(
        (await put('clerk-building', { language: 'en', channels: ['email'], email: 'tom@city.example' })).status,
      ).toBe(200);
      expect(
        (await put('supervisor', { language: 'zh-CN', channels: ['email'], email: 'maria@city.example' })).status,
      ).toBe(200);

      const bell = await SseReader.open(api, '/notifications/events', await api.login('acme-battery'));
      const submitted = await driver.post('acme-battery', '/requests', {
        definitionKey: 'building-permit',
        title: 'Battery plant, hall B',
        attributes: { floorAreaM2: 1200 },
        coApplicants: ['volta-grid'],
      });
      expect(submitted.status).toBe(202);
      const id = (submitted.body as { id: string }).id;
      await driver.waitForStep(id, 'intake');
      // A reminder pass while the intake is open (the worker's own passes may queue behind other tests' backlog).
      await dispatcher?.remind();

      // The co-applicant sees the request too.
      expect((await driver.get('volta-grid', `/requests/${id}`)).status).toBe(200);

      // Action needed: an itemised request for information.
      const rfi = await driver.post('clerk-building', `/requests/${id}/steps/intake/information-requests`, {
        items: [{ id: 'site-plan', description: 'Site plan at 1:500' }],
      });
      expect(rfi.status).toBe(200);
      expect(
        (await driver.post('acme-battery', `/requests/${id}/steps/intake/information-answers`, { note: 'attached' }))
          .status,
      ).toBe(200);
      await driver.toPlanReview(id);
      for (const [clerk, step] of [
        ['clerk-building', 'building-review'],
        ['clerk-fire', 'fire-review'],
        ['clerk-environment', 'environment-review'],
      ]) {
        await driver.waitForStep(id, step);
        expect((await driver.decide(clerk, id, step, { outcome: 'approved' })).status).toBe(200);
      }
      await driver.waitForStep(id, 'decision');
      expect(
        (await driver.decide('supervisor', id, 'decision', { outcome: 'approved', reason: 'Meets the code' })).status,
      ).toBe(200);

      // The applicant's mailbox: each notification once, in Chinese; the co-applicant's: the same, in English.
      // The decision also issued its decision notice, which the applicants hear of.
      const expectedKinds = ['action-needed', 'decision', 'document-issued'];
      const emails = await waitFor(async () => {
        const rows = (await deliveries(id)).filter((d) => d.channel === 'email' && d.kind !== 'due-soon');
        const applicants = rows.filter((d) => d.recipientId === 'acme-battery' || d.recipientId === 'volta-grid');
        return applicants.some((d) => d.kind === 'decision') && applicants.every((d) => d.state === 'delivered')
          ? applicants
          : undefined;
      }, 'every email to the applicant and the co-applicant delivered');
      const applicantMails = forRequest(mail.mails, id).filter((m) => m.to.includes('acme-battery'));
      const coApplicantMails = forRequest(mail.mails, id).filter((m) => m.to.includes('volta'));
      expect(applicantMails).toHaveLength(emails.filter((d) => d.recipientId === 'acme-battery').length);
      expect(applicantMails.some((m) => m.subject.startsWith('审批决定') && m.subject.includes('准予许可'))).toBe(true);
      for (const box of [applicantMails, coApplicantMails]) {
        const ids = box.map((m) => m.delivery);
        expect(new Set(ids).size).toBe(ids.length);
      }
      expect(applicantMails.every((m) => m.language === 'zh-CN' && /[\u4e00-\u9fff]/.test(m.subject))).toBe(true);
      expect(coApplicantMails.every((m) => m.language === 'en' && !/[\u4e00-\u9fff]/.test(m.subject))).toBe(true);
      expect(applicantMails.some((m) => m.subject.startsWith('需要您处理'))).toBe(true);
      expect(coApplicantMails.some((m) => m.subject.startsWith('Action needed'))).toBe(true);
      expect(coApplicantMails.map((m) => m.delivery.replace(/:volta-grid$/, '')).sort()).toEqual(
        applicantMails.map((m) => m.delivery.replace(/:acme-battery$/, '')).sort(),
      );
      const outbox = await deliveries(id);
      expect(new Set(outbox.filter((d) => d.recipientId === 'acme-battery').map((d) => d.kind))).toEqual(
        new Set(expectedKinds),
      );

      // The webhook: every delivery signed, refused once with 500, retried, and accepted exactly once.
      const hookDeliveries = outbox.filter((d) => d.channel === 'webhook');
      await waitFor(async () => {
        const now = await deliveries(id);
        return now.filter((d) => d.channel === 'webhook').every((d) => d.state === 'delivered') ? true : undefined;
      }, 'every webhook delivered');
      const calls = applicantHook.calls.filter((c) => c.delivery.startsWith(`${id}:`));
      expect(calls.every((c) => c.verified)).toBe(true);
      expect(forRequest(applicantHook.calls, id).filter((c) => c.status === 500).length).toBe(hookDeliveries.length);
      const accepted = applicantHook.accepted().filter((d) => d.startsWith(`${id}:`));
      expect(accepted.sort()).toEqual(hookDeliveries.map((d) => d.dedupeKey).sort());
      expect((await deliveries(id)).find((d) => d.channel === 'webhook')?.attempts).toBe(2);

      // In-app: the bell lists them, the live stream carried them, and they can be marked read.
      await bell.next(
        (e) => e.event === 'notification' && (e.data as { requestId: string }).requestId === id,
        'a live notification',
      );
      bell.close();
      const inbox = (await driver.get('acme-battery', '/notifications?limit=200')).body as {
        items: Array<{ id: string; requestId: string; subject: string; readAt: string | null }>;
        unread: number;
      };
      const own = inbox.items.filter((n) => n.requestId === id);
      const inApp = (await deliveries(id)).filter((d) => d.channel === 'in-app' && d.recipientId === 'acme-battery');
      expect(own.map((n) => n.id).sort()).toEqual(inApp.map((d) => d.id).sort());
      expect(new Set(inApp.map((d) => d.kind))).toEqual(new Set(expectedKinds));
      const read = await driver.post('acme-battery', '/notifications/read', { ids: own.map((n) => n.id) });
      expect(read.body).toMatchObject({ updated: own.length, unread: inbox.unread - own.length });

      // Staff: the holder of a step due within the reminder window and the supervisor hear of it once each, in
      // their language (checked in the outbox: other tests' open steps queue reminders to the same people).
      const reminders = await waitFor(async () => {
        const due = (await deliveries(id)).filter((d) => d.kind === 'due-soon' && d.dedupeKey.includes(':intake:'));
        const to = new Set(due.map((d) => d.recipientId));
        return to.has('clerk-building') && to.has('supervisor') ? due : undefined;
      }, 'due-date reminders to the holder and the supervisor');
      expect(
        reminders.map((d) => [d.recipientId, d.channel, (d as Delivery & { language: string }).language]).sort(),
      ).toEqual([
        ['clerk-building', 'email', 'en'],
        ['supervisor', 'email', 'zh-CN'],
      ]);
    },
    TEST_TIMEOUT_MS,
  );

  it('shows each reader only the deliveries they need to know, and lets staff re-send only those', async () => {
    expect(
      (await put('acme-battery', { language: 'en', channels: ['email', 'in-app'], email: 'permits@acme.example' }))
        .status,
    ).toBe(200);
    const id = await driver.submitPermit('acme-battery');
    const items = [{ id: 'site-plan', description: 'Site plan at 1:500' }];
    expect(
      (await driver.post('clerk-building', `/requests/${id}/steps/intake/information-requests`, { items })).status,
    ).toBe(200);
    const all = await waitFor(async () => {
      const rows = await deliveries(id);
      return rows.some((d) => d.recipientId === 'acme-battery' && d.channel === 'email') ? rows : undefined;
    }, 'the request for information on the outbox');
    const email = all.find((d) => d.recipientId === 'acme-battery' && d.channel === 'email') as Delivery;

    // Building holds the intake; planning has no step on a building permit; another applicant none of it.
    expect((await deliveries(id, 'clerk-building')).map((d) => d.id).sort()).toEqual(all.map((d) => d.id).sort());
    expect(await deliveries(id, 'clerk-planning')).toEqual([]);
    expect(await deliveries(id, 'volta-grid')).toEqual([]);
    const own = await deliveries(id, 'acme-battery');
    expect(own.length).toBeGreaterThan(0);
    expect(new Set(own.map((d) => d.recipientId))).toEqual(new Set(['acme-battery']));

    expect((await driver.post('clerk-planning', `/notifications/deliveries/${email.id}/resend`)).status).toBe(404);
    expect((await driver.post('clerk-building', `/notifications/deliveries/${email.id}/resend`)).status).toBe(200);
  });

  it(
    'parks a notification after repeated failures, and delivers it when staff re-send it',
    async () => {
      const hookUrl = await fireHook.start();
      const fire = await put('clerk-fire', { language: 'en', channels: ['webhook'], webhookUrl: hookUrl });
      fireHook.secret = (fire.body as { webhookSecret: string }).webhookSecret;
      let receiverUp = false;
      fireHook.answer = () => (receiverUp ? 200 : 500);

      const id = await driver.submitPermit();
      await driver.toPlanReview(id);
      await driver.waitForStep(id, 'fire-review');
      await dispatcher?.remind();

      const parked = await waitFor(async () => {
        const found = (await deliveries(id)).find((d) => d.recipientId === 'clerk-fire' && d.state === 'parked');
        return found;
      }, 'the fire clerk’s reminder parked');
      expect(parked).toMatchObject({ attempts: 3, lastError: 'webhook answered HTTP 500', kind: 'due-soon' });
      expect(forRequest(fireHook.calls, id)).toHaveLength(3);

      // An applicant may not re-send; a clerk may, once the receiver is back.
      expect((await driver.post('acme-battery', `/notifications/deliveries/${parked.id}/resend`)).status).toBe(403);
      receiverUp = true;
      const resent = await driver.post('clerk-fire', `/notifications/deliveries/${parked.id}/resend`);
      expect(resent.status).toBe(200);
      await waitFor(async () => {
        const now = (await deliveries(id)).find((d) => d.id === parked.id);
        return now?.state === 'delivered' ? now : undefined;
      }, 'the re-sent notification delivered');
      expect(fireHook.accepted().filter((d) => d === parked.dedupeKey)).toHaveLength(1);
      expect((await driver.post('clerk-fire', '/notifications/deliveries/999999999/resend')).status).toBe(404);
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'delivers each notification exactly once across a worker killed in the middle of a delivery',
    async () => {
      await dispatcher?.stop();
      dispatcher = undefined;
      const hook = new WebhookReceiver();
      const url = await hook.start();
      const prefs = await put('volta-grid', { language: 'en', channels: ['webhook'], webhookUrl: url });
      hook.secret = (prefs.body as { webhookSecret: string }).webhookSecret;
      let first: string | undefined;
      hook.answer = (delivery) => {
        first ??= delivery;
        return delivery === first && !workerKilled ? 'hold' : 200;
      };
      let workerKilled = false;

      const id = await driver.submitPermit('volta-grid');
      for (let n = 0; n < 2; n++) {
        // The intake takes one exhaustive list: the second request repeats the first one's item.
        const items = [{ id: 'site-plan', description: 'Site plan' }];
        expect(
          (await driver.post('clerk-building', `/requests/${id}/steps/intake/information-requests`, { items })).status,
        ).toBe(200);
        expect((await driver.post('volta-grid', `/requests/${id}/steps/intake/information-answers`, {})).status).toBe(
          200,
        );
      }
      const expected = (await deliveries(id)).filter((d) => d.channel === 'webhook' && d.recipientId === 'volta-grid');
      // The receipt, then per request for information: the action it needs and its correction notice.
      expect(expected.map((d) => d.kind).sort()).toEqual([
        'action-needed',
        'action-needed',
        'document-issued',
        'document-issued',
        'document-issued',
      ]);

      const worker = startOutboxWorker();
      try {
        await waitFor(() => Promise.resolve(first), 'the first delivery in flight');
        worker.signal('SIGKILL');
        await worker.exited;
        workerKilled = true;
        // The killed worker's transaction rolled back: the row is still pending, nothing was recorded as sent.
        expect((await deliveries(id)).find((d) => d.dedupeKey === first)).toMatchObject({
          state: 'pending',
          attempts: 0,
        });
      } finally {
        worker.signal('SIGKILL');
      }
      const second = startOutboxWorker();
      try {
        await waitFor(async () => {
          const now = (await deliveries(id)).filter((d) => d.channel === 'webhook');
          return now.every((d) => d.state === 'delivered') ? now : undefined;
        }, 'every notification delivered by the second worker');
      } finally {
        await second.stop();
        await hook.close();
      }
      const accepted = hook.accepted().filter((d) => d.startsWith(`${id}:`));
      expect(accepted.sort()).toEqual(expected.map((d) => d.dedupeKey).sort());
    },
    TEST_TIMEOUT_MS,
  );
});

/** The notification worker as a separate process, so a test can kill it outright. */
function startOutboxWorker(): ManagedChild {
  return startManagedChild({
    name: 'the notification worker',
    // One process (tsx as a loader, not its CLI, which would run the script in a child that outlives a kill).
    command: process.execPath,
    args: ['--import', 'tsx', 'tests/support/outbox-worker.ts'],
    cwd: `${__dirname}/../..`,
    env: {
      ...process.env,
      ...DELIVERY_ENV,
      NOTIFICATION_REMINDER_WORKING_DAYS: '0',
      DATABASE_APP_ROLE: '',
    },
  });
}
