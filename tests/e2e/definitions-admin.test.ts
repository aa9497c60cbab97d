import { startTestApi, TestApi } from '../support/test-api';
import streetWorks from '../../definitions/street-works-permit.definition.json';

interface Graph {
  steps: Array<{ id: string; kind: string; groupId: string | null; members?: string[]; onTimeout: unknown }>;
  edges: Array<{ from: string; to: string; label: string; fork: boolean }>;
  outcomes: string[];
}

describe('administrator: definitions drawn as flow diagrams, publishing with located faults', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(() => api?.close());

  const as = async (user: string) => ({ authorization: `Bearer ${await api.login(user)}` });

  it('gives a version as a flow diagram: joint review with its members, timers, routes, outcomes', async () => {
    const res = await api.http
      .get('/definitions/building-permit/versions/1/graph')
      .set(await as('admin'))
      .expect(200);
    const graph = res.body as Graph;
    expect(graph.steps.find((s) => s.id === 'plan-review')).toMatchObject({
      kind: 'parallel',
      members: ['building-review', 'fire-review', 'environment-review', 'transport-review'],
    });
    expect(graph.steps.find((s) => s.id === 'fire-review')).toMatchObject({ groupId: 'plan-review' });
    expect(graph.steps.find((s) => s.id === 'decision')?.onTimeout).toMatchObject({ action: 'deemed' });
    expect(graph.edges).toContainEqual({ from: 'plan-review', to: 'corrections', label: 'corrections', fork: false });
    expect(graph.outcomes).toEqual(expect.arrayContaining(['approved', 'refused']));
  });

  it('answers 401 without a token, 404 for an unknown definition or version, 400 for a version not a number', async () => {
    const auth = await as('admin');
    expect((await api.http.get('/definitions/no-such/versions/1/graph').set(auth)).status).toBe(404);
    expect((await api.http.get('/definitions/building-permit/versions/99/graph').set(auth)).status).toBe(404);
    expect((await api.http.get('/definitions/building-permit/versions/1/graph')).status).toBe(401);
    const bad = await api.http.get('/definitions/building-permit/versions/one/graph').set(auth);
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ code: expect.any(String), correlationId: expect.any(String) });
  });

  it('names the place of every fault of a definition it refuses to publish, and publishes nothing', async () => {
    const broken = {
      ...streetWorks,
      version: 9,
      steps: streetWorks.steps.map((s, i) =>
        i === 0 ? { ...s, next: { complete: 'cordination' }, duraton: s.duration } : s,
      ),
    };
    const refused = await api.http
      .post('/definitions')
      .set(await as('admin'))
      .send({ definition: broken });

    expect(refused.status).toBe(422);
    const faults = (refused.body as { details: { faults: Array<{ path: string; message: string }> } }).details.faults;
    expect(faults).toEqual(
      expect.arrayContaining([
        { path: 'steps[0].duraton', message: 'unknown property' },
        {
          path: 'steps[0].next.complete',
          message: "unknown step 'cordination' (did you mean 'coordination'?)",
        },
      ]),
    );
    const versions = await api.http
      .get('/definitions/street-works-permit/versions')
      .set(await as('admin'))
      .expect(200);
    expect((versions.body as Array<{ version: number }>).map((d) => d.version)).not.toContain(9);
  });

  it('describes the new routes with typed answers in the OpenAPI document the web client is generated from', async () => {
    const doc = (await api.http.get('/api/docs-json').expect(200)).body as {
      paths: Record<string, Record<string, { responses: Record<string, { content?: unknown }> }>>;
    };
    for (const path of [
      '/definitions/{key}/versions/{version}/graph',
      '/supervision/time-use',
      '/supervision/breaches',
      '/audit/requests/{id}/view',
      '/audit/requests',
      '/audit/checkpoints',
    ]) {
      expect({ path, typed: Boolean(doc.paths[path]?.get?.responses['200']?.content) }).toEqual({ path, typed: true });
    }
  });
});
