import { startTestApi, TestApi } from '../support/test-api';
import { eventually } from '../support/test-env';
import streetWorks from '../../definitions/street-works-permit.definition.json';

interface Detail {
  definitionVersion: number;
  currentSteps: Array<{ stepId: string; title: string }>;
}

describe('process definitions as data, versioned', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(() => api?.close());

  const as = async (user: string) => ({ authorization: `Bearer ${await api.login(user)}` });
  const submit = async () =>
    (
      await api.http
        .post('/requests')
        .set(await as('acme-battery'))
        .send({
          definitionKey: 'street-works-permit',
          title: 'Trench for the grid cable',
          attributes: { streetName: 'Mill Lane' },
        })
        .expect(202)
    ).body as { id: string };
  const detail = async (id: string) =>
    (
      await api.http
        .get(`/requests/${id}`)
        .set(await as('acme-battery'))
        .expect(200)
    ).body as Detail;

  it('refuses a new definition with a label missing a served language, naming its place', async () => {
    const untranslated = {
      ...streetWorks,
      version: 7,
      steps: streetWorks.steps.map((s, i) => (i === 1 ? { ...s, title: { en: 'Coordination notice' } } : s)),
    };
    const refused = await api.http
      .post('/definitions')
      .set(await as('admin'))
      .send({ definition: { ...untranslated, title: 'Street works' } })
      .expect(422);
    const faults = (refused.body as { details: { faults: Array<{ path: string; message: string }> } }).details.faults;
    expect(faults).toEqual(
      expect.arrayContaining([
        { path: 'title', message: expect.stringContaining('must be a text in each language') as string },
        { path: 'steps[1].title.zh-CN', message: 'the zh-CN text is missing' },
      ]),
    );
    await api.http
      .get('/definitions/street-works-permit/versions/7')
      .set(await as('admin'))
      .expect(404);
  });

  it('lists the built-in definitions and the ones bundled as files', async () => {
    const res = await api.http
      .get('/definitions')
      .set(await as('clerk-building'))
      .expect(200);
    expect((res.body as Array<{ key: string }>).map((d) => d.key)).toEqual(
      expect.arrayContaining(['building-permit', 'land-use', 'grid-connection', 'street-works-permit']),
    );
  });

  it('refuses an invalid definition with a message naming the fault, and only administrators publish', async () => {
    const broken = {
      ...streetWorks,
      version: 50,
      steps: streetWorks.steps.map((s) => (s.id === 'coordination' ? { ...s, next: { elapsed: 'decisoin' } } : s)),
    };
    const refused = await api.http
      .post('/definitions')
      .set(await as('admin'))
      .send({ definition: broken });
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({ code: 'UNPROCESSABLE', message: expect.stringContaining("'decisoin'") });

    const byClerk = await api.http
      .post('/definitions')
      .set(await as('clerk-transport'))
      .send({ definition: streetWorks });
    expect(byClerk.status).toBe(403);
    const versions = await api.http
      .get('/definitions/street-works-permit/versions')
      .set(await as('admin'))
      .expect(200);
    expect((versions.body as unknown[]).length).toBe(1);
  });

  it('starts new cases on a newly published version while running cases keep theirs', async () => {
    const running = await submit();
    await eventually(async () => ((await detail(running.id)).currentSteps.length > 0 ? true : undefined), 'v1 case');

    const v2 = {
      ...streetWorks,
      version: 2,
      steps: streetWorks.steps.map((s) =>
        s.id === 'application-check'
          ? {
              ...s,
              title: {
                en: 'Check of the application, traffic plan and noise assessment',
                'zh-CN': '申请材料、交通组织方案及噪声评估审查',
              },
            }
          : s,
      ),
    };
    await api.http
      .post('/definitions')
      .set(await as('admin'))
      .send({ definition: v2 })
      .expect(201);
    const again = await api.http
      .post('/definitions')
      .set(await as('admin'))
      .send({ definition: v2 });
    expect(again.status).toBe(409);

    const fresh = await submit();
    expect(await detail(fresh.id)).toMatchObject({
      definitionVersion: 2,
      currentSteps: [
        { stepId: 'application-check', title: 'Check of the application, traffic plan and noise assessment' },
      ],
    });
    // The same step in the language the reader asks for.
    const inChinese = await api.http
      .get(`/requests/${fresh.id}`)
      .set(await as('acme-battery'))
      .set('accept-language', 'zh-CN,zh;q=0.9,en;q=0.5')
      .expect(200);
    expect((inChinese.body as Detail).currentSteps[0].title).toBe('申请材料、交通组织方案及噪声评估审查');
    expect(inChinese.headers.vary).toMatch(/Accept-Language/i);

    // The running case still follows v1, also after further actions.
    const decided = await api.http
      .post(`/requests/${running.id}/steps/application-check/decision`)
      .set(await as('clerk-transport'))
      .send({ outcome: 'complete' })
      .expect(200);
    expect(decided.body).toMatchObject({ definitionVersion: 1, currentSteps: [{ stepId: 'coordination' }] });
    const runningDetail = await detail(running.id);
    expect(runningDetail.definitionVersion).toBe(1);
  });
});
