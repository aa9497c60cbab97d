import { startTestApi, TestApi } from '../support/test-api';

describe('numeric parameters and unknown resources', () => {
  let api: TestApi;
  let auth: { authorization: string };
  beforeAll(async () => {
    api = await startTestApi();
    auth = { authorization: `Bearer ${await api.login('auditor')}` };
  });
  afterAll(() => api?.close());

  it.each([
    '/definitions/building-permit/versions/2147483648',
    '/definitions/building-permit/versions/99999999999999999999',
    '/definitions/building-permit/versions/0',
    '/definitions/building-permit/versions/-1',
    '/definitions/building-permit/versions/1.5',
    '/definitions/building-permit/versions/1x',
    '/requests?page=2147483648',
    '/requests?pageSize=100000',
    '/work-queue?page=0',
    '/work-queue?pageSize=-5',
    '/audit/access-log?limit=1000000',
  ])('answers %s with 400, not 500', async (path) => {
    const res = await api.http.get(path).set(auth);
    expect([res.status, (res.body as { code: string }).code]).toEqual([400, 'VALIDATION_FAILED']);
  });

  it('still finds the largest version a request may name, or says there is none', async () => {
    await api.http.get('/definitions/building-permit/versions/1').set(auth).expect(200);
    const none = await api.http.get('/definitions/building-permit/versions/2147483647').set(auth);
    expect([none.status, (none.body as { code: string }).code]).toEqual([404, 'NOT_FOUND']);
  });

  it.each([
    '/calendars/no-such-calendar',
    '/definitions/no-such-definition/versions',
    '/definitions/no-such-definition/versions/1',
    '/requests/00000000-0000-4000-8000-000000000000',
  ])('answers an unknown %s with 404', async (path) => {
    const res = await api.http.get(path).set(auth);
    expect([res.status, (res.body as { code: string }).code]).toEqual([404, 'NOT_FOUND']);
  });
});
