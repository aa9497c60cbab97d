import { loadConfig } from '@onewindow/config';
import { landUseDefinition, type ProcessDefinition } from '@onewindow/domain';
import { consulteeLinksFor } from '@onewindow/notifications';
import { randomUUID } from 'node:crypto';
import { createNotificationDispatcher } from '../../apps/worker/src/notifications/notification-dispatcher.provider';
import type { NotificationDispatcher } from '../../apps/worker/src/notifications/notification-dispatcher';
import { ApiDriver } from '../support/api-driver';
import { MailCatcher } from '../support/notification-receivers';
import { startTestApi, TestApi } from '../support/test-api';

const suffix = randomUUID().slice(0, 8);
/** A body of this run's own, so its messages are this run's only. */
const water = {
  key: `water-${suffix}`,
  nameEn: 'Anglian Water',
  nameZh: '安格利亚水务公司',
  email: `planning-${suffix}@water.example.org`,
};
const drainage = {
  key: `drainage-${suffix}`,
  nameEn: 'Lead local flood authority',
  nameZh: '地方防洪主管部门',
  email: `flood-${suffix}@drainage.example.org`,
};

/** Land use consulting this run's two bodies (the second on major development only). */
function consulting(consultees: Array<{ organisation: string; when?: object }>, key: string): ProcessDefinition {
  return {
    ...landUseDefinition,
    key,
    steps: landUseDefinition.steps.map((s) => (s.id === 'consultation' ? { ...s, consultees } : s)),
  } as ProcessDefinition;
}

interface Consultation {
  organisation: string;
  name: string;
  status: string;
  dueAt: string;
  links: number;
  position: string | null;
  text: string | null;
  conditions: string[];
  seq: number | null;
}

describe('consultees', () => {
  let api: TestApi;
  let driver: ApiDriver;
  const mail = new MailCatcher();
  let dispatcher: NotificationDispatcher | undefined;
  const definition = consulting(
    [
      { organisation: water.key },
      { organisation: drainage.key, when: { attr: 'development', op: '==', value: 'major' } },
    ],
    `consulted-land-use-${suffix}`,
  );

  beforeAll(async () => {
    api = await startTestApi({ EGRESS_ALLOWED_HOSTS: '127.0.0.1' });
    driver = new ApiDriver(api);
    const smtpUrl = await mail.start();
    const config = loadConfig({
      ...process.env,
      SMTP_URL: smtpUrl,
      NOTIFICATION_POLL_INTERVAL_MS: '50',
      NOTIFICATION_RETRY_BASE_MS: '50',
      EGRESS_ALLOWED_HOSTS: '127.0.0.1',
    });
    dispatcher = createNotificationDispatcher(config, api.env.db);
    dispatcher.start();
  });
  afterAll(async () => {
    await dispatcher?.stop();
    await mail.close();
    await api?.close();
  });

  const invitationTo = async (email: string, nth = 1) => {
    const message = await mail.received((m) => m.to.includes(email), `invitation ${nth} to ${email}`, nth);
    const token = /\/consultation\/([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+)/.exec(message.text)?.[1];
    expect(token).toBeDefined();
    return { message, token: token! };
  };
  const consultations = async (id: string) =>
    (await driver.get('clerk-planning', `/requests/${id}/consultations`)).body as Consultation[];
  const open = (token: string) => api.http.get(`/public/consultations/${token}`);
  const respond = (token: string, body: object) => api.http.post(`/public/consultations/${token}/response`).send(body);

  it('keeps the directory for administrators, and refuses a definition naming a body it does not have', async () => {
    for (const body of [water, drainage]) {
      const added = await driver.post('admin', '/consultees', body);
      expect(added.status).toBe(201);
      expect(added.body).toMatchObject(body);
    }
    expect((await driver.post('admin', '/consultees', water)).status).toBe(409);
    expect((await driver.post('clerk-planning', '/consultees', { ...water, key: `x-${suffix}` })).status).toBe(403);
    const bad = await driver.post('admin', '/consultees', { ...water, key: 'Not A Key', email: 'nowhere' });
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ code: 'VALIDATION_FAILED', correlationId: expect.any(String) });
    const renamed = await driver.post('admin', '/consultees', { ...drainage, key: `spare-${suffix}` });
    expect(renamed.status).toBe(201);

    const unknown = consulting([{ organisation: `nobody-${suffix}` }], `unconsulted-land-use-${suffix}`);
    const refused = await driver.post('admin', '/definitions', { definition: unknown });
    expect(refused.status).toBe(422);
    expect(JSON.stringify(refused.body)).toContain('is not in the consultee directory');
    expect((await driver.post('admin', '/definitions', { definition })).status).toBe(201);
    const listed = (await driver.get('clerk-planning', '/consultees')).body as Array<{ key: string }>;
    expect(listed.map((o) => o.key)).toEqual(expect.arrayContaining(['highway-authority', water.key, drainage.key]));
  });

  it('invites each body by email when the consultation starts; the body answers through its link, on the record', async () => {
    const res = await driver.post('acme-battery', '/requests', {
      definitionKey: definition.key,
      title: 'Bakery with drive-through',
      attributes: { development: 'minor', siteAddress: '4 Mill Lane' },
    });
    const id = (res.body as { id: string }).id;
    await driver.waitForStep(id, 'validation');
    expect(await consultations(id)).toEqual([]);
    await driver.decide('clerk-planning', id, 'validation', { outcome: 'valid' });

    // Minor development: the water company only, due when the 21-day consultation ends.
    const { message, token } = await invitationTo(water.email);
    expect(message.subject).toContain('Bakery with drive-through');
    expect(message.text).toContain('Anglian Water');
    expect(message.text).toContain('安格利亚水务公司');
    const detail = await driver.detail(id);
    const period = (detail.currentSteps as Array<{ stepId: string; dueAt: string }>).find(
      (s) => s.stepId === 'consultation',
    );
    const [invited] = await consultations(id);
    expect(invited).toMatchObject({ organisation: water.key, status: 'invited', dueAt: period!.dueAt, links: 1 });
    expect((await consultations(id)).map((c) => c.organisation)).toEqual([water.key]);

    const page = await open(token).expect(200);
    expect(page.body).toMatchObject({
      organisation: 'Anglian Water',
      title: 'Bakery with drive-through',
      reference: id,
      siteAddress: '4 Mill Lane',
      dueAt: period!.dueAt,
      status: 'invited',
      late: false,
    });
    expect(JSON.stringify(page.body)).not.toContain('acme');
    const inChinese = await open(token).set('Accept-Language', 'zh-CN').expect(200);
    expect(inChinese.body).toMatchObject({ organisation: '安格利亚水务公司' });

    // A tampered link opens nothing; an objection must say why.
    const [claims, signature] = token.split('.');
    const tampered = `${claims.slice(0, -2)}${claims.endsWith('A') ? 'BB' : 'AA'}.${signature}`;
    for (const bad of [tampered, `${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`]) {
      const refused = await respond(bad, { position: 'no-objection', text: '' });
      expect(refused.status).toBe(404);
      expect(refused.body).toMatchObject({ code: 'NOT_FOUND', details: { reason: 'invalid' } });
    }
    expect((await respond(token, { position: 'objection', text: '  ' })).status).toBe(400);
    expect((await respond(token, { position: 'furious', text: 'x' })).status).toBe(400);

    const answered = await respond(token, {
      position: 'comments',
      text: 'Surface water must drain to the public sewer.',
      conditions: ['A drainage scheme approved before work starts'],
    });
    expect(answered.status).toBe(200);
    expect(answered.body).toMatchObject({ status: 'answered', late: false });
    expect((await respond(token, { position: 'no-objection', text: '' })).status).toBe(409);

    const [recorded] = await consultations(id);
    expect(recorded).toMatchObject({
      status: 'answered',
      position: 'comments',
      text: 'Surface water must drain to the public sewer.',
      conditions: ['A drainage scheme approved before work starts'],
    });
    const timeline = (await driver.detail(id)).timeline as unknown as Array<{
      seq: number;
      event: string;
      actor: { id: string };
    }>;
    const entry = timeline.find((t) => t.event === 'consultation.responded');
    expect(entry).toMatchObject({ seq: recorded.seq, actor: { id: `consultee:${water.key}` } });
    const audit = await driver.get('auditor', `/audit/requests/${id}/verify`);
    expect(audit.body).toMatchObject({ ok: true, issues: [] });
  });

  it('refuses an expired, replaced or revoked link, and a link of one case on another', async () => {
    const res = await driver.post('acme-battery', '/requests', {
      definitionKey: definition.key,
      title: 'Twelve flats',
      attributes: { development: 'major', siteAddress: '6 Mill Lane' },
    });
    const id = (res.body as { id: string }).id;
    await driver.waitForStep(id, 'validation');
    await driver.decide('clerk-planning', id, 'validation', { outcome: 'valid' });
    const first = await invitationTo(drainage.email);
    await invitationTo(water.email, 2);
    expect((await consultations(id)).map((c) => c.organisation)).toEqual([water.key, drainage.key]);

    // A link signed by this deployment, but past its time.
    const links = consulteeLinksFor(loadConfig());
    const expired = links.sign({ requestId: id, organisation: drainage.key, link: 1, expires: 1_700_000_000 });
    const old = await open(expired);
    expect(old.status).toBe(403);
    expect(old.body).toMatchObject({ code: 'FORBIDDEN', details: { reason: 'expired' } });
    // A well-signed link names its case: for a case that does not consult the body it opens nothing.
    const elsewhere = links.sign({
      requestId: randomUUID(),
      organisation: drainage.key,
      link: 1,
      expires: Math.floor(Date.now() / 1000) + 3600,
    });
    expect((await open(elsewhere)).status).toBe(404);

    // The officer re-sends: a new message, and the first link answers no more.
    const resent = await driver.post('clerk-planning', `/requests/${id}/consultations/${drainage.key}/link`);
    expect(resent.status).toBe(200);
    const second = await invitationTo(drainage.email, 2);
    expect(second.token).not.toBe(first.token);
    const replaced = await respond(first.token, { position: 'no-objection', text: '' });
    expect(replaced.status).toBe(403);
    expect(replaced.body).toMatchObject({ details: { reason: 'replaced' } });
    expect((await open(second.token)).status).toBe(200);

    // Revoked, the new one answers no more either, and the officer sees it revoked.
    const revoked = await driver.post('clerk-planning', `/requests/${id}/consultations/${drainage.key}/revocation`, {
      reason: 'Sent to a personal address by mistake',
    });
    expect(revoked.status).toBe(200);
    const refused = await respond(second.token, { position: 'no-objection', text: '' });
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({ details: { reason: 'revoked' } });
    expect((await consultations(id)).find((c) => c.organisation === drainage.key)).toMatchObject({
      status: 'revoked',
      links: 2,
    });
    // Revoking twice, or an applicant re-sending, changes nothing.
    expect(
      (
        await driver.post('clerk-planning', `/requests/${id}/consultations/${drainage.key}/revocation`, {
          reason: 'again',
        })
      ).status,
    ).toBe(409);
    expect((await driver.post('acme-battery', `/requests/${id}/consultations/${drainage.key}/link`)).status).toBe(403);

    // A day before the due date, the body that has not answered is reminded once with its link; a revoked one is not.
    const { dueAt } = (await consultations(id)).find((c) => c.organisation === water.key)!;
    const dayBefore = new Date(Date.parse(dueAt) - 86_400_000);
    await dispatcher!.remind(dayBefore);
    await dispatcher!.remind(dayBefore);
    const reminder = await mail.received(
      (m) => m.to.includes(water.email) && m.subject.startsWith('Reminder'),
      'the reminder',
    );
    expect(reminder.subject).toContain('Twelve flats');
    const reminded = /\/consultation\/([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+)/.exec(reminder.text)![1];
    expect((await open(reminded)).body).toMatchObject({ title: 'Twelve flats', status: 'invited' });
    await dispatcher!.drain();
    const ours = (m: { to: string }) => m.to.includes(water.email) || m.to.includes(drainage.email);
    const reminders = mail.mails.filter((m) => ours(m) && m.subject.startsWith('Reminder'));
    expect(reminders).toHaveLength(1);
    const audit = await driver.get('auditor', `/audit/requests/${id}/verify`);
    expect(audit.body).toMatchObject({ ok: true, issues: [] });
  });
});
