import { loadConfig } from '@onewindow/config';
import { addCalendarDays, landUseDefinition, lastDayOf, type ProcessDefinition } from '@onewindow/domain';
import { createHash, randomUUID } from 'node:crypto';
import { createNotificationDispatcher } from '../../apps/worker/src/notifications/notification-dispatcher.provider';
import type { NotificationDispatcher } from '../../apps/worker/src/notifications/notification-dispatcher';
import { ApiDriver } from '../support/api-driver';
import { MailCatcher } from '../support/notification-receivers';
import { startTestApi, TestApi } from '../support/test-api';
import { eventually } from '../support/test-env';

/** Land use under keys of its own; the second takes no comments, the third's consultation lasts seconds. */
const commented: ProcessDefinition = { ...landUseDefinition, key: 'register-comments-land-use' };
const brief: ProcessDefinition = {
  ...landUseDefinition,
  key: 'register-brief-land-use',
  steps: landUseDefinition.steps.map((step) =>
    step.id === 'consultation' ? { ...step, duration: { value: 3, unit: 'seconds' } } : step,
  ),
};
const LONDON = 'Europe/London';
/** The calendar day an instant falls on in London. */
const londonDay = (iso: string) => new Intl.DateTimeFormat('en-CA', { timeZone: LONDON }).format(new Date(iso));
const silent: ProcessDefinition = {
  ...landUseDefinition,
  key: 'register-silent-land-use',
  publication: { ...landUseDefinition.publication!, comments: undefined },
};

const PHONE = '07700 900456';
const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

interface StaffComment {
  id: string;
  name: string;
  email: string;
  status: string;
  text: string;
  textSha256: string;
}
interface PublishedComment {
  id: string;
  sentiment: string;
  topics: string[];
  text: string;
  json: string;
  sha256: string;
  seq: number;
}

describe('public comments on the register', () => {
  let api: TestApi;
  let driver: ApiDriver;
  const mail = new MailCatcher();
  let dispatcher: NotificationDispatcher | undefined;

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
    for (const definition of [commented, silent, brief]) {
      const res = await driver.post('admin', '/definitions', { definition });
      if (![201, 409].includes(res.status)) throw new Error(JSON.stringify(res.body));
    }
  });
  afterAll(async () => {
    await dispatcher?.stop();
    await mail.close();
    await api?.close();
  });

  const submitCase = async (definitionKey: string): Promise<string> => {
    const res = await driver.post('acme-battery', '/requests', {
      definitionKey,
      title: 'Workshop with roof terrace',
      attributes: { development: 'minor', siteAddress: '2 Mill Lane' },
    });
    const id = (res.body as { id: string }).id;
    await driver.waitForStep(id, 'validation');
    return id;
  };
  const validate = async (id: string) => {
    await driver.decide('clerk-planning', id, 'validation', { outcome: 'valid' });
    await eventually(
      async () => ((await api.http.get(`/public/applications/${id}`)).status === 200 ? true : undefined),
      'the case on the register',
    );
  };
  const comment = (id: string, body: object) => api.http.post(`/public/applications/${id}/comments`).send(body);

  it('counts a comment once its email is confirmed, and shows it only once an officer publishes it redacted', async () => {
    const id = await submitCase(commented.key);
    const email = `neighbour-${randomUUID().slice(0, 8)}@example.org`;
    const text = `The lane is too narrow for delivery lorries. Call me on ${PHONE} to see it at rush hour.`;
    const body = { name: 'Sam Neighbour', email, sentiment: 'object', topics: ['traffic', 'noise'], text };

    // Not on the register yet: nobody can comment, and nothing says the case exists.
    expect((await comment(id, body)).status).toBe(404);
    await validate(id);

    expect((await comment(id, body)).status).toBe(202);
    expect((await api.http.get(`/public/applications/${id}/comments`).expect(200)).body).toEqual([]);
    const [written] = (await driver.get('clerk-planning', `/requests/${id}/comments`)).body as StaffComment[];
    expect(written).toMatchObject({ name: 'Sam Neighbour', email, status: 'unconfirmed', text });
    // Unconfirmed, it does not count: the officer cannot publish it.
    const early = await driver.post('clerk-planning', `/requests/${id}/comments/${written.id}/publication`, {
      redactions: [],
    });
    expect(early.status).toBe(409);

    // The link in the message the SMTP server received confirms it; a tampered one is refused.
    const message = await mail.received((m) => m.to.includes(email), 'the confirmation');
    expect(message.subject).toContain('Workshop with roof terrace');
    const token = /\/register\/[^/\s]+\/confirm\?token=([A-Za-z0-9_-]{43})/.exec(message.text)?.[1];
    expect(token).toBeDefined();
    const tampered = `${token!.slice(0, -1)}${token!.endsWith('A') ? 'B' : 'A'}`;
    expect((await api.http.post('/public/comments/confirmation').send({ token: tampered })).status).toBe(404);
    const confirmed = await api.http.post('/public/comments/confirmation').send({ token }).expect(200);
    expect(confirmed.body).toEqual({ reference: id });
    const [counted] = (await driver.get('clerk-planning', `/requests/${id}/comments`)).body as StaffComment[];
    expect(counted.status).toBe('confirmed');
    const counts = await driver.get('clerk-planning', `/requests/${id}/comments/counts`);
    expect(counts.body).toEqual({
      counted: 1,
      unconfirmed: 0,
      bySentiment: { object: 1 },
      byTopic: { traffic: 1, noise: 1 },
    });

    // The officer withholds the phone number and publishes.
    const start = text.indexOf(PHONE);
    const published = await driver.post('clerk-planning', `/requests/${id}/comments/${written.id}/publication`, {
      redactions: [{ start, end: start + PHONE.length, reason: 'personal data: a phone number' }],
    });
    expect(published.status).toBe(200);
    expect(published.body).toMatchObject({ status: 'published' });

    const list = (await api.http.get(`/public/applications/${id}/comments`).expect(200)).body as PublishedComment[];
    expect(list).toHaveLength(1);
    const [shown] = list;
    expect(shown).toMatchObject({ sentiment: 'object', topics: ['traffic', 'noise'] });
    expect(shown.text).toBe(
      `The lane is too narrow for delivery lorries. Call me on [redacted] to see it at rush hour.`,
    );
    const everything = JSON.stringify(list);
    for (const personal of [PHONE, email, 'Sam Neighbour', '@']) expect(everything).not.toContain(personal);

    // Anyone recomputes the published hash; the chain names the source (the text as written) and the redaction.
    expect(sha256(shown.json)).toBe(shown.sha256);
    expect(JSON.parse(shown.json)).toMatchObject({ text: shown.text, comment: written.id });
    const detail = await driver.detail(id);
    const entry = (detail.timeline as Array<{ seq: number; event: string }>).find(
      (t) => t.event === 'comment.published',
    );
    expect(entry?.seq).toBe(shown.seq);
    const [row] = await api.env.db.query<Array<{ data: object }>>(
      `SELECT data FROM transitions WHERE request_id = $1 AND seq = $2`,
      [id, shown.seq],
    );
    expect(row.data).toMatchObject({
      sourceHash: sha256(text),
      sha256: shown.sha256,
      redactions: [{ field: 'text', range: [start, start + PHONE.length], by: 'clerk-planning' }],
    });
    // Published once; the auditor's check of the case holds.
    const again = await driver.post('clerk-planning', `/requests/${id}/comments/${written.id}/publication`, {
      redactions: [],
    });
    expect(again.status).toBe(409);
    const audit = await driver.get('auditor', `/audit/requests/${id}/verify`);
    expect(audit.body).toMatchObject({ ok: true, issues: [] });
  });

  it('takes comments for the consultation period as the statutory clock counts it, and refuses them after its end', async () => {
    const id = await submitCase(commented.key);
    await validate(id);
    // The register carries the case's zone, and the period ends with the 21st day after validation, in London.
    const shown = (await api.http.get(`/public/applications/${id}`).expect(200)).body as {
      timeZone: string;
      commentsOpenUntil: string | null;
      commentsEndedAt: string | null;
    };
    const detail = await driver.detail(id, 'clerk-planning');
    const consultation = detail.currentSteps.find((s) => s.stepId === 'consultation')!;
    const timeline = detail.timeline as unknown as Array<{ stepId: string | null; outcome: string | null; at: string }>;
    const validated = timeline.find((t) => t.stepId === 'validation' && t.outcome === 'valid')!;
    expect(shown).toMatchObject({ timeZone: LONDON, commentsOpenUntil: consultation.dueAt, commentsEndedAt: null });
    expect(lastDayOf(shown.commentsOpenUntil!, LONDON)).toBe(addCalendarDays(londonDay(validated.at), 21));

    // Where the period is seconds long: once it has run out, a comment is refused and the register says it ended.
    const quick = await submitCase(brief.key);
    await validate(quick);
    const open = (await api.http.get(`/public/applications/${quick}`).expect(200)).body as typeof shown;
    const end = open.commentsOpenUntil!;
    await driver.waitForStep(quick, 'assessment');
    const late = await comment(quick, {
      name: 'Lee',
      email: `late-${randomUUID().slice(0, 8)}@example.org`,
      sentiment: 'object',
      topics: ['noise'],
      text: 'Too late?',
    });
    expect(late.status).toBe(409);
    expect(late.body).toMatchObject({ code: 'CONFLICT', details: { commentsEndedAt: end } });
    expect((late.body as { message: string }).message).toMatch(
      /comment period ended at \d{4}-\d\d-\d\dT[\d:.]+(Z|[+-]\d\d:\d\d)/,
    );
    const closed = (await api.http.get(`/public/applications/${quick}`).expect(200)).body as typeof shown;
    expect(closed).toMatchObject({ timeZone: LONDON, commentsOpenUntil: null, commentsEndedAt: end });
    const staff = (await driver.get('clerk-planning', `/requests/${quick}/comments`)).body as StaffComment[];
    expect(staff).toEqual([]);
  });

  it('refuses bad, oversized and too many comments, and comments outside a comment period', async () => {
    const id = await submitCase(commented.key);
    await validate(id);
    const email = `busy-${randomUUID().slice(0, 8)}@example.org`;
    const good = { name: 'Pat', email, sentiment: 'support', topics: ['design'], text: 'Handsome building.' };
    for (const bad of [
      { ...good, sentiment: 'furious' },
      { ...good, topics: ['parking-for-my-car'] },
      { ...good, email: 'not-an-address' },
      { ...good, text: 'x'.repeat(5001) },
      { ...good, extra: 'field' },
    ]) {
      const res = await comment(id, bad);
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ code: 'VALIDATION_FAILED', correlationId: expect.any(String) });
    }
    for (let i = 0; i < 3; i++) expect((await comment(id, good)).status).toBe(202);
    const fourth = await comment(id, good);
    expect(fourth.status).toBe(429);
    expect(fourth.body).toMatchObject({ code: 'RATE_LIMITED' });

    const quiet = await submitCase(silent.key);
    await validate(quiet);
    const closed = await comment(quiet, good);
    expect(closed.status).toBe(409);
    expect(closed.body.message).toMatch(/comment period/);
  });
});
