import { loadConfig } from '@onewindow/config';
import { OutboxRepository } from '@onewindow/persistence';
import { ChannelSenders, WEBHOOK_UNREACHABLE } from '../../apps/worker/src/notifications/channel-senders';
import { EgressPolicy } from '@onewindow/notifications';
import { ApiDriver } from '../support/api-driver';
import { WebhookReceiver } from '../support/notification-receivers';
import { startTestApi, TestApi } from '../support/test-api';
import { eventually } from '../support/test-env';

/** Every form of "inside" the probe of the running stack saved as a webhook URL. */
const INSIDE = [
  'http://127.0.0.1/hook',
  'http://localhost/hook',
  'http://[::1]/hook',
  'http://0x7f000001/hook',
  'http://2130706433/hook',
  'http://0177.0.0.1/hook',
  'http://0.0.0.0/hook',
  'http://169.254.169.254/latest/meta-data/',
  'http://10.0.0.1/hook',
  'http://192.168.1.1/hook',
  'http://[fd00::1]/hook',
  'http://[fe80::1]/hook',
  'http://[::ffff:169.254.169.254]/hook',
  'http://[::ffff:7f00:1]/hook',
  'http://224.0.0.1/hook',
  'http://metadata.google.internal/computeMetadata/v1/',
];

describe('webhook egress', () => {
  let api: TestApi;
  let driver: ApiDriver;
  const receiver = new WebhookReceiver();

  beforeAll(async () => {
    api = await startTestApi();
    driver = new ApiDriver(api);
  });
  afterAll(async () => {
    await receiver.close();
    await api?.close();
  });

  const save = async (user: string, webhookUrl: string) =>
    api.http
      .put('/notifications/preferences')
      .set(await driver.auth(user))
      .send({ language: 'en', channels: ['webhook', 'in-app'], webhookUrl });

  it('refuses, when it is saved, a webhook URL that points inside the network, in every form', async () => {
    const before = (await driver.get('clerk-transport', '/notifications/preferences')).body as object;
    for (const url of INSIDE) {
      const res = await save('clerk-transport', url);
      // 422 from the egress policy; a form the URL check already reads as no URL at all (2130706433) is a 400.
      expect({ url, refused: [400, 422].includes(res.status) }).toEqual({ url, refused: true });
      expect(res.body).toMatchObject({ code: res.status === 422 ? 'UNPROCESSABLE' : 'VALIDATION_FAILED' });
      expect((res.body as { correlationId: string }).correlationId).toEqual(expect.any(String));
    }
    // Nothing was stored.
    expect((await driver.get('clerk-transport', '/notifications/preferences')).body).toEqual(before);
    expect((await save('clerk-transport', 'https://hooks.transport.example/onewindow')).status).toBe(200);
  });

  it('does not deliver to a receiver on 127.0.0.1 when the name it was saved under now resolves to loopback', async () => {
    const local = await receiver.start();
    expect((await save('volta-grid', local)).status).toBe(422);

    // A public name passes at save time; by the time of sending it points at this machine (DNS rebinding).
    const saved = await save('volta-grid', 'https://hooks.volta.example/onewindow');
    expect(saved.status).toBe(200);
    receiver.secret = (saved.body as { webhookSecret: string }).webhookSecret;
    const id = await driver.submitPermit('volta-grid');
    const items = [{ id: 'site-plan', description: 'Site plan at 1:500' }];
    expect(
      (await driver.post('clerk-building', `/requests/${id}/steps/intake/information-requests`, { items })).status,
    ).toBe(200);
    const outbox = new OutboxRepository(api.env.db);
    const row = await eventually(async () => {
      const rows = await outbox.list({ requestId: id, limit: 100 });
      return rows.find((r) => r.channel === 'webhook' && r.recipientId === 'volta-grid');
    }, 'the webhook notification of the request for information');

    // The worker's own sender, configured as the worker is, sends to the re-pointed name.
    const config = loadConfig(process.env);
    const sut = new ChannelSenders({
      smtpFrom: config.SMTP_FROM,
      egress: new EgressPolicy(config.egressAllowedHosts),
    });
    try {
      const rebound = { ...row, address: local.replace('127.0.0.1', 'localhost') };
      expect(await sut.send(rebound, receiver.secret)).toEqual({ ok: false, error: WEBHOOK_UNREACHABLE });
      expect(await sut.send({ ...row, address: local }, receiver.secret)).toEqual({
        ok: false,
        error: WEBHOOK_UNREACHABLE,
      });
    } finally {
      sut.close();
    }
    expect(receiver.calls).toEqual([]);
  });
});
