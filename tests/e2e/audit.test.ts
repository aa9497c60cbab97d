import { randomUUID } from 'node:crypto';
import { ApiDriver } from '../support/api-driver';
import { startTestApi, TestApi } from '../support/test-api';
import { eventually } from '../support/test-env';

const AUDITOR = 'auditor';
const CLERK = 'clerk-fire';

describe('auditor API', () => {
  let api: TestApi;
  let driver: ApiDriver;
  let id: string;

  beforeAll(async () => {
    api = await startTestApi();
    driver = new ApiDriver(api);
    id = await driver.submitPermit();
    await driver.toPlanReview(id);
    await driver.waitForStep(id, 'fire-review');
  });
  afterAll(() => api?.close());

  const get = (path: string, user = AUDITOR) => driver.get(user, path);
  const post = (path: string, body: object = {}, user = AUDITOR) => driver.post(user, path, body);

  it('shows Temporal history merged with the recorded transitions', async () => {
    const res = await get(`/audit/requests/${id}/history`);
    expect(res.status).toBe(200);
    const entries = res.body as Array<{ source: string; seq: number | null; type: string }>;
    expect(entries.filter((e) => e.source === 'log').map((e) => e.seq)).toEqual(expect.arrayContaining([1, 2, 3]));
    expect(entries.some((e) => e.source === 'temporal' && e.type === 'WorkflowExecutionStarted')).toBe(true);

    const full = await get(`/audit/requests/${id}/history?full=true`);
    expect(full.status).toBe(200);
    expect((full.body as unknown[]).length).toBeGreaterThan(entries.length);
  });

  it('replays the case against the current workflow code', async () => {
    const res = await get(`/audit/requests/${id}/replay`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ requestId: id, deterministic: true, runs: [{ deterministic: true }] });
  });

  it('reconstructs the state after a transition and at an instant', async () => {
    // The submission's transitions: submitted, the first step activated, the receipt issued.
    const bySeq = await get(`/audit/requests/${id}/state?seq=3`);
    expect(bySeq.status).toBe(200);
    expect(bySeq.body).toMatchObject({ point: { seq: 3 }, state: { seq: 3 } });
    expect((bySeq.body as { transitions: unknown[] }).transitions).toHaveLength(3);

    const now = await get(`/audit/requests/${id}/state?at=${encodeURIComponent(new Date().toISOString())}`);
    expect(now.status).toBe(200);
    expect(
      (now.body as { state: { activeSteps: { stepId: string }[] } }).state.activeSteps.map((s) => s.stepId),
    ).toContain('fire-review');
  });

  it('verifies the case against history, the reducer and the workflow', async () => {
    const res = await get(`/audit/requests/${id}/verify`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ requestId: id, ok: true, issues: [] });
  });

  it('verifies every case in a range and summarises the result', async () => {
    const from = new Date(Date.now() - 3_600_000).toISOString();
    const res = await post('/audit/verify', { from });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      range: { from, to: null },
      cases: expect.any(Number),
      clean: expect.any(Number),
      failed: expect.any(Number),
      issuesByKind: expect.any(Object),
    });
    expect((res.body as { cases: number }).cases).toBeGreaterThanOrEqual(1);
    const future = await post('/audit/verify', { from: '2999-01-01T00:00:00Z' });
    expect(future.body).toMatchObject({ cases: 0, clean: 0, failed: 0 });
  });

  it('exports the case with a manifest whose hashes match the files', async () => {
    const res = await get(`/audit/requests/${id}/export?format=jsonl`);
    expect(res.status).toBe(200);
    const { manifest, files } = res.body as {
      manifest: { cases: { requestId: string; transitions: number }[]; files: { jsonl: { name: string } } };
      files: Record<string, string>;
    };
    expect(manifest.cases).toEqual([expect.objectContaining({ requestId: id, issues: [] })]);
    // The receipt the case issued on submission, with the hash of each language's PDF.
    expect(manifest.cases[0]).toMatchObject({
      issuedDocuments: [
        {
          kind: 'receipt',
          number: expect.stringMatching(/^US-CA-\d{4}-\d{6}$/),
          status: 'valid',
          renditions: [
            { language: 'en', sha256: expect.stringMatching(/^[0-9a-f]{64}$/) },
            { language: 'zh-CN', sha256: expect.stringMatching(/^[0-9a-f]{64}$/) },
          ],
        },
      ],
    });
    expect(Object.keys(files)).toEqual([manifest.files.jsonl.name]);
    const lines = files[manifest.files.jsonl.name].trim().split('\n');
    expect(lines).toHaveLength(manifest.cases[0].transitions);

    const both = await get(`/audit/requests/${id}/export`);
    const names = Object.keys((both.body as { files: object }).files);
    expect(names.map((f) => f.split('.').pop()).sort()).toEqual(['csv', 'jsonl']);
  });

  it('creates signed checkpoints and verifies the chain against anchors kept elsewhere', async () => {
    const created = await post('/audit/checkpoints');
    expect(created.status).toBe(201);
    const { hash, signature } = created.body as { hash: string; signature: string };
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(signature).toMatch(/^[0-9a-f]{64}$/);

    const kept = await get(`/audit/checkpoints/verify?anchors=${hash}`);
    expect(kept.status).toBe(200);
    const verification = kept.body as { checkpoints: number; issues: { kind: string }[] };
    expect(verification.checkpoints).toBeGreaterThanOrEqual(1);
    expect(verification.issues.map((i) => i.kind)).not.toContain('checkpoint-missing');

    const gone = await get(`/audit/checkpoints/verify?anchors=${'0'.repeat(64)}`);
    expect((gone.body as { issues: { kind: string }[] }).issues.map((i) => i.kind)).toContain('checkpoint-missing');
  });

  it('lists refused actions, including a clerk trying the audit routes', async () => {
    expect((await get(`/audit/requests/${id}/history`, CLERK)).status).toBe(403);
    // The denial is written after the 403 is sent.
    const denials = await eventually(async () => {
      const res = await get(`/audit/access-log?actorId=${CLERK}&limit=1000`);
      expect(res.status).toBe(200);
      const rows = res.body as { route: string }[];
      return rows.some((r) => r.route.includes('/audit/')) ? rows : undefined;
    }, 'the denial to reach the access log');
    expect(denials).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'authorization', actorId: CLERK, route: expect.stringContaining('/audit/') }),
      ]),
    );
  });

  it.each([
    ['GET', `/audit/requests/:id/history`],
    ['GET', `/audit/requests/:id/replay`],
    ['GET', `/audit/requests/:id/state?seq=1`],
    ['GET', `/audit/requests/:id/verify`],
    ['GET', `/audit/requests/:id/export`],
    ['POST', '/audit/verify'],
    ['GET', '/audit/checkpoints/verify'],
    ['POST', '/audit/checkpoints'],
    ['GET', '/audit/access-log'],
  ])('refuses %s %s to a clerk', async (method, path) => {
    const url = path.replace(':id', id);
    const res = method === 'GET' ? await get(url, CLERK) : await post(url, {}, CLERK);
    expect(res.status).toBe(403);
    expect(res.body).toMatchObject({ code: 'FORBIDDEN', correlationId: expect.any(String) });
  });

  it.each([
    ['a request id that is not a UUID', () => '/audit/requests/not-a-uuid/history'],
    ['neither at nor seq', () => `/audit/requests/${id}/state`],
    ['both at and seq', () => `/audit/requests/${id}/state?seq=1&at=2026-01-01T00:00:00Z`],
    ['a seq that is not a number', () => `/audit/requests/${id}/state?seq=abc`],
    ['a negative seq', () => `/audit/requests/${id}/state?seq=-1`],
    ['an instant that is not a date', () => `/audit/requests/${id}/state?at=yesterday`],
    ['an unknown export format', () => `/audit/requests/${id}/export?format=xml`],
    ['a malformed anchor', () => '/audit/checkpoints/verify?anchors=abc'],
    ['a limit of zero', () => '/audit/access-log?limit=0'],
    ['an unknown query parameter', () => '/audit/access-log?sort=desc'],
    ['a range that ends before it starts', () => '/audit/access-log?from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z'],
  ])('answers 400 to %s', async (_, path) => {
    const res = await get(path());
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: 'VALIDATION_FAILED', correlationId: expect.any(String) });
  });

  it('answers 400 to a verify range that is not made of dates', async () => {
    expect((await post('/audit/verify', { from: 'last week' })).status).toBe(400);
    expect((await post('/audit/verify', { from: '2026-02-01T00:00:00Z', to: '2026-01-01T00:00:00Z' })).status).toBe(
      400,
    );
  });

  it('answers 404 for a request that does not exist', async () => {
    const unknown = randomUUID();
    for (const route of ['history', 'state?seq=1', 'verify', 'export', 'replay']) {
      const res = await get(`/audit/requests/${unknown}/${route}`);
      expect({ route, status: res.status }).toEqual({ route, status: 404 });
    }
  });
});
