import { buildingPermitDefinition } from '@onewindow/domain';
import { expectAccessible, startWebSession, WebSession } from './support/web-session';

jest.setTimeout(180_000);

type Text = { en: string; 'zh-CN': string };
const sprinklers = buildingPermitDefinition.standardConditions!.find((c) => c.key === 'sprinklers')!;
const text = sprinklers.text as Text;
const reason = sprinklers.reason as Text;

/** A supervisor reading Chinese picks a standard condition; each applicant reads it in their own language. */
describe('Standard conditions in the decision form and on the status page', () => {
  let web: WebSession;
  let id: string;

  beforeAll(async () => {
    web = await startWebSession();
    const { driver } = web;
    id = await driver.submitPermit();
    await driver.toPlanReview(id);
    for (const department of ['building', 'fire', 'environment']) {
      expect(
        (await driver.decide(`clerk-${department}`, id, `${department}-review`, { outcome: 'approved' })).status,
      ).toBe(200);
    }
    await driver.waitForStep(id, 'decision');
  });
  afterAll(() => web?.close());

  it('offers them in the supervisor’s language and shows the one chosen to each reader in theirs', async () => {
    const supervisor = await web.as('supervisor', 'zh-CN');
    await supervisor.goto(`${web.base}/queue/${id}/steps/decision`);
    const form = supervisor.getByTestId('decision-form');
    await form.getByRole('radio', { name: '准予许可' }).check();
    await form.getByRole('group', { name: '常用附加条件' }).getByRole('button', { name: text['zh-CN'] }).click();
    expect(await form.getByLabel('条件 1', { exact: true }).inputValue()).toBe(text['zh-CN']);
    await expectAccessible(supervisor);
    await form.getByRole('button', { name: '提交决定' }).click();
    await supervisor.getByTestId('conditions').getByText(text['zh-CN']).waitFor();

    for (const [locale, expected] of [
      ['en', { text: text.en, reason: reason.en }],
      ['zh-CN', { text: text['zh-CN'], reason: reason['zh-CN'] }],
    ] as const) {
      const applicant = await web.as('acme-battery', locale);
      await applicant.goto(`${web.base}/my-requests/${id}`);
      const conditions = applicant.getByTestId('conditions');
      await conditions.getByText(expected.text).waitFor();
      expect(await conditions.innerText()).toContain(expected.reason);
    }
  });
});
