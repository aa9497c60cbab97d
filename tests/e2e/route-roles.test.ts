import type { ActorRole } from '@onewindow/domain';
import { PERSON_ROLES } from '../../apps/api/src/core/auth/claim-mapping';
import { ApiDriver } from '../support/api-driver';
import { callRoute, RouteCase, routeTable } from '../support/route-table';
import { startTestApi, TestApi } from '../support/test-api';

/** A seeded user for each role a person may hold. */
const USER_OF: Record<string, string> = {
  applicant: 'acme-battery',
  clerk: 'clerk-building',
  supervisor: 'supervisor',
  auditor: 'auditor',
  administrator: 'admin',
};

/** Routes anyone may call without a token; adding one is a decision, so this list is exact. */
// Sign-in needs no token; neither do the probes an orchestrator sends, nor Prometheus (which has its own token).
const PUBLIC_ROUTES = [
  'GET /auth/config',
  'GET /auth/demo-users',
  'GET /health',
  'GET /health/live',
  'GET /health/ready',
  'GET /metrics',
  'GET /public/applications',
  'GET /public/applications/{reference}',
  'GET /public/applications/{reference}/comments',
  'GET /public/consultations/{token}',
  'GET /public/performance',
  'GET /verifications/{code}',
  'POST /auth/login',
  'POST /public/applications/{reference}/comments',
  'POST /public/comments/confirmation',
  'POST /public/consultations/{token}/response',
];

describe('every route of the OpenAPI document names its roles and refuses the others', () => {
  let api: TestApi;
  let routes: RouteCase[];
  const tokens = new Map<ActorRole, string>();

  beforeAll(async () => {
    api = await startTestApi();
    routes = await routeTable(api);
    for (const role of PERSON_ROLES) tokens.set(role, await api.login(USER_OF[role]));
  });
  afterAll(() => api?.close());

  it('finds the whole API in the document', () => {
    expect(routes.length).toBeGreaterThan(35);
    expect(routes.map((r) => r.name)).toEqual(
      expect.arrayContaining(['POST /requests/{id}/steps/{stepId}/decision', 'GET /audit/access-log', 'GET /auth/me']),
    );
  });

  it('has a role list on the handler of every route that is not deliberately public', () => {
    const unlisted = routes.filter((r) => r.roles === undefined || (r.roles !== 'public' && r.roles.length === 0));
    expect(unlisted.map((r) => r.name)).toEqual([]);
    expect(
      routes
        .filter((r) => r.roles === 'public')
        .map((r) => r.name)
        .sort(),
    ).toEqual(PUBLIC_ROUTES);
  });

  it('refuses every role not on the list with 403, lets the listed ones past the guard, and wants a token', async () => {
    const wrong: string[] = [];
    for (const route of routes) {
      if (route.roles === 'public') continue;
      // A handler without a list must refuse everyone (the guard fails closed).
      const listed = route.roles ?? [];
      const anonymous = await callRoute(api, route, undefined);
      if (anonymous.status !== 401) wrong.push(`${route.name} anonymous: ${anonymous.status}`);
      for (const role of PERSON_ROLES) {
        const { status, code } = await callRoute(api, route, tokens.get(role));
        const allowed = listed.includes(role);
        // Listed roles get past authorization: the answer is about the (unknown) resource or the body.
        if (allowed && (status === 401 || status === 403 || status >= 500))
          wrong.push(`${route.name} ${role}: ${status}`);
        if (!allowed && (status !== 403 || code !== 'FORBIDDEN')) wrong.push(`${route.name} ${role}: ${status}`);
      }
    }
    expect(wrong).toEqual([]);
    // Some 250 calls, on a machine shared with the rest of the suite.
  }, 180_000);

  it('applies one need-to-know rule on every case route: the other applicant 404, a clerk whose department had no step 403', async () => {
    const driver = new ApiDriver(api);
    const id = await driver.submitPermit('acme-battery');
    const caseRoutes = routes.filter((r) => r.name.startsWith('/requests/{id}', r.name.indexOf(' ') + 1));
    expect(caseRoutes.length).toBeGreaterThan(20);
    const onCase = (route: RouteCase) => ({
      ...route,
      path: route.path.replace(/\/requests\/[^/?]+/, `/requests/${id}`),
    });
    const wrong: string[] = [];
    const [planning, fire, volta] = await Promise.all(
      ['clerk-planning', 'clerk-fire', 'volta-grid'].map((u) => api.login(u)),
    );
    for (const route of caseRoutes.map(onCase)) {
      const listed = route.roles === 'public' ? [] : (route.roles ?? []);
      // Planning has no step on a building permit; fire has none yet while the intake is open.
      for (const [who, token] of [
        ['clerk-planning', planning],
        ['clerk-fire', fire],
      ] as const) {
        const { status, code } = await callRoute(api, route, token);
        if (listed.includes('clerk') && (status !== 403 || code !== 'FORBIDDEN'))
          wrong.push(`${route.name} ${who}: ${status}`);
      }
      const { status, code } = await callRoute(api, route, volta);
      if (listed.includes('applicant') && (status !== 404 || code !== 'NOT_FOUND')) {
        wrong.push(`${route.name} volta-grid: ${status}`);
      }
    }
    expect(wrong).toEqual([]);

    // Nor does the case appear in their lists; the clerk whose department holds the intake reads it.
    const listed = async (user: string) =>
      ((await driver.get(user, '/requests?pageSize=100')).body as { items: Array<{ id: string }> }).items.map(
        (r) => r.id,
      );
    expect(await listed('clerk-planning')).not.toContain(id);
    expect(await listed('clerk-building')).toContain(id);
    for (const path of [`/requests/${id}`, `/requests/${id}/documents`]) {
      expect((await driver.get('clerk-building', path)).status).toBe(200);
    }

    // Once plan review opens the fire department's step, fire reads the case — and keeps reading it after.
    await driver.toPlanReview(id);
    await driver.waitForStep(id, 'fire-review');
    expect((await driver.get('clerk-fire', `/requests/${id}`)).status).toBe(200);
    expect((await driver.get('clerk-planning', `/requests/${id}`)).status).toBe(403);
  }, 180_000);

  it('sends Cache-Control: no-store on every authenticated answer, refusals included', async () => {
    const auditor = { authorization: `Bearer ${tokens.get('auditor')}` };
    for (const path of ['/requests', '/work-queue', '/definitions', '/auth/me', '/audit/access-log']) {
      const res = await api.http.get(path).set(auditor);
      expect([path, res.status, res.headers['cache-control']]).toEqual([path, 200, 'no-store']);
    }
    const refused = await api.http.get('/definitions').set('authorization', 'Bearer not-a-token');
    expect([refused.status, refused.headers['cache-control']]).toEqual([401, 'no-store']);
  });
});
