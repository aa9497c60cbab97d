import type { ActorRole } from '@onewindow/domain';
import { PERSON_ROLES } from '../../apps/api/src/core/auth/claim-mapping';
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
  'GET /verifications/{code}',
  'POST /auth/login',
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
