import { approvalWorkflowId } from '@onewindow/contracts';
import { ApiDriver, DetailView } from '../support/api-driver';
import { startTestApi, TestApi } from '../support/test-api';
import { eventually } from '../support/test-env';

interface ErrorBody {
  code: string;
  message: string;
  details?: { current?: { status: string; currentSteps: Array<{ stepId: string }> } };
}

describe('Idempotency-Key on POST', () => {
  let api: TestApi;
  let driver: ApiDriver;
  beforeAll(async () => {
    api = await startTestApi();
    driver = new ApiDriver(api);
  });
  afterAll(() => api?.close());

  const key = () => `key-${Math.random().toString(36).slice(2)}`;
  const submitBody = { definitionKey: 'building-permit', title: 'Idempotent hall', attributes: { floorAreaM2: 900 } };
  const requestsCount = async (applicant: string) =>
    Number(
      (
        await api.env.db.query<Array<{ n: string }>>('SELECT count(*) AS n FROM requests WHERE applicant_id = $1', [
          applicant,
        ])
      )[0].n,
    );

  it('replays a submit: same status and body, one request, one workflow', async () => {
    const k = key();
    const before = await requestsCount('volta-grid');
    const first = await driver.post('volta-grid', '/requests', submitBody, { 'idempotency-key': k });
    const second = await driver.post('volta-grid', '/requests', submitBody, { 'idempotency-key': k });
    expect(first.status).toBe(202);
    expect(second.status).toBe(202);
    expect(second.body).toEqual(first.body);
    expect(second.headers['idempotent-replayed']).toBe('true');
    expect(await requestsCount('volta-grid')).toBe(before + 1);
    const id = (first.body as { id: string }).id;
    // Visibility is eventually consistent: wait until the run shows, then count.
    const runs = await eventually(async () => {
      let n = 0;
      for await (const execution of api.env.client.workflow.list({
        query: `WorkflowId = '${approvalWorkflowId(id)}'`,
      })) {
        if (execution.workflowId === approvalWorkflowId(id)) n += 1;
      }
      return n > 0 ? n : undefined;
    }, 'the workflow in visibility');
    expect(runs).toBe(1);
  });

  it('derives the request id from caller and key, so a lost answer never starts a second workflow', async () => {
    const k = key();
    const first = await driver.post('volta-grid', '/requests', submitBody, { 'idempotency-key': k });
    // The stored answer is gone (as if the process died after starting the workflow): the retry runs again.
    await api.env.db.query('DELETE FROM idempotency_keys WHERE actor_id = $1 AND key = $2', ['volta-grid', k]);
    const before = await requestsCount('volta-grid');
    const retry = await driver.post('volta-grid', '/requests', submitBody, { 'idempotency-key': k });
    expect(retry.status).toBe(202);
    expect((retry.body as { id: string }).id).toBe((first.body as { id: string }).id);
    expect(await requestsCount('volta-grid')).toBe(before);
  });

  it('refuses the same key with a different body (422) and keeps keys apart per caller', async () => {
    const k = key();
    await driver
      .post('volta-grid', '/requests', submitBody, { 'idempotency-key': k })
      .then((r) => expect(r.status).toBe(202));
    const other = await driver.post(
      'volta-grid',
      '/requests',
      { ...submitBody, title: 'Another hall' },
      { 'idempotency-key': k },
    );
    expect(other.status).toBe(422);
    expect(other.body).toMatchObject({ code: 'UNPROCESSABLE', correlationId: expect.any(String) });
    const anotherCaller = await driver.post('acme-battery', '/requests', submitBody, { 'idempotency-key': k });
    expect(anotherCaller.status).toBe(202);
    expect(anotherCaller.headers['idempotent-replayed']).toBeUndefined();
  });

  it('answers 409 to a retry while the first call is in flight, then replays the decision as the Update it ran', async () => {
    const id = await driver.submitPermit('acme-battery');
    const k = key();
    const body = { outcome: 'complete', reason: 'All documents present' };
    const [a, b] = await Promise.all([
      driver.decide('clerk-building', id, 'intake', body, { 'idempotency-key': k }),
      driver.decide('clerk-building', id, 'intake', body, { 'idempotency-key': k }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const conflict = a.status === 409 ? a : b;
    expect(conflict.body).toMatchObject({ code: 'CONFLICT', message: expect.stringMatching(/in progress/) });

    const transitions = await driver.transitionCount(id);
    const replay = await driver.decide('clerk-building', id, 'intake', body, { 'idempotency-key': k });
    expect(replay.status).toBe(200);
    expect(replay.headers['idempotent-replayed']).toBe('true');
    expect((replay.body as DetailView).timeline.length).toBe((a.status === 200 ? a : b).body.timeline.length);
    expect(await driver.transitionCount(id)).toBe(transitions);
    // The key, scoped to the caller, is the Temporal Update id.
    const update = api.env.client.workflow.getHandle(approvalWorkflowId(id)).getUpdateHandle(`clerk-building:${k}`);
    const decided = (a.status === 200 ? a : b).body as DetailView;
    await expect(update.result()).resolves.toMatchObject({ seq: decided.timeline.length, status: 'in_progress' });
  });

  it('gives a retry whose first answer was lost the first answer, though the read model has moved on', async () => {
    const id = await driver.submitPermit('acme-battery');
    const k = key();
    const body = { outcome: 'complete' };
    const first = await driver.decide('clerk-building', id, 'intake', body, { 'idempotency-key': k });
    expect(first.status).toBe(200);
    // The process that ran it died before storing the answer: its claim is left in flight, its lease run out.
    await api.env.db.query(
      `UPDATE idempotency_keys SET status = 'in_flight', response_status = NULL, response_body = NULL,
         lease_until = now() - interval '1 second' WHERE actor_id = $1 AND key = $2`,
      ['clerk-building', k],
    );
    const transitions = await driver.transitionCount(id);

    const retry = await driver.decide('clerk-building', id, 'intake', body, { 'idempotency-key': k });

    expect(retry.status).toBe(200);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect((retry.body as DetailView).currentSteps.map((s) => s.stepId)).not.toContain('intake');
    expect(await driver.transitionCount(id)).toBe(transitions);
    // Another key for the same action is still refused: the step is no longer active.
    const other = await driver.decide('clerk-building', id, 'intake', body, { 'idempotency-key': key() });
    expect(other.status).toBe(409);
    expect(other.body).toMatchObject({ code: 'ACTION_REJECTED' });
  });

  it('gives a retried payment whose first answer was lost the first answer, and records the payment once', async () => {
    const id = await driver.submitPermit('acme-battery');
    await driver.toPlanReview(id);
    for (const department of ['building', 'fire', 'environment']) {
      const reviewed = await driver.decide(`clerk-${department}`, id, `${department}-review`, { outcome: 'approved' });
      expect(reviewed.status).toBe(200);
    }
    expect((await driver.decide('supervisor', id, 'decision', { outcome: 'approved' })).status).toBe(200);
    await driver.waitForStep(id, 'fee');
    const k = key();
    const payment = { stepId: 'fee', reference: 'PAY-LOST', amount: 1250 };
    const first = await driver.post('clerk-finance', `/requests/${id}/payments`, payment, { 'idempotency-key': k });
    expect(first.status).toBe(202);
    // The process that ran it died before storing the answer: its claim is left in flight, its lease run out.
    await api.env.db.query(
      `UPDATE idempotency_keys SET status = 'in_flight', response_status = NULL, response_body = NULL,
         lease_until = now() - interval '1 second' WHERE actor_id = $1 AND key = $2`,
      ['clerk-finance', k],
    );

    const retry = await driver.post('clerk-finance', `/requests/${id}/payments`, payment, { 'idempotency-key': k });

    expect(retry.status).toBe(202);
    expect(retry.body).toEqual(first.body);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    const timeline = (await driver.detail(id)).timeline;
    expect(timeline.filter((t) => t.stepId === 'fee' && t.outcome !== null && t.outcome !== undefined)).toHaveLength(1);
    // Another key for the same payment is refused: the fee is paid.
    const other = await driver.post('clerk-finance', `/requests/${id}/payments`, payment, { 'idempotency-key': key() });
    expect(other.status).toBe(409);
    expect(other.body).toMatchObject({ code: 'ACTION_REJECTED' });
  });

  it('replays a refusal the call decided, but gives the key back after a validation error', async () => {
    const id = await driver.submitPermit('acme-battery');
    const refusedKey = key();
    const refused = await driver.decide(
      'supervisor',
      id,
      'decision',
      { outcome: 'approved' },
      { 'idempotency-key': refusedKey },
    );
    expect(refused.status).toBe(409);
    const again = await driver.decide(
      'supervisor',
      id,
      'decision',
      { outcome: 'approved' },
      { 'idempotency-key': refusedKey },
    );
    expect(again.status).toBe(409);
    expect({ ...again.body, correlationId: 'x' }).toEqual({ ...refused.body, correlationId: 'x' });

    const fixKey = key();
    const invalid = await driver.decide(
      'clerk-building',
      id,
      'intake',
      { outcome: 'Complete!' },
      { 'idempotency-key': fixKey },
    );
    expect(invalid.status).toBe(400);
    const fixed = await driver.decide(
      'clerk-building',
      id,
      'intake',
      { outcome: 'complete' },
      { 'idempotency-key': fixKey },
    );
    expect(fixed.status).toBe(200);
  });

  it('refuses a malformed key', async () => {
    const res = await driver.post('volta-grid', '/requests', submitBody, { 'idempotency-key': 'bad key with spaces' });
    expect(res.status).toBe(400);
  });
});

describe('two clerks deciding the same step at once', () => {
  let api: TestApi;
  let driver: ApiDriver;
  beforeAll(async () => {
    api = await startTestApi();
    driver = new ApiDriver(api);
  });
  afterAll(() => api?.close());

  it('lets exactly one win; the other gets 409 with the current state; one transition is recorded', async () => {
    const id = await driver.submitPermit('acme-battery');
    // Both tokens first, so the two decisions leave together.
    await Promise.all([api.login('clerk-building'), api.login('clerk-building-2')]);
    const [a, b] = await Promise.all([
      driver.decide('clerk-building', id, 'intake', { outcome: 'complete', reason: 'first' }),
      driver.decide('clerk-building-2', id, 'intake', { outcome: 'complete', reason: 'second' }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const loser = (a.status === 409 ? a : b).body as ErrorBody;
    expect(loser.code).toBe('ACTION_REJECTED');
    expect(loser.details?.current?.status).toBe('in_progress');
    expect(loser.details?.current?.currentSteps.map((s) => s.stepId)).toEqual(
      expect.arrayContaining(['building-review', 'fire-review', 'environment-review']),
    );
    expect(loser.details?.current?.currentSteps.map((s) => s.stepId)).not.toContain('intake');
    const loserCorrelation = String((a.status === 409 ? a : b).headers['x-correlation-id']);
    const logged = await eventually(async () => {
      const rows = await api.env.db.query<Array<{ kind: string; action: string; request_id: string }>>(
        'SELECT kind, action, request_id FROM access_log WHERE correlation_id = $1',
        [loserCorrelation],
      );
      return rows.length > 0 ? rows : undefined;
    }, 'the access log entry of the refused decision');
    expect(logged).toEqual([{ kind: 'rejected-action', action: 'decision', request_id: id }]);

    const timeline = (await driver.detail(id)).timeline;
    expect(timeline.filter((t) => t.stepId === 'intake' && t.outcome === 'complete')).toHaveLength(1);
    const rows = await api.env.db.query<Array<{ n: string }>>(
      `SELECT count(*) AS n FROM transitions WHERE request_id = $1 AND step_id = 'intake' AND outcome IS NOT NULL`,
      [id],
    );
    expect(Number(rows[0].n)).toBe(1);
  });

  it('holds over many rounds of the same race', async () => {
    const ids = await Promise.all([1, 2, 3].map(() => driver.submitPermit('acme-battery')));
    for (const id of ids) {
      const results = await Promise.all(
        ['clerk-building', 'clerk-building-2', 'supervisor'].map((user) =>
          driver.decide(user, id, 'intake', { outcome: 'complete' }),
        ),
      );
      expect(results.map((r) => r.status).sort()).toEqual([200, 409, 409]);
      const timeline = (await driver.detail(id)).timeline;
      expect(timeline.filter((t) => t.stepId === 'intake' && t.outcome === 'complete')).toHaveLength(1);
    }
  });
});
