import { ApiDriver } from '../support/api-driver';
import { SseReader } from '../support/http-client';
import { startTestApi, TestApi } from '../support/test-api';

type Who = 'owner' | 'otherApplicant' | 'clerkOfStep' | 'clerkOther' | 'supervisor' | 'auditor' | 'admin' | 'anonymous';

const USERS: Record<Exclude<Who, 'anonymous'>, string> = {
  owner: 'acme-battery',
  otherApplicant: 'volta-grid',
  clerkOfStep: 'clerk-building',
  clerkOther: 'clerk-fire',
  supervisor: 'supervisor',
  auditor: 'auditor',
  admin: 'admin',
};

interface Route {
  name: string;
  method: 'get' | 'post';
  path: (id: string) => string;
  body?: object;
  /** Expected status per caller; the request sits at intake (building department) throughout. */
  expect: Record<Who, number>;
}

/** Need-to-know: a clerk of a department with no step on the case (fire, while the intake is open) reads none of it. */
const READ = { owner: 200, otherApplicant: 404, clerkOfStep: 200, clerkOther: 403, supervisor: 200, auditor: 200 };
/** Applicant actions: staff may not act for the applicant; another applicant does not see the request. */
const applicantAction = (ownerStatus: number) => ({
  owner: ownerStatus,
  otherApplicant: 404,
  clerkOfStep: 403,
  clerkOther: 403,
  supervisor: 403,
  auditor: 403,
  admin: 403,
  anonymous: 401,
});
/** Staff actions with a body the reducer refuses for a reason other than who asks (no state changes). */
const staffAction = (allowed: number, clerkOther = 403) => ({
  owner: 403,
  otherApplicant: 403,
  clerkOfStep: allowed,
  clerkOther,
  supervisor: allowed,
  auditor: 403,
  admin: 403,
  anonymous: 401,
});

const ROUTES: Route[] = [
  {
    name: 'GET /requests',
    method: 'get',
    path: () => '/requests',
    // The list answers everyone who may read cases, with the cases each may read.
    expect: { ...READ, otherApplicant: 200, clerkOther: 200, admin: 403, anonymous: 401 },
  },
  {
    name: 'GET /requests/:id',
    method: 'get',
    path: (id) => `/requests/${id}`,
    expect: { ...READ, admin: 403, anonymous: 401 },
  },
  {
    name: 'GET /work-queue',
    method: 'get',
    path: () => '/work-queue',
    expect: {
      owner: 403,
      otherApplicant: 403,
      clerkOfStep: 200,
      clerkOther: 200,
      supervisor: 200,
      auditor: 200,
      admin: 403,
      anonymous: 401,
    },
  },
  {
    name: 'GET /work-queue of another department',
    method: 'get',
    path: () => '/work-queue?department=planning',
    expect: {
      owner: 403,
      otherApplicant: 403,
      clerkOfStep: 403,
      clerkOther: 403,
      supervisor: 200,
      auditor: 200,
      admin: 403,
      anonymous: 401,
    },
  },
  {
    name: 'POST /requests',
    method: 'post',
    path: () => '/requests',
    body: { definitionKey: 'building-permit', title: 'Matrix', attributes: { floorAreaM2: 1200 } },
    expect: {
      owner: 202,
      otherApplicant: 202,
      clerkOfStep: 403,
      clerkOther: 403,
      supervisor: 403,
      auditor: 403,
      admin: 403,
      anonymous: 401,
    },
  },
  {
    name: 'POST information-answers (no request open: 409)',
    method: 'post',
    path: (id) => `/requests/${id}/steps/intake/information-answers`,
    body: {},
    expect: applicantAction(409),
  },
  {
    name: "POST completion (intake is the clerk's step: 403)",
    method: 'post',
    path: (id) => `/requests/${id}/steps/intake/completion`,
    body: { outcome: 'complete' },
    expect: applicantAction(403),
  },
  {
    name: 'POST notice (step not active: 409)',
    method: 'post',
    path: (id) => `/requests/${id}/steps/decision/notice`,
    expect: applicantAction(409),
  },
  {
    name: 'POST extension accept (unknown extension: 422)',
    method: 'post',
    path: (id) => `/requests/${id}/extensions/ext-99/accept`,
    expect: applicantAction(422),
  },
  {
    name: 'POST extension decline (unknown extension: 422)',
    method: 'post',
    path: (id) => `/requests/${id}/extensions/ext-99/decline`,
    body: {},
    expect: applicantAction(422),
  },
  {
    name: 'POST appeal (nothing refused: 403 from the rules)',
    method: 'post',
    path: (id) => `/requests/${id}/appeal`,
    body: { grounds: 'x' },
    expect: applicantAction(403),
  },
  {
    name: 'POST decision (illegal outcome: 422; other department: 403)',
    method: 'post',
    path: (id) => `/requests/${id}/steps/intake/decision`,
    body: { outcome: 'no-such-outcome' },
    expect: staffAction(422),
  },
  {
    name: 'POST information-requests (step not active: 409)',
    method: 'post',
    path: (id) => `/requests/${id}/steps/decision/information-requests`,
    body: { items: [{ id: 'site-plan', description: 'Site plan' }] },
    expect: staffAction(409),
  },
  {
    name: 'POST claim (step not active: 409)',
    method: 'post',
    path: (id) => `/requests/${id}/steps/decision/claim`,
    expect: staffAction(409),
  },
  {
    name: 'POST release (step not active: 409)',
    method: 'post',
    path: (id) => `/requests/${id}/steps/decision/release`,
    expect: staffAction(409),
  },
  {
    name: 'POST reassign (step not active: 409)',
    method: 'post',
    path: (id) => `/requests/${id}/steps/decision/reassign`,
    body: { assigneeId: 'clerk-building-2' },
    expect: staffAction(409),
  },
  {
    name: 'POST extensions (step not active: 409)',
    method: 'post',
    path: (id) => `/requests/${id}/extensions`,
    body: { stepId: 'decision', by: { value: 5, unit: 'workingDays' }, reason: 'Expert study' },
    expect: staffAction(409),
  },
  {
    name: 'POST clock/resume (supervisor only; not stopped: 409)',
    method: 'post',
    path: (id) => `/requests/${id}/clock/resume`,
    expect: { ...staffAction(403), supervisor: 409 },
  },
  {
    name: 'POST clock/pause (supervisor only)',
    method: 'post',
    path: (id) => `/requests/${id}/clock/pause`,
    body: { reason: '' },
    // An empty reason fails validation after the role check: 400 proves the supervisor got through.
    expect: { ...staffAction(403), supervisor: 400 },
  },
  {
    name: 'POST payments (fee not active: 409)',
    method: 'post',
    path: (id) => `/requests/${id}/payments`,
    body: { stepId: 'fee', reference: 'PAY-1' },
    expect: staffAction(409),
  },
  {
    name: 'POST inspections (inspection not active: 409)',
    method: 'post',
    path: (id) => `/requests/${id}/inspections`,
    body: { stepId: 'inspection', passed: true },
    expect: staffAction(409),
  },
  {
    name: 'POST document-verifications (no notice open: 409)',
    method: 'post',
    path: (id) => `/requests/${id}/document-verifications`,
    body: { itemId: 'site-plan' },
    expect: staffAction(409),
  },
  {
    name: 'POST /work-queue/decisions (each item refused inside a 200)',
    method: 'post',
    path: () => '/work-queue/decisions',
    body: {
      outcome: 'no-such-outcome',
      items: [{ requestId: '00000000-0000-4000-8000-000000000000', stepId: 'intake' }],
    },
    expect: staffAction(200, 200),
  },
];

const CALLERS = Object.keys({ ...USERS, anonymous: true }) as Who[];

describe('authorization: every role against every route', () => {
  let api: TestApi;
  let driver: ApiDriver;
  let id: string;

  beforeAll(async () => {
    api = await startTestApi();
    driver = new ApiDriver(api);
    id = await driver.submitPermit('acme-battery');
  });
  afterAll(() => api?.close());

  const cells = ROUTES.flatMap((route) => CALLERS.map((who) => [route.name, who, route] as const));

  it.each(cells)('%s as %s', async (_name, who, route) => {
    const headers: Record<string, string> = who === 'anonymous' ? {} : await driver.auth(USERS[who]);
    let req = route.method === 'get' ? api.http.get(route.path(id)) : api.http.post(route.path(id));
    req = req.set(headers);
    const res = await (route.body === undefined ? req : req.send(route.body));
    expect({ status: res.status, code: (res.body as { code?: string }).code }).toEqual(
      expect.objectContaining({ status: route.expect[who] }),
    );
    if (res.status >= 400) {
      expect(res.body).toEqual(
        expect.objectContaining({ code: expect.any(String), correlationId: expect.any(String) }),
      );
    }
  });

  it("lists only the applicant's own requests to an applicant, a department's to its clerks, and all to auditors", async () => {
    const mine = (await driver.get('volta-grid', '/requests')).body as { items: Array<{ applicantId: string }> };
    expect(mine.items.every((r) => r.applicantId === 'volta-grid')).toBe(true);
    const ids = async (user: string) =>
      ((await driver.get(user, '/requests?pageSize=100')).body as { items: Array<{ id: string }> }).items.map(
        (r) => r.id,
      );
    expect(await ids('clerk-building')).toContain(id);
    expect(await ids('clerk-fire')).not.toContain(id);
    const all = (await driver.get('auditor', '/requests?applicantId=acme-battery')).body as {
      items: Array<{ id: string }>;
    };
    expect(all.items.map((r) => r.id)).toContain(id);
  });

  it('records denials in the access log', async () => {
    const res = await driver.decide('clerk-fire', id, 'intake', { outcome: 'complete' });
    expect(res.status).toBe(403);
    const correlationId = String(res.headers['x-correlation-id']);
    const rows = await waitForAccessLog(api, correlationId);
    expect(rows[0]).toMatchObject({
      kind: 'authorization',
      actor_id: 'clerk-fire',
      request_id: id,
      action: 'decision',
    });
  });

  it('opens the event stream only to those who may read the request', async () => {
    const expected: Array<[string, number]> = [
      ['acme-battery', 200],
      ['volta-grid', 404],
      ['clerk-building', 200],
      ['clerk-fire', 403],
      ['auditor', 200],
      ['admin', 403],
    ];
    for (const [user, status] of expected) {
      const reader = await SseReader.open(api, `/requests/${id}/events`, await api.login(user));
      reader.close();
      expect([user, reader.status]).toEqual([user, status]);
    }
  });

  it('lets the owner withdraw the request', async () => {
    const res = await driver.post('acme-battery', `/requests/${id}/withdraw`, { reason: 'Project postponed' });
    expect(res.status).toBe(200);
    expect((res.body as { status: string }).status).toBe('withdrawn');
  });
});

async function waitForAccessLog(api: TestApi, correlationId: string): Promise<Array<Record<string, unknown>>> {
  const deadline = Date.now() + 5000;
  for (;;) {
    const rows = await api.env.db.query<Array<Record<string, unknown>>>(
      'SELECT * FROM access_log WHERE correlation_id = $1',
      [correlationId],
    );
    if (rows.length > 0 || Date.now() > deadline) return rows;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
