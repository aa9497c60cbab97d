import { gridConnectionDefinition, textIn, type Language } from '@onewindow/domain';
import { ApiDriver } from '../support/api-driver';
import { startTestApi, TestApi } from '../support/test-api';
import { eventually } from '../support/test-env';

/** A user few other test files sign in as: its stored language is this file's to change (and put back). */
const USER = 'clerk-dispatch';
const PATH = `/definitions/${gridConnectionDefinition.key}/versions/${gridConnectionDefinition.version}`;
const titles = gridConnectionDefinition.title as { en: string; 'zh-CN': string };

describe('the language labels are served in', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(async () => {
    await savePreferredLanguage('en');
    await api?.close();
  });

  const auth = async () => ({ authorization: `Bearer ${await api.login(USER)}` });
  async function savePreferredLanguage(language: 'en' | 'zh-CN'): Promise<void> {
    await api.http
      .put('/notifications/preferences')
      .set(await auth())
      .send({ language, channels: ['in-app'] })
      .expect(200);
  }
  async function titleRead(acceptLanguage?: string): Promise<string> {
    const req = api.http.get(PATH).set(await auth());
    const res = await (acceptLanguage ? req.set('accept-language', acceptLanguage) : req).expect(200);
    return (res.body as { title: string }).title;
  }

  it('is the user’s stored preference when the caller names none, and the one named otherwise', async () => {
    await savePreferredLanguage('zh-CN');
    // A script sends no Accept-Language: the user who chose Chinese reads Chinese.
    await eventually(async () => ((await titleRead()) === titles['zh-CN'] ? true : undefined), 'the Chinese title');
    // A language asked for wins over the stored one.
    expect(await titleRead('en-GB,en;q=0.9')).toBe(titles.en);

    await savePreferredLanguage('en');
    await eventually(async () => ((await titleRead()) === titles.en ? true : undefined), 'the English title');
    expect(await titleRead('zh-CN')).toBe(titles['zh-CN']);
  });

  it('names a decision in a notification as the case’s definition names the outcome, in the recipient’s language', async () => {
    const driver = new ApiDriver(api);
    const submitted = await driver.post('volta-grid', '/requests', {
      definitionKey: gridConnectionDefinition.key,
      title: 'Supply for cell line 2',
      attributes: { loadKw: 800 },
    });
    expect(submitted.status).toBe(202);
    const id = (submitted.body as { id: string }).id;
    await driver.waitForStep(id, 'supply-plan');
    expect((await driver.decide('clerk-grid', id, 'supply-plan', { outcome: 'issued' })).status).toBe(200);

    // What the applicant is sent, in whichever language and channels they chose.
    const told = await eventually(async () => {
      const rows = await api.env.db.query<Array<{ language: Language; subject: string }>>(
        `SELECT language, subject FROM outbox WHERE request_id = $1 AND recipient_id = 'volta-grid' AND kind = 'decision'`,
        [id],
      );
      return rows.length > 0 ? rows : undefined;
    }, 'the decision notice');
    const issued = gridConnectionDefinition.outcomeLabels!.issued;
    for (const { language, subject } of told) expect(subject).toContain(textIn(issued, language));
  });
});
