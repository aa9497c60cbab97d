import { ApiDriver, IssuedDocument, startWithPermit } from '../support/api-driver';
import { eventually } from '../support/test-env';
import type { TestApi } from '../support/test-api';

const ITEMS = [
  { id: 'soil-report', description: 'Geotechnical soil report for hall A' },
  { id: 'fire-strategy', description: 'Fire strategy, revision B' },
];

/** The papers a building permit case issues before its decision: receipt, correction notice, extension notice. */
describe('notices issued on the events of a building permit', () => {
  let api: TestApi;
  let driver: ApiDriver;
  let id: string;

  beforeAll(async () => {
    ({ api, driver, id } = await startWithPermit());
  });
  afterAll(() => api?.close());

  const issuedOf = async (kind: string, count = 1) =>
    eventually(async () => {
      const list = (await driver.get('acme-battery', `/requests/${id}/documents/issued`)).body as IssuedDocument[];
      const found = list.filter((d) => d.kind === kind);
      return found.length === count ? found[count - 1] : undefined;
    }, `${kind} ${count}`);
  const textsOf = async (document: IssuedDocument) => {
    const texts: Record<string, string> = {};
    for (const rendition of document.renditions) texts[rendition.language] = await driver.documentText(rendition.href);
    return texts;
  };

  it('acknowledges receipt of the application with a numbered receipt, in English and Chinese', async () => {
    const receipt = await issuedOf('receipt');
    const { en, 'zh-CN': zh } = await textsOf(receipt);
    expect(en).toContain('Acknowledgement of receipt');
    expect(zh).toContain('受理回执');
    for (const text of [en, zh]) {
      expect(text).toContain(receipt.number);
      expect(text).toContain('Battery plant, hall A');
      expect(text).toContain(receipt.verificationCode);
    }
  });

  it('lists every item of a request for information on one correction notice', async () => {
    const res = await driver.post('clerk-building', `/requests/${id}/steps/intake/information-requests`, {
      items: ITEMS,
      reason: 'The application is incomplete',
    });
    expect(res.status).toBe(200);

    const notice = await issuedOf('information-notice');
    const { en, 'zh-CN': zh } = await textsOf(notice);
    expect(en).toContain('Notice to supply information');
    expect(zh).toContain('补正告知书');
    for (const text of [en, zh]) {
      expect(text).toContain(notice.number);
      for (const item of ITEMS) expect(text).toContain(item.description);
      expect(text).toContain('The application is incomplete');
    }
  });

  it('issues the extension notice when the applicant agrees to more time, with the new due date', async () => {
    const answered = await driver.post('acme-battery', `/requests/${id}/steps/intake/information-answers`, {});
    expect(answered.status).toBe(200);
    const proposed = await driver.post('clerk-building', `/requests/${id}/extensions`, {
      stepId: 'intake',
      by: { value: 10, unit: 'calendarDays' },
      reason: 'Awaiting the fire service on the revised strategy',
    });
    expect(proposed.status).toBe(200);
    const extensionId = (proposed.body as { extensions: Array<{ id: string }> }).extensions[0].id;
    const accepted = await driver.post('acme-battery', `/requests/${id}/extensions/${extensionId}/accept`);
    expect(accepted.status).toBe(200);
    const dueAt = (accepted.body as { currentSteps: Array<{ stepId: string; dueAt: string }> }).currentSteps.find(
      (s) => s.stepId === 'intake',
    )?.dueAt;

    const notice = await issuedOf('extension-notice');
    const { en, 'zh-CN': zh } = await textsOf(notice);
    expect(en).toContain('Extension notice');
    expect(zh).toContain('延期通知书');
    for (const text of [en, zh]) {
      expect(text).toContain(notice.number);
      expect(text).toContain('Awaiting the fire service on the revised strategy');
    }
    expect(dueAt).toEqual(expect.any(String));
  });
});
