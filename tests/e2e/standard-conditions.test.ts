import { buildingPermitDefinition } from '@onewindow/domain';
import { ApiDriver } from '../support/api-driver';
import { startTestApi, TestApi } from '../support/test-api';

type Text = { en: string; 'zh-CN': string };
const sprinklers = buildingPermitDefinition.standardConditions!.find((c) => c.key === 'sprinklers')!;
const text = sprinklers.text as Text;
const reason = sprinklers.reason as Text;
const OWN = { text: 'Loading bay kept clear', reason: 'Fire brigade access' };

interface ConditionRead {
  text: string;
  reason?: string;
  policy?: string;
  standard?: string;
}

/** A decision that chose a standard condition is read in each reader's language; one written by hand as written. */
describe('standard conditions of a decision', () => {
  let api: TestApi;
  let driver: ApiDriver;
  let id: string;

  beforeAll(async () => {
    api = await startTestApi();
    driver = new ApiDriver(api);
    id = await driver.submitPermit();
    await driver.toPlanReview(id);
    for (const department of ['building', 'fire', 'environment']) {
      const res = await driver.decide(`clerk-${department}`, id, `${department}-review`, { outcome: 'approved' });
      expect(res.status).toBe(200);
    }
    await driver.waitForStep(id, 'decision');
  });
  afterAll(() => api?.close());

  const conditionsRead = async (language: string) => {
    const res = await api.http
      .get(`/requests/${id}`)
      .set(await driver.auth('acme-battery'))
      .set('accept-language', language)
      .expect(200);
    const timeline = (res.body as { timeline: Array<{ event: string; conditions: ConditionRead[] | null }> }).timeline;
    return timeline.find((t) => t.conditions?.length)?.conditions;
  };

  it('offers them in the reader’s language with the definition', async () => {
    const res = await api.http
      .get(`/definitions/building-permit/versions/${buildingPermitDefinition.version}`)
      .set(await driver.auth('supervisor'))
      .set('accept-language', 'zh-CN,zh;q=0.9')
      .expect(200);
    const offered = (res.body as { standardConditions: ConditionRead[] }).standardConditions;
    expect(offered.find((c) => c.text === text['zh-CN'])).toMatchObject({
      reason: reason['zh-CN'],
      policy: 'IFC 903.2',
    });
  });

  it('refuses a decision naming a standard condition the process does not have, recording nothing', async () => {
    const before = await driver.transitionCount(id);
    const res = await driver.decide('supervisor', id, 'decision', {
      outcome: 'approved',
      conditions: [{ ...OWN, standard: 'no-such-condition' }],
    });
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({ code: 'UNPROCESSABLE', message: expect.stringContaining('no-such-condition') });
    expect(await driver.transitionCount(id)).toBe(before);
  });

  it('shows a chosen standard condition to a Chinese reader in Chinese, and one written by hand as written', async () => {
    const res = await driver.decide('supervisor', id, 'decision', {
      outcome: 'approved',
      conditions: [{ text: text.en, reason: reason.en, policy: sprinklers.policy, standard: 'sprinklers' }, OWN],
    });
    expect(res.status).toBe(200);

    expect(await conditionsRead('zh-CN')).toEqual([
      { text: text['zh-CN'], reason: reason['zh-CN'], policy: 'IFC 903.2', standard: 'sprinklers' },
      OWN,
    ]);
    expect(await conditionsRead('en')).toEqual([
      { text: text.en, reason: reason.en, policy: 'IFC 903.2', standard: 'sprinklers' },
      OWN,
    ]);
  });
});
