import { randomUUID } from 'node:crypto';
import { ApiDriver, DetailView } from '../support/api-driver';
import { startTestApi, TestApi } from '../support/test-api';
import { eventually } from '../support/test-env';

interface WorkItem {
  requestId: string;
  stepId: string;
  department: string;
  assignee: string | null;
  dueAt: string | null;
  overdue: boolean;
}
interface Queue {
  items: WorkItem[];
  total: number;
  totalCapped: boolean;
  page: number;
  pageSize: number;
}

describe('the clerk work queue and the actions on steps', () => {
  let api: TestApi;
  let driver: ApiDriver;
  let first: string;
  let second: string;
  beforeAll(async () => {
    api = await startTestApi();
    driver = new ApiDriver(api);
    [first, second] = await Promise.all([driver.submitPermit('acme-battery'), driver.submitPermit('volta-grid')]);
    await driver.toPlanReview(first);
    await driver.toPlanReview(second);
  });
  afterAll(() => api?.close());

  const queue = async (user: string, query = '') => {
    const res = await driver.get(user, `/work-queue${query}`);
    expect(res.status).toBe(200);
    return res.body as Queue;
  };
  const ours = (q: Queue) => q.items.filter((i) => i.requestId === first || i.requestId === second);
  /** This file's items from every page: other test files share the database and fill the queues too. */
  const oursOnAllPages = async (user: string, query = '') => {
    const found: WorkItem[] = [];
    for (let page = 1; ; page += 1) {
      const q = await queue(user, `?pageSize=100&page=${page}${query}`);
      found.push(...ours(q));
      if (page * q.pageSize >= q.total) return found;
    }
  };

  it("shows a clerk their department's steps, earliest due first, a page at a time", async () => {
    const fire = await queue('clerk-fire');
    expect(fire.items.every((i) => i.department === 'fire')).toBe(true);
    expect((await oursOnAllPages('clerk-fire')).map((i) => i.stepId)).toEqual(['fire-review', 'fire-review']);
    const due = fire.items.map((i) => i.dueAt ?? '9999');
    expect(due).toEqual([...due].sort());

    const page1 = await queue('clerk-fire', '?pageSize=1');
    const page2 = await queue('clerk-fire', '?pageSize=1&page=2');
    expect(page1.total).toBe(fire.total);
    expect(page1.totalCapped).toBe(false);
    expect(page1.items).toHaveLength(1);
    expect(page2.items[0]).not.toEqual(page1.items[0]);

    // A supervisor sees other departments' queues (other test files' requests share the database, so ask by
    // department: the review departments hold few steps).
    for (const department of ['fire', 'environment']) {
      const theirs = await queue('supervisor', `?department=${department}&pageSize=100`);
      expect(ours(theirs).map((i) => i.department)).toEqual([department, department]);
    }
  });

  it('filters overdue steps', async () => {
    await api.env.db.query(
      `UPDATE open_tasks SET due_at = now() - interval '2 days' WHERE request_id = $1 AND step_id = 'fire-review'`,
      [first],
    );
    const overdue = await queue('clerk-fire', '?overdue=true&pageSize=100');
    expect(overdue.items.every((i) => i.overdue)).toBe(true);
    expect(await oursOnAllPages('clerk-fire', '&overdue=true')).toEqual([
      expect.objectContaining({ requestId: first, stepId: 'fire-review', overdue: true }),
    ]);
  });

  it('finds a request in the queue by a piece of its title or the start of its id, wildcards taken literally', async () => {
    const title = `Hall ${randomUUID()} 100%_done`;
    const res = await driver.post('acme-battery', '/requests', {
      definitionKey: 'building-permit',
      title,
      attributes: { floorAreaM2: 800 },
    });
    expect(res.status).toBe(202);
    const id = (res.body as { id: string }).id;
    await driver.waitForStep(id, 'intake');

    const byTitle = await queue('clerk-building', `?search=${encodeURIComponent(title.slice(5, 41).toUpperCase())}`);
    expect(byTitle.items.map((i) => i.requestId)).toEqual([id]);
    const byId = await queue('clerk-building', `?search=${id.slice(0, 13)}`);
    expect(byId.items.map((i) => i.requestId)).toEqual([id]);
    // '%' and '_' are the characters typed, not SQL wildcards.
    const literal = await queue('clerk-building', `?search=${encodeURIComponent('100%_done')}`);
    expect(literal.items.map((i) => i.requestId)).toContain(id);
    const wildcard = await queue('clerk-building', `?search=${encodeURIComponent('1%e')}`);
    expect(wildcard.items.map((i) => i.requestId)).not.toContain(id);
  });

  it('claims a step; a supervisor reassigns it; the holder alone may decide it', async () => {
    const claimed = await driver.post('clerk-building', `/requests/${first}/steps/building-review/claim`);
    expect(claimed.status).toBe(200);
    const step = (claimed.body as DetailView).currentSteps.find((s) => s.stepId === 'building-review');
    expect(step?.assignee).toBe('clerk-building');
    expect((await oursOnAllPages('clerk-building', '&assignee=me')).map((i) => i.stepId)).toEqual(['building-review']);

    const twice = await driver.post('clerk-building-2', `/requests/${first}/steps/building-review/claim`);
    expect(twice.status).toBe(409);

    // Given back to the queue, the step can be claimed again.
    const notHolder = await driver.post('clerk-building-2', `/requests/${first}/steps/building-review/release`);
    expect(notHolder.status).toBe(403);
    const released = await driver.post('clerk-building', `/requests/${first}/steps/building-review/release`, {
      reason: 'Needs a structural engineer',
    });
    expect(released.status).toBe(200);
    expect((released.body as DetailView).currentSteps.find((s) => s.stepId === 'building-review')?.assignee).toBeNull();
    expect((await driver.post('clerk-building', `/requests/${first}/steps/building-review/claim`)).status).toBe(200);

    const reassigned = await driver.post('supervisor', `/requests/${first}/steps/building-review/reassign`, {
      assigneeId: 'clerk-building-2',
      assigneeName: 'Nora Hall',
      reason: 'Tom is on leave',
    });
    expect(reassigned.status).toBe(200);
    expect(await oursOnAllPages('clerk-building', '&assignee=clerk-building-2')).toHaveLength(1);

    const notTheHolder = await driver.decide('clerk-building', first, 'building-review', { outcome: 'approved' });
    expect(notTheHolder.status).toBe(403);
    const holder = await driver.decide('clerk-building-2', first, 'building-review', { outcome: 'approved' });
    expect(holder.status).toBe(200);
  });

  it('asks the applicant for information and takes the answer', async () => {
    const asked = await driver.post('clerk-fire', `/requests/${second}/steps/fire-review/information-requests`, {
      items: [{ id: 'escape-routes', description: 'Escape route plan for hall A' }],
      reason: 'Escape routes missing',
    });
    expect(asked.status).toBe(200);
    const waiting = asked.body as DetailView;
    expect(waiting.currentSteps.find((s) => s.stepId === 'fire-review')?.state).toBe('awaiting_applicant');
    expect(waiting.informationRequests).toEqual([expect.objectContaining({ stepId: 'fire-review', status: 'open' })]);

    const stranger = await driver.post('acme-battery', `/requests/${second}/steps/fire-review/information-answers`, {});
    expect(stranger.status).toBe(404);
    const answered = await driver.post('volta-grid', `/requests/${second}/steps/fire-review/information-answers`, {
      itemIds: ['escape-routes'],
      note: 'Uploaded as document 12',
    });
    expect(answered.status).toBe(200);
    expect((answered.body as DetailView).currentSteps.find((s) => s.stepId === 'fire-review')?.state).toBe('active');
  });

  it('extends the review clock by written agreement of the applicant, or not', async () => {
    const proposal = { stepId: 'plan-review', by: { value: 5, unit: 'workingDays' }, reason: 'Noise study' };
    const proposed = await driver.post('supervisor', `/requests/${second}/extensions`, proposal);
    expect(proposed.status).toBe(200);
    const ext = (proposed.body as DetailView).extensions.find((x) => x.status === 'proposed');
    expect(ext).toBeDefined();
    const before = (await driver.detail(second)).currentSteps.find((s) => s.stepId === 'plan-review')?.dueAt;
    const accepted = await driver.post('volta-grid', `/requests/${second}/extensions/${ext!.id}/accept`);
    expect(accepted.status).toBe(200);
    const body = accepted.body as DetailView;
    expect(body.extensions.find((x) => x.id === ext!.id)?.status).toBe('accepted');
    expect(body.currentSteps.find((s) => s.stepId === 'plan-review')?.dueAt).not.toBe(before);
    const again = await driver.post('volta-grid', `/requests/${second}/extensions/${ext!.id}/decline`, {});
    expect(again.status).toBe(409);

    const next = await driver.post('clerk-building', `/requests/${second}/extensions`, { ...proposal, reason: 'More' });
    const nextId = (next.body as DetailView).extensions.find((x) => x.status === 'proposed')!.id;
    const declined = await driver.post('volta-grid', `/requests/${second}/extensions/${nextId}/decline`, {
      reason: 'We need the decision on time',
    });
    expect(declined.status).toBe(200);
    expect((declined.body as DetailView).extensions.find((x) => x.id === nextId)?.status).toBe('declined');
  });

  it('decides many steps at once and reports each result', async () => {
    const res = await driver.post('clerk-environment', '/work-queue/decisions', {
      outcome: 'approved',
      reason: 'No environmental concerns',
      items: [
        { requestId: first, stepId: 'environment-review' },
        { requestId: second, stepId: 'environment-review' },
        { requestId: second, stepId: 'fire-review' },
      ],
    });
    expect(res.status).toBe(200);
    expect((res.body as { results: unknown[] }).results).toEqual([
      { requestId: first, stepId: 'environment-review', result: 'decided', status: 200 },
      { requestId: second, stepId: 'environment-review', result: 'decided', status: 200 },
      expect.objectContaining({
        requestId: second,
        stepId: 'fire-review',
        result: 'refused',
        status: 403,
        code: 'FORBIDDEN',
      }),
    ]);
    const detail = await driver.detail(first);
    expect(detail.timeline.filter((t) => t.stepId === 'environment-review' && t.outcome === 'approved')).toHaveLength(
      1,
    );
    const logged = await eventually(async () => {
      const rows = await api.env.db.query<Array<Record<string, unknown>>>(
        'SELECT kind, route, request_id, actor_id FROM access_log WHERE correlation_id = $1',
        [String(res.headers['x-correlation-id'])],
      );
      return rows.length > 0 ? rows : undefined;
    }, 'the refused item in the access log');
    expect(logged).toEqual([
      { kind: 'authorization', route: 'POST /work-queue/decisions', request_id: second, actor_id: 'clerk-environment' },
    ]);
  });

  it('takes a pledge, then a refusal, an appeal and an inspection result through the same API', async () => {
    const id = await driver.submitPermit('acme-battery', { floorAreaM2: 500, inspectionRequired: true });
    const pledged = await driver.post('acme-battery', `/requests/${id}/pledge`, {
      statement: 'We will meet every fire code condition before occupation',
      items: ['fire-code'],
    });
    expect(pledged.status).toBe(200);
    await driver.toPlanReview(id);
    for (const d of ['building', 'fire', 'environment']) {
      expect((await driver.decide(`clerk-${d}`, id, `${d}-review`, { outcome: 'approved' })).status).toBe(200);
    }
    const refused = await driver.decide('supervisor', id, 'decision', { outcome: 'refused', reason: 'Access road' });
    expect(refused.status).toBe(200);
    expect((refused.body as DetailView).status).toBe('refused');
    const appealed = await driver.post('acme-battery', `/requests/${id}/appeal`, {
      grounds: 'The access road was revised',
    });
    expect(appealed.status).toBe(200);
    expect((appealed.body as DetailView).status).toBe('under_appeal');
    const inspection = await driver.post('clerk-building', `/requests/${id}/inspections`, {
      stepId: 'inspection',
      passed: true,
    });
    expect(inspection.status).toBe(409);
  });
});
