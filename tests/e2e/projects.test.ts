import { ApiDriver } from '../support/api-driver';
import { startTestApi, TestApi } from '../support/test-api';
import { eventually } from '../support/test-env';

interface ProjectView {
  id: string;
  status: string;
  limitDate: string;
  projectedDate: string;
  slackWorkingDays: number;
  criticalPath: string[];
  calendar: { id: string; timeZone: string };
  stages: Array<{
    number: number;
    status: string;
    form: string[];
    clock: { projectedStart: string; projectedDue: string };
    requests: Array<{
      memberId: string;
      requestId: string;
      status: string;
      onCriticalPath: boolean;
      timeZone: string;
    }>;
  }>;
}

/** A one-step department check; its duration rule declares the attribute it reads on the stage form. */
const check = (key: string, department: string, attr: string) => ({
  key,
  version: 1,
  title: { en: `${key} review`, 'zh-CN': `${key} 审查` },
  requestType: 'infrastructure',
  jurisdiction: 'cn',
  start: 'review',
  steps: [
    {
      id: 'review',
      title: { en: 'Review', 'zh-CN': '审查' },
      kind: 'task',
      owner: { department, role: 'clerk' },
      duration: { value: 20, unit: 'workingDays' },
      durationRules: [{ when: { attr, op: '>', value: 10000 }, duration: { value: 30, unit: 'workingDays' } }],
      next: { approved: { status: 'approved' }, refused: { status: 'refused' } },
    },
  ],
});

describe('projects: stages of requests under one whole-project limit', () => {
  let api: TestApi;
  let sut: ApiDriver;
  beforeAll(async () => {
    api = await startTestApi();
    sut = new ApiDriver(api);
    for (const definition of [
      check('site-check', 'planning', 'siteAreaM2'),
      check('fire-check', 'fire', 'floorAreaM2'),
      check('grid-check', 'grid-utility', 'loadKw'),
    ]) {
      expect((await sut.post('admin', '/definitions', { definition })).status).toBe(201);
    }
  });
  afterAll(() => api?.close());

  const project = async (id: string, user = 'acme-battery') =>
    (await sut.get(user, `/projects/${id}`)).body as ProjectView;
  const body = {
    title: 'Battery plant',
    limitWorkingDays: 120,
    stages: [
      { name: 'Land use', definitionKeys: ['site-check'], attributes: { siteAreaM2: 40000 }, plannedWorkingDays: 30 },
      {
        name: 'Construction and grid',
        definitionKeys: ['fire-check', 'grid-check'],
        attributes: { floorAreaM2: 9000, loadKw: 12000 },
        plannedWorkingDays: 40,
      },
    ],
  };

  it('refuses a stage form with an attribute none of its definitions declares, naming it', async () => {
    const res = await sut.post('acme-battery', '/projects', {
      ...body,
      stages: [{ ...body.stages[0], attributes: { siteAreaM2: 1, colour: 'red' } }],
    });
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    expect(res.body).toMatchObject({ message: expect.stringContaining("'colour' not on its form (siteAreaM2)") });
  });

  it('starts each stage from its one form, in parallel, once the stage before is approved', async () => {
    const created = await sut.post('acme-battery', '/projects', body);
    expect(created.status).toBe(202);
    const id = (created.body as ProjectView).id;

    const first = await eventually(async () => {
      const p = await project(id);
      return p.stages[0].requests[0].status === 'in_progress' ? p : undefined;
    }, 'stage 1 running');
    expect(first.calendar).toEqual({ id: 'cn', timeZone: 'Asia/Shanghai' });
    // Each request's moments are read in its own jurisdiction's zone, the project's in its calendar's.
    expect(first.stages.flatMap((s) => s.requests.map((r) => r.timeZone))).toEqual([
      'Asia/Shanghai',
      'Asia/Shanghai',
      'Asia/Shanghai',
    ]);
    expect(first.stages.map((s) => [s.status, s.form])).toEqual([
      ['running', ['siteAreaM2']],
      ['waiting', ['floorAreaM2', 'loadKw']],
    ]);
    // Stage 1's request runs 30 working days (siteAreaM2 > 10000); the grid check 30 too, after it: the
    // critical path runs through the grid check, whose planned length is the stage's 40 days until it starts.
    expect(first.criticalPath[0]).toBe('1-site-check');
    expect(first.slackWorkingDays).toBe(120 - 30 - 40);

    // Authorization as for requests: another applicant does not see it; staff do.
    const hidden = await sut.get('volta-grid', `/projects/${id}`);
    expect(hidden.status).toBe(404);
    // …and the look is written to the access log, as for another's request.
    const logged = await eventually(async () => {
      const rows = await api.env.db.query<Array<{ kind: string; actor_id: string }>>(
        'SELECT kind, actor_id FROM access_log WHERE correlation_id = $1',
        [String(hidden.headers['x-correlation-id'])],
      );
      return rows[0];
    }, 'the access-log entry of the hidden project');
    expect(logged).toEqual({ kind: 'authorization', actor_id: 'volta-grid' });
    const others = (await sut.get('volta-grid', '/projects')).body as { items: Array<{ id: string }> };
    expect(others.items.map((p) => p.id)).not.toContain(id);
    const staff = (await sut.get('clerk-fire', '/projects?pageSize=100')).body as {
      items: Array<{ id: string; timeZone: string }>;
    };
    expect(staff.items.find((p) => p.id === id)).toMatchObject({ timeZone: 'Asia/Shanghai' });

    const siteRequest = first.stages[0].requests[0].requestId;
    await sut.waitForStep(siteRequest, 'review');
    const decided = await sut.decide('clerk-planning', siteRequest, 'review', { outcome: 'approved' });
    expect(decided.status).toBe(200);

    const second = await eventually(async () => {
      const p = await project(id);
      return p.stages[1].requests.every((r) => r.status === 'in_progress') ? p : undefined;
    }, 'stage 2 running in parallel');
    expect(second.stages.map((s) => s.status)).toEqual(['done', 'running']);
    // The fire check runs 20 working days (floor area 9000), the grid check 30 (load 12000): the grid check
    // sets the projected date (the site check, decided on the project's first day, no longer takes any).
    expect(second.criticalPath).toEqual(['2-grid-check']);
    const [fire, grid] = second.stages[1].requests;
    expect([fire.onCriticalPath, grid.onCriticalPath]).toEqual([false, true]);
    expect(second.stages[1].clock.projectedDue).toBe(second.projectedDate);
  });
});
