import { loadConfig } from '@onewindow/config';
import { SignJWT } from 'jose';
import { SseReader } from '../support/http-client';
import { startTestApi, TestApi } from '../support/test-api';
import { eventually } from '../support/test-env';

/** Development tokens: signed with the (published) development secret, so held to what the seed says. */
describe('development tokens', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(() => api?.close());

  const config = loadConfig();
  const sign = (sub: string, role: string, edit: (jwt: SignJWT) => SignJWT = (j) => j.setExpirationTime('1h')) =>
    edit(
      new SignJWT({ role })
        .setProtectedHeader({ alg: 'HS256' })
        .setSubject(sub)
        .setIssuer(config.AUTH_ISSUER)
        .setAudience(config.AUTH_AUDIENCE)
        .setIssuedAt(),
    ).sign(new TextEncoder().encode(config.AUTH_DEV_SECRET));
  const me = async (token: string) => api.http.get('/auth/me').set('authorization', `Bearer ${token}`);

  it('stand for a seeded user, with the seed’s name and department', async () => {
    const res = await me(await sign('clerk-fire', 'clerk'));
    expect([res.status, res.body]).toEqual([
      200,
      { id: 'clerk-fire', role: 'clerk', department: 'fire', name: 'Ana Costa (Fire safety)' },
    ]);
  });

  it.each<[string, () => Promise<string>, string]>([
    ['without an expiry', () => sign('supervisor', 'supervisor', (j) => j), 'no-expiry'],
    ['for a user that does not exist', () => sign('mallory', 'administrator'), 'unknown-user'],
    ['raising a seeded user’s role', () => sign('acme-battery', 'administrator'), 'wrong-role'],
  ])('are refused %s', async (_case, token, reason) => {
    const res = await me(await token());
    expect([res.status, res.body]).toEqual([
      401,
      expect.objectContaining({ code: 'UNAUTHENTICATED', details: { reason } }),
    ]);
  });

  it('end an event stream when they expire: `expired`, then the server closes it', async () => {
    const id = (
      (
        await api.http
          .post('/requests')
          .set('authorization', `Bearer ${await api.login('acme-battery')}`)
          .send({ definitionKey: 'building-permit', title: 'Short token', attributes: { floorAreaM2: 900 } })
          .expect(202)
      ).body as { id: string }
    ).id;
    for (const path of [`/requests/${id}/events`, '/work-queue/events', '/notifications/events']) {
      const shortLived = await sign('auditor', 'auditor', (j) =>
        j.setExpirationTime(Math.floor(Date.now() / 1000) + 3),
      );
      const stream = await SseReader.open(api, path, shortLived);
      expect([path, stream.status]).toEqual([path, 200]);
      await stream.next((e) => e.event === 'expired', `the end of ${path} at the token's expiry`);
      await eventually(() => Promise.resolve(stream.ended || undefined), `${path} closed by the server`);
      stream.close();
    }
    // A renewed token opens it again.
    const renewed = await SseReader.open(api, `/requests/${id}/events`, await sign('auditor', 'auditor'));
    expect(renewed.status).toBe(200);
    renewed.close();
  });
});
