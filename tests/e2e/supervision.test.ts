import { builtInCalendar, workingDaysBetween } from '@onewindow/domain';
import { SupervisionRepository } from '@onewindow/persistence';
import { randomUUID } from 'node:crypto';
import { startTestApi, TestApi } from '../support/test-api';
import { eventually } from '../support/test-env';

interface Breach {
  requestId: string;
  stepId: string;
  department: string;
  overdue: boolean;
  escalated: boolean;
}
interface StepTimeUse {
  department: string;
  stepId: string;
  open: number;
  overdue: number;
  completed: number;
  medianWorkingDays: number | null;
  p90WorkingDays: number | null;
}

/** One review step of the fire department that escalates to a supervisor two seconds after it opens. */
const quickReview = {
  key: 'quick-fire-check',
  version: 1,
  title: { en: 'Quick fire check', 'zh-CN': '消防快速检查' },
  requestType: 'permit',
  jurisdiction: 'cn',
  start: 'fire-check',
  steps: [
    {
      id: 'fire-check',
      kind: 'task',
      title: { en: 'Fire check', 'zh-CN': '消防检查' },
      owner: { department: 'fire', role: 'clerk' },
      duration: { value: 2, unit: 'seconds' },
      next: { approved: { status: 'approved' } },
    },
  ],
};

describe('supervision: breaches, escalations and department time use', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
    await api.http
      .post('/definitions')
      .set(await as('admin'))
      .send({ definition: quickReview })
      .expect(201);
  });
  afterAll(() => api?.close());

  const as = async (user: string) => ({ authorization: `Bearer ${await api.login(user)}` });
  const submitQuick = async () =>
    (
      await api.http
        .post('/requests')
        .set(await as('acme-battery'))
        .send({ definitionKey: quickReview.key, title: 'Quick check' })
        .expect(202)
    ).body as { id: string };

  it('lists a step whose clock ran out as overdue and escalated, and time use counts it open and overdue', async () => {
    const { id } = await submitQuick();

    const breach = await eventually(async () => {
      const res = await api.http
        .get('/supervision/breaches?department=fire')
        .set(await as('supervisor'))
        .expect(200);
      return (res.body as { items: Breach[] }).items.find((b) => b.requestId === id && b.escalated);
    }, 'the escalated fire check');
    expect(breach).toMatchObject({ stepId: 'fire-check', department: 'fire', overdue: true, escalated: true });

    const timeUse = await api.http
      .get(`/supervision/time-use?definitionKey=${quickReview.key}`)
      .set(await as('auditor'))
      .expect(200);
    const row = (timeUse.body as { steps: StepTimeUse[] }).steps.find((s) => s.stepId === 'fire-check');
    expect(row).toMatchObject({ department: 'fire', open: 1, overdue: 1, completed: 0, medianWorkingDays: null });

    // Deciding it moves it from open to measured.
    await api.http
      .post(`/requests/${id}/steps/fire-check/decision`)
      .set(await as('clerk-fire'))
      .send({ outcome: 'approved' })
      .expect(200);
    const after = await api.http
      .get(`/supervision/time-use?definitionKey=${quickReview.key}&department=fire`)
      .set(await as('supervisor'))
      .expect(200);
    expect((after.body as { steps: StepTimeUse[] }).steps).toEqual([
      expect.objectContaining({ stepId: 'fire-check', open: 0, overdue: 0, completed: 1 }),
    ]);
  });

  it('counts working days in SQL as the domain counts them on the jurisdiction calendar', async () => {
    const cn = builtInCalendar('cn')!;
    // Across China's National Day holidays and their make-up working days.
    const spells: Array<[string, string]> = [
      ['2026-09-28T02:00:00Z', '2026-10-12T03:00:00Z'],
      ['2026-09-30T08:00:00Z', '2026-10-10T09:00:00Z'],
      ['2026-10-09T01:00:00Z', '2026-10-20T01:00:00Z'],
    ];
    const expected = spells
      .map(([from, to]) => workingDaysBetween(cn, from.slice(0, 10), to.slice(0, 10)))
      .sort((a, b) => a - b);

    const runner = api.env.db.createQueryRunner();
    await runner.startTransaction();
    try {
      const requestId = randomUUID();
      await runner.query(
        `INSERT INTO requests (id, definition_key, definition_version, request_type, jurisdiction, applicant_id, title,
           attributes, status, workflow_id, state, submitted_at, updated_at)
         VALUES ($1, 'time-use-fixture', 1, 'permit', 'cn', 'acme-battery', 'Fixture', '{}', 'approved', $2, '{}', now(), now())`,
        [requestId, `fixture-${requestId}`],
      );
      let seq = 0;
      const insert = (stepId: string, event: string, toState: string, at: string, data: object | null) =>
        runner.query(
          `INSERT INTO transitions (request_id, seq, step_id, event, from_state, to_state, actor_id, actor_role, data,
             source, occurred_at, workflow_id, run_id, prev_hash, hash)
           VALUES ($1, $2, $3, $4, 'x', $5, 'system', 'system', $6, 'test', $7, 'w', 'r', 'p', 'h')`,
          [requestId, ++seq, stepId, event, toState, data, at],
        );
      for (const [from, to] of spells) {
        await insert('review', 'activated', 'active', from, { owner: { department: 'grid-utility', role: 'clerk' } });
        await insert('review', 'decided', 'completed', to, null);
      }
      const sut = api.app.get(SupervisionRepository);

      const [row] = await sut.timeUse({ definitionKey: 'time-use-fixture', now: new Date() }, runner.manager);

      expect(row).toEqual({
        department: 'grid-utility',
        stepId: 'review',
        open: 0,
        overdue: 0,
        completed: 3,
        medianWorkingDays: expected[1],
        p90WorkingDays: expected[1] + 0.8 * (expected[2] - expected[1]),
      });
    } finally {
      await runner.rollbackTransaction();
      await runner.release();
    }
  });

  it('is for supervisors and auditors, and refuses bad filters with a 400', async () => {
    for (const user of ['clerk-fire', 'acme-battery', 'admin']) {
      const res = await api.http.get('/supervision/breaches').set(await as(user));
      expect(res.status).toBe(403);
    }
    for (const query of ['department=Fire!', 'limit=0', 'limit=abc']) {
      const res = await api.http.get(`/supervision/breaches?${query}`).set(await as('supervisor'));
      expect(res.status).toBe(400);
    }
    for (const query of ['from=yesterday', 'from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z', 'definitionKey=A B']) {
      const res = await api.http.get(`/supervision/time-use?${query}`).set(await as('supervisor'));
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ code: 'VALIDATION_FAILED', correlationId: expect.any(String) });
    }
  });
});
