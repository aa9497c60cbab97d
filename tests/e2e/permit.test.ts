import { eventually } from '../support/test-env';
import { startTestApi, TestApi } from '../support/test-api';

interface Detail {
  id: string;
  status: string;
  currentSteps: Array<{ stepId: string; department: string; dueAt: string | null }>;
  timeline: Array<{ seq: number; event: string; stepId: string | null; actor: { id: string }; outcome: string | null }>;
}

describe('a building permit over HTTP', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(() => api?.close());

  const as = async (user: string) => ({ authorization: `Bearer ${await api.login(user)}` });
  const detail = async (id: string, user = 'acme-battery') =>
    (
      await api.http
        .get(`/requests/${id}`)
        .set(await as(user))
        .expect(200)
    ).body as Detail;
  const decide = async (id: string, stepId: string, user: string, body: object) =>
    api.http
      .post(`/requests/${id}/steps/${stepId}/decision`)
      .set(await as(user))
      .send(body);

  it('is submitted by the applicant, decided by clerks and shows its status and timeline', async () => {
    const submitted = await api.http
      .post('/requests')
      .set(await as('acme-battery'))
      .send({ definitionKey: 'building-permit', title: 'Battery plant, hall A', attributes: { floorAreaM2: 1200 } })
      .expect(202);
    const id = (submitted.body as { id: string }).id;

    const atIntake = await eventually(async () => {
      const d = await detail(id);
      return d.currentSteps.some((s) => s.stepId === 'intake') ? d : undefined;
    }, 'the intake step');
    expect(atIntake.status).toBe('in_progress');
    expect(atIntake.currentSteps[0].dueAt).toEqual(expect.any(String));

    // Another applicant cannot see it; a clerk of another department cannot decide it.
    await api.http
      .get(`/requests/${id}`)
      .set(await as('volta-grid'))
      .expect(404);
    const wrongDepartment = await decide(id, 'intake', 'clerk-fire', { outcome: 'complete' });
    expect(wrongDepartment.status).toBe(403);
    expect(wrongDepartment.body).toMatchObject({ code: 'FORBIDDEN', correlationId: expect.any(String) });

    // A step that is not active is refused with a reason.
    const notActive = await decide(id, 'decision', 'supervisor', { outcome: 'approved' });
    expect(notActive.status).toBe(409);
    expect(notActive.body).toMatchObject({ code: 'ACTION_REJECTED', message: expect.stringMatching(/not active/) });

    const afterIntake = await decide(id, 'intake', 'clerk-building', { outcome: 'complete' });
    expect(afterIntake.status).toBe(200);
    expect((afterIntake.body as Detail).currentSteps.map((s) => s.stepId)).toEqual(
      expect.arrayContaining(['building-review', 'fire-review', 'environment-review']),
    );
    for (const department of ['building', 'fire', 'environment']) {
      await decide(id, `${department}-review`, `clerk-${department}`, { outcome: 'approved' }).then((r) =>
        expect(r.status).toBe(200),
      );
    }
    await decide(id, 'decision', 'supervisor', {
      outcome: 'approved',
      reason: 'Meets the code',
      conditions: [{ text: 'Sprinklers before occupation', reason: 'Fire load of the battery store' }],
    }).then((r) => expect(r.status).toBe(200));
    await api.http
      .post(`/requests/${id}/payments`)
      .set(await as('clerk-finance'))
      .send({ stepId: 'fee', reference: 'PAY-1', amount: 1250 })
      .expect(202);
    await eventually(
      async () => ((await detail(id)).currentSteps.some((s) => s.stepId === 'issuance') ? true : undefined),
      'issuance',
    );
    const issued = await decide(id, 'issuance', 'clerk-building', { outcome: 'issued' });
    expect(issued.status).toBe(200);

    const final = await detail(id);
    expect(final.status).toBe('approved');
    expect(final.currentSteps).toEqual([]);
    expect(final.timeline.map((t) => t.seq)).toEqual(final.timeline.map((_, i) => i + 1));
    expect(final.timeline).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          stepId: 'intake',
          outcome: 'complete',
          actor: expect.objectContaining({ id: 'clerk-building' }),
        }),
        expect.objectContaining({ stepId: 'decision', outcome: 'approved' }),
      ]),
    );
  });

  it('loops back through corrections that the applicant completes itself', async () => {
    const submitted = await api.http
      .post('/requests')
      .set(await as('acme-battery'))
      .send({ definitionKey: 'building-permit', title: 'Warehouse', attributes: { floorAreaM2: 800 } })
      .expect(202);
    const id = (submitted.body as { id: string }).id;
    await decide(id, 'intake', 'clerk-building', { outcome: 'complete' }).then((r) => expect(r.status).toBe(200));
    await decide(id, 'fire-review', 'clerk-fire', { outcome: 'corrections', reason: 'Second escape stair' });
    await decide(id, 'building-review', 'clerk-building', { outcome: 'approved' });
    const atCorrections = await decide(id, 'environment-review', 'clerk-environment', { outcome: 'approved' });
    expect((atCorrections.body as Detail).currentSteps.map((s) => s.stepId)).toEqual(['corrections']);

    const resubmitted = await api.http
      .post(`/requests/${id}/steps/corrections/completion`)
      .set(await as('acme-battery'))
      .send({ outcome: 'resubmitted', reason: 'Drawings set B with the second stair' })
      .expect(200);
    expect((resubmitted.body as Detail).currentSteps.map((s) => s.stepId)).toEqual(
      expect.arrayContaining(['building-review', 'fire-review', 'environment-review']),
    );
  });
});
