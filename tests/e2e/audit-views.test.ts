import { randomUUID } from 'node:crypto';
import { ApiDriver, DetailView } from '../support/api-driver';
import { startTestApi, TestApi } from '../support/test-api';

interface ViewAsOf {
  seq: number;
  at: string;
  totalTransitions: number;
  view: DetailView & { status: string; currentSteps: Array<{ stepId: string; dueAt: string | null }> };
}

/** What an applicant's page shows that does not depend on the instant it is read. */
const page = (d: ViewAsOf['view']) => ({
  status: d.status,
  steps: d.currentSteps.map((s) => ({ stepId: s.stepId, dueAt: s.dueAt })),
  timeline: d.timeline.map((t) => t.seq),
});

describe('auditor: time travel, finding cases, checkpoints', () => {
  let api: TestApi;
  let driver: ApiDriver;
  let id: string;
  let atIntake: ViewAsOf['view'];
  let afterIntake: ViewAsOf['view'];

  beforeAll(async () => {
    api = await startTestApi();
    driver = new ApiDriver(api);
    id = await driver.submitPermit('volta-grid', { floorAreaM2: 2500 });
    atIntake = await driver.detail(id, 'volta-grid');
    await driver.toPlanReview(id);
    await driver.waitForStep(id, 'fire-review');
    afterIntake = await driver.detail(id, 'volta-grid');
  });
  afterAll(() => api?.close());

  const get = (path: string, user = 'auditor') => driver.get(user, path);

  it("shows the applicant's page as it stood after any transition", async () => {
    const intakeSeq = atIntake.timeline[atIntake.timeline.length - 1].seq;
    const before = await get(`/audit/requests/${id}/view?seq=${intakeSeq}`);
    expect(before.status).toBe(200);
    const then = before.body as ViewAsOf;
    expect(then.seq).toBe(intakeSeq);
    expect(then.totalTransitions).toBe(afterIntake.timeline.length);
    expect(page(then.view)).toEqual(page(atIntake));
    expect(then.view.currentSteps.map((s) => s.stepId)).toEqual(['intake']);

    // The transition that closed intake: its batch opened the joint review, as the applicant then saw.
    const intakeDecided = afterIntake.timeline.find((t) => t.stepId === 'intake' && t.event === 'decided')!;
    const after = (await get(`/audit/requests/${id}/view?seq=${intakeDecided.seq}`)).body as ViewAsOf;
    expect(page(after.view)).toEqual(page(afterIntake));
    expect(after.view.currentSteps.map((s) => s.stepId)).toEqual(
      expect.arrayContaining(['plan-review', 'building-review', 'fire-review', 'environment-review']),
    );
  });

  it('finds a case by the first characters of its id, its title or its applicant', async () => {
    const title = `Cathode hall ${randomUUID()}`;
    const res = await driver.post('volta-grid', '/requests', {
      definitionKey: 'building-permit',
      title,
      attributes: { floorAreaM2: 800 },
    });
    const mine = (res.body as { id: string }).id;
    for (const q of [mine.slice(0, 8), title.toUpperCase().slice(0, 30)]) {
      const found = await get(`/audit/requests?q=${encodeURIComponent(q)}`);
      expect(found.status).toBe(200);
      expect((found.body as Array<{ id: string }>).map((r) => r.id)).toContain(mine);
    }
    const byApplicant = (await get('/audit/requests?q=VOLTA&limit=100')).body as Array<{
      applicantId: string;
      title: string;
    }>;
    expect(byApplicant.length).toBeGreaterThan(0);
    expect(byApplicant.filter((r) => !`${r.applicantId} ${r.title}`.toLowerCase().includes('volta'))).toEqual([]);
    const none = await get(`/audit/requests?q=${encodeURIComponent('100%_nothing')}`);
    expect(none.body).toEqual([]);
  });

  it('lists the signed checkpoints', async () => {
    const created = await api.http
      .post('/audit/checkpoints')
      .set(await driver.auth('auditor'))
      .expect(201);
    const list = await get('/audit/checkpoints');
    expect(list.status).toBe(200);
    expect((list.body as Array<{ hash: string }>).map((c) => c.hash)).toContain(
      (created.body as { hash: string }).hash,
    );
  });

  it('refuses bad input and other roles', async () => {
    const cases: Array<[string, number]> = [
      [`/audit/requests/${id}/view`, 400],
      [`/audit/requests/${id}/view?seq=0`, 400],
      [`/audit/requests/${id}/view?seq=two`, 400],
      [`/audit/requests/${id}/view?seq=9999`, 404],
      [`/audit/requests/${randomUUID()}/view?seq=1`, 404],
      ['/audit/requests/not-a-uuid/view?seq=1', 400],
      ['/audit/requests', 400],
      [`/audit/requests?q=${'x'.repeat(201)}`, 400],
      ['/audit/requests?q=a&limit=0', 400],
    ];
    for (const [path, status] of cases) {
      const res = await get(path);
      expect({ path, status: res.status }).toEqual({ path, status });
      expect(res.body).toMatchObject({ code: expect.any(String), correlationId: expect.any(String) });
    }
    for (const user of ['volta-grid', 'clerk-building', 'supervisor']) {
      expect((await get(`/audit/requests/${id}/view?seq=1`, user)).status).toBe(403);
      expect((await get('/audit/checkpoints', user)).status).toBe(403);
    }
  });
});
