import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestApi, TestApi } from '../support/test-api';

describe('The web app served by the API', () => {
  let sut: TestApi;
  let dist: string;
  const html = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';

  beforeAll(async () => {
    dist = mkdtempSync(join(tmpdir(), 'onewindow-dist-'));
    mkdirSync(join(dist, 'assets'));
    writeFileSync(join(dist, 'index.html'), '<!doctype html><div id="root"></div>');
    writeFileSync(join(dist, 'assets', 'index-abc.js'), 'console.log(1)');
    sut = await startTestApi({ WEB_DIST_DIR: dist });
  });

  afterAll(async () => {
    await sut.close();
    rmSync(dist, { recursive: true, force: true });
  });

  it('answers a page load of / and of a client route with the app', async () => {
    for (const path of ['/', '/my-requests', '/queue/6a1f/steps/intake', '/sign-in']) {
      const res = await sut.http.get(path).set('accept', html).expect(200);
      expect(res.headers['content-type']).toMatch(/text\/html/);
      expect(res.text).toContain('<div id="root">');
    }
  });

  it('serves the built files', async () => {
    const res = await sut.http.get('/assets/index-abc.js').expect(200);
    expect(res.headers['content-type']).toMatch(/javascript/);
  });

  it('never shadows an API route, nor answers its 404 with HTML', async () => {
    const id = '00000000-0000-4000-8000-000000000000';
    const detail = await sut.http.get(`/requests/${id}`).set('accept', html).expect(401);
    expect(detail.body).toMatchObject({ code: 'UNAUTHENTICATED', correlationId: expect.any(String) });
    const token = await sut.login('acme-battery');
    const missing = await sut.http.get(`/requests/${id}`).set('accept', html).set('authorization', `Bearer ${token}`);
    expect(missing.status).toBe(404);
    expect(missing.headers['content-type']).toMatch(/json/);
    const noRoute = await sut.http
      .get('/work-queue/no/such/route')
      .set('accept', html)
      .set('authorization', `Bearer ${token}`);
    expect(noRoute.status).toBe(404);
    expect(noRoute.headers['content-type']).toMatch(/json/);
    await sut.http.get('/health').set('accept', html).expect('content-type', /json/);
  });

  it('answers a client that does not ask for HTML as the API always did', async () => {
    const res = await sut.http.get('/my-requests').set('accept', 'application/json');
    expect(res.status).toBe(404);
    expect(res.body).toMatchObject({ code: expect.any(String), correlationId: expect.any(String) });
    const post = await sut.http.post('/').set('accept', html).send({});
    expect(post.headers['content-type']).toMatch(/json/);
  });
});
